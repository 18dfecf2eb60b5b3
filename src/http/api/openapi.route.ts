import type { FastifyInstance } from 'fastify';

/** GET /api/openapi.json: the OpenAPI 3.1 document @fastify/swagger builds from every route's schema. */
export function registerOpenApiRoute(app: FastifyInstance): void {
  // Hidden from the document it serves.
  app.get('/api/openapi.json', { schema: { hide: true } }, (_request, reply) => reply.send(app.swagger()));
}
