/** GET /editor/audit (admins only): the audit log, filtered by `actor` (an account id) and `action`, paged by `page`. */
import type { FastifyInstance } from 'fastify';
import { isAuditAction, type AuditAction } from '../../domain/editorial/audit.ts';
import { InvalidInput } from '../../domain/errors.ts';
import { requirePermission } from '../../editorial/accounts.ts';
import { PAGE_ROUTE } from '../page-route.ts';
import { sendPage } from '../send-page.ts';
import type { EditorAreaDeps } from './editor-deps.ts';
import { sessionOf } from './editor-session.ts';
import { renderAuditPage } from './views/audit.page.ts';

export const AUDIT_PAGE_SIZE = 50;
const MAX_PAGE = 100_000;

type AuditQuerystring = { actor?: unknown; action?: unknown; page?: unknown };

/** One query value as text: absent or empty is null; repeated values are refused. */
function single(value: unknown, name: string): string | null {
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string') throw new InvalidInput(`Give ${name} once.`, name);
  return value;
}

function readFilters(query: AuditQuerystring): { actorId: number | null; action: AuditAction | null; page: number } {
  const actor = single(query.actor, 'actor');
  if (actor !== null && !/^[1-9]\d{0,9}$/.test(actor)) throw new InvalidInput('The account to filter by must be chosen from the list.', 'actor');
  const action = single(query.action, 'action');
  if (action !== null && !isAuditAction(action)) throw new InvalidInput('The change to filter by must be chosen from the list.', 'action');
  const page = single(query.page, 'page');
  if (page !== null && (!/^[1-9]\d{0,5}$/.test(page) || Number(page) > MAX_PAGE)) throw new InvalidInput(`The page must be a number from 1 to ${MAX_PAGE}.`, 'page');
  return { actorId: actor === null ? null : Number(actor), action, page: page === null ? 1 : Number(page) };
}

export function registerAuditRoute(app: FastifyInstance, deps: EditorAreaDeps): void {
  app.get<{ Querystring: AuditQuerystring }>('/audit', PAGE_ROUTE, async (request, reply) => {
    const session = sessionOf(request);
    requirePermission(session.user, 'audit.view');
    const filters = readFilters(request.query);
    const [page, users] = await Promise.all([
      deps.store.listAudit({
        ...(filters.actorId === null ? {} : { actorId: filters.actorId }),
        ...(filters.action === null ? {} : { action: filters.action }),
        limit: AUDIT_PAGE_SIZE,
        offset: (filters.page - 1) * AUDIT_PAGE_SIZE,
      }),
      deps.store.listUsers(),
    ]);
    return sendPage(reply, 200, renderAuditPage(deps.site, session, { ...page, ...filters, pageSize: AUDIT_PAGE_SIZE, users }));
  });
}
