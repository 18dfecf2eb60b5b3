import type { FastifyInstance } from 'fastify';
import { vocabulary } from '../../search/vocab-lists.ts';
import type { VocabularyName } from '../../search/vocab-lists.ts';
import { COMMON_ERROR_RESPONSES, jsonResponse } from './error.schema.ts';
import { vocabularySchema } from './response.schema.ts';

/** Each list's path and the filter it serves. */
const ROUTES: readonly { readonly path: string; readonly name: VocabularyName; readonly what: string }[] = [
  { path: '/api/vocab/cancer-types', name: 'cancerType', what: 'Cancer types, broader before narrower (values of cancerType)' },
  { path: '/api/vocab/treatments', name: 'treatment', what: 'Treatment types (values of treatment)' },
  { path: '/api/vocab/age-groups', name: 'ageGroup', what: 'Age groups (values of ageGroup)' },
];

/** GET /api/vocab/{cancer-types,treatments,age-groups}: ids, labels and parents, for building filters. */
export function registerVocabRoutes(app: FastifyInstance): void {
  for (const { path, name, what } of ROUTES) {
    app.get(
      path,
      {
        schema: {
          summary: what,
          tags: ['vocabularies'],
          response: { 200: jsonResponse(`${what}, with plain-English labels.`, vocabularySchema), 500: COMMON_ERROR_RESPONSES[500] },
        },
      },
      () => ({ items: vocabulary(name) }),
    );
  }
}
