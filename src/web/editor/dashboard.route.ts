/** GET /editor: the dashboard. */
import type { FastifyInstance } from 'fastify';
import { requirePermission } from '../../editorial/accounts.ts';
import { PAGE_ROUTE } from '../page-route.ts';
import { sendPage } from '../send-page.ts';
import type { EditorAreaDeps } from './editor-deps.ts';
import { sessionOf } from './editor-session.ts';
import { renderDashboardPage } from './views/dashboard.page.ts';

export function registerDashboardRoute(app: FastifyInstance, deps: EditorAreaDeps): void {
  app.get('/', PAGE_ROUTE, (request, reply) => {
    const session = sessionOf(request);
    requirePermission(session.user, 'dashboard.view');
    return sendPage(reply, 200, renderDashboardPage(deps.site, session));
  });
}
