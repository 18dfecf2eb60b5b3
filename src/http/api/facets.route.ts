import type { FastifyInstance } from 'fastify';
import type { TrialQuery } from '../../domain/query.ts';
import { trialQueryParamsSchema } from '../../search/query-params.ts';
import { searchTrials } from '../../search/search-trials.ts';
import type { ApiDeps } from './api-deps.ts';
import { COMMON_ERROR_RESPONSES, jsonResponse } from './error.schema.ts';
import { facetsResultSchema } from './response.schema.ts';
import { searchQueryValidator } from './search-query.validator.ts';

/** GET /api/facets: the total and facet counts for a search, without its trials (for filter panels). */
export function registerFacetsRoute(app: FastifyInstance, deps: ApiDeps): void {
  app.get<{ Querystring: TrialQuery }>(
    '/api/facets',
    {
      schema: {
        summary: 'Count matching trials per filter value',
        tags: ['trials'],
        querystring: trialQueryParamsSchema,
        response: { 200: jsonResponse('The total and facet counts.', facetsResultSchema), ...COMMON_ERROR_RESPONSES },
      },
      validatorCompiler: searchQueryValidator,
    },
    async (request) => {
      // The smallest page: only its total is used. Paging does not change counts, so a page token is ignored.
      const { total, facets } = await searchTrials(deps, { ...request.query, pageSize: 1, pageToken: null });
      return { total, facets };
    },
  );
}
