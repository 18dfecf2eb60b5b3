/** The audit log (admins only): newest first, filtered by account and action, fifty entries a page. */
import type { EditorUser } from '../../../domain/editorial/accounts.ts';
import { AUDIT_ACTION_WORDS, AUDIT_ACTIONS, type AuditAction, type AuditEntry } from '../../../domain/editorial/audit.ts';
import { html, type Html } from '../../html.ts';
import type { SiteSettings } from '../../site-settings.ts';
import { renderEditorPage, type Viewer } from './editor-layout.view.ts';

export interface AuditView {
  readonly entries: readonly AuditEntry[];
  readonly total: number;
  /** 1-based. */
  readonly page: number;
  readonly pageSize: number;
  readonly actorId: number | null;
  readonly action: AuditAction | null;
  /** Accounts to filter by. */
  readonly users: readonly EditorUser[];
}

function when(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }) + ' UTC';
}

/** An entry's before or after: each top-level field on its own line, values as JSON text (which wraps, unlike <pre>). */
function fields(value: unknown): Html | string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value !== 'object' || Array.isArray(value)) return JSON.stringify(value);
  return html`<ul class="audit-fields">${Object.entries(value as Record<string, unknown>).map(
    ([name, item]) => html`<li>${name}: ${typeof item === 'string' ? item : JSON.stringify(item)}</li>`,
  )}</ul>`;
}

function pageHref(view: AuditView, page: number): string {
  const params = new URLSearchParams();
  if (view.actorId !== null) params.set('actor', String(view.actorId));
  if (view.action !== null) params.set('action', view.action);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query === '' ? '/editor/audit' : `/editor/audit?${query}`;
}

export function renderAuditPage(site: SiteSettings, viewer: Viewer, view: AuditView): Html {
  const pages = Math.max(1, Math.ceil(view.total / view.pageSize));
  const first = view.total === 0 ? 0 : (view.page - 1) * view.pageSize + 1;
  const last = Math.min(view.total, view.page * view.pageSize);
  return renderEditorPage(site, {
    title: 'Audit log',
    section: 'audit',
    viewer,
    main: html`<h1>Audit log</h1>
<p>Every change in the editor area, newest first. Entries cannot be changed or deleted.</p>
<form class="search-form" method="get" action="/editor/audit" aria-label="Filter the audit log">
<div class="filters">
<div class="field">
<label for="f-actor">Made by</label>
<select id="f-actor" name="actor">
<option value="">Anyone</option>
${view.users.map((user) => html`<option value="${user.id}"${view.actorId === user.id ? ' selected' : ''}>${user.displayName} (${user.email})</option>`)}
</select>
</div>
<div class="field">
<label for="f-action">Change</label>
<select id="f-action" name="action">
<option value="">Any change</option>
${AUDIT_ACTIONS.map((action) => html`<option value="${action}"${view.action === action ? ' selected' : ''}>${AUDIT_ACTION_WORDS[action]}</option>`)}
</select>
</div>
</div>
<button type="submit">Show entries</button>
</form>
<p role="status">${view.total === 0 ? 'No entries match.' : `Entries ${first} to ${last} of ${view.total}.`}</p>
${
  view.entries.length > 0 &&
  html`<ol class="result-list">
${view.entries.map(
  (entry) => html`<li class="result">
<h2 class="chips-heading">${AUDIT_ACTION_WORDS[entry.action] ?? entry.action}: ${entry.entity}</h2>
<dl class="facts">
<div><dt>When</dt><dd>${when(entry.at)}</dd></div>
<div><dt>Who</dt><dd>${entry.actorLabel}</dd></div>
<div><dt>Before</dt><dd>${fields(entry.before)}</dd></div>
<div><dt>After</dt><dd>${fields(entry.after)}</dd></div>
</dl>
</li>`,
)}
</ol>`
}
${
  pages > 1 &&
  html`<nav class="paging" aria-label="Audit log pages">
<ul>
${view.page > 1 && html`<li><a href="${pageHref(view, view.page - 1)}" rel="prev">Newer entries</a></li>`}
<li>Page ${view.page} of ${pages}</li>
${view.page < pages && html`<li><a href="${pageHref(view, view.page + 1)}" rel="next">Older entries</a></li>`}
</ul>
</nav>`
}`,
  });
}
