/**
 * One summary or editorial page in the editor area: where it stands (published, in progress, sent back), what
 * changed in its trial since approval, the reviewer's forms when it waits for review, and the editor's form with its
 * readability and a preview of how it will look, all without script: the form's buttons post to different addresses.
 */
import { can } from '../../../domain/editorial/permissions.ts';
import { DOCUMENT_KIND_WORDS, VERSION_STATE_WORDS, type DocumentRef, type DocumentVersion } from '../../../domain/editorial/documents.ts';
import { easeBand, measureReadability } from '../../../domain/editorial/readability.ts';
import { looksLikeMarkup, plainWords, TEXT_MAX_LENGTH, TITLE_MAX_LENGTH } from '../../../domain/editorial/summary-text.ts';
import type { DocumentView } from '../../../editorial/documents.ts';
import { html, type Html } from '../../html.ts';
import type { SiteSettings } from '../../site-settings.ts';
import { renderEditorialText, renderReviewDates, reviewDate } from '../../views/editorial-text.view.ts';
import { errorSummary, formTokenField, renderEditorPage, type Viewer } from './editor-layout.view.ts';
import { renderReviewDiff } from './review-diff.view.ts';

/** What the editor's form shows: the words being worked on (saved, automatic, or just typed). */
export interface TextState {
  readonly title: string;
  readonly body: string;
}

export interface DocumentPageState {
  readonly text: TextState;
  /** Show the preview of `text` (after the Preview button). */
  readonly preview: boolean;
  readonly error: string | null;
  readonly errorField: string | null;
  readonly notice: string | null;
}

/** Confirmations after a change, by the `done` query value (fixed words: nothing from the request is echoed). */
export const DOCUMENT_NOTICES: Readonly<Record<string, string>> = {
  saved: 'Your draft was saved. Submit it for review when it is ready.',
  submitted: 'The text was submitted. A reviewer will approve it or send it back.',
  approved: 'The text was approved and is now published.',
  'sent-back': 'The text was sent back to its editor with your comment.',
};

/** The editor area's address of a document. */
export function documentPath(ref: DocumentRef): string {
  return ref.kind === 'trial-summary' ? `/editor/summaries/${encodeURIComponent(ref.key)}` : `/editor/pages/${ref.key}`;
}

/** Where the public reads it. */
export function publicPath(ref: DocumentRef): string {
  return ref.kind === 'trial-summary' ? `/trials/${encodeURIComponent(ref.key)}` : `/about/${ref.key}`;
}

function when(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';
}

function readabilityLine(body: string): Html {
  try {
    const measured = measureReadability(plainWords(body));
    const ease = Math.round(measured.fleschReadingEase);
    return html`<p class="readability" id="f-body-readability">Readability: Flesch reading ease <strong>${ease}</strong> (${easeBand(ease)}; aim for 60 or more), reading age <strong>${Math.round(measured.readingAge)}</strong> years. ${measured.words} words in ${measured.sentences} sentences.</p>`;
  } catch {
    return html`<p class="readability" id="f-body-readability">Readability: there are no words to measure yet.</p>`;
  }
}

function versionFacts(version: DocumentVersion): Html {
  return html`<dl class="facts">
<div><dt>State</dt><dd>${VERSION_STATE_WORDS[version.state]} (version ${version.number})</dd></div>
<div><dt>Last written by</dt><dd>${version.author.label}, ${when(version.updatedAt)}</dd></div>
${version.submittedBy !== null && version.submittedAt !== null && html`<div><dt>Submitted by</dt><dd>${version.submittedBy.label}, ${when(version.submittedAt)}</dd></div>`}
${version.state === 'sent-back' && version.reviewer !== null && html`<div><dt>Sent back by</dt><dd>${version.reviewer.label}</dd></div>`}
</dl>
${version.comment !== null && html`<div class="note"><p><strong>Reviewer’s comment:</strong></p>${renderEditorialText(version.comment)}</div>`}`;
}

function standing(view: DocumentView): Html {
  const { document, ref } = view;
  const review = document?.review ?? null;
  return html`<h2>Where it stands</h2>
${
  document?.published != null && review !== null
    ? html`<p>Published at <a href="${publicPath(ref)}">${publicPath(ref)}</a>, approved by ${document.published.reviewer?.label ?? 'a reviewer'}.</p>
${renderReviewDates(review.reviewedAt, review.nextReviewDue)}
${view.overdue && html`<p class="note"><strong>The review is overdue</strong>: it was due on ${reviewDate(review.nextReviewDue)}.</p>`}`
    : html`<p>Not published yet.</p>`
}
${document?.working != null ? versionFacts(document.working) : html`<p>No new version is in progress.</p>`}`;
}

function changesSection(view: DocumentView): Html | '' {
  if (view.changes === null) return '';
  return html`<section aria-labelledby="changes">
<h2 id="changes">Needs re-review: the trial has changed</h2>
<p>The registry record changed after this summary was approved. Check the summary against these changes, then save and submit it again (a reviewer’s approval records the trial as it is now).</p>
${renderReviewDiff(view.changes, 'What changed since approval')}
</section>`;
}

function reviewSection(view: DocumentView, viewer: Viewer, path: string): Html | '' {
  const working = view.document?.working;
  if (working?.state !== 'submitted') return '';
  const own = working.author.id === viewer.user.id || working.submittedBy?.id === viewer.user.id;
  const mayReview = can(viewer.user, 'content.review');
  return html`<section aria-labelledby="review">
<h2 id="review">Waiting for review</h2>
${working.title !== null && html`<p><strong>Title:</strong> ${working.title}</p>`}
<div class="preview">${renderEditorialText(working.body)}</div>
${readabilityLine(working.body)}
${
  !mayReview
    ? html`<p>A reviewer will approve it or send it back. It cannot be changed until then.</p>`
    : own
      ? html`<p class="note">You wrote or submitted this text, so another reviewer must approve it.</p>`
      : html`<form method="post" action="${path}/approve">
${formTokenField(viewer.formToken)}
<input type="hidden" name="version" value="${working.number}">
<button type="submit">Approve and publish</button>
</form>
<form method="post" action="${path}/send-back">
${formTokenField(viewer.formToken)}
<input type="hidden" name="version" value="${working.number}">
<div class="field">
<label for="f-comment">What needs to change</label>
<p class="hint" id="f-comment-hint">Required. The editor sees it beside their text.</p>
<textarea id="f-comment" name="comment" rows="4" aria-describedby="f-comment-hint"></textarea>
</div>
<button type="submit">Send back to the editor</button>
</form>`
}
</section>`;
}

function editSection(view: DocumentView, viewer: Viewer, state: DocumentPageState, path: string): Html | '' {
  const working = view.document?.working ?? null;
  if (!can(viewer.user, 'content.draft') || working?.state === 'submitted') return '';
  const isPage = view.ref.kind === 'page';
  const invalid = (field: string): Html | '' => (state.errorField === field ? html` aria-invalid="true"` : '');
  return html`<section aria-labelledby="edit">
<h2 id="edit">${working === null ? 'Write a new version' : 'Edit the draft'}</h2>
${view.automaticDraft !== null && html`<p class="note">This is an automatic first draft made from the trial’s registry fields. Check every sentence against the record and rewrite it in your own words.</p>`}
<form method="post" action="${path}/save">
${formTokenField(viewer.formToken)}
<input type="hidden" name="version" value="${working?.number ?? 0}">
${
  isPage &&
  html`<div class="field">
<label for="f-title">Title</label>
<input id="f-title" name="title" type="text" maxlength="${TITLE_MAX_LENGTH}" value="${state.text.title}"${invalid('title')}>
</div>`
}
<div class="field">
<label for="f-body">${isPage ? 'Text' : 'Plain-English summary'}</label>
<p class="hint" id="f-body-hint">Plain text. Leave a blank line between paragraphs; start a line with “- ” for a bulleted list. Anything else, including HTML, shows exactly as typed. At most ${TEXT_MAX_LENGTH} characters.</p>
<textarea id="f-body" name="body" rows="14" aria-describedby="f-body-hint f-body-readability"${invalid('body')}>${state.text.body}</textarea>
</div>
${readabilityLine(state.text.body)}
<div class="inline-row">
<button type="submit" formaction="${path}/preview">Preview</button>
<button type="submit">Save draft</button>
<button type="submit" formaction="${path}/submit">Save and submit for review</button>
</div>
</form>
</section>`;
}

function previewSection(state: DocumentPageState, kind: DocumentRef['kind']): Html | '' {
  if (!state.preview) return '';
  return html`<section aria-labelledby="preview">
<h2 id="preview">Preview: how it will look</h2>
<p class="hint">Not saved yet.${kind === 'trial-summary' ? ' On the trial’s page it replaces the registry’s summary under “What the trial is testing”.' : ''}</p>
${looksLikeMarkup(state.text.body) && html`<p class="note">This text contains what looks like HTML. It will be shown exactly as typed, not as formatting.</p>`}
<div class="preview">
${state.text.title !== '' && html`<p><strong>${state.text.title}</strong></p>`}
${renderEditorialText(state.text.body)}
</div>
</section>`;
}

function publishedSection(view: DocumentView): Html | '' {
  const published = view.document?.published;
  if (published == null || view.document?.working == null) return '';
  return html`<section aria-labelledby="published">
<h2 id="published">The published version</h2>
<div class="preview">${renderEditorialText(published.body)}</div>
</section>`;
}

export function renderDocumentPage(site: SiteSettings, viewer: Viewer, view: DocumentView, state: DocumentPageState): Html {
  const path = documentPath(view.ref);
  const name = view.trial?.briefTitle ?? view.document?.working?.title ?? view.document?.published?.title ?? view.ref.key;
  const kind = DOCUMENT_KIND_WORDS[view.ref.kind].one;
  return renderEditorPage(site, {
    title: `${kind}: ${name}`,
    section: view.ref.kind === 'page' ? 'pages' : 'queue',
    viewer,
    main: html`<p class="back"><a href="${view.ref.kind === 'page' ? '/editor/pages' : '/editor/queue'}">${view.ref.kind === 'page' ? 'All editorial pages' : 'The review queue'}</a></p>
<h1>${kind}: ${name}</h1>
${view.trial !== null && html`<p>Trial ${view.trial.id}. <a href="${publicPath(view.ref)}">Its public page</a>.</p>`}
${state.notice !== null && html`<p class="note" role="status">${state.notice}</p>`}
${errorSummary(state.error, state.errorField)}
${standing(view)}
${changesSection(view)}
${reviewSection(view, viewer, path)}
${previewSection(state, view.ref.kind)}
${editSection(view, viewer, state, path)}
${publishedSection(view)}`,
  });
}
