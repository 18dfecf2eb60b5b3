import type { FastifyInstance } from 'fastify';
import { errorBody } from './api/error.schema.ts';

/**
 * The longest request target (path and query string) we read. Search parameters fit easily (q is at most
 * 4,096 characters); anything longer is a mistake or an attack, answered with 414 before any parsing work.
 */
export const MAX_URL_LENGTH = 8 * 1024;

/** True when every %-escape in the text decodes (to valid UTF-8); the query-string parser would keep bad ones as is. */
function isWellEncoded(text: string): boolean {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Refuses over-long URLs (414) and query strings with malformed percent-encoding (400), so they reach no route:
 * Fastify rejects a malformed path itself, but silently keeps "%zz" in a query value.
 */
export function registerRequestGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    const url = request.raw.url ?? '';
    if (url.length > MAX_URL_LENGTH) {
      return reply
        .status(414)
        .send(errorBody('invalid_input', `The URL is longer than ${MAX_URL_LENGTH} characters; shorten the search.`));
    }
    const queryStart = url.indexOf('?');
    if (queryStart >= 0 && !isWellEncoded(url.slice(queryStart + 1))) {
      return reply
        .status(400)
        .send(errorBody('invalid_input', 'The query string is not valid: it has malformed percent-encoding.'));
    }
    return undefined;
  });
}
