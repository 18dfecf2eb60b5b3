/** "Where it runs": the postcode form, a note when few hospitals take part, and each hospital with status and contacts. */
import type { Contact } from '../../domain/trial.ts';
import { html } from '../html.ts';
import type { Html } from '../html.ts';
import { EARLIER_PAGES, firstValue } from '../search-params.ts';
import type { SearchParams } from '../search-params.ts';
import type { ListedSite, SiteList } from '../trial-sites.ts';
import { STATUS_WORDS, milesText, plural } from '../words.ts';

export function renderContacts(contacts: readonly Contact[]): Html | '' {
  const useful = contacts.filter((contact) => contact.phone !== null || contact.email !== null || contact.name !== null);
  if (useful.length === 0) return '';
  return html`<ul class="contacts">${useful.map(
    (contact) => html`<li>${contact.name ?? 'Trial team'}${contact.role !== null && html` (${contact.role.toLowerCase().replaceAll('_', ' ')})`}${
      contact.phone !== null && html`, phone <a href="tel:${contact.phone.replace(/[^\d+]/g, '')}">${contact.phone}</a>`
    }${contact.email !== null && html`, email <a href="mailto:${contact.email}">${contact.email}</a>`}</li>`,
  )}</ul>`;
}

/** How many hospitals the print layout keeps (site.css hides the rest on paper). */
const PRINTED_SITES = 10;

function siteItem(listed: ListedSite): Html {
  const { site } = listed;
  const place = [site.city, site.state, site.postcode, site.country].filter((part) => part !== null && part !== '').join(', ');
  return html`<li class="site">
<p class="hospital-name">${site.facility ?? 'Hospital not named'}</p>
<p>${place}${listed.miles !== null && html` · <strong>${milesText(listed.miles, listed.approximate)}</strong>`}</p>
<p>Status here: ${site.status === null ? 'not given' : STATUS_WORDS[site.status].label}</p>
${renderContacts(site.contacts)}
</li>`;
}

function fewNote(count: number): Html | '' {
  if (count === 0) return html`<p class="note">The registry lists no hospitals for this trial yet. The trial’s contacts can say where it will run.</p>`;
  if (count === 1) return html`<p class="note">This trial runs at one hospital only. You may need to travel to take part.</p>`;
  if (count <= 3) return html`<p class="note">This trial runs at only ${count} hospitals. You may need to travel to take part.</p>`;
  return '';
}

function orderNote(list: SiteList, placed: boolean): string {
  if (!placed) return 'UK first';
  return list.shown.some((listed) => listed.miles !== null) ? 'nearest first' : 'UK first (the registry gives no locations to measure from)';
}

function postcodeForm(id: string, params: SearchParams): Html {
  // The rest of the search rides along so "Back to your search results" still works; a new place makes a new search,
  // so its page token (which belongs to the old place) and what needs a place (distance limit, nearest first) go.
  const kept = [...params].filter(([name, values]) => !['postcode', 'within', 'pageToken', EARLIER_PAGES].includes(name) && !(name === 'sort' && values.includes('distance')));
  return html`<form class="inline-form" method="get" action="/trials/${encodeURIComponent(id)}">
<label for="site-postcode">Your postcode, to list the nearest hospitals first</label>
<p class="hint" id="site-postcode-hint">In England, Scotland or Wales. We do not store it.</p>
<div class="inline-row">
<input id="site-postcode" name="postcode" type="text" autocomplete="postal-code" class="short" value="${firstValue(params, 'postcode')}" aria-describedby="site-postcode-hint">
<button type="submit">Sort hospitals</button>
</div>
${kept.flatMap(([name, values]) => values.map((value) => html`<input type="hidden" name="${name}" value="${value}">`))}
</form>`;
}

export function renderWhere(id: string, total: number, list: SiteList, params: SearchParams): Html {
  return html`<section aria-labelledby="where">
<h2 id="where">Where it runs</h2>
${fewNote(total)}
${total > 0 && !list.shown.some((listed) => listed.uk) && !list.hiddenCountries.includes('United Kingdom') && html`<p class="note">The registry lists no hospital in the UK for this trial. Your specialist can tell you whether people in the UK can take part, and about trials nearer you.</p>`}
${total > 1 && postcodeForm(id, params)}
${total > 0 && html`<p>${plural(total, 'hospital')}, ${orderNote(list, params.has('postcode'))}:</p>
<ol class="sites">${list.shown.map(siteItem)}</ol>
${list.shown.length > PRINTED_SITES && html`<p class="sites-print-note">The first ${PRINTED_SITES} of ${plural(total, 'hospital')} are printed; the trial’s page lists them all.</p>`}`}
${list.hiddenCount > 0 && html`<p>And ${plural(list.hiddenCount, 'more hospital')} in ${list.hiddenCountries.join(', ')}: the registry page below lists them all.</p>`}
</section>`;
}
