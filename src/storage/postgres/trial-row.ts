/**
 * How a trial becomes PostgreSQL rows. The normalised keys, ids and full-text fields come from the same pure
 * functions the SQLite adapter uses (sqlite/trial-row.ts: childRows, ftsRow), so both backends file every trial
 * under identical keys and words; the filter columns are mapped here, in PostgreSQL's own types.
 */
import type { Trial } from '../../domain/trial.ts';
import { sortableDate } from '../../domain/partial-date.ts';
import { toSummary } from '../../domain/trial-summary.ts';
import { childRows, ftsRow, type ChildRows, type TermRow } from '../sqlite/trial-row.ts';
import type { TrialsTable } from './schema.ts';
import { tsvectorLiteral, weightedVector } from './tsvector.ts';

export type PostgresTrialRow = Omit<TrialsTable, 'doc_id'>;

/** PostgreSQL text cannot hold NUL (SQLite can); a NUL in a registry's free text carries no meaning, so it goes. */
export function withoutNul(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '') : text;
}

/** The `trials` row. JSON.stringify throws on values JSON cannot hold (BigInt), failing the whole batch. */
export function postgresTrialRow(trial: Trial): PostgresTrialRow {
  const { eligibility, provenance } = trial;
  const fts = ftsRow(trial);
  const lastUpdate = sortableDate(trial.dates.lastUpdate);
  // The weights of SQLite's bm25 columns (10, 10, 5, 2, 1) mapped onto PostgreSQL's four classes (see search-rank.ts).
  const search = weightedVector([
    ['A', fts.title],
    ['A', fts.conditions],
    ['B', fts.interventions_keywords],
    ['C', fts.summary],
    ['D', fts.eligibility],
  ]);
  return {
    id: withoutNul(trial.id),
    status: trial.status,
    study_type: trial.studyType,
    sex: eligibility.sex,
    min_age: eligibility.minAgeYears,
    max_age: eligibility.maxAgeYears,
    healthy_volunteers: eligibility.healthyVolunteers,
    has_results: trial.hasResults,
    last_update: lastUpdate === null ? null : withoutNul(lastUpdate),
    record_updated: provenance.recordUpdated === null ? null : withoutNul(provenance.recordUpdated),
    source: provenance.source,
    content_hash: withoutNul(provenance.contentHash),
    imported_at: withoutNul(provenance.importedAt),
    brief_title: withoutNul(trial.briefTitle),
    search: search.literal,
    search_length: search.lexemes,
    conditions_search: tsvectorLiteral([['A', fts.conditions]]),
    interventions_search: tsvectorLiteral([['A', fts.interventions_keywords]]),
    // JSON.stringify escapes NUL as \u0000, so the JSON columns need no cleaning.
    summary: JSON.stringify(toSummary(trial)),
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
