/** GET and POST /editor/login (the only editor routes open without a session) and POST /editor/logout. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { InvalidInput } from '../../domain/errors.ts';
import { EditorRefusal } from '../../editorial/refusal.ts';
import { signIn, signOut } from '../../editorial/sessions.ts';
import { PAGE_ROUTE } from '../page-route.ts';
import { sendPage } from '../send-page.ts';
import { coreDeps, type EditorAreaDeps } from './editor-deps.ts';
import { refusalStatus } from './editor-errors.ts';
import {
  checkFormToken,
  clearLoginToken,
  clearSessionCookie,
  FORM_TOKEN_FIELD,
  formField,
  issueLoginToken,
  loginCookieName,
  readCookie,
  sessionOf,
  setSessionCookie,
} from './editor-session.ts';
import { renderLoginPage } from './views/login.page.ts';
import { ownValue } from '../../domain/own-key.ts';

/** Notes for someone arriving at the sign-in page, by a fixed query value. */
const NOTICES: Readonly<Record<string, string>> = {
  'signed-out': 'You have signed out.',
  ended: 'Your session has ended. Sign in again to carry on.',
};

export function registerLoginRoutes(app: FastifyInstance, deps: EditorAreaDeps): void {
  const core = coreDeps(deps);
  const { settings, site } = deps;

  const loginPage = (reply: FastifyReply, status: number, email: string, error: string | null, errorField: string | null, notice: string | null): FastifyReply =>
    sendPage(reply, status, renderLoginPage(site, { loginToken: issueLoginToken(reply, settings), email, error, errorField, notice }));

  app.get<{ Querystring: { note?: string } }>('/login', PAGE_ROUTE, (request, reply) => {
    const note = typeof request.query.note === 'string' ? (ownValue(NOTICES, request.query.note) ?? null) : null;
    return loginPage(reply, 200, '', null, null, note);
  });

  app.post('/login', PAGE_ROUTE, async (request, reply) => {
    checkFormToken(formField(request, FORM_TOKEN_FIELD), readCookie(request, loginCookieName(settings)));
    const email = formField(request, 'email');
    try {
      const signedIn = await signIn(core, { email, password: formField(request, 'password'), address: request.ip });
      clearLoginToken(reply, settings);
      setSessionCookie(reply, settings, signedIn.token);
      return await reply.redirect('/editor', 303);
    } catch (error) {
      // Wrong details and empty fields show the form again; other refusals (rate limit, disabled) are pages of their own.
      if (error instanceof EditorRefusal && error.kind === 'wrong-credentials') return loginPage(reply, refusalStatus(error.kind), email, error.message, null, null);
      if (error instanceof InvalidInput) return loginPage(reply, 400, email, error.message, error.field === 'password' ? 'password' : 'email', null);
      throw error;
    }
  });

  app.post('/logout', PAGE_ROUTE, async (request, reply) => {
    const { user, token } = sessionOf(request);
    await signOut(core, user, token);
    clearSessionCookie(reply, settings);
    return reply.redirect('/editor/login?note=signed-out', 303);
  });
}
