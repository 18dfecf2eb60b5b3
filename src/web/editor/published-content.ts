/**
 * How the public site finds approved editorial text: the editor area, when the server has one, decorates the server
 * with a PublishedContent reader (editorial/published.ts) as it registers; public routes look it up per request and
 * show registry text alone when there is none. The server's website and editor area are wired separately
 * (src/http/server.ts), and this is the one thing the first needs from the second.
 */
import type { FastifyInstance } from 'fastify';
import type { PublishedContent } from '../../editorial/published.ts';

const DECORATION = 'trialfinderPublishedContent';

/** Offers approved text to every route of `app` (the server itself, so sibling contexts see it too). */
export function providePublishedContent(app: FastifyInstance, content: PublishedContent): void {
  app.decorate(DECORATION, content);
}

/** The approved text reader, or null when the server has no editor area. */
export function publishedContentOf(app: FastifyInstance): PublishedContent | null {
  return app.hasDecorator(DECORATION) ? app.getDecorator<PublishedContent>(DECORATION) : null;
}
