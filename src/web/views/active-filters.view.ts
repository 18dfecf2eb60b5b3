/**
 * The filters in force, each a link that removes it (one value at a time), with how many trials match that value
 * under the other filters. Every parameter counts, not only the form's: a shared URL may filter by phase or country.
 */
import type { FacetName } from '../../domain/query.ts';
import type { TrialStatus } from '../../domain/trial.ts';
import type { LabelledFacets } from '../../search/facet-labels.ts';
import { readPhases } from '../../search/param-values.ts';
import { labelOf } from '../../search/vocab-lists.ts';
import { html } from '../html.ts';
import type { Html } from '../html.ts';
import { queryString, withoutValue } from '../search-params.ts';
import type { SearchParams } from '../search-params.ts';
import { STATUS_WORDS, phaseName } from '../words.ts';
import { ownValue } from '../../domain/own-key.ts';

/** What each parameter is called on a filter, and how its value reads. */
const NAMES: Readonly<Record<string, string>> = {
  q: 'Words',
  cancerType: 'Cancer type',
  treatment: 'Treatment',
  ageGroup: 'Age group',
  status: 'Status',
  phase: 'Phase',
  studyType: 'Study type',
  condition: 'Condition',
  intervention: 'Treatment name',
  country: 'Country',
  age: 'Age',
  sex: 'Sex',
  healthyVolunteers: 'Healthy volunteers',
  hasResults: 'Has results',
  updatedSince: 'Updated since',
  postcode: 'Near',
  within: 'Within',
};

/** Parameters that page or order the list rather than filter it. */
const NOT_FILTERS: ReadonlySet<string> = new Set(['sort', 'pageSize', 'pageToken']);

function valueLabel(name: string, value: string): string {
  switch (name) {
    case 'cancerType':
    case 'treatment':
    case 'ageGroup':
      return labelOf(name, value);
    case 'status':
      return value === 'recruiting' ? 'Recruiting or opening soon' : (STATUS_WORDS[value as TrialStatus]?.label ?? value);
    case 'phase': {
      // Phases arrive in any registry spelling ("PHASE2", "II"); the parser's reader names the one meant.
      const phases = readPhases([value]);
      return Array.isArray(phases) && phases[0] !== undefined ? phaseName(phases[0]) : value;
    }
    case 'within':
      return `${value} miles`;
    case 'age':
      return `${value} years`;
    default:
      return value;
  }
}

function facetCount(facets: LabelledFacets, name: string, value: string): number | null {
  if (!(name in facets)) return null;
  const counts = facets[name as FacetName];
  if (name === 'status' && value === 'recruiting') {
    return counts.filter((count) => count.value === 'recruiting' || count.value === 'not-yet-recruiting').reduce((sum, count) => sum + count.count, 0);
  }
  return counts.find((count) => count.value.toLowerCase() === value.toLowerCase())?.count ?? null;
}

/** The list of removable filters, or nothing when the search has none. */
export function renderActiveFilters(params: SearchParams, facets: LabelledFacets): Html | '' {
  const chips = [...params]
    .filter(([name]) => !NOT_FILTERS.has(name))
    .flatMap(([name, values]) =>
      values.map((value) => {
        const count = facetCount(facets, name, value);
        return html`<li><a class="chip" href="/trials${queryString(withoutValue(params, name, value))}"><span class="visually-hidden">Remove filter: </span>${ownValue(NAMES, name) ?? name}: ${valueLabel(name, value)}${count !== null && ` (${count.toLocaleString('en-GB')})`}<span class="chip-x" aria-hidden="true"> ✕</span></a></li>`;
      }),
    );
  if (chips.length === 0) return '';
  return html`<div class="active-filters">
<h2 class="chips-heading">Filters in use <span class="hint">(select one to remove it)</span></h2>
<ul class="chips">${chips}</ul>
<p><a href="/trials">Clear all filters</a></p>
</div>`;
}
