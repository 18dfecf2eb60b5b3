import type { FastifyInstance } from 'fastify';
import { NotFound } from '../domain/errors.ts';
import { publishedContentOf } from './editor/published-content.ts';
import { PAGE_ROUTE } from './page-route.ts';
import { sendPage } from './send-page.ts';
import type { WebDeps } from './web-deps.ts';
import { renderEditorialIndex, renderEditorialPage } from './views/editorial.page.ts';

/** Addresses are lower-case words and hyphens (domain checkSlug); anything else is no page of ours. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * GET /about (the list of published editorial pages) and GET /about/{slug} (one of them, with its review dates).
 * Only approved text is shown; a page never approved, or a server without an editor area, is 404.
 */
export function registerEditorialPages(app: FastifyInstance, deps: WebDeps): void {
  app.get('/about', PAGE_ROUTE, async (request, reply) => {
    const published = publishedContentOf(request.server);
    return sendPage(reply, 200, renderEditorialIndex(deps.site, published === null ? [] : await published.pages()));
  });

  app.get<{ Params: { slug: string } }>('/about/:slug', PAGE_ROUTE, async (request, reply) => {
    const { slug } = request.params;
    const published = publishedContentOf(request.server);
    const page = published === null || slug.length > 60 || !SLUG.test(slug) ? null : await published.text({ kind: 'page', key: slug });
    if (page === null) throw new NotFound('There is no page at this address.');
    return sendPage(reply, 200, renderEditorialPage(deps.site, { ...page, slug }));
  });
}
