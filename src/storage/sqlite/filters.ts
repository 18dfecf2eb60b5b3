/**
 * The WHERE clause of a search, as Kysely expressions over the narrow `trial_facts` rows (migration 0002). Facets
 * reuse it with one filter left out (disjunctive faceting), so every filter is tagged with the facet it belongs to.
 */
import { expressionBuilder, sql, type Expression, type SqlBool } from 'kysely';
import type { FacetName, StoreQuery } from '../../domain/query.ts';
import { columnPhrasesMatch, textMatch, type FtsColumn } from './fts.ts';
import type { Database } from './schema.ts';
import { sortableDate } from '../../domain/partial-date.ts';
import { countryKey } from '../shared/child-rows.ts';
import { ageGroupBitmap, treatmentMask } from '../shared/fact-bits.ts';
import { boundingBox, distanceLimit } from '../shared/nearest-site.ts';
import type { GeoPoint } from '../../domain/geo.ts';
import { MILES_BETWEEN } from './connection.ts';
import { phaseBits } from './trial-row.ts';

const eb = expressionBuilder<Database, 'trial_facts'>();

/** Trials whose FTS row matches the expression; an IN list on the integer key the planner probes directly. */
function ftsMatches(match: string): Expression<SqlBool> {
  return eb('trial_facts.doc_id', 'in', eb.selectFrom('trials_fts').select('trials_fts.rowid').where(sql<SqlBool>`trials_fts MATCH ${match}`));
}

/** Any of the values as a phrase in one column; values with no searchable word match nothing (never everything). */
function columnFilter(column: FtsColumn, values: readonly string[]): Expression<SqlBool> {
  const match = columnPhrasesMatch(column, values);
  return match === null ? sql<SqlBool>`0` : ftsMatches(match);
}

/**
 * Age bounds as registries mean them: "17 Years" maximum still admits someone aged 17.9, so a whole-year maximum is
 * an exclusive bound at max + 1; a fractional maximum (months, weeks, days) is inclusive. Minimums are inclusive.
 */
function ageFilter(age: number): Expression<SqlBool> {
  return eb.and([
    eb.or([eb('trial_facts.min_age', 'is', null), eb('trial_facts.min_age', '<=', age)]),
    eb.or([
      eb('trial_facts.max_age', 'is', null),
      eb('trial_facts.max_age', '>=', age),
      sql<SqlBool>`(trial_facts.max_age = round(trial_facts.max_age) AND trial_facts.max_age + 1 > ${age})`,
    ]),
  ]);
}

/** The distance in miles from `near` to the site row `s` (the domain's haversine, see connection.ts). */
export function milesFrom(near: GeoPoint) {
  return sql<number>`${sql.raw(MILES_BETWEEN)}(s.latitude, s.longitude, ${near.lat}, ${near.lon})`;
}

/**
 * Trials with an open site within `miles`: the partial index on open sites' (latitude, longitude) narrows them to a
 * bounding box, then the exact distance decides.
 */
function withinFilter(near: GeoPoint, miles: number): Expression<SqlBool> {
  const box = boundingBox(near, miles);
  const lon = box.lon === null ? sql`` : sql` AND s.longitude BETWEEN ${box.lon[0]} AND ${box.lon[1]}`;
  return sql<SqlBool>`trial_facts.doc_id IN (SELECT s.doc_id FROM trial_sites AS s
    WHERE s.open = 1 AND s.latitude BETWEEN ${box.lat[0]} AND ${box.lat[1]}${lon} AND ${milesFrom(near)} <= ${miles})`;
}

/** What a filter belongs to: a facet (which ignores it), the free text, or nothing in particular. */
export type FilterTag = FacetName | 'text' | 'other';

/** Each filter of the query with its tag; several filters may share a tag ('other'). */
export function taggedFilters(query: StoreQuery): Array<readonly [FilterTag, Expression<SqlBool>]> {
  const filters: Array<readonly [FilterTag, Expression<SqlBool>]> = [];
  const match = textMatch(query.text);
  if (match !== null) filters.push(['text', ftsMatches(match)]);
  if (query.statuses.length > 0) filters.push(['status', eb('trial_facts.status', 'in', query.statuses)]);
  if (query.phases.length > 0) {
    // Any of the phases: the trial's bitmap shares a bit with the wanted ones.
    filters.push(['phase', sql<SqlBool>`(trial_facts.phases & ${phaseBits(query.phases)}) != 0`]);
  }
  if (query.studyTypes.length > 0) filters.push(['studyType', eb('trial_facts.study_type', 'in', query.studyTypes)]);
  if (query.conditions.length > 0) filters.push(['condition', columnFilter('conditions', query.conditions)]);
  if (query.interventions.length > 0) {
    filters.push(['intervention', columnFilter('interventions_keywords', query.interventions)]);
  }
  if (query.countries.length > 0) {
    // Uncorrelated IN: SQLite builds the set of matching trials once, where a correlated EXISTS would probe the
    // countries table for every candidate row (the facet pass evaluates this for every trial on a landing page).
    const countries = eb
      .selectFrom('trial_countries')
      .select('trial_countries.doc_id')
      .where('trial_countries.key', 'in', query.countries.map(countryKey));
    filters.push(['country', eb('trial_facts.doc_id', 'in', countries)]);
  }
  if (query.age !== null) filters.push(['other', ageFilter(query.age)]);
  if (query.sex !== null) filters.push(['sex', eb('trial_facts.sex', 'in', ['all', query.sex])]);
  if (query.healthyVolunteers !== null) {
    // "No" also matches trials that do not say: they have not said they accept healthy volunteers.
    const accepts = query.healthyVolunteers
      ? eb('trial_facts.healthy_volunteers', '=', 1)
      : eb.or([eb('trial_facts.healthy_volunteers', '=', 0), eb('trial_facts.healthy_volunteers', 'is', null)]);
    filters.push(['healthyVolunteers', accepts]);
  }
  if (query.hasResults !== null) filters.push(['hasResults', eb('trial_facts.has_results', '=', query.hasResults ? 1 : 0)]);
  if (query.updatedSince !== null) {
    filters.push(['other', eb('trial_facts.last_update', '>=', sortableDate(query.updatedSince.slice(0, 10)))]);
  }
  if (query.cancerTypes.length > 0) {
    // Ancestors are stored with each type, so a type's own id also finds every trial of its subtypes.
    const types = eb.selectFrom('trial_cancer_types').select('trial_cancer_types.doc_id').where('trial_cancer_types.type', 'in', query.cancerTypes);
    filters.push(['cancerType', eb('trial_facts.doc_id', 'in', types)]);
  }
  if (query.treatments.length > 0) {
    filters.push(['treatment', sql<SqlBool>`(trial_facts.treatments & ${treatmentMask(query.treatments)}) != 0`]);
  }
  if (query.ageGroups.length > 0) {
    filters.push(['ageGroup', sql<SqlBool>`(trial_facts.age_groups & ${ageGroupBitmap(query.ageGroups)}) != 0`]);
  }
  const limit = distanceLimit(query);
  if (limit !== null) filters.push(['other', withinFilter(limit.near, limit.miles)]);
  return filters;
}

export interface FilterOptions {
  /** Leave out this facet's own filter. */
  readonly exceptFacet?: FacetName;
  /** Leave out the text filter: the relevance search matches the text itself, to rank it. */
  readonly withoutText?: boolean;
}

/** The query's filters ANDed, or null when none applies (so a caller can skip a join it needs only for them). */
export function filtersOrNull(query: StoreQuery, options: FilterOptions = {}): Expression<SqlBool> | null {
  const parts = taggedFilters(query)
    .filter(([tag]) => tag !== options.exceptFacet && !(options.withoutText === true && tag === 'text'))
    .map(([, expression]) => expression);
  return parts.length === 0 ? null : eb.and(parts);
}

/** The query's filters ANDed; always true when none applies. */
export function filterExpression(query: StoreQuery, options: FilterOptions = {}): Expression<SqlBool> {
  return filtersOrNull(query, options) ?? sql<SqlBool>`1`;
}
