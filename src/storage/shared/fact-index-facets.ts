/**
 * Disjunctive facet counts over the fact index, as ClinicalTrials.gov counts them: each facet counts with every
 * filter applied except its own, so choosing one value still shows how many trials the other values would add.
 * A candidate that passes every filter counts for every facet; one that fails a single facet's filter counts for
 * that facet alone (fact-index-query.ts finds them in one pass).
 */
import { FACETS, type FacetCount, type FacetName, type Facets } from '../../domain/query.ts';
import { SEXES, STATUSES, STUDY_TYPES } from '../../domain/trial.ts';
import { AGE_GROUP_BITS, PHASE_BITS, TREATMENT_BITS } from './fact-bits.ts';
import { bitOf, type Candidates } from './fact-index-query.ts';
import { TERM_FACETS, type FactIndex, type TermFacet } from './fact-index.ts';

/** Condition, intervention and country facets show only their most frequent values. */
export const TERM_FACET_LIMIT = 30;

/** Count desc, then value, compared by code unit so every backend reproduces the order. */
export function byCountThenValue(a: FacetCount, b: FacetCount): number {
  if (a.count !== b.count) return b.count - a.count;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

/** Named counts, zero counts left out, in facet order. */
function listed(names: readonly string[], counts: Int32Array): FacetCount[] {
  return names
    .map((value, index) => ({ value, count: counts[index] ?? 0 }))
    .filter((entry) => entry.count > 0)
    .sort(byCountThenValue);
}

/**
 * A term facet's values: every key (cancer types), or the most frequent keys, keeping every key tied with the last
 * one shown so the cut is made by shown value; then sorted by count and shown value and cut to the limit.
 */
function termValues(index: FactIndex, facet: TermFacet, counts: Int32Array): FacetCount[] {
  const column = index.terms[facet];
  const counted: Array<{ termId: number; count: number }> = [];
  counts.forEach((count, termId) => {
    if (count > 0) counted.push({ termId, count });
  });
  const shown = (entries: typeof counted): FacetCount[] =>
    entries.map(({ termId, count }) => ({ value: column.shown[termId] ?? '', count })).sort(byCountThenValue);
  if (facet === 'cancerType') return shown(counted);
  const threshold = counted.length < TERM_FACET_LIMIT ? 0 : (counted.map((entry) => entry.count).sort((a, b) => b - a)[TERM_FACET_LIMIT - 1] ?? 0);
  return shown(counted.filter((entry) => entry.count >= threshold)).slice(0, TERM_FACET_LIMIT);
}

function inc(counts: Int32Array, value: number): void {
  counts[value] = (counts[value] ?? 0) + 1;
}

/** Adds one to counts[bit] for every set bit of value below counts.length. */
function addBits(counts: Int32Array, value: number): void {
  for (let bit = 0; bit < counts.length; bit++) if ((value & (1 << bit)) !== 0) counts[bit] = (counts[bit] ?? 0) + 1;
}

/** Adds one to the count of every term the slot holds. */
function addTerms(counts: Int32Array, offsets: Uint32Array, values: Uint32Array, slot: number): void {
  const end = offsets[slot + 1] ?? 0;
  for (let i = offsets[slot] ?? 0; i < end; i++) {
    const termId = values[i] ?? 0;
    counts[termId] = (counts[termId] ?? 0) + 1;
  }
}

/** The facets of every trial, per index: the landing page's, the same for every visitor until the data changes. */
const everything = new WeakMap<FactIndex, Facets>();

/**
 * Every facet of {@link FacetName} for the candidates; zero counts never appear. One pass, written as plain loops
 * over the columns (no closure or lookup per candidate); an unfiltered query's counts are made once per index.
 */
export function facetsOf(index: FactIndex, candidates: Candidates): Facets {
  if (!candidates.unfiltered) return countFacets(index, candidates);
  let facets = everything.get(index);
  if (facets === undefined) {
    facets = countFacets(index, candidates);
    everything.set(index, facets);
  }
  return facets;
}

function countFacets(index: FactIndex, candidates: Candidates): Facets {
  const status = new Int32Array(STATUSES.length);
  const studyType = new Int32Array(STUDY_TYPES.length);
  const sex = new Int32Array(SEXES.length);
  const healthyVolunteers = new Int32Array(3);
  const hasResults = new Int32Array(2);
  const phase = new Int32Array(PHASE_BITS.length);
  const treatment = new Int32Array(TREATMENT_BITS.length);
  const ageGroup = new Int32Array(AGE_GROUP_BITS.length);
  const terms = Object.fromEntries(TERM_FACETS.map((facet) => [facet, new Int32Array(index.terms[facet].keys.length)])) as Record<TermFacet, Int32Array>;

  const { condition, intervention, country, cancerType } = index.terms;
  const [conditions, interventions, countries, cancerTypes] = [terms.condition, terms.intervention, terms.country, terms.cancerType];
  const bit = Object.fromEntries(FACETS.map((facet) => [facet, bitOf(facet)])) as Record<FacetName, number>;
  const { slots, miss } = candidates;
  for (let i = 0; i < candidates.length; i++) {
    const slot = slots[i] ?? 0;
    const failed = miss[i] ?? 0;
    // A facet counts the candidate when nothing failed, or only its own filter did.
    const all = failed === 0;
    if (all || failed === bit.status) inc(status, index.status[slot] ?? 0);
    if (all || failed === bit.studyType) inc(studyType, index.studyType[slot] ?? 0);
    if (all || failed === bit.sex) inc(sex, index.sex[slot] ?? 0);
    if (all || failed === bit.healthyVolunteers) inc(healthyVolunteers, index.healthyVolunteers[slot] ?? 0);
    if (all || failed === bit.hasResults) inc(hasResults, index.hasResults[slot] ?? 0);
    if (all || failed === bit.phase) addBits(phase, index.phases[slot] ?? 0);
    if (all || failed === bit.treatment) addBits(treatment, index.treatments[slot] ?? 0);
    if (all || failed === bit.ageGroup) addBits(ageGroup, index.ageGroups[slot] ?? 0);
    if (all || failed === bit.condition) addTerms(conditions, condition.offsets, condition.values, slot);
    if (all || failed === bit.intervention) addTerms(interventions, intervention.offsets, intervention.values, slot);
    if (all || failed === bit.country) addTerms(countries, country.offsets, country.values, slot);
    if (all || failed === bit.cancerType) addTerms(cancerTypes, cancerType.offsets, cancerType.values, slot);
  }

  return {
    status: listed(STATUSES, status),
    phase: listed(PHASE_BITS, phase),
    studyType: listed(STUDY_TYPES, studyType),
    condition: termValues(index, 'condition', conditions),
    intervention: termValues(index, 'intervention', interventions),
    country: termValues(index, 'country', countries),
    sex: listed(SEXES, sex),
    // Stored as 0 no, 1 yes, 2 not said.
    healthyVolunteers: listed(['false', 'true', 'unknown'], healthyVolunteers),
    hasResults: listed(['false', 'true'], hasResults),
    cancerType: termValues(index, 'cancerType', cancerTypes),
    treatment: listed(TREATMENT_BITS, treatment),
    ageGroup: listed(AGE_GROUP_BITS, ageGroup),
  };
}
