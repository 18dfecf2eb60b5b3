/**
 * Facet counts, disjunctive as on ClinicalTrials.gov: each facet counts with every filter applied except its own,
 * so choosing one value still shows how many trials the other values would add.
 *
 * One pass finds the candidates: trials that pass the filters every facet applies (text, age, last update) and fail
 * at most one facet's filter, with a bitmask `miss` naming that filter. A trial counts for facet f when `miss` is 0
 * or f's bit alone. The text match and each filter are thus evaluated once per call, not once per facet; the eight
 * scalar and bitmap facets come from one GROUP BY over the candidates, the three term facets and the cancer-type
 * facet from one join each.
 * Everything runs in one transaction, so all facets (and the total) see one snapshot, and no other statement on the
 * connection can run between filling the candidates table and reading it.
 */
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { SEXES, STATUSES, STUDY_TYPES } from '../../domain/trial.ts';
import { FACETS, type FacetCount, type FacetName, type Facets, type StoreQuery } from '../../domain/query.ts';
import { taggedFilters } from './filters.ts';
import { PHASE_BITS } from './migrations/0002-narrow-facts.ts';
import type { Database } from './schema.ts';
import { preferredSpelling, type Spelling } from '../shared/term-spelling.ts';
import { AGE_GROUP_BITS, TREATMENT_BITS } from '../shared/fact-bits.ts';

/** Free-text facets show only their most frequent values. */
export const TERM_FACET_LIMIT = 30;

type TermFacet = 'condition' | 'intervention' | 'country';

const TERM_TABLES = {
  condition: 'trial_conditions',
  intervention: 'trial_interventions',
  country: 'trial_countries',
} as const satisfies Record<TermFacet, keyof Database>;

/**
 * Below this share of the candidates, a term facet looks up each counted candidate's terms; above it, it scans
 * the term table. Measured on 100,000 synthetic trials, where the two cost the same at about a third.
 */
const CANDIDATES_FIRST_BELOW = 0.35;

/** Bit of each facet's filter in `miss`. */
const bitOf = (facet: FacetName): number => 1 << FACETS.indexOf(facet);
const ALL_BITS = (1 << FACETS.length) - 1;

/** Facets and the total of the search (trials passing every filter), from one snapshot. */
export interface FacetsWithTotal {
  readonly facets: Facets;
  readonly total: number;
}

/** One group of candidates that agree on every scalar facet value and on which filter they fail. */
interface ScalarGroup {
  readonly code: number;
  readonly miss: number;
  readonly n: number;
}

interface TermCount {
  readonly key: string;
  readonly n: number;
}

/** Count desc, then value, compared by code unit so every backend can reproduce the order. */
function byCountThenValue(a: FacetCount, b: FacetCount): number {
  if (a.count !== b.count) return b.count - a.count;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

function sorted(counts: ReadonlyMap<string, number>): FacetCount[] {
  return [...counts].filter(([, count]) => count > 0).map(([value, count]) => ({ value, count })).sort(byCountThenValue);
}

/** The treatment kinds' bits of the treatments bitmap (the transplant sub-kinds above them are not a facet). */
const TREATMENT_KIND_MASK = (1 << TREATMENT_BITS.length) - 1;

/**
 * The scalar facet values of a trial packed into one integer, so grouping sorts one integer column instead of
 * eight text columns (several times faster). Bits: status 0-3, study type 4-5, sex 6-7, healthy volunteers 8-9
 * (2 = unknown), results 10, phases 11-16, treatment kinds 17-25, age groups 26-29 (the facts bitmaps): 30 bits,
 * so JavaScript's 32-bit shifts unpack it.
 */
// Each part is parenthesised: in SQLite `<<` and `|` share one precedence level.
const PACKED_CODE = sql.raw(`(${[
  `CASE status ${STATUSES.map((value, index) => `WHEN '${value}' THEN ${String(index)}`).join(' ')} END`,
  `(CASE study_type ${STUDY_TYPES.map((value, index) => `WHEN '${value}' THEN ${String(index)}`).join(' ')} END) << 4`,
  `(CASE sex ${SEXES.map((value, index) => `WHEN '${value}' THEN ${String(index)}`).join(' ')} END) << 6`,
  `coalesce(healthy_volunteers, 2) << 8`,
  `has_results << 10`,
  `phases << 11`,
  `(treatments & ${String(TREATMENT_KIND_MASK)}) << 17`,
  `age_groups << 26`,
].map((part) => `(${part})`).join(' | ')})`);

function unpack(code: number) {
  const hv = (code >> 8) & 3;
  return {
    status: STATUSES[code & 15] ?? 'unknown',
    studyType: STUDY_TYPES[(code >> 4) & 3] ?? 'unknown',
    sex: SEXES[(code >> 6) & 3] ?? 'all',
    healthyVolunteers: hv === 1 ? 'true' : hv === 0 ? 'false' : 'unknown',
    hasResults: ((code >> 10) & 1) === 1 ? 'true' : 'false',
    phases: (code >> 11) & 63,
    treatments: (code >> 17) & TREATMENT_KIND_MASK,
    ageGroups: (code >> 26) & 15,
  };
}

/** Fills `temp.facet_candidates`; returns false when the query has no filter at all (every trial is a candidate). */
async function fillCandidates(db: Kysely<Database>, query: StoreQuery): Promise<boolean> {
  const filters = taggedFilters(query);
  if (filters.length === 0) return false;
  const everywhere: Expression<SqlBool>[] = [];
  const misses = [];
  for (const [tag, expression] of filters) {
    if (tag === 'text' || tag === 'other') everywhere.push(expression);
    else misses.push(sql<number>`(CASE WHEN ${expression} THEN 0 ELSE ${sql.lit(bitOf(tag))} END)`);
  }
  const miss = misses.length === 0 ? sql<number>`0` : sql<number>`(${sql.join(misses, sql` | `)})`;
  const candidates = db
    .selectFrom('trial_facts')
    .select(['trial_facts.doc_id', PACKED_CODE.as('code'), miss.as('miss')])
    .where((eb) => eb.and(everywhere));
  // A temp table lives in memory (temp_store) and per connection, so concurrent readers never share one.
  await sql`CREATE TEMP TABLE IF NOT EXISTS facet_candidates (doc_id INTEGER PRIMARY KEY, code INTEGER, miss INTEGER)`.execute(db);
  await sql`DELETE FROM temp.facet_candidates`.execute(db);
  await sql`INSERT INTO temp.facet_candidates SELECT * FROM (${candidates}) WHERE (miss & (miss - 1)) = 0`.execute(db);
  return true;
}

/** The five scalar facets, the phase facet and the total, from one GROUP BY. */
async function scalarFacets(db: Kysely<Database>, filtered: boolean) {
  const { rows: groups } = await (filtered
    ? sql<ScalarGroup>`SELECT code, miss, count(*) AS n FROM temp.facet_candidates GROUP BY code, miss`
    : sql<ScalarGroup>`SELECT ${PACKED_CODE} AS code, 0 AS miss, count(*) AS n FROM trial_facts GROUP BY code`
  ).execute(db);
  const counts = new Map<FacetName, Map<string, number>>(FACETS.map((facet) => [facet, new Map()]));
  const add = (facet: FacetName, value: string, n: number): void => {
    const values = counts.get(facet);
    values?.set(value, (values.get(value) ?? 0) + n);
  };
  let total = 0;
  /** How many candidates each term facet counts over, to choose how to join them (see termCounts). */
  const counted = new Map<FacetName, number>();
  for (const group of groups) {
    const values = unpack(group.code);
    for (const facet of FACETS) {
      // Counts for a facet when no other facet's filter fails.
      if ((group.miss & ~bitOf(facet)) !== 0) continue;
      counted.set(facet, (counted.get(facet) ?? 0) + group.n);
      switch (facet) {
        case 'phase':
          PHASE_BITS.forEach((phase, bit) => {
            if ((values.phases & (1 << bit)) !== 0) add('phase', phase, group.n);
          });
          break;
        case 'treatment':
          TREATMENT_BITS.forEach((kind, bit) => {
            if ((values.treatments & (1 << bit)) !== 0) add('treatment', kind, group.n);
          });
          break;
        case 'ageGroup':
          AGE_GROUP_BITS.forEach((ageGroup, bit) => {
            if ((values.ageGroups & (1 << bit)) !== 0) add('ageGroup', ageGroup, group.n);
          });
          break;
        case 'status':
        case 'studyType':
        case 'sex':
        case 'healthyVolunteers':
        case 'hasResults':
          add(facet, values[facet], group.n);
          break;
        case 'condition':
        case 'intervention':
        case 'country':
        case 'cancerType':
          break;
      }
    }
    if (group.miss === 0) total += group.n;
  }
  const all = groups.reduce((sum, group) => sum + group.n, 0);
  const of = (facet: FacetName): FacetCount[] => sorted(counts.get(facet) ?? new Map<string, number>());
  return {
    total,
    /** The share of candidates each term facet counts over. */
    share: (facet: TermFacet | 'cancerType'): number => (all === 0 ? 0 : (counted.get(facet) ?? 0) / all),
    status: of('status'),
    phase: of('phase'),
    studyType: of('studyType'),
    sex: of('sex'),
    healthyVolunteers: of('healthyVolunteers'),
    hasResults: of('hasResults'),
    treatment: of('treatment'),
    ageGroup: of('ageGroup'),
  };
}

/** Trials per cancer type (ids, each type counting its subtypes' trials through the stored ancestors); no cut. */
async function cancerTypeFacet(db: Kysely<Database>, filtered: boolean, share: number): Promise<FacetCount[]> {
  const join = share < CANDIDATES_FIRST_BELOW ? sql`CROSS JOIN` : sql`JOIN`;
  const { rows } = await (filtered
    ? sql<TermCount>`SELECT t.type AS key, count(*) AS n FROM temp.facet_candidates AS c
        ${join} trial_cancer_types AS t ON t.doc_id = c.doc_id
        WHERE (c.miss & ${sql.lit(ALL_BITS & ~bitOf('cancerType'))}) = 0 GROUP BY t.type`
    : sql<TermCount>`SELECT type AS key, count(*) AS n FROM trial_cancer_types GROUP BY type`
  ).execute(db);
  return sorted(new Map(rows.map((row) => [row.key, row.n])));
}

/**
 * The most frequent keys of a term facet, keeping every key tied with the last one shown so the cut is made by
 * display value, after spellings are chosen. Without filters the counts come from the spelling table (kept by
 * triggers), with no scan of the term table.
 */
async function termCounts(db: Kysely<Database>, facet: TermFacet, filtered: boolean, share: number): Promise<TermCount[]> {
  // Few candidates: look up each one's terms (CROSS JOIN fixes that order in SQLite). Many: read the term table in
  // key order, grouping as it goes with no sort, and look each row's trial up among the candidates.
  const join = share < CANDIDATES_FIRST_BELOW ? sql`CROSS JOIN` : sql`JOIN`;
  const counted = filtered
    ? sql`SELECT term.key AS key, count(*) AS n FROM temp.facet_candidates AS c
        ${join} ${sql.table(TERM_TABLES[facet])} AS term ON term.doc_id = c.doc_id
        WHERE (c.miss & ${sql.lit(ALL_BITS & ~bitOf(facet))}) = 0 GROUP BY term.key`
    : sql`SELECT key, sum(trials) AS n FROM trial_term_spellings WHERE facet = ${facet} GROUP BY key`;
  const { rows } = await sql<TermCount>`WITH counted AS MATERIALIZED (${counted})
    SELECT key, n FROM counted
    WHERE n >= coalesce((SELECT n FROM counted ORDER BY n DESC LIMIT 1 OFFSET ${sql.lit(TERM_FACET_LIMIT - 1)}), 0)`.execute(db);
  return rows;
}

/** The term facet with each key shown in its most common spelling. */
async function termFacet(db: Kysely<Database>, facet: TermFacet, filtered: boolean, share: number): Promise<FacetCount[]> {
  const counts = await termCounts(db, facet, filtered, share);
  const spellings = new Map<string, Spelling[]>();
  const keys = counts.map((count) => count.key);
  const rows =
    keys.length === 0
      ? []
      : await db
          .selectFrom('trial_term_spellings')
          .select(['key', 'name', 'trials'])
          .where('facet', '=', facet)
          .where('key', 'in', keys)
          .execute();
  for (const row of rows) spellings.set(row.key, [...(spellings.get(row.key) ?? []), row]);
  return counts
    .map(({ key, n }) => ({ value: preferredSpelling(spellings.get(key) ?? []) ?? key, count: n }))
    .sort(byCountThenValue)
    .slice(0, TERM_FACET_LIMIT);
}

/**
 * Every facet of {@link FacetName}, each with its own filter left out (zero counts never appear), and the total.
 * `trx` must be a transaction: see the file comment.
 */
export async function facetsInTransaction(trx: Kysely<Database>, query: StoreQuery): Promise<FacetsWithTotal> {
  const filtered = await fillCandidates(trx, query);
  // One after another: the connection runs one statement at a time anyway.
  const { total, share, ...scalar } = await scalarFacets(trx, filtered);
  const condition = await termFacet(trx, 'condition', filtered, share('condition'));
  const intervention = await termFacet(trx, 'intervention', filtered, share('intervention'));
  const country = await termFacet(trx, 'country', filtered, share('country'));
  const cancerType = await cancerTypeFacet(trx, filtered, share('cancerType'));
  // Emptied inside the transaction, so the candidates never outlive it (a failure rolls them back too).
  if (filtered) await sql`DELETE FROM temp.facet_candidates`.execute(trx);
  return { facets: { ...scalar, condition, intervention, country, cancerType }, total };
}

/** Every facet of {@link FacetName}, each with its own filter left out; zero counts never appear. */
export async function facetCounts(db: Kysely<Database>, query: StoreQuery): Promise<Facets> {
  return (await db.transaction().execute((trx) => facetsInTransaction(trx, query))).facets;
}
