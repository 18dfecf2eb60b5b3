/** The search page: the form, the topic searches, and the results or the reason there are none. */
import type { SearchAnswer } from '../../search/search-trials.ts';
import { TOPICS, topicLinks } from '../../search/topics.ts';
import { html } from '../html.ts';
import type { Html } from '../html.ts';
import type { SearchParams } from '../search-params.ts';
import type { SiteSettings } from '../site-settings.ts';
import { plural } from '../words.ts';
import { renderActiveFilters } from './active-filters.view.ts';
import { renderPage } from './layout.view.ts';
import { renderResults } from './results.view.ts';
import { FORM_FIELDS, renderSearchForm } from './search-form.view.ts';
import type { FieldError } from './search-form.view.ts';

/** The topic searches as plain links, the way a charity's pages word them. */
export function renderTopicLinks(): Html {
  return html`<ul class="topics">${TOPICS.map((topic) => html`<li><a href="${topicLinks(topic).webUrl}">${topic.title}</a></li>`)}</ul>`;
}

function errorSummary(error: FieldError): Html {
  const inForm = error.field !== null && (FORM_FIELDS as readonly string[]).includes(error.field);
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 id="error-summary-title">There is a problem with this search</h2>
<p>${inForm ? html`<a href="#f-${error.field ?? ''}">${error.message}</a>` : error.message}</p>
${error.field === 'postcode' && html`<p>You can also leave the postcode empty: each trial still lists where it runs.</p>`}
<p>Change the search below, or <a href="/trials">start a new search</a>.</p>
</div>`;
}

/** The page; `outcome` is the answer, or the refusal that stopped the search. */
export function renderSearchPage(site: SiteSettings, params: SearchParams, outcome: SearchAnswer | FieldError): Html {
  const answer = 'trials' in outcome ? outcome : null;
  const error = 'trials' in outcome ? null : outcome;
  return renderPage(site, {
    // The count leads the title, so a screen reader announces the outcome of a search as the page loads.
    title: answer !== null ? `${plural(answer.total, 'trial')} found: find a clinical trial` : 'Error: find a clinical trial',
    section: 'search',
    creditsPostcodes: params.has('postcode'),
    main: html`<h1>Find a clinical trial</h1>
${error !== null && errorSummary(error)}
${answer !== null && answer.total > 0 && html`<p class="skip-results"><a href="#results">Skip to the ${plural(answer.total, 'trial')} found</a></p>`}
${renderSearchForm(params, answer?.facets ?? null, error)}
<details class="topic-box"${params.size === 0 && html` open`}>
<summary>Or start from a common search</summary>
${renderTopicLinks()}
</details>
${answer !== null && renderActiveFilters(params, answer.facets)}
${answer !== null && renderResults(params, answer)}`,
  });
}
