import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { trialQueryParamsSchema } from '../../search/query-params.ts';
import { searchTrials } from '../../search/search-trials.ts';
import { TOPICS, topicOrThrow, topicQuery } from '../../search/topics.ts';
import type { ApiDeps } from './api-deps.ts';
import { COMMON_ERROR_RESPONSES, errorSchema, jsonResponse } from './error.schema.ts';
import { searchResultSchema } from './response.schema.ts';
import { rawQueryValidator } from './search-query.validator.ts';

const paramsSchema = z.object({
  slug: z.string().meta({ description: `A topic: ${TOPICS.map((topic) => topic.slug).join(', ')} (GET /api/topics).` }),
});

/**
 * GET /api/topics/{slug}: the topic's search, answered exactly as GET /api/trials. Further parameters (page, sort,
 * postcode, filters the topic leaves open) narrow it; the query string is read after the topic's own parameters are
 * merged in, so its validator passes it through and `topicQuery` parses it.
 */
export function registerTopicSearchRoute(app: FastifyInstance, deps: ApiDeps): void {
  app.get<{ Params: z.output<typeof paramsSchema>; Querystring: Readonly<Record<string, unknown>> }>(
    '/api/topics/:slug',
    {
      schema: {
        summary: 'Search one topic',
        description:
          'The same answer as GET /api/trials with the topic’s parameters (see GET /api/topics). Any other search ' +
          'parameter narrows it (pageSize, pageToken, sort, postcode, within, status ...); one the topic fixes is a 400.',
        tags: ['topics'],
        params: paramsSchema,
        querystring: trialQueryParamsSchema,
        response: {
          200: jsonResponse('A page of the topic’s trials with the total and facets, as GET /api/trials.', searchResultSchema),
          404: jsonResponse('No topic has this slug.', errorSchema),
          ...COMMON_ERROR_RESPONSES,
        },
      },
      validatorCompiler: rawQueryValidator,
    },
    async (request) => searchTrials(deps, topicQuery(topicOrThrow(request.params.slug), request.query)),
  );
}
