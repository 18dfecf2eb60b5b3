/** What changed in a trial since its summary was approved: each field before and after, and the sites that changed. */
import type { SnapshotDiff, SnapshotSite, SnapshotValue } from '../../../domain/editorial/review-snapshot.ts';
import { STATUSES, type TrialStatus } from '../../../domain/trial.ts';
import { html, type Html } from '../../html.ts';
import { STATUS_WORDS } from '../../words.ts';

/** Longer values (criteria, summaries) fold away so the table stays readable. */
const LONG = 200;

/** A registry status in the site's words ("Recruiting"), with the code after it for editors who check the record. */
function statusText(status: string | null): string {
  if (status === null) return 'not given';
  const known = STATUSES.find((candidate): candidate is TrialStatus => candidate === status);
  return known === undefined ? status : `${STATUS_WORDS[known].label} (${status})`;
}

function value(item: SnapshotValue, field: string): Html | string {
  if (field === 'status') return statusText(typeof item === 'string' ? item : null);
  if (item === null) return 'not given';
  const text = Array.isArray(item) ? (item.length === 0 ? 'none' : item.join(', ')) : String(item);
  return text.length <= LONG ? text : html`<details><summary>${text.slice(0, 80)}…</summary><p class="diff-text">${text}</p></details>`;
}

function siteName(site: SnapshotSite): string {
  return [site.facility, site.city, site.country].filter((part) => part !== null && part !== '').join(', ') || 'A site with no name';
}

/** Sites listed per kind of change; a trial with hundreds of sites says how many more rather than list them all. */
const SITES_SHOWN = 15;

function firstFew<T>(items: readonly T[], line: (item: T) => Html, more: (count: number) => string): Html[] {
  const shown = items.slice(0, SITES_SHOWN).map(line);
  return items.length > SITES_SHOWN ? [...shown, html`<li>${more(items.length - SITES_SHOWN)}</li>`] : shown;
}

/** The diff as each changed field before and after, and lists of the sites that changed. */
export function renderReviewDiff(diff: SnapshotDiff, caption: string): Html {
  const sites = [
    ...firstFew(diff.sitesAdded, (site) => html`<li>Added: ${siteName(site)}${site.status !== null && ` (${statusText(site.status)})`}</li>`, (n) => `and ${n} more sites added`),
    ...firstFew(diff.sitesRemoved, (site) => html`<li>Removed: ${siteName(site)}</li>`, (n) => `and ${n} more sites removed`),
    ...firstFew(
      diff.sitesChanged,
      (change) => html`<li>Status changed: ${siteName(change.site)}, from ${statusText(change.statusBefore ?? null)} to ${statusText(change.site.status)}</li>`,
      (n) => `and ${n} more sites whose status changed`,
    ),
  ];
  // A list, not a table: three columns of long values would scroll sideways on a phone.
  return html`<div class="review-diff">
${diff.fields.length > 0 && html`<p>${caption}:</p>`}
${
  diff.fields.length > 0 &&
  html`<dl class="facts">
${diff.fields.map((change) => html`<div><dt>${change.label}</dt><dd>When approved: ${value(change.before, change.field)}<br>Now: ${value(change.after, change.field)}</dd></div>`)}
</dl>`
}
${sites.length > 0 && html`<p>Hospitals and sites:</p><ul>${sites}</ul>`}
</div>`;
}
