import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { EMPTY_QUERY, FACETS, type FacetName, type StoreQuery } from '../../domain/query.ts';
import { SEXES, STATUSES, STUDY_TYPES, type Phase } from '../../domain/trial.ts';
import type { TreatmentKind } from '../../domain/classify/treatment-kinds.ts';
import { AGE_GROUP_BITS, PHASE_BITS, TREATMENT_BITS } from './fact-bits.ts';
import { PHASE_BITS as STORED_PHASE_BITS } from '../sqlite/migrations/0002-narrow-facts.ts';
import { byCountThenValue, facetsOf, TERM_FACET_LIMIT } from './fact-index-facets.ts';
import { candidatesOf, NO_SETS, pageOf, totalOf, type MatchSets } from './fact-index-query.ts';
import { dateNumber, FactIndexBuilder, type FactRow } from './fact-index.ts';
import type { PageKey } from './page-token.ts';

/** A trial as the reference evaluates it: plain fields, no typed arrays. */
interface Doc extends FactRow {
  readonly conditions: readonly string[];
  readonly countries: readonly string[];
  readonly cancerTypes: readonly string[];
}

const CONDITIONS = ['all', 'aml', 'cml', 'lymphoma', 'myeloma'];
const COUNTRIES = ['united kingdom', 'france', 'germany'];
const TYPES = ['blood', 'leukaemia', 'acute-lymphoblastic-leukaemia', 'breast'];

const docArbitrary = (docId: number): fc.Arbitrary<Doc> =>
  fc.record({
    docId: fc.constant(docId),
    id: fc.constant(`NCT${String(90_000_000 + docId)}`),
    status: fc.constantFrom(...STATUSES),
    studyType: fc.constantFrom(...STUDY_TYPES),
    sex: fc.constantFrom(...SEXES),
    healthyVolunteers: fc.constantFrom(true, false, null),
    hasResults: fc.boolean(),
    phases: fc.integer({ min: 0, max: 63 }),
    minAge: fc.constantFrom(null, 0, 16, 18, 60),
    maxAge: fc.constantFrom(null, 17, 17.5, 39, 65),
    lastUpdate: fc.constantFrom(null, '2014-06-01', '2020-01-31', '2020-02-01', '2024-11-30'),
    treatments: fc.integer({ min: 0, max: 2047 }),
    ageGroups: fc.integer({ min: 0, max: 15 }),
    conditions: fc.subarray(CONDITIONS),
    countries: fc.subarray(COUNTRIES),
    cancerTypes: fc.subarray(TYPES),
  });

const corpusArbitrary = fc.integer({ min: 0, max: 40 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => docArbitrary(i * 3 + 1))));

const queryArbitrary: fc.Arbitrary<StoreQuery> = fc.record({
  statuses: fc.subarray([...STATUSES], { maxLength: 2 }),
  phases: fc.subarray([...PHASE_BITS] as Phase[], { maxLength: 2 }),
  studyTypes: fc.subarray([...STUDY_TYPES], { maxLength: 1 }),
  countries: fc.subarray(['United Kingdom', 'France'], { maxLength: 1 }),
  age: fc.constantFrom(null, 17, 17.9, 40, 70),
  sex: fc.constantFrom(null, 'female' as const, 'male' as const),
  healthyVolunteers: fc.constantFrom(null, true, false),
  hasResults: fc.constantFrom(null, true, false),
  updatedSince: fc.constantFrom(null, '2020-02-01'),
  cancerTypes: fc.subarray(TYPES, { maxLength: 2 }),
  treatments: fc.subarray([...TREATMENT_BITS] as TreatmentKind[], { maxLength: 2 }),
  ageGroups: fc.subarray([...AGE_GROUP_BITS], { maxLength: 2 }),
}).map((filters) => ({ ...EMPTY_QUERY, ...filters, conditions: [], interventions: [], text: null, near: null }));

function indexOf(docs: readonly Doc[]) {
  const builder = new FactIndexBuilder('test');
  // Terms before facts and in reverse: the builder must not depend on the order rows arrive in.
  for (const doc of [...docs].reverse()) {
    for (const key of doc.conditions) builder.addTerm('condition', doc.docId, key);
    for (const key of doc.countries) builder.addTerm('country', doc.docId, key);
    for (const key of doc.cancerTypes) builder.addTerm('cancerType', doc.docId, key);
  }
  // Facts in reverse too: a backend need not read them in doc id order.
  for (const doc of [...docs].reverse()) builder.addFacts(doc);
  for (const key of CONDITIONS) builder.showTerm('condition', key, key.toUpperCase());
  return builder.build();
}

/** Each filter of the query as a plain predicate, written from the filters' documented meaning. */
function referenceFilters(query: StoreQuery): Array<readonly [FacetName | 'other', (doc: Doc) => boolean]> {
  const has = (bits: number, values: readonly string[], list: readonly string[]): boolean =>
    values.some((value) => (bits & (1 << list.indexOf(value))) !== 0);
  const filters: Array<readonly [FacetName | 'other', (doc: Doc) => boolean]> = [];
  if (query.statuses.length > 0) filters.push(['status', (d) => query.statuses.includes(d.status)]);
  if (query.phases.length > 0) filters.push(['phase', (d) => has(d.phases, query.phases, PHASE_BITS)]);
  if (query.studyTypes.length > 0) filters.push(['studyType', (d) => query.studyTypes.includes(d.studyType)]);
  if (query.countries.length > 0) filters.push(['country', (d) => query.countries.some((c) => d.countries.includes(c.toLowerCase()))]);
  if (query.age !== null) {
    const age = query.age;
    filters.push([
      'other',
      (d) =>
        (d.minAge === null || d.minAge <= age) &&
        (d.maxAge === null || d.maxAge >= age || (Number.isInteger(d.maxAge) && d.maxAge + 1 > age)),
    ]);
  }
  if (query.sex !== null) filters.push(['sex', (d) => d.sex === 'all' || d.sex === query.sex]);
  if (query.healthyVolunteers !== null) {
    filters.push(['healthyVolunteers', (d) => (query.healthyVolunteers === true ? d.healthyVolunteers === true : d.healthyVolunteers !== true)]);
  }
  if (query.hasResults !== null) filters.push(['hasResults', (d) => d.hasResults === query.hasResults]);
  if (query.updatedSince !== null) filters.push(['other', (d) => d.lastUpdate !== null && d.lastUpdate >= '2020-02-01']);
  if (query.cancerTypes.length > 0) filters.push(['cancerType', (d) => d.cancerTypes.some((t) => query.cancerTypes.includes(t))]);
  if (query.treatments.length > 0) filters.push(['treatment', (d) => has(d.treatments, query.treatments, TREATMENT_BITS)]);
  if (query.ageGroups.length > 0) filters.push(['ageGroup', (d) => has(d.ageGroups, query.ageGroups, AGE_GROUP_BITS)]);
  return filters;
}

/** The reference facet: count the values of the trials passing every filter but the facet's own. */
function referenceFacet(docs: readonly Doc[], query: StoreQuery, facet: FacetName) {
  const passing = docs.filter((doc) => referenceFilters(query).every(([tag, test]) => tag === facet || test(doc)));
  const counts = new Map<string, number>();
  const add = (value: string): void => {
    counts.set(value, (counts.get(value) ?? 0) + 1);
  };
  const bits = (value: number, list: readonly string[]): void => {
    list.forEach((name, bit) => {
      if ((value & (1 << bit)) !== 0) add(name);
    });
  };
  for (const doc of passing) {
    switch (facet) {
      case 'status':
      case 'studyType':
      case 'sex':
        add(doc[facet]);
        break;
      case 'healthyVolunteers':
        add(doc.healthyVolunteers === null ? 'unknown' : String(doc.healthyVolunteers));
        break;
      case 'hasResults':
        add(String(doc.hasResults));
        break;
      case 'phase':
        bits(doc.phases, PHASE_BITS);
        break;
      case 'treatment':
        bits(doc.treatments, TREATMENT_BITS);
        break;
      case 'ageGroup':
        bits(doc.ageGroups, AGE_GROUP_BITS);
        break;
      case 'condition':
        for (const key of doc.conditions) add(key.toUpperCase());
        break;
      case 'country':
        for (const key of doc.countries) add(key);
        break;
      case 'cancerType':
        for (const key of doc.cancerTypes) add(key);
        break;
      case 'intervention':
        break;
    }
  }
  return [...counts].map(([value, count]) => ({ value, count })).sort(byCountThenValue);
}

describe('fact index', () => {
  it('keeps the phase bit order SQLite stored', () => {
    assert.deepEqual([...PHASE_BITS], [...STORED_PHASE_BITS]);
  });

  it('counts every facet as a per-facet filter of the plain trials would, and totals the trials passing all', () => {
    fc.assert(
      fc.property(corpusArbitrary, queryArbitrary, (docs, query) => {
        const index = indexOf(docs);
        const candidates = candidatesOf(index, query, NO_SETS);
        const facets = facetsOf(index, candidates);
        for (const facet of FACETS) {
          // Fewer distinct values than the cut, so the term facets are whole here.
          assert.ok(CONDITIONS.length < TERM_FACET_LIMIT);
          assert.deepEqual(facets[facet], referenceFacet(docs, query, facet), facet);
        }
        const passing = docs.filter((doc) => referenceFilters(query).every(([, test]) => test(doc)));
        assert.equal(totalOf(candidates), passing.length);
      }),
      { numRuns: 300 },
    );
  });

  it('pages by last update then id, newest first and undated last, continuing exactly after each page', () => {
    fc.assert(
      fc.property(corpusArbitrary, fc.integer({ min: 1, max: 7 }), (docs, pageSize) => {
        const index = indexOf(docs);
        const candidates = candidatesOf(index, { ...EMPTY_QUERY, text: null, near: null }, NO_SETS);
        const expected = [...docs]
          .sort((a, b) => dateNumber(b.lastUpdate) - dateNumber(a.lastUpdate) || (a.id < b.id ? -1 : 1))
          .map((doc) => doc.id);
        const seen: string[] = [];
        let after: PageKey | null = null;
        for (;;) {
          const page = pageOf(index, candidates, 'updated', after, pageSize);
          seen.push(...page.map((row) => index.ids[row.slot] ?? ''));
          const last = page.at(-1);
          if (last === undefined || page.length < pageSize) break;
          after = { key: last.key, id: index.ids[last.slot] ?? '' };
        }
        assert.deepEqual(seen, expected);
      }),
    );
  });

  it('ranks text matches by score then id, and counts only the matching trials', () => {
    fc.assert(
      fc.property(corpusArbitrary, fc.integer({ min: 1, max: 5 }), (docs, pageSize) => {
        const index = indexOf(docs);
        const matched = docs.filter((_, i) => i % 2 === 0);
        // Few distinct scores, so ties are common and the id must break them.
        const scoreOf = (doc: Doc): number => (doc.docId % 3) * 1.5;
        const sets: MatchSets = {
          ...NO_SETS,
          text: { docIds: Int32Array.from(matched, (d) => d.docId), scores: Float64Array.from(matched, scoreOf) },
        };
        const candidates = candidatesOf(index, { ...EMPTY_QUERY, text: null, near: null }, sets);
        assert.equal(totalOf(candidates), matched.length);
        const expected = [...matched].sort((a, b) => scoreOf(b) - scoreOf(a) || (a.id < b.id ? -1 : 1)).map((d) => d.id);
        const seen: string[] = [];
        let after: PageKey | null = null;
        for (;;) {
          const page = pageOf(index, candidates, 'relevance', after, pageSize);
          seen.push(...page.map((row) => index.ids[row.slot] ?? ''));
          const last = page.at(-1);
          if (last === undefined || page.length < pageSize) break;
          after = { key: last.key, id: index.ids[last.slot] ?? '' };
        }
        assert.deepEqual(seen, expected);
      }),
    );
  });

  it('ignores doc ids it does not hold, and term rows of trials without facts', () => {
    const builder = new FactIndexBuilder('v1');
    builder.addTerm('condition', 99, 'orphan');
    const index = builder.build();
    assert.equal(index.size, 0);
    assert.equal(index.slotOf(99), -1);
    const candidates = candidatesOf(index, { ...EMPTY_QUERY, text: null, near: null }, {
      ...NO_SETS,
      text: { docIds: Int32Array.of(99), scores: Float64Array.of(1) },
    });
    assert.equal(candidates.length, 0);
  });
});
