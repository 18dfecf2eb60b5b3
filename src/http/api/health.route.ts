import type { FastifyInstance } from 'fastify';
import { Unavailable } from '../../domain/errors.ts';
import type { ApiDeps } from './api-deps.ts';
import { COMMON_ERROR_RESPONSES, jsonResponse } from './error.schema.ts';
import { healthSchema } from './response.schema.ts';

/** GET /healthz: for load balancers; 200 only when the store answers. */
export function registerHealthRoute(app: FastifyInstance, { store }: ApiDeps): void {
  app.get(
    '/healthz',
    {
      schema: {
        summary: 'Health check',
        tags: ['operations'],
        response: { 200: jsonResponse('The service and its store are up.', healthSchema), 503: COMMON_ERROR_RESPONSES[503] },
      },
    },
    async (request) => {
      try {
        return { status: 'ok', trials: await store.count() };
      } catch (error) {
        // Logged here with its cause; the client learns only that the store is down.
        request.log.error({ err: error }, 'health check: the store did not answer');
        throw new Unavailable('The trial store is not answering.');
      }
    },
  );
}
