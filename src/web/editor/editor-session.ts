/**
 * The editor area's cookies and the signed-in state of each request: the session cookie (the token), the sign-in
 * form's own anti-forgery cookie, and the check of every form's token. Cookies are HttpOnly, SameSite=Strict,
 * Path=/editor, and Secure unless EDITOR_COOKIE_SECURE=false; with Secure they carry the `__Secure-` name prefix, which
 * browsers only accept over HTTPS.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EditorRefusal } from '../../editorial/refusal.ts';
import type { SessionState } from '../../editorial/sessions.ts';
import type { EditorSettings } from '../../editorial/settings.ts';
import { newToken, sameSecret } from '../../editorial/tokens.ts';
import { parseCookies, serialiseCookie } from './cookies.ts';

export type ActiveSession = Extract<SessionState, { state: 'active' }>;

export const EDITOR_PATH = '/editor';
/** The hidden field every editor form carries its anti-forgery token in. */
export const FORM_TOKEN_FIELD = '_csrf';
/** How long a sign-in form stays usable. */
const LOGIN_FORM_SECONDS = 60 * 60;

export function sessionCookieName(settings: EditorSettings): string {
  return settings.cookieSecure ? '__Secure-tf-editor' : 'tf-editor';
}

export function loginCookieName(settings: EditorSettings): string {
  return settings.cookieSecure ? '__Secure-tf-editor-login' : 'tf-editor-login';
}

export function readCookie(request: FastifyRequest, name: string): string | null {
  return parseCookies(request.headers.cookie).get(name) ?? null;
}

function setCookie(reply: FastifyReply, settings: EditorSettings, name: string, value: string, maxAgeSeconds?: number): void {
  reply.header('set-cookie', serialiseCookie(name, value, { path: EDITOR_PATH, secure: settings.cookieSecure, ...(maxAgeSeconds === undefined ? {} : { maxAgeSeconds }) }));
}

/** A browser-session cookie: the server ends the session (idle and absolute limits) whatever the browser keeps. */
export function setSessionCookie(reply: FastifyReply, settings: EditorSettings, token: string): void {
  setCookie(reply, settings, sessionCookieName(settings), token);
}

export function clearSessionCookie(reply: FastifyReply, settings: EditorSettings): void {
  setCookie(reply, settings, sessionCookieName(settings), '', 0);
}

/**
 * The sign-in form's anti-forgery token: a random value in a cookie and in the form (no session exists yet to tie it
 * to). Another site can neither read the form nor set our cookie, so it cannot make a browser sign in as someone else.
 */
export function issueLoginToken(reply: FastifyReply, settings: EditorSettings): string {
  const token = newToken();
  setCookie(reply, settings, loginCookieName(settings), token, LOGIN_FORM_SECONDS);
  return token;
}

export function clearLoginToken(reply: FastifyReply, settings: EditorSettings): void {
  setCookie(reply, settings, loginCookieName(settings), '', 0);
}

const BAD_FORM_TOKEN =
  'This form has expired or did not come from this site, so nothing was changed. Go back, reload the page and try again.';

/** Refuses a form whose token is missing or is not `expected`. */
export function checkFormToken(submitted: string, expected: string | null): void {
  if (expected === null || submitted === '' || !sameSecret(submitted, expected)) throw new EditorRefusal('bad-form-token', BAD_FORM_TOKEN);
}

const sessions = new WeakMap<FastifyRequest, ActiveSession>();

export function rememberSession(request: FastifyRequest, session: ActiveSession): void {
  sessions.set(request, session);
}

/** The request's session; the area's hook has already refused every request without one (except sign-in). */
export function sessionOf(request: FastifyRequest): ActiveSession {
  const session = sessions.get(request);
  if (session === undefined) throw new EditorRefusal('signed-out', 'You need to sign in to use the editor area.');
  return session;
}

/** The request's session, or null (on the sign-in page, and in refusals before a session was found). */
export function sessionOfOrNull(request: FastifyRequest): ActiveSession | null {
  return sessions.get(request) ?? null;
}

/** One field of a submitted form ('' when absent); bodies are parsed to URLSearchParams by the area. */
export function formField(request: FastifyRequest, name: string): string {
  return request.body instanceof URLSearchParams ? (request.body.get(name) ?? '') : '';
}
