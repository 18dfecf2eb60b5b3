import type { FastifyInstance } from 'fastify';
import type { TrialQuery } from '../../domain/query.ts';
import { trialQueryParamsSchema } from '../../search/query-params.ts';
import { searchTrials } from '../../search/search-trials.ts';
import type { ApiDeps } from './api-deps.ts';
import { COMMON_ERROR_RESPONSES, jsonResponse } from './error.schema.ts';
import { searchResultSchema } from './response.schema.ts';
import { searchQueryValidator } from './search-query.validator.ts';

/** GET /api/trials: one page of matching trials, the total and the facet counts. */
export function registerSearchRoute(app: FastifyInstance, deps: ApiDeps): void {
  app.get<{ Querystring: TrialQuery }>(
    '/api/trials',
    {
      schema: {
        summary: 'Search trials',
        tags: ['trials'],
        querystring: trialQueryParamsSchema,
        response: { 200: jsonResponse('A page of trials with the total and facets.', searchResultSchema), ...COMMON_ERROR_RESPONSES },
      },
      validatorCompiler: searchQueryValidator,
    },
    async (request) => searchTrials(deps, request.query),
  );
}
