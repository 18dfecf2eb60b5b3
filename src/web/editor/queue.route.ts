/** GET /editor/queue?state=&kind=&sort=: the review queue, for everyone signed in to the area. */
import type { FastifyInstance } from 'fastify';
import { requirePermission } from '../../editorial/accounts.ts';
import { parseQueueFilters, reviewQueue } from '../../editorial/queue.ts';
import { PAGE_ROUTE } from '../page-route.ts';
import { sendPage } from '../send-page.ts';
import { contentDeps, type EditorAreaDeps } from './editor-deps.ts';
import { sessionOf } from './editor-session.ts';
import { renderQueuePage } from './views/queue.page.ts';

export function registerQueueRoute(app: FastifyInstance, deps: EditorAreaDeps): void {
  const core = contentDeps(deps);
  app.get<{ Querystring: { state?: unknown; kind?: unknown; sort?: unknown } }>('/queue', PAGE_ROUTE, async (request, reply) => {
    const session = sessionOf(request);
    requirePermission(session.user, 'dashboard.view');
    const filters = parseQueueFilters(request.query);
    return sendPage(reply, 200, renderQueuePage(deps.site, session, filters, await reviewQueue(core, session.user, filters)));
  });
}
