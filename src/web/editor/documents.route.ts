/**
 * Summaries (/editor/summaries/{trial id}) and editorial pages (/editor/pages/{slug}): the page of each, and POSTs
 * that preview, save, submit, approve and send back. The core verbs (editorial/documents.ts) ask `can` and the
 * workflow's rules; a refused save shows the page again with the words as typed, so no work is lost. Each change
 * redirects (303) with a fixed confirmation, so reloading never repeats it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkSlug, type DocumentKind, type DocumentRef } from '../../domain/editorial/documents.ts';
import { Conflict, InvalidInput, NotFound } from '../../domain/errors.ts';
import { approveText, openDocument, saveText, sendBackText, submitText, trialFor, type DocumentView, type TextForm } from '../../editorial/documents.ts';
import { requirePermission } from '../../editorial/accounts.ts';
import type { ContentDeps } from '../../editorial/editorial-deps.ts';
import type { PublishedContent } from '../../editorial/published.ts';
import { PAGE_ROUTE } from '../page-route.ts';
import { sendPage } from '../send-page.ts';
import { contentDeps, type EditorAreaDeps } from './editor-deps.ts';
import { formField, sessionOf, type ActiveSession } from './editor-session.ts';
import { DOCUMENT_NOTICES, documentPath, renderDocumentPage, type DocumentPageState, type TextState } from './views/document.page.ts';
import { renderPagesPage } from './views/pages.page.ts';
import { ownValue } from '../../domain/own-key.ts';

type WithKey = { Params: { key: string }; Querystring: { done?: unknown } };

const AREAS: readonly { readonly kind: DocumentKind; readonly base: string }[] = [
  { kind: 'trial-summary', base: '/summaries' },
  { kind: 'page', base: '/pages' },
];

/** The words to start from: the version in progress, else the published one, else the automatic draft. */
function startingText(view: DocumentView): TextState {
  const version = view.document?.working ?? view.document?.published ?? null;
  if (version !== null) return { title: version.title ?? '', body: version.body };
  return { title: '', body: view.automaticDraft?.text ?? '' };
}

function typedText(request: FastifyRequest): TextState {
  return { title: formField(request, 'title'), body: formField(request, 'body') };
}

function textForm(request: FastifyRequest): TextForm {
  return { ...typedText(request), version: formField(request, 'version') };
}

const BLANK: Omit<DocumentPageState, 'text'> = { preview: false, error: null, errorField: null, notice: null };

/** `published` is the public pages' reader of approved text, told to forget after each approval made here. */
export function registerDocumentRoutes(app: FastifyInstance, deps: EditorAreaDeps, published: PublishedContent): void {
  const core: ContentDeps = contentDeps(deps);

  /** The document a path names: a summary by its trial's primary id, or a page by a valid slug. */
  const refOf = (kind: DocumentKind, key: string): DocumentRef => {
    if (kind === 'page') {
      try {
        return { kind, key: checkSlug(key) };
      } catch {
        throw new NotFound('There is no page at this address.');
      }
    }
    return { kind, key };
  };

  const show = async (reply: FastifyReply, session: ActiveSession, ref: DocumentRef, status: number, state: Partial<DocumentPageState> & { text?: TextState }) => {
    const view = await openDocument(core, session.user, ref);
    return sendPage(reply, status, renderDocumentPage(deps.site, session, view, { ...BLANK, ...state, text: state.text ?? startingText(view) }));
  };

  /** Runs a change; a refusal the editor can fix shows the page again with what they typed and the reason. */
  const attempt = async (request: FastifyRequest, reply: FastifyReply, ref: DocumentRef, work: () => Promise<string>, keepTyped = true) => {
    const session = sessionOf(request);
    try {
      const done = await work();
      return await reply.redirect(`${documentPath(ref)}?done=${done}`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInput || error instanceof Conflict)) throw error;
      const field = error instanceof InvalidInput && error.field !== 'version' ? error.field : null;
      const state = { error: error.message, errorField: field };
      return show(reply, session, ref, error instanceof Conflict ? 409 : 400, keepTyped ? { ...state, text: typedText(request) } : state);
    }
  };

  // A trial's summary is found by any of its ids, then kept at its primary id.
  app.get<{ Querystring: { trial?: unknown } }>('/summaries', PAGE_ROUTE, async (request, reply) => {
    requirePermission(sessionOf(request).user, 'dashboard.view');
    const id = typeof request.query.trial === 'string' ? request.query.trial.trim() : '';
    if (id === '') return reply.redirect('/editor/queue#find', 303);
    const trial = await trialFor(core, id);
    return reply.redirect(documentPath({ kind: 'trial-summary', key: trial.id }), 303);
  });

  app.get<{ Querystring: { slug?: unknown } }>('/pages', PAGE_ROUTE, async (request, reply) => {
    const session = sessionOf(request);
    requirePermission(session.user, 'dashboard.view');
    const slug = typeof request.query.slug === 'string' ? request.query.slug : '';
    if (slug !== '') {
      try {
        requirePermission(session.user, 'content.draft');
        return await reply.redirect(documentPath({ kind: 'page', key: checkSlug(slug) }), 303);
      } catch (error) {
        if (!(error instanceof InvalidInput)) throw error;
        return sendPage(reply, 400, renderPagesPage(deps.site, session, await deps.store.listDocuments({ kind: 'page' }), { slug, error: error.message }));
      }
    }
    return sendPage(reply, 200, renderPagesPage(deps.site, session, await deps.store.listDocuments({ kind: 'page' }), { slug: '', error: null }));
  });

  for (const { kind, base } of AREAS) {
    app.get<WithKey>(`${base}/:key`, PAGE_ROUTE, async (request, reply) => {
      const session = sessionOf(request);
      requirePermission(session.user, 'dashboard.view');
      const ref = refOf(kind, request.params.key);
      if (kind === 'trial-summary') {
        const trial = await trialFor(core, ref.key);
        if (trial.id !== ref.key) return reply.redirect(documentPath({ kind, key: trial.id }), 301);
      }
      const done = request.query.done;
      return show(reply, session, ref, 200, { notice: typeof done === 'string' ? (ownValue(DOCUMENT_NOTICES, done) ?? null) : null });
    });

    app.post<WithKey>(`${base}/:key/preview`, PAGE_ROUTE, async (request, reply) => {
      const session = sessionOf(request);
      requirePermission(session.user, 'content.draft');
      return show(reply, session, refOf(kind, request.params.key), 200, { text: typedText(request), preview: true });
    });

    app.post<WithKey>(`${base}/:key/save`, PAGE_ROUTE, async (request, reply) => {
      const ref = refOf(kind, request.params.key);
      return attempt(request, reply, ref, async () => {
        await saveText(core, sessionOf(request).user, ref, textForm(request));
        return 'saved';
      });
    });

    app.post<WithKey>(`${base}/:key/submit`, PAGE_ROUTE, async (request, reply) => {
      const ref = refOf(kind, request.params.key);
      return attempt(request, reply, ref, async () => {
        const { user } = sessionOf(request);
        const saved = await saveText(core, user, ref, textForm(request));
        await submitText(core, user, ref, String(saved.working?.number ?? 0));
        return 'submitted';
      });
    });

    app.post<WithKey>(`${base}/:key/approve`, PAGE_ROUTE, async (request, reply) => {
      const ref = refOf(kind, request.params.key);
      await approveText(core, sessionOf(request).user, ref, formField(request, 'version'));
      published.forget();
      return reply.redirect(`${documentPath(ref)}?done=approved`, 303);
    });

    app.post<WithKey>(`${base}/:key/send-back`, PAGE_ROUTE, async (request, reply) => {
      const ref = refOf(kind, request.params.key);
      const { user } = sessionOf(request);
      requirePermission(user, 'content.review');
      return attempt(request, reply, ref, async () => {
        await sendBackText(core, user, ref, formField(request, 'version'), formField(request, 'comment'));
        return 'sent-back';
      }, false);
    });
  }
}
