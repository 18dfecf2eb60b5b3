/**
 * The review queue: summaries and pages that are overdue, need re-review because their trial changed, wait for
 * review, were sent back, or are drafts, filtered and sorted by a GET form, so every view has its own shareable URL.
 */
import { DOCUMENT_KIND_WORDS, DOCUMENT_KINDS } from '../../../domain/editorial/documents.ts';
import { QUEUE_STATE_WORDS, QUEUE_STATES, type QueueFilters, type QueueItem } from '../../../editorial/queue.ts';
import { html, type Html } from '../../html.ts';
import type { SiteSettings } from '../../site-settings.ts';
import { reviewDate } from '../../views/editorial-text.view.ts';
import { documentPath } from './document.page.ts';
import { renderEditorPage, type Viewer } from './editor-layout.view.ts';
import { renderReviewDiff } from './review-diff.view.ts';

const SORT_WORDS = { due: 'Next review due, soonest first', updated: 'Last changed, newest first' } as const;

function option(value: string, label: string, selected: boolean): Html {
  return html`<option value="${value}"${selected ? ' selected' : ''}>${label}</option>`;
}

function item(entry: QueueItem): Html {
  return html`<li class="result">
<h2 class="chips-heading"><a href="${documentPath(entry.ref)}">${entry.title}</a></h2>
<dl class="facts">
<div><dt>Kind</dt><dd>${DOCUMENT_KIND_WORDS[entry.ref.kind].one}${entry.ref.kind === 'trial-summary' ? ` for ${entry.ref.key}` : ` at /about/${entry.ref.key}`}</dd></div>
<div><dt>Needs</dt><dd>${entry.states.map((state) => QUEUE_STATE_WORDS[state]).join('; ')}</dd></div>
<div><dt>Next review due</dt><dd>${entry.nextReviewDue === null ? 'Not published yet' : reviewDate(entry.nextReviewDue)}</dd></div>
<div><dt>Last changed</dt><dd>${reviewDate(entry.updatedAt)}</dd></div>
</dl>
${entry.trialGone && html`<p class="note">This trial is no longer in the database.</p>`}
${entry.changes !== null && renderReviewDiff(entry.changes, `What changed in ${entry.ref.key} since approval`)}
</li>`;
}

export function renderQueuePage(site: SiteSettings, viewer: Viewer, filters: QueueFilters, items: readonly QueueItem[]): Html {
  return renderEditorPage(site, {
    title: 'Review queue',
    section: 'queue',
    viewer,
    main: html`<h1>Review queue</h1>
<p>Summaries and pages that need someone: reviews that are overdue, summaries whose trial changed after approval, text waiting for review or sent back, and drafts.</p>
<form class="search-form" method="get" action="/editor/queue" aria-label="Filter and sort the queue">
<div class="filters">
<div class="field">
<label for="f-state">Needs</label>
<select id="f-state" name="state">
${option('', 'Anything', filters.state === null)}
${QUEUE_STATES.map((state) => option(state, QUEUE_STATE_WORDS[state], filters.state === state))}
</select>
</div>
<div class="field">
<label for="f-kind">Kind</label>
<select id="f-kind" name="kind">
${option('', 'Summaries and pages', filters.kind === null)}
${DOCUMENT_KINDS.map((kind) => option(kind, DOCUMENT_KIND_WORDS[kind].many, filters.kind === kind))}
</select>
</div>
<div class="field">
<label for="f-sort">Order</label>
<select id="f-sort" name="sort">
${option('due', SORT_WORDS.due, filters.sort === 'due')}
${option('updated', SORT_WORDS.updated, filters.sort === 'updated')}
</select>
</div>
</div>
<button type="submit">Show</button>
</form>
<p role="status">${items.length === 0 ? 'Nothing in the queue matches.' : `${items.length} ${items.length === 1 ? 'item' : 'items'}.`}</p>
${items.length > 0 && html`<ol class="result-list">${items.map(item)}</ol>`}
<h2 id="find">Write or review a trial’s summary</h2>
<form method="get" action="/editor/summaries" aria-labelledby="find">
<div class="field">
<label for="f-trial">Trial id</label>
<p class="hint" id="f-trial-hint">An NCT, ISRCTN or other registry id, such as NCT01234567.</p>
<input id="f-trial" name="trial" type="text" spellcheck="false" aria-describedby="f-trial-hint">
</div>
<button type="submit">Open the summary</button>
</form>`,
  });
}
