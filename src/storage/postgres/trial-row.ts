/**
 * How a trial becomes PostgreSQL rows. The normalised keys, ids, full-text fields and derived facts come from the
 * same pure functions the SQLite adapter uses (../shared/), so both backends file every trial under identical keys
 * and words; the columns are mapped here, in PostgreSQL's own types.
 */
import type { Trial } from '../../domain/trial.ts';
import { sortableDate } from '../../domain/partial-date.ts';
import { childRows, type ChildRows, type TermRow } from '../shared/child-rows.ts';
import type { DerivedRows, SiteRow } from '../shared/derived-rows.ts';
import { searchFields } from '../shared/search-fields.ts';
import type { TrialsTable, TrialTextTable } from './schema.ts';
import { tsvectorLiteral, weightedVector } from './tsvector.ts';

/** A trial's `trial_text` row without its key: the text vectors a free-text search reads. */
export type TextColumns = Omit<TrialTextTable, 'doc_id'>;

/** A trial's `trials` row and its `trial_text` row, without the key they share. */
export type PostgresTrialRow = Omit<TrialsTable, 'doc_id'> & TextColumns;

/**
 * The columns re-derivation rewrites, in `trials` and `trial_text`: everything worked out from the trial, not read
 * off it.
 */
export type DerivedColumns = Pick<TrialsTable, 'summary' | 'conditions_search' | 'interventions_search' | 'treatments' | 'age_groups' | 'uk_sites'> &
  TextColumns;

/** PostgreSQL text cannot hold NUL (SQLite can); a NUL in a registry's free text carries no meaning, so it goes. */
export function withoutNul(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '') : text;
}

const nullableWithoutNul = (text: string | null): string | null => (text === null ? null : withoutNul(text));

/** The derived columns: weighted vectors of the full-text fields, the summary, and the facts bitmaps. */
export function derivedColumns(trial: Trial, derived: DerivedRows): DerivedColumns {
  const fields = searchFields(trial);
  // The weights of SQLite's bm25 columns (10, 10, 5, 2, 1) mapped onto PostgreSQL's four classes (see search-rank.ts).
  const search = weightedVector([
    ['A', fields.title],
    ['A', fields.conditions],
    ['B', fields.interventions_keywords],
    ['C', fields.summary],
    ['D', fields.eligibility],
  ]);
  return {
    search: search.literal,
    search_length: search.lexemes,
    // What relevance reads (search-rank.ts): the fields that say what the trial is about, small enough to stay in
    // the row, where `search` is TOASTed and must be fetched and decompressed per match.
    rank_vector: tsvectorLiteral([
      ['A', fields.title],
      ['A', fields.conditions],
      ['B', fields.interventions_keywords],
    ]),
    conditions_search: tsvectorLiteral([['A', fields.conditions]]),
    interventions_search: tsvectorLiteral([['A', fields.interventions_keywords]]),
    // JSON.stringify escapes NUL as \u0000, so the JSON columns need no cleaning.
    summary: derived.summary,
    treatments: derived.treatments,
    age_groups: derived.ageGroups,
    uk_sites: derived.ukSites,
  };
}

/** The `trials` row. JSON.stringify throws on values JSON cannot hold (BigInt), failing the whole batch. */
export function postgresTrialRow(trial: Trial, derived: DerivedRows): PostgresTrialRow {
  const { eligibility, provenance } = trial;
  const lastUpdate = sortableDate(trial.dates.lastUpdate);
  return {
    id: withoutNul(trial.id),
    status: trial.status,
    study_type: trial.studyType,
    sex: eligibility.sex,
    min_age: eligibility.minAgeYears,
    max_age: eligibility.maxAgeYears,
    healthy_volunteers: eligibility.healthyVolunteers,
    has_results: trial.hasResults,
    last_update: nullableWithoutNul(lastUpdate),
    record_updated: nullableWithoutNul(provenance.recordUpdated),
    source: provenance.source,
    content_hash: withoutNul(provenance.contentHash),
    imported_at: withoutNul(provenance.importedAt),
    brief_title: withoutNul(trial.briefTitle),
    ...derivedColumns(trial, derived),
    json: JSON.stringify(trial),
  };
}

/** The child-table rows, NUL removed from the free text they keep. */
export function postgresChildRows(trial: Trial): ChildRows {
  const rows = childRows(trial);
  const clean = (terms: readonly TermRow[]): TermRow[] =>
    terms.map((term) => ({ key: withoutNul(term.key), name: withoutNul(term.name) }));
  return {
    ids: rows.ids.map((id) => ({ ...id, value: withoutNul(id.value), kind: withoutNul(id.kind) })),
    phases: rows.phases,
    conditions: clean(rows.conditions),
    interventions: clean(rows.interventions),
    countries: clean(rows.countries),
  };
}

/** The placeable sites, NUL removed from the names they keep. */
export function postgresSiteRows(derived: DerivedRows): SiteRow[] {
  return derived.sites.map((site) => ({
    ...site,
    facility: nullableWithoutNul(site.facility),
    city: nullableWithoutNul(site.city),
    country: nullableWithoutNul(site.country),
  }));
}
