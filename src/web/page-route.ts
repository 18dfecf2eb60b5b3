/**
 * Options every website route carries: web pages are not part of the JSON API, so they stay out of its OpenAPI
 * document (@fastify/swagger skips routes whose schema says `hide`).
 */
export const PAGE_ROUTE = { schema: { hide: true } } as const;
