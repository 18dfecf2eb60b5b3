/**
 * The search form: free text, cancer type, treatment, age group, status, postcode and distance, and order. It is a
 * plain GET form whose field names are the search parameters, so submitting it gives the same URL the API reads.
 * Options carry their counts (each facet counted with every other filter applied); parameters the form has no field
 * for (phase, country ...) ride along as hidden fields, so a new search keeps them.
 */
import { STATUSES } from '../../domain/trial.ts';
import type { LabelledFacetCount, LabelledFacets } from '../../search/facet-labels.ts';
import { vocabulary } from '../../search/vocab-lists.ts';
import type { VocabularyName } from '../../search/vocab-lists.ts';
import { html } from '../html.ts';
import type { Html } from '../html.ts';
import { EARLIER_PAGES, firstValue } from '../search-params.ts';
import type { SearchParams } from '../search-params.ts';
import { STATUS_WORDS } from '../words.ts';

/** A refusal to show beside its field. */
export interface FieldError {
  readonly field: string | null;
  readonly message: string;
}

/** The parameters the form has a field for; their field ids are `f-` and the name. */
export const FORM_FIELDS = ['q', 'cancerType', 'treatment', 'ageGroup', 'status', 'postcode', 'within', 'sort'] as const;

interface Option {
  readonly value: string;
  readonly label: string;
}

function countOf(counts: readonly LabelledFacetCount[] | undefined, value: string): number | null {
  if (counts === undefined) return null;
  return counts.find((count) => count.value === value)?.count ?? 0;
}

function withCount(label: string, count: number | null): string {
  return count === null ? label : `${label} (${count.toLocaleString('en-GB')})`;
}

/**
 * Options from a vocabulary with their counts, broader types before narrower ones. Values no trial in the current
 * results has are left out (a list of 66 cancer types, most with nothing, helps no one) unless chosen.
 */
function vocabularyOptions(name: VocabularyName, counts: readonly LabelledFacetCount[] | undefined, chosen: readonly string[]): Option[] {
  return vocabulary(name)
    .map((entry) => ({ entry, count: countOf(counts, entry.id) }))
    .filter(({ entry, count }) => count === null || count > 0 || chosen.includes(entry.id))
    // Not indented by depth: an option must start with its word so that typing its first letters selects it.
    .map(({ entry, count }) => ({ value: entry.id, label: withCount(entry.label, count) }));
}

/** The status choices people make: open ones together first, then each closed status. */
function statusOptions(counts: readonly LabelledFacetCount[] | undefined): Option[] {
  const open = counts === undefined ? null : (countOf(counts, 'recruiting') ?? 0) + (countOf(counts, 'not-yet-recruiting') ?? 0);
  return [
    { value: 'recruiting', label: withCount('Recruiting or opening soon', open) },
    ...STATUSES.filter((status) => status !== 'recruiting' && status !== 'not-yet-recruiting').map((status) => ({
      value: status,
      label: withCount(STATUS_WORDS[status].label, countOf(counts, status)),
    })),
  ];
}

const DISTANCES: readonly Option[] = [10, 25, 50, 100, 250].map((miles) => ({ value: `${miles}`, label: `Within ${miles} miles` }));

/** Besides the default, best match (relevance), which the empty choice stands for. */
const SORTS: readonly Option[] = [
  { value: 'distance', label: 'Nearest first (needs a postcode)' },
  { value: 'updated', label: 'Most recently updated' },
];

function describedBy(name: string, error: FieldError | null, hint = false): Html {
  const ids = [hint ? `f-${name}-hint` : null, error?.field === name ? `f-${name}-error` : null].filter((id) => id !== null);
  return html`${ids.length > 0 && html` aria-describedby="${ids.join(' ')}"`}${error?.field === name && html` aria-invalid="true"`}`;
}

function errorText(name: string, error: FieldError | null): Html | '' {
  return error?.field === name ? html`<p class="field-error" id="f-${name}-error"><span class="visually-hidden">Error: </span>${error.message}</p>` : '';
}

/**
 * A single-choice list. Several values chosen at once (a topic's list of cancer types, or a shared URL) show as one
 * option holding them all, comma-separated as the parser reads them, so submitting keeps them.
 */
function select(name: string, label: string, anyLabel: string, options: readonly Option[], params: SearchParams, error: FieldError | null): Html {
  const chosen = params.get(name) ?? [];
  // A value the list does not offer (within=30 from a shared URL) is kept as its own option, so submitting keeps it.
  const many = chosen.length > 1 || (chosen[0] !== undefined && !options.some((option) => option.value === chosen[0])) ? chosen.join(',') : null;
  return html`<div class="field${error?.field === name ? ' has-error' : ''}">
<label for="f-${name}">${label}</label>
${errorText(name, error)}
<select id="f-${name}" name="${name}"${describedBy(name, error)}>
<option value="">${anyLabel}</option>
${many !== null && html`<option value="${many}" selected>${chosen.length > 1 ? `${chosen.length} chosen` : many}</option>`}
${options.map((option) => html`<option value="${option.value}"${many === null && chosen[0] === option.value ? ' selected' : ''}>${option.label}</option>`)}
</select>
</div>`;
}

function textField(name: string, label: string, hint: string | null, params: SearchParams, error: FieldError | null, extra: Html | '' = ''): Html {
  return html`<div class="field${error?.field === name ? ' has-error' : ''}">
<label for="f-${name}">${label}</label>
${hint !== null && html`<p class="hint" id="f-${name}-hint">${hint}</p>`}
${errorText(name, error)}
<input id="f-${name}" name="${name}" type="text" value="${firstValue(params, name)}"${describedBy(name, error, hint !== null)}${extra}>
</div>`;
}

/** The whole form, filled in from the current search. */
export function renderSearchForm(params: SearchParams, facets: LabelledFacets | null, error: FieldError | null): Html {
  const kept = [...params].filter(([name]) => !(FORM_FIELDS as readonly string[]).includes(name) && name !== 'pageToken' && name !== EARLIER_PAGES);
  return html`<form class="search-form" method="get" action="/trials" role="search" aria-label="Trials">
${textField('q', 'Search words', 'For example: leukaemia, CAR T, imatinib, or a trial number', params, error, html` autocomplete="off" spellcheck="true"`)}
<div class="filters">
${select('cancerType', 'Cancer type', 'Any cancer type', vocabularyOptions('cancerType', facets?.cancerType, params.get('cancerType') ?? []), params, error)}
${select('treatment', 'Treatment type', 'Any treatment', vocabularyOptions('treatment', facets?.treatment, params.get('treatment') ?? []), params, error)}
${select('ageGroup', 'Age group', 'Any age', vocabularyOptions('ageGroup', facets?.ageGroup, params.get('ageGroup') ?? []), params, error)}
${select('status', 'Status', 'Any status', statusOptions(facets?.status), params, error)}
</div>
<fieldset class="place">
<legend>Near you (optional)</legend>
${textField('postcode', 'Postcode', 'A postcode in England, Scotland or Wales, or its first half, like LS1. We do not store it.', params, error, html` autocomplete="postal-code" class="short"`)}
${select('within', 'Distance', 'Any distance', DISTANCES, params, error)}
</fieldset>
${select('sort', 'Order', 'Best match', SORTS, params, error)}
${kept.flatMap(([name, values]) => values.map((value) => html`<input type="hidden" name="${name}" value="${value}">`))}
<button type="submit">Search</button>
</form>`;
}
