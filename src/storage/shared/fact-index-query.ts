/**
 * A search evaluated over the fact index: which trials pass, which fail exactly one facet's filter (disjunctive
 * facets count those for that facet), and the page of the best ones in the query's order. The filters mean exactly
 * what the SQL filters of both backends mean (sqlite/filters.ts, postgres/filters.ts); the contract suite holds
 * them to it.
 */
import { sortableDate } from '../../domain/partial-date.ts';
import { FACETS, type FacetName, type StoreQuery } from '../../domain/query.ts';
import { SEXES, STATUSES, STUDY_TYPES } from '../../domain/trial.ts';
import { countryKey } from './child-rows.ts';
import { ageGroupBitmap, phaseBitmap, treatmentMask } from './fact-bits.ts';
import { dateNumber, dateText, HV_UNKNOWN, type FactIndex, type TermColumn } from './fact-index.ts';
import { invalidPageToken, type PageKey } from './page-token.ts';

/** Trials matching the free text, with their relevance (higher is better) when the search is ranked by it. */
export interface ScoredDocs {
  readonly docIds: Int32Array;
  readonly scores: Float64Array | null;
}

/**
 * Whether the page is ordered by relevance: the query has words and asks for relevance (or for distance with no
 * place to measure from, which falls back to it). Ranking every match costs more than matching it, so a backend
 * scores the matches only then.
 */
export function ranksByRelevance(query: StoreQuery): boolean {
  return query.sort === 'relevance' || (query.sort === 'distance' && query.near === null);
}

/**
 * What the backend's own indexes decided: the doc ids passing each filter the fact index cannot evaluate (it holds
 * no text and no sites). Null where the query has no such filter.
 */
export interface MatchSets {
  readonly text: ScoredDocs | null;
  readonly condition: Int32Array | null;
  readonly intervention: Int32Array | null;
  readonly within: Int32Array | null;
}

export const NO_SETS: MatchSets = { text: null, condition: null, intervention: null, within: null };

/** The bit of each facet's filter in a miss mask. */
export const bitOf = (facet: FacetName): number => 1 << FACETS.indexOf(facet);

/**
 * The candidates of a search: every trial that passes the filters all facets share (text, age, last update,
 * distance) and fails at most one facet's filter; `miss[i]` is 0 or that facet's bit, `score[i]` the relevance.
 */
export interface Candidates {
  readonly length: number;
  readonly slots: Int32Array;
  readonly miss: Uint16Array;
  /** Relevance per candidate; absent when the query has no text or is not ranked by relevance. */
  readonly scores: Float64Array | null;
  /** Whether the query has no filter at all (every trial is a candidate that passes): the landing page. */
  readonly unfiltered: boolean;
}

type SlotTest = (slot: number) => boolean;

/** A mark per slot for the doc ids of a set. */
function marked(index: FactIndex, docIds: Int32Array): Uint8Array {
  const marks = new Uint8Array(index.size);
  for (const docId of docIds) {
    const slot = index.slotOf(docId);
    if (slot >= 0) marks[slot] = 1;
  }
  return marks;
}

/** Trials holding any of the keys in a term column. */
function anyTerm(column: TermColumn, keys: readonly string[]): SlotTest {
  const wanted = new Uint8Array(column.keys.length);
  for (const key of keys) {
    const termId = column.idOf.get(key);
    if (termId !== undefined) wanted[termId] = 1;
  }
  const { offsets, values } = column;
  return (slot) => {
    const end = offsets[slot + 1] ?? 0;
    for (let i = offsets[slot] ?? 0; i < end; i++) if (wanted[values[i] ?? 0] === 1) return true;
    return false;
  };
}

/** A lookup table of the allowed positions of a value list. */
function allowed<T extends string>(list: readonly T[], values: readonly T[]): Uint8Array {
  const table = new Uint8Array(list.length);
  for (const value of values) {
    const position = list.indexOf(value);
    if (position >= 0) table[position] = 1;
  }
  return table;
}

/**
 * Age bounds as registries mean them: "17 Years" maximum still admits someone aged 17.9, so a whole-year maximum is
 * an exclusive bound at max + 1; a fractional maximum (months, weeks, days) is inclusive. Minimums are inclusive.
 */
function ageTest(index: FactIndex, age: number): SlotTest {
  const { minAge, maxAge } = index;
  return (slot) => {
    const min = minAge[slot] ?? Number.NaN;
    const max = maxAge[slot] ?? Number.NaN;
    if (!Number.isNaN(min) && min > age) return false;
    return Number.isNaN(max) || max >= age || (Number.isInteger(max) && max + 1 > age);
  };
}

/** The filters every facet applies: a trial failing one is no candidate at all. */
function sharedTests(index: FactIndex, query: StoreQuery, sets: MatchSets): SlotTest[] {
  const tests: SlotTest[] = [];
  if (query.age !== null) tests.push(ageTest(index, query.age));
  if (query.updatedSince !== null) {
    // A date that is no date admits nothing, as the SQL comparison with NULL does.
    const since = sortableDate(query.updatedSince.slice(0, 10));
    const from = since === null ? Number.POSITIVE_INFINITY : dateNumber(since);
    const { lastUpdate } = index;
    tests.push((slot) => {
      const date = lastUpdate[slot] ?? 0;
      return date !== 0 && date >= from;
    });
  }
  if (sets.within !== null) {
    const near = marked(index, sets.within);
    tests.push((slot) => near[slot] === 1);
  }
  return tests;
}

/** Each facet's own filter, with the facet's bit. */
function facetTests(index: FactIndex, query: StoreQuery, sets: MatchSets): Array<readonly [number, SlotTest]> {
  const tests: Array<readonly [number, SlotTest]> = [];
  const add = (facet: FacetName, test: SlotTest): void => {
    tests.push([bitOf(facet), test]);
  };
  if (query.statuses.length > 0) {
    const ok = allowed(STATUSES, query.statuses);
    add('status', (slot) => ok[index.status[slot] ?? 0] === 1);
  }
  if (query.phases.length > 0) {
    const mask = phaseBitmap(query.phases);
    add('phase', (slot) => ((index.phases[slot] ?? 0) & mask) !== 0);
  }
  if (query.studyTypes.length > 0) {
    const ok = allowed(STUDY_TYPES, query.studyTypes);
    add('studyType', (slot) => ok[index.studyType[slot] ?? 0] === 1);
  }
  if (sets.condition !== null) {
    const ok = marked(index, sets.condition);
    add('condition', (slot) => ok[slot] === 1);
  }
  if (sets.intervention !== null) {
    const ok = marked(index, sets.intervention);
    add('intervention', (slot) => ok[slot] === 1);
  }
  if (query.countries.length > 0) add('country', anyTerm(index.terms.country, query.countries.map(countryKey)));
  if (query.sex !== null) {
    const ok = allowed(SEXES, ['all', query.sex]);
    add('sex', (slot) => ok[index.sex[slot] ?? 0] === 1);
  }
  if (query.healthyVolunteers !== null) {
    // "No" also matches trials that do not say: they have not said they accept healthy volunteers.
    const wanted = query.healthyVolunteers;
    add('healthyVolunteers', (slot) => {
      const value = index.healthyVolunteers[slot] ?? HV_UNKNOWN;
      return wanted ? value === 1 : value !== 1;
    });
  }
  if (query.hasResults !== null) {
    const wanted = query.hasResults ? 1 : 0;
    add('hasResults', (slot) => index.hasResults[slot] === wanted);
  }
  if (query.cancerTypes.length > 0) add('cancerType', anyTerm(index.terms.cancerType, query.cancerTypes));
  if (query.treatments.length > 0) {
    const mask = treatmentMask(query.treatments);
    add('treatment', (slot) => ((index.treatments[slot] ?? 0) & mask) !== 0);
  }
  if (query.ageGroups.length > 0) {
    const mask = ageGroupBitmap(query.ageGroups);
    add('ageGroup', (slot) => ((index.ageGroups[slot] ?? 0) & mask) !== 0);
  }
  return tests;
}

/** Every candidate of the query (see {@link Candidates}). */
export function candidatesOf(index: FactIndex, query: StoreQuery, sets: MatchSets): Candidates {
  const shared = sharedTests(index, query, sets);
  const own = facetTests(index, query, sets);
  const text = sets.text;
  const universe = text === null ? index.size : text.docIds.length;
  const slots = new Int32Array(universe);
  const miss = new Uint16Array(universe);
  const scores = text?.scores == null ? null : new Float64Array(universe);
  let length = 0;
  for (let i = 0; i < universe; i++) {
    const slot = text === null ? i : index.slotOf(text.docIds[i] ?? -1);
    if (slot < 0) continue;
    let passes = true;
    for (const test of shared) {
      if (!test(slot)) {
        passes = false;
        break;
      }
    }
    if (!passes) continue;
    let bits = 0;
    for (const [bit, test] of own) {
      if (test(slot)) continue;
      if (bits !== 0) {
        // A second failed filter: no facet counts this trial.
        bits = -1;
        break;
      }
      bits = bit;
    }
    if (bits < 0) continue;
    slots[length] = slot;
    miss[length] = bits;
    if (scores !== null) scores[length] = text?.scores?.[i] ?? 0;
    length++;
  }
  return { length, slots, miss, scores, unfiltered: text === null && shared.length === 0 && own.length === 0 };
}

/** How many candidates pass every filter: the search's total. */
export function totalOf(candidates: Candidates): number {
  let total = 0;
  for (let i = 0; i < candidates.length; i++) if (candidates.miss[i] === 0) total++;
  return total;
}

/** A result in a page: its slot and its sort key as a page token carries it. */
export interface Ranked {
  readonly slot: number;
  readonly key: number | string | null;
}

/** The orders the index sorts by: relevance (needs text) or last update. */
export type IndexOrder = 'relevance' | 'updated';

/**
 * The first `limit` trials passing every filter, in the order, strictly after `after` when continuing: relevance
 * best first, then id; last update newest first, undated last, then id. A bounded insertion keeps the best `limit`
 * seen, so a page costs one pass over the candidates whatever its depth.
 */
export function pageOf(index: FactIndex, candidates: Candidates, order: IndexOrder, after: PageKey | null, limit: number): Ranked[] {
  const { ids, lastUpdate } = index;
  const scores = candidates.scores;
  if (order === 'relevance' && scores === null) throw new Error('a relevance order needs text scores');
  // Sort key per candidate position: relevance (higher first) or date number (higher first, 0 = undated last).
  const keyAt = (i: number): number => (order === 'relevance' ? (scores?.[i] ?? 0) : (lastUpdate[candidates.slots[i] ?? 0] ?? 0));
  let afterKey: number | null = null;
  if (after !== null) {
    if (order === 'relevance') {
      if (typeof after.key !== 'number') throw invalidPageToken();
      afterKey = after.key;
    } else {
      if (typeof after.key === 'number') throw invalidPageToken();
      afterKey = after.key === null ? 0 : dateNumber(after.key);
    }
  }
  /** Whether position a comes before position b (or before the `after` row when b is -1). */
  const before = (keyA: number, idA: string, keyB: number, idB: string): boolean => (keyA !== keyB ? keyA > keyB : idA < idB);

  const best: number[] = [];
  const bestKeys: number[] = [];
  for (let i = 0; i < candidates.length; i++) {
    if (candidates.miss[i] !== 0) continue;
    const key = keyAt(i);
    const id = ids[candidates.slots[i] ?? 0] ?? '';
    if (after !== null && afterKey !== null && !before(afterKey, after.id, key, id)) continue;
    if (best.length === limit) {
      const worst = best.length - 1;
      if (!before(key, id, bestKeys[worst] ?? 0, ids[candidates.slots[best[worst] ?? 0] ?? 0] ?? '')) continue;
      best.pop();
      bestKeys.pop();
    }
    // Binary search for the insertion point among the kept ones.
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (before(bestKeys[middle] ?? 0, ids[candidates.slots[best[middle] ?? 0] ?? 0] ?? '', key, id)) low = middle + 1;
      else high = middle;
    }
    best.splice(low, 0, i);
    bestKeys.splice(low, 0, key);
  }
  return best.map((position, n) => {
    const slot = candidates.slots[position] ?? 0;
    const key = bestKeys[n] ?? 0;
    return { slot, key: order === 'relevance' ? key : dateText(key) };
  });
}
