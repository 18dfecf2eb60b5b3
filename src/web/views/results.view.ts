/** The results list: the count, the order, one short card per trial, and paging. */
import { cancerTypeAncestors } from '../../domain/classify/cancer-type.ts';
import { canonicalCountry } from '../../domain/country.ts';
import type { NearestSiteSummary, TrialSummary } from '../../domain/query.ts';
import type { SearchAnswer } from '../../search/search-trials.ts';
import { labelOf } from '../../search/vocab-lists.ts';
import { html } from '../html.ts';
import type { Html } from '../html.ts';
import { EARLIER_PAGES, firstValue, queryString, withParams } from '../search-params.ts';
import type { SearchParams } from '../search-params.ts';
import { STATUS_WORDS, ageLimits, inCountry, milesText, phaseExplained, plural, sexLimit, ukDate } from '../words.ts';

/** The most specific cancer types only: "B-cell ALL", not also ALL, leukaemia and blood cancers. */
export function mostSpecificCancerTypes(ids: readonly string[]): string[] {
  const broader = new Set(ids.flatMap((id) => cancerTypeAncestors(id)));
  return ids.filter((id) => !broader.has(id)).map((id) => labelOf('cancerType', id));
}

/** A status as a badge in words; the colour only repeats what the words say. */
export function statusBadge(status: TrialSummary['status']): Html {
  const words = STATUS_WORDS[status];
  return html`<span class="status ${words.open ? 'status-open' : 'status-closed'}">${words.label}</span>`;
}

/** "1.2 miles away: St James's, Leeds"; abroad the country comes first, so 2,974 miles is not read as a UK distance. */
function nearest(site: NearestSiteSummary | null): Html {
  if (site === null) return html`No open hospital with a known location`;
  const abroad = site.country !== null && canonicalCountry(site.country) !== 'United Kingdom';
  const where = [site.facility, site.city].filter((part) => part !== null && part !== '').join(', ');
  return html`${milesText(site.miles, site.approximate)} away${abroad && `, ${inCountry(site.country)}`}${where !== '' && html`: ${where}`}`;
}

function fact(term: string, detail: Html | string | null): Html | '' {
  return detail === null || detail === '' ? '' : html`<div><dt>${term}</dt><dd>${detail}</dd></div>`;
}

/** Broad trials name a dozen cancers; a card names the first few and counts the rest (the trial page lists them all). */
const MAX_CANCERS_ON_CARD = 4;

function cancersOnCard(ids: readonly string[]): string[] {
  const labels = mostSpecificCancerTypes(ids);
  if (labels.length <= MAX_CANCERS_ON_CARD) return labels;
  return [...labels.slice(0, MAX_CANCERS_ON_CARD - 1), `and ${labels.length - MAX_CANCERS_ON_CARD + 1} other cancers`];
}

function card(trial: TrialSummary, params: SearchParams, placed: boolean): Html {
  const who = [ageLimits(trial.minAgeYears, trial.maxAgeYears), sexLimit(trial.sex), ...cancersOnCard(trial.cancerTypes)].filter((part) => part !== null);
  const treatments = trial.treatments.map((kind) => labelOf('treatment', kind)).join(', ');
  const updated = ukDate(trial.lastUpdate);
  return html`<li class="result" id="t-${trial.id}">
<h3><a href="/trials/${encodeURIComponent(trial.id)}${queryString(params)}">${trial.briefTitle}</a></h3>
<p class="result-status">${statusBadge(trial.status)} ${STATUS_WORDS[trial.status].meaning}</p>
<dl class="facts">
${fact('Phase', phaseExplained(trial.phases) ?? 'Not given in the registry record')}
${fact('Who it is for', who.join(' · '))}
${fact('Treatment', treatments)}
${placed && fact('Nearest open hospital', nearest(trial.nearestSite))}
${fact('In the UK', trial.ukSiteCount === 0 ? 'No UK hospitals listed' : plural(trial.ukSiteCount, 'hospital'))}
</dl>
<p class="result-meta">${trial.id}${updated !== null && ` · Registry last updated ${updated}`}</p>
</li>`;
}

const ORDERS = [
  { value: 'relevance', label: 'Best match' },
  { value: 'distance', label: 'Nearest first' },
  { value: 'updated', label: 'Most recently updated' },
] as const;

/** Links that re-order the same search; nearest first only when there is a place to measure from. */
function orderLinks(params: SearchParams): Html {
  const current = firstValue(params, 'sort') || 'relevance';
  const placed = params.has('postcode');
  return html`<nav class="order" aria-label="Order of results"><span>Order:</span> <ul>${ORDERS.filter((order) => placed || order.value !== 'distance').map((order) =>
    order.value === current
      ? html`<li><a aria-current="true" href="/trials${queryString(params)}">${order.label}</a></li>`
      : html`<li><a href="/trials${queryString(withParams(params, { sort: order.value === 'relevance' ? null : [order.value] }))}">${order.label}</a></li>`,
  )}</ul></nav>`;
}

/**
 * First, previous and next page. Page tokens only lead forward, so each link carries the tokens of the pages before
 * it (EARLIER_PAGES): the previous page is the last of them, or the first page when there are none.
 */
function paging(params: SearchParams, answer: SearchAnswer): Html | '' {
  const current = firstValue(params, 'pageToken');
  const earlier = params.get(EARLIER_PAGES) ?? [];
  if (answer.nextPageToken === null && current === '') return '';
  const last = earlier.at(-1);
  const previous = last === undefined ? withParams(params, { pageToken: null }) : withParams(params, { pageToken: [last], [EARLIER_PAGES]: earlier.slice(0, -1) });
  const next = answer.nextPageToken === null ? null : withParams(params, { pageToken: [answer.nextPageToken], [EARLIER_PAGES]: current === '' ? null : [...earlier, current] });
  return html`<nav class="paging" aria-label="Pages of results">${current !== '' && html`<p>Page ${earlier.length + 2}</p>`}<ul>
${earlier.length > 0 && html`<li><a href="/trials${queryString(withParams(params, { pageToken: null, [EARLIER_PAGES]: null }))}">First page</a></li>`}
${current !== '' && html`<li><a rel="prev" href="/trials${queryString(previous)}">Previous page</a></li>`}
${next !== null && html`<li><a rel="next" href="/trials${queryString(next)}">Next page</a></li>`}
</ul></nav>`;
}

/** The results section of the search page. */
export function renderResults(params: SearchParams, answer: SearchAnswer): Html {
  const placed = params.has('postcode');
  const shown = answer.trials.length;
  return html`<section id="results" class="results" aria-labelledby="results-heading" tabindex="-1">
<h2 id="results-heading">${answer.total === 0 ? 'No trials found' : plural(answer.total, 'trial') + ' found'}</h2>
${answer.total === 0
    ? html`<p>Try fewer filters or other words. Removing a filter above shows how many trials it would bring back.</p>`
    : html`${shown < answer.total && html`<p class="shown">Showing ${plural(shown, 'trial')} on this page.</p>`}
${placed && html`<p class="hint">Distances are in a straight line from the middle of your postcode district.</p>`}
${placed && shown > 0 && answer.trials.every((trial) => trial.ukSiteCount === 0) && html`<p class="note">None of the trials on this page lists a hospital in the UK. Your specialist or the support line can tell you about trials nearer you.</p>`}
<p class="match-link"><a href="/match${queryString(withParams(params, { pageToken: null }))}">Could I take part? Answer a few questions to check these trials against your situation</a></p>
${orderLinks(params)}
<ol class="result-list">${answer.trials.map((trial) => card(trial, params, placed))}</ol>
${paging(params, answer)}`}
</section>`;
}
