/**
 * Facet counts, disjunctive as on ClinicalTrials.gov and as sqlite/facets.ts: each facet counts with every filter
 * applied except its own. One statement per facet, run in parallel on the pool: measured at 50,000 trials, this was
 * as fast as or faster than one statement over materialised candidates with a miss bitmask (the SQLite approach),
 * because PostgreSQL runs the nine statements on several cores at once.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { FacetCount, FacetName, Facets, StoreQuery } from '../../domain/query.ts';
import { filterExpression, filtersOrNull } from './filters.ts';
import type { Database } from './schema.ts';

/** Free-text facets show only their most frequent values (the same limit as SQLite's). */
export const TERM_FACET_LIMIT = 30;

type ScalarFacet = 'status' | 'studyType' | 'sex' | 'healthyVolunteers' | 'hasResults';
type TermFacet = 'condition' | 'intervention' | 'country';

/** The value each scalar facet counts by; booleans read as 'true'/'false'('/unknown'). */
const SCALAR_VALUES: Readonly<Record<ScalarFacet, RawBuilder<string>>> = {
  status: sql<string>`trials.status`,
  studyType: sql<string>`trials.study_type`,
  sex: sql<string>`trials.sex`,
  healthyVolunteers: sql<string>`CASE trials.healthy_volunteers WHEN true THEN 'true' WHEN false THEN 'false' ELSE 'unknown' END`,
  hasResults: sql<string>`CASE WHEN trials.has_results THEN 'true' ELSE 'false' END`,
};

const TERM_TABLES = {
  condition: 'trial_conditions',
  intervention: 'trial_interventions',
  country: 'trial_countries',
} as const satisfies Record<TermFacet, keyof Database>;

/** node-postgres returns bigint as text; a facet count always fits an int. */
const COUNT = sql<number>`count(*)::int`;

/** Count desc, then value, compared by code unit so every backend can reproduce the order. */
function byCountThenValue(a: FacetCount, b: FacetCount): number {
  if (a.count !== b.count) return b.count - a.count;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

async function scalarFacet(db: Kysely<Database>, query: StoreQuery, facet: ScalarFacet): Promise<FacetCount[]> {
  const value = SCALAR_VALUES[facet];
  const rows = await db
    .selectFrom('trials')
    .select([value.as('value'), COUNT.as('count')])
    .where(filterExpression(query, { exceptFacet: facet }))
    .groupBy(sql`1`)
    .execute();
  return rows.sort(byCountThenValue);
}

// Child-table facets join `trials` only when a filter needs it: with none (the landing page) they read the child
// table alone, by an index-only scan of its primary key.

async function phaseFacet(db: Kysely<Database>, query: StoreQuery): Promise<FacetCount[]> {
  const filters = filtersOrNull(query, { exceptFacet: 'phase' });
  const phases = db.selectFrom('trial_phases');
  const rows = await (filters === null ? phases : phases.innerJoin('trials', 'trials.doc_id', 'trial_phases.doc_id').where(filters))
    .select(['trial_phases.phase as value', COUNT.as('count')])
    .groupBy('trial_phases.phase')
    .execute();
  return rows.sort(byCountThenValue);
}

/** Terms are grouped by their normalised key; the value shown is one of the spellings registries used. */
async function termFacet(db: Kysely<Database>, query: StoreQuery, facet: TermFacet): Promise<FacetCount[]> {
  const filters = filtersOrNull(query, { exceptFacet: facet });
  const terms = db.selectFrom(`${TERM_TABLES[facet]} as term`);
  const rows = await (filters === null ? terms : terms.innerJoin('trials', 'trials.doc_id', 'term.doc_id').where(filters))
    .select((eb) => [eb.fn.min('term.name').as('value'), COUNT.as('count')])
    .groupBy('term.key')
    .orderBy('count', 'desc')
    .orderBy('value')
    .limit(TERM_FACET_LIMIT)
    .execute();
  return rows.sort(byCountThenValue);
}

/** Every facet of {@link FacetName}, each with its own filter left out; zero counts never appear. */
export async function facetCounts(db: Kysely<Database>, query: StoreQuery): Promise<Facets> {
  const counts = (facet: FacetName): Promise<FacetCount[]> => {
    switch (facet) {
      case 'phase':
        return phaseFacet(db, query);
      case 'condition':
      case 'intervention':
      case 'country':
        return termFacet(db, query, facet);
      case 'status':
      case 'studyType':
      case 'sex':
      case 'healthyVolunteers':
      case 'hasResults':
        return scalarFacet(db, query, facet);
    }
  };
  const [status, phase, studyType, condition, intervention, country, sex, healthyVolunteers, hasResults] =
    await Promise.all([
      counts('status'),
      counts('phase'),
      counts('studyType'),
      counts('condition'),
      counts('intervention'),
      counts('country'),
      counts('sex'),
      counts('healthyVolunteers'),
      counts('hasResults'),
    ]);
  return { status, phase, studyType, condition, intervention, country, sex, healthyVolunteers, hasResults };
}
