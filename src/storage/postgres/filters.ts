/**
 * The WHERE clause of a search, as Kysely expressions over `trials`: the same filters, with the same meaning, as
 * sqlite/filters.ts. Facets reuse it with one filter left out (disjunctive faceting), so every filter is tagged
 * with the facet it belongs to.
 */
import { expressionBuilder, sql, type Expression, type SqlBool } from 'kysely';
import { sortableDate } from '../../domain/partial-date.ts';
import type { FacetName, StoreQuery } from '../../domain/query.ts';
import type { GeoPoint } from '../../domain/geo.ts';
import { countryKey } from '../shared/child-rows.ts';
import { ageGroupBitmap, treatmentMask } from '../shared/fact-bits.ts';
import { boundingBox, distanceLimit } from '../shared/nearest-site.ts';
import type { Database } from './schema.ts';
import { withoutNul } from './trial-row.ts';
import { anyPhraseTsQuery, textTsQuery, type CompiledText } from './tsquery.ts';

const eb = expressionBuilder<Database, 'trials'>();

const NEVER = sql<SqlBool>`false`;

/** A vector column of `trials` matching a compiled query; the tsquery text is a bound parameter. */
function matches(column: 'conditions_search' | 'interventions_search', text: CompiledText): Expression<SqlBool> | null {
  switch (text.kind) {
    case 'none':
      return null;
    case 'never':
      return NEVER;
    case 'match':
      return sql<SqlBool>`${sql.ref(`trials.${column}`)} @@ ${text.tsquery}::tsquery`;
  }
}

/** The free text: trials whose `trial_text` row matches it (migration 0008). */
function textMatches(text: CompiledText): Expression<SqlBool> | null {
  if (text.kind !== 'match') return text.kind === 'none' ? null : NEVER;
  return sql<SqlBool>`trials.doc_id IN (SELECT trial_text.doc_id FROM trial_text WHERE trial_text.search @@ ${text.tsquery}::tsquery)`;
}

/**
 * Age bounds as registries mean them: "17 Years" maximum still admits someone aged 17.9, so a whole-year maximum is
 * an exclusive bound at max + 1; a fractional maximum (months, weeks, days) is inclusive. Minimums are inclusive.
 */
function ageFilter(age: number): Expression<SqlBool> {
  return eb.and([
    eb.or([eb('trials.min_age', 'is', null), eb('trials.min_age', '<=', age)]),
    eb.or([
      eb('trials.max_age', 'is', null),
      eb('trials.max_age', '>=', age),
      sql<SqlBool>`(trials.max_age = round(trials.max_age) AND trials.max_age + 1 > ${age})`,
    ]),
  ]);
}

/** The distance in miles from `near` to the site row `s` (the SQL function of migration 0002). */
export function milesFrom(near: GeoPoint) {
  return sql<number>`miles_between(s.latitude, s.longitude, ${near.lat}::float8, ${near.lon}::float8)`;
}

/**
 * Trials with an open site within `miles`: the partial index on open sites' (latitude, longitude) narrows them to a
 * bounding box, then the exact distance decides.
 */
function withinFilter(near: GeoPoint, miles: number): Expression<SqlBool> {
  const box = boundingBox(near, miles);
  const lon = box.lon === null ? sql`` : sql` AND s.longitude BETWEEN ${box.lon[0]}::float8 AND ${box.lon[1]}::float8`;
  return sql<SqlBool>`trials.doc_id IN (SELECT s.doc_id FROM trial_sites AS s
    WHERE s.open AND s.latitude BETWEEN ${box.lat[0]}::float8 AND ${box.lat[1]}::float8${lon}
      AND ${milesFrom(near)} <= ${miles}::float8)`;
}

/** What a filter belongs to: a facet (which ignores it), the free text, or nothing in particular. */
type FilterTag = FacetName | 'text' | 'other';

/** Each filter of the query with its tag; at most one per facet. */
function taggedFilters(query: StoreQuery): Array<readonly [FilterTag, Expression<SqlBool>]> {
  const filters: Array<readonly [FilterTag, Expression<SqlBool>]> = [];
  const text = textMatches(textTsQuery(query.text));
  if (text !== null) filters.push(['text', text]);
  if (query.statuses.length > 0) filters.push(['status', eb('trials.status', 'in', query.statuses)]);
  if (query.phases.length > 0) {
    const phases = eb
      .selectFrom('trial_phases')
      .select('trial_phases.doc_id')
      .whereRef('trial_phases.doc_id', '=', 'trials.doc_id')
      .where('trial_phases.phase', 'in', query.phases);
    filters.push(['phase', eb.exists(phases)]);
  }
  if (query.studyTypes.length > 0) filters.push(['studyType', eb('trials.study_type', 'in', query.studyTypes)]);
  if (query.conditions.length > 0) {
    filters.push(['condition', matches('conditions_search', anyPhraseTsQuery(query.conditions)) ?? NEVER]);
  }
  if (query.interventions.length > 0) {
    filters.push(['intervention', matches('interventions_search', anyPhraseTsQuery(query.interventions)) ?? NEVER]);
  }
  if (query.countries.length > 0) {
    const countries = eb
      .selectFrom('trial_countries')
      .select('trial_countries.doc_id')
      .whereRef('trial_countries.doc_id', '=', 'trials.doc_id')
      .where('trial_countries.key', 'in', query.countries.map((country) => withoutNul(countryKey(country))));
    filters.push(['country', eb.exists(countries)]);
  }
  if (query.age !== null) filters.push(['other', ageFilter(query.age)]);
  if (query.sex !== null) filters.push(['sex', eb('trials.sex', 'in', ['all', query.sex])]);
  if (query.healthyVolunteers !== null) {
    // "No" also matches trials that do not say: they have not said they accept healthy volunteers.
    const accepts = query.healthyVolunteers
      ? eb('trials.healthy_volunteers', '=', true)
      : eb.or([eb('trials.healthy_volunteers', '=', false), eb('trials.healthy_volunteers', 'is', null)]);
    filters.push(['healthyVolunteers', accepts]);
  }
  if (query.hasResults !== null) filters.push(['hasResults', eb('trials.has_results', '=', query.hasResults)]);
  if (query.updatedSince !== null) {
    filters.push(['other', eb('trials.last_update', '>=', sortableDate(withoutNul(query.updatedSince).slice(0, 10)))]);
  }
  if (query.cancerTypes.length > 0) {
    // Ancestors are stored with each type, so a type's own id also finds every trial of its subtypes.
    const types = eb
      .selectFrom('trial_cancer_types')
      .select('trial_cancer_types.doc_id')
      .whereRef('trial_cancer_types.doc_id', '=', 'trials.doc_id')
      .where('trial_cancer_types.type', 'in', query.cancerTypes.map(withoutNul));
    filters.push(['cancerType', eb.exists(types)]);
  }
  if (query.treatments.length > 0) {
    filters.push(['treatment', sql<SqlBool>`(trials.treatments & ${treatmentMask(query.treatments)}::int4) <> 0`]);
  }
  if (query.ageGroups.length > 0) {
    filters.push(['ageGroup', sql<SqlBool>`(trials.age_groups & ${ageGroupBitmap(query.ageGroups)}::int4) <> 0`]);
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
  return filtersOrNull(query, options) ?? sql<SqlBool>`true`;
}
