/**
 * /editor/users (admins only): the accounts list and add form, and POSTs that disable, enable and remove accounts.
 * Each change redirects (303) back to the list with a fixed confirmation, so reloading never repeats it.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Conflict, InvalidInput, NotFound } from '../../domain/errors.ts';
import { addAccount, removeAccount, requirePermission, setAccountDisabled, setAccountPassword } from '../../editorial/accounts.ts';
import { PAGE_ROUTE } from '../page-route.ts';
import { sendPage } from '../send-page.ts';
import { coreDeps, type EditorAreaDeps } from './editor-deps.ts';
import { formField, sessionOf, type ActiveSession } from './editor-session.ts';
import { DONE_NOTICES, EMPTY_ADD_FORM, renderRemovePage, renderUsersPage, type AddFormState } from './views/users.page.ts';
import { ownValue } from '../../domain/own-key.ts';

type WithId = { Params: { id: string } };

/** The account id in the path: a positive whole number, else there is no such page. */
function accountId(request: FastifyRequest<WithId>): number {
  const text = request.params.id;
  if (!/^[1-9]\d{0,9}$/.test(text)) throw new NotFound('There is no such account.');
  return Number(text);
}

function manager(request: FastifyRequest): ActiveSession {
  const session = sessionOf(request);
  requirePermission(session.user, 'users.manage');
  return session;
}

export function registerUsersRoutes(app: FastifyInstance, deps: EditorAreaDeps): void {
  const core = coreDeps(deps);

  app.get<{ Querystring: { done?: string } }>('/users', PAGE_ROUTE, async (request, reply) => {
    const session = manager(request);
    const notice = typeof request.query.done === 'string' ? (ownValue(DONE_NOTICES, request.query.done) ?? null) : null;
    return sendPage(reply, 200, renderUsersPage(deps.site, session, await deps.store.listUsers(), EMPTY_ADD_FORM, notice));
  });

  app.post('/users', PAGE_ROUTE, async (request, reply) => {
    const session = manager(request);
    const submitted = { email: formField(request, 'email'), displayName: formField(request, 'displayName'), role: formField(request, 'role') };
    try {
      await addAccount(core, session.user, { ...submitted, password: formField(request, 'password') });
    } catch (error) {
      if (!(error instanceof InvalidInput || error instanceof Conflict)) throw error;
      const form: AddFormState = { ...submitted, error: error.message, errorField: error instanceof Conflict ? 'email' : error.field };
      return sendPage(reply, error instanceof Conflict ? 409 : 400, renderUsersPage(deps.site, session, await deps.store.listUsers(), form, null));
    }
    return reply.redirect('/editor/users?done=added', 303);
  });

  for (const [verb, disabled] of [['disable', true], ['enable', false]] as const) {
    app.post<WithId>(`/users/:id/${verb}`, PAGE_ROUTE, async (request, reply) => {
      const session = manager(request);
      await setAccountDisabled(core, session.user, accountId(request), disabled);
      return reply.redirect(`/editor/users?done=${verb}d`, 303);
    });
  }

  app.post<WithId>('/users/:id/password', PAGE_ROUTE, async (request, reply) => {
    const session = manager(request);
    await setAccountPassword(core, session.user, accountId(request), formField(request, 'password'));
    return reply.redirect('/editor/users?done=password', 303);
  });

  app.get<WithId>('/users/:id/remove', PAGE_ROUTE, async (request, reply) => {
    const session = manager(request);
    const user = await deps.store.userById(accountId(request));
    if (user === null) throw new NotFound('There is no such account; it may have been removed already.');
    return sendPage(reply, 200, renderRemovePage(deps.site, session, user));
  });

  app.post<WithId>('/users/:id/remove', PAGE_ROUTE, async (request, reply) => {
    const session = manager(request);
    await removeAccount(core, session.user, accountId(request));
    return reply.redirect('/editor/users?done=removed', 303);
  });
}
