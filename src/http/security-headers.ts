import type { FastifyInstance, FastifyReply } from 'fastify';

/** JSON needs no scripts, styles or frames: the strictest policy, which also forbids framing the API. */
const JSON_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * The website's pages: our own stylesheet and icon, forms that submit only to us, and nothing else. No script runs
 * (the pages need none), no inline style is allowed, and nothing is fetched from another site.
 */
export const HTML_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** Marks a reply as a web page under {@link HTML_CONTENT_SECURITY_POLICY}; other headers follow the defaults below. */
export function applyHtmlPageHeaders(reply: FastifyReply): void {
  reply.type('text/html; charset=utf-8');
  reply.header('content-security-policy', HTML_CONTENT_SECURITY_POLICY);
}

/**
 * Sets the headers every response carries. Written here rather than pulled from a package: there are four.
 * A route that renders HTML sets its own Content-Security-Policy and Cache-Control, which are then kept;
 * otherwise `no-store`, so answers to searches (health data) sit in no cache.
 */
export function applySecurityHeaders(reply: FastifyReply): void {
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'no-referrer');
  if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', JSON_CONTENT_SECURITY_POLICY);
  if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
}

/** Applies {@link applySecurityHeaders} to every response that goes through Fastify's hooks. */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    applySecurityHeaders(reply);
    return payload;
  });
}
