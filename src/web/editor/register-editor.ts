/**
 * The editor area under /editor, in its own Fastify context: forms parsed as URL-encoded text only, errors as editor
 * pages, and a hook that lets no request past without a session except the sign-in page. A page request without one
 * is sent to sign in (303); anything else is refused with 401. Every POST but sign-in must carry the session's form
 * token (sign-in carries its own), or it is refused with 403 before any route runs.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFound } from '../../domain/errors.ts';
import { EditorRefusal } from '../../editorial/refusal.ts';
import { publishedContent } from '../../editorial/published.ts';
import { resolveSession } from '../../editorial/sessions.ts';
import { registerAuditRoute } from './audit.route.ts';
import { registerDashboardRoute } from './dashboard.route.ts';
import { registerDocumentRoutes } from './documents.route.ts';
import { coreDeps, type EditorAreaDeps } from './editor-deps.ts';
import { editorErrorHandler } from './editor-errors.ts';
import {
  checkFormToken,
  clearSessionCookie,
  EDITOR_PATH,
  FORM_TOKEN_FIELD,
  formField,
  readCookie,
  rememberSession,
  sessionCookieName,
  sessionOf,
  sessionOfOrNull,
} from './editor-session.ts';
import { registerLoginRoutes } from './login.route.ts';
import { providePublishedContent } from './published-content.ts';
import { registerQueueRoute } from './queue.route.ts';
import { registerUsersRoutes } from './users.route.ts';

/** Editor forms are short; anything bigger is not one of ours. */
const FORM_BODY_LIMIT = 16 * 1024;
const LOGIN_ROUTE = `${EDITOR_PATH}/login`;

/** What the server passes in: everything the area needs but the site's settings, which the server has already. */
export type EditorAreaOptions = Omit<EditorAreaDeps, 'site'>;

function isPageRequest(request: FastifyRequest): boolean {
  return request.method === 'GET' || request.method === 'HEAD';
}

export async function registerEditorArea(app: FastifyInstance, deps: EditorAreaDeps): Promise<void> {
  const core = coreDeps(deps);
  // On the server itself, not the area's context: the public trial and editorial pages read approved text from it.
  const published = publishedContent(deps.store);
  providePublishedContent(app, published);
  const cookieName = sessionCookieName(deps.settings);

  /**
   * Finds the request's session and remembers it; without one, sends a page request to sign in (and says so: true)
   * or refuses anything else with 401.
   */
  const authenticate = async (request: FastifyRequest, reply: FastifyReply): Promise<boolean> => {
    const state = await resolveSession(core, readCookie(request, cookieName));
    if (state.state === 'active') {
      rememberSession(request, state);
      return false;
    }
    if (state.state === 'ended') clearSessionCookie(reply, deps.settings);
    if (isPageRequest(request)) {
      await reply.redirect(state.state === 'ended' ? `${LOGIN_ROUTE}?note=ended` : LOGIN_ROUTE, 303);
      return true;
    }
    throw new EditorRefusal('signed-out', 'You are not signed in, or your session has ended, so nothing was changed. Sign in and try again.');
  };

  await app.register(
    (editor, _options, done) => {
      editor.setErrorHandler(editorErrorHandler(deps.site));
      editor.removeAllContentTypeParsers();
      editor.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (_request, body, parsed) => {
        parsed(null, new URLSearchParams(body as string));
      });
      editor.addHook('onRequest', async (request, reply) => {
        if (request.routeOptions.url === LOGIN_ROUTE) return undefined;
        return (await authenticate(request, reply)) ? reply : undefined;
      });
      editor.addHook('preHandler', (request, _reply, next) => {
        try {
          if (request.method === 'POST' && request.routeOptions.url !== LOGIN_ROUTE) {
            checkFormToken(formField(request, FORM_TOKEN_FIELD), sessionOf(request).formToken);
          }
          next();
        } catch (error) {
          next(error as Error);
        }
      });
      // Unknown addresses under /editor say nothing to someone not signed in: they are sent to sign in like any other.
      editor.setNotFoundHandler(async (request, reply) => {
        if (sessionOfOrNull(request) === null && (await authenticate(request, reply))) return reply;
        throw new NotFound('There is no page at this address in the editor area.');
      });
      registerLoginRoutes(editor, deps);
      registerDashboardRoute(editor, deps);
      registerUsersRoutes(editor, deps);
      registerAuditRoute(editor, deps);
      registerQueueRoute(editor, deps);
      registerDocumentRoutes(editor, deps, published);
      done();
    },
    { prefix: EDITOR_PATH },
  );
}
