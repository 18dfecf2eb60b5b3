/**
 * A trial's page: what it tests and why, who can and cannot take part, where it runs, the facts a specialist will
 * ask for, and where to get advice. Glossary words are linked to their definitions at the foot of the page, so the
 * explanations print with it.
 */
import { parseCriteria } from '../../domain/eligibility/parse-criteria.ts';
import type { PublishedText } from '../../editorial/published.ts';
import { OPEN_SITE_STATUSES } from '../../domain/geo.ts';
import type { Trial } from '../../domain/trial.ts';
import { GlossaryMarker } from '../glossary.ts';
import type { GlossaryTerm } from '../glossary.ts';
import { html } from '../html.ts';
import type { Html } from '../html.ts';
import { registryPage } from '../registry-links.ts';
import { queryString, withParams } from '../search-params.ts';
import type { SearchParams } from '../search-params.ts';
import type { SiteSettings } from '../site-settings.ts';
import type { SiteList } from '../trial-sites.ts';
import { STATUS_WORDS, ageLimits, inCountry, milesText, phaseExplained, plural, sexLimit, ukDate } from '../words.ts';
import { renderCriteriaList } from './criteria.view.ts';
import { renderEditorialText, renderReviewDates } from './editorial-text.view.ts';
import { renderPage } from './layout.view.ts';
import { mostSpecificCancerTypes, statusBadge } from './results.view.ts';
import { specialistAdvice } from './support.view.ts';
import { paragraphs } from './text.view.ts';
import { renderContacts, renderWhere } from './trial-sites.view.ts';

export interface TrialPageData {
  readonly trial: Trial;
  /** Cancer type ids found for the trial (with their ancestors). */
  readonly cancerTypes: readonly string[];
  readonly sites: SiteList;
  /** The search the reader came from, kept so they can go back to it. */
  readonly params: SearchParams;
  /** The charity's approved plain-English summary, when there is one: shown instead of the registry's. */
  readonly summary: PublishedText | null;
}

function fact(term: string, detail: Html | string | null): Html | '' {
  return detail === null || detail === '' ? '' : html`<div><dt>${term}</dt><dd>${detail}</dd></div>`;
}

function whoCanJoin(trial: Trial, cancerTypes: readonly string[], marker: GlossaryMarker, matchHref: string): Html {
  const { eligibility } = trial;
  const criteria = parseCriteria(eligibility.criteria);
  const inclusion = renderCriteriaList(criteria, 'inclusion', marker);
  const exclusion = renderCriteriaList(criteria, 'exclusion', marker);
  const volunteers = eligibility.healthyVolunteers === true ? 'Yes' : eligibility.healthyVolunteers === false ? 'No' : null;
  // Some records (many NCI ones) come without their criteria: the registry's own page has them.
  const missing = html`Our copy of this trial’s record does not list them. The <a href="#registries">registry’s page</a> may have the full list, and the trial team can tell you.`;
  return html`<section aria-labelledby="who">
<h2 id="who">Who can take part</h2>
<dl class="facts">
${fact('Cancer', mostSpecificCancerTypes(cancerTypes).join(', ') || trial.conditions.join(', '))}
${fact('Age', ageLimits(eligibility.minAgeYears, eligibility.maxAgeYears))}
${fact('Sex', sexLimit(eligibility.sex) ?? 'Anyone')}
${fact('Healthy volunteers', volunteers)}
</dl>
${inclusion === null && exclusion === null
    ? html`<h3>Conditions for joining</h3>
<p>${missing}</p>`
    : html`<h3>You may be able to join if</h3>
${inclusion ?? html`<p>The record lists only reasons someone cannot join (below).</p>`}
<h3>You cannot join if</h3>
${exclusion ?? html`<p>The record lists no reasons someone cannot join; the trial team can tell you if there are any.</p>`}
<p class="note">These are the registry’s words. Your specialist can say what they mean for you.</p>`}
<p class="match-link"><a href="${matchHref}">Could I take part? Answer a few questions to check trials against your situation</a></p>
</section>`;
}

/**
 * The approved plain-English summary with its review dates, and the registry's own summary folded away beneath it;
 * or, with none approved, the registry's summary as the registry wrote it.
 */
function summaryOf(trial: Trial, marker: GlossaryMarker, reviewed: PublishedText | null): Html {
  const registry = paragraphs(trial.briefSummary, marker);
  if (reviewed === null) {
    return registry.length > 0 ? html`${registry}` : html`<p>Our copy of this trial’s record has no summary. The <a href="#registries">registry’s page</a> may have one.</p>`;
  }
  return html`<div class="plain-summary">
${renderEditorialText(reviewed.body, marker)}
${renderReviewDates(reviewed.lastReviewed, reviewed.nextReviewDue)}
</div>
${registry.length > 0 && html`<details class="more"><summary>The registry’s own summary</summary>${registry}</details>`}`;
}

function whatItTests(trial: Trial, marker: GlossaryMarker, reviewed: PublishedText | null): Html {
  const detail = paragraphs(trial.detailedDescription, marker);
  return html`<section aria-labelledby="what">
<h2 id="what">What the trial is testing</h2>
${summaryOf(trial, marker, reviewed)}
${trial.interventions.length > 0 && html`<h3>Treatments in this trial</h3>
<ul>${trial.interventions.map((item) => html`<li>${item.name}${item.otherNames.length > 0 && html` (also called ${item.otherNames.slice(0, 3).join(', ')})`}</li>`)}</ul>`}
${detail.length > 0 && html`<details class="more"><summary>More detail from the registry</summary>${detail}</details>`}
</section>`;
}

function aboutTrial(trial: Trial): Html {
  const { dates } = trial;
  const registries = trial.ids.map((id) => {
    const page = registryPage(id);
    return html`<li>${page === null ? id.value : html`<a href="${page.url}">${id.value}</a> on ${page.registry}`}</li>`;
  });
  return html`<section aria-labelledby="about">
<h2 id="about">About the trial</h2>
<dl class="facts">
${fact('Phase', phaseExplained(trial.phases) ?? 'Not given in the registry record')}
${fact('Status', `${STATUS_WORDS[trial.status].label}. ${STATUS_WORDS[trial.status].meaning}`)}
${fact('Results', trial.hasResults ? 'The registry has results for this trial.' : null)}
${fact('Started', ukDate(dates.start))}
${fact('Main results expected', ukDate(dates.primaryCompletion))}
${fact('Expected to end', ukDate(dates.completion))}
${fact('People taking part', trial.enrollment === null ? null : plural(trial.enrollment, 'person', 'people'))}
${fact('Sponsor', trial.sponsor ?? 'Not given in the registry record')}
${fact('Working with', trial.collaborators.join(', '))}
${fact('First registered', ukDate(dates.firstPosted))}
${fact('Registry last updated', ukDate(dates.lastUpdate) ?? 'Not given in the registry record')}
</dl>
${trial.centralContacts.length > 0 && html`<h3>Trial contacts</h3>${renderContacts(trial.centralContacts)}`}
<h3 id="registries">Registry records</h3>
<p class="hint">The registries’ own pages for this trial, with its full record.</p>
<ul class="registry-ids">${registries}</ul>
</section>`;
}

/** The nearest hospital still taking patients, for the top of the page when the reader gave a postcode. */
function nearestOpen(sites: SiteList): Html | '' {
  const nearest = sites.shown.find((listed) => listed.miles !== null && (listed.site.status === null || OPEN_SITE_STATUSES.has(listed.site.status)));
  if (nearest?.miles == null) return '';
  const where = [nearest.site.facility, nearest.site.city].filter((part) => part !== null && part !== '').join(', ');
  const away = html`<strong>${milesText(nearest.miles, nearest.approximate)} away</strong>`;
  if (!nearest.uk) {
    return html`<p class="trial-nearest">No hospital in the UK is listed for this trial. The nearest taking part is ${away}, ${inCountry(nearest.site.country)}${where !== '' && html`: ${where}`}. <a href="#where">All hospitals</a></p>`;
  }
  return html`<p class="trial-nearest">Nearest hospital taking part: ${away}${where !== '' && html`, ${where}`}. <a href="#where">All hospitals</a></p>`;
}

function wordsExplained(found: readonly GlossaryTerm[]): Html | '' {
  if (found.length === 0) return '';
  return html`<section aria-labelledby="words" class="words">
<h2 id="words">Words explained</h2>
<dl>${found.map((term) => html`<div id="g-${term.id}"><dt><dfn>${term.term}</dfn></dt><dd id="g-${term.id}-text">${term.definition}</dd></div>`)}</dl>
<p><a href="/glossary">All words in the glossary</a></p>
</section>`;
}

/** The whole trial page. */
export function renderTrialPage(site: SiteSettings, data: TrialPageData): Html {
  const { trial, params } = data;
  const marker = new GlossaryMarker(
    (term) => `#g-${term.id}`,
    (term) => `g-${term.id}-text`,
  );
  const what = whatItTests(trial, marker, data.summary);
  const search = queryString(withParams(params, { pageToken: null }));
  const who = whoCanJoin(trial, data.cancerTypes, marker, `/match${search}`);
  const status = STATUS_WORDS[trial.status];
  return renderPage(site, {
    title: trial.briefTitle,
    section: 'search',
    creditsPostcodes: params.has('postcode'),
    main: html`${params.size > 0 && html`<p class="back"><a href="/trials${queryString(params)}#t-${trial.id}">Back to your search results</a></p>`}
<h1>${trial.briefTitle}</h1>
${trial.officialTitle !== null && trial.officialTitle !== trial.briefTitle && html`<p class="official-title">Full title: ${trial.officialTitle}</p>`}
<p class="trial-status">${statusBadge(trial.status)} ${status.meaning}</p>
<p class="trial-phase">${phaseExplained(trial.phases) ?? 'Phase: not given in the registry record.'}</p>
${nearestOpen(data.sites)}
<aside class="specialist" aria-labelledby="specialist">
<h2 id="specialist">Talk to your specialist</h2>
${specialistAdvice(site)}
</aside>
${what}
${who}
${renderWhere(trial.id, trial.sites.length, data.sites, params)}
${aboutTrial(trial)}
${wordsExplained(marker.found)}
<p class="print-note">Printed from ${site.name}. Trial ${trial.id}; registry last updated ${ukDate(trial.dates.lastUpdate) ?? 'date not given'}.</p>`,
  });
}
