import type { FastifyInstance } from 'fastify';
import { listTopics } from '../../search/topics.ts';
import { COMMON_ERROR_RESPONSES, jsonResponse } from './error.schema.ts';
import { topicsSchema } from './response.schema.ts';

/** GET /api/topics: the topic searches a page links to, each with its API and website URLs. */
export function registerTopicsRoute(app: FastifyInstance): void {
  app.get(
    '/api/topics',
    {
      schema: {
        summary: 'List topic searches (ALL and chemotherapy, cancer trials recruiting in the UK ...)',
        tags: ['topics'],
        response: { 200: jsonResponse('Every topic, in display order.', topicsSchema), 500: COMMON_ERROR_RESPONSES[500] },
      },
    },
    () => ({ topics: listTopics() }),
  );
}
