/**
 * How a trial becomes rows: its filter columns, child-table terms and full-text columns.
 * Pure functions; the write path stores what they return.
 */
import { canonicalCountry } from '../../domain/country.ts';
import { InvalidInput } from '../../domain/errors.ts';
import { canonicalId, idKindOf } from '../../domain/registry-id.ts';
import { indexText, searchTokens } from '../../domain/search-text.ts';
import { sortableDate } from '../../domain/partial-date.ts';
import { toSummary } from '../../domain/trial-summary.ts';
import type { Phase, Trial } from '../../domain/trial.ts';
import { PHASE_BITS } from './migrations/0002-narrow-facts.ts';
import type { TrialFactsTable, TrialsFtsTable, TrialsTable } from './schema.ts';

export type TrialRow = Omit<TrialsTable, 'doc_id'>;

/** The `trials` row. JSON.stringify throws on values JSON cannot hold (BigInt), failing the whole batch. */
export function trialRow(trial: Trial): TrialRow {
  const { eligibility, provenance } = trial;
  return {
    id: trial.id,
    status: trial.status,
    study_type: trial.studyType,
    sex: eligibility.sex,
    min_age: eligibility.minAgeYears,
    max_age: eligibility.maxAgeYears,
    healthy_volunteers: eligibility.healthyVolunteers === null ? null : eligibility.healthyVolunteers ? 1 : 0,
    has_results: trial.hasResults ? 1 : 0,
    last_update: sortableDate(trial.dates.lastUpdate),
    record_updated: provenance.recordUpdated,
    source: provenance.source,
    content_hash: provenance.contentHash,
    imported_at: provenance.importedAt,
    brief_title: trial.briefTitle,
    summary: JSON.stringify(toSummary(trial)),
    json: JSON.stringify(trial),
  };
}

/** The phases as the bitmap of `trial_facts.phases`; a phase outside the vocabulary is bad input. */
export function phaseBits(phases: readonly Phase[]): number {
  return phases.reduce((bits, phase) => {
    const bit = PHASE_BITS.indexOf(phase);
    if (bit < 0) throw new InvalidInput(`Unknown phase ${JSON.stringify(phase)}`, 'phases');
    return bits | (1 << bit);
  }, 0);
}

/** The phases a bitmap of `trial_facts.phases` holds, in PHASE_BITS order. */
export function phasesOfBits(bits: number): Phase[] {
  return PHASE_BITS.filter((_, bit) => (bits & (1 << bit)) !== 0);
}

export type FactsRow = Omit<TrialFactsTable, 'doc_id'>;

/** The narrow `trial_facts` row: the same filter values as the `trials` row, phases as a bitmap. */
export function factsRow(row: TrialRow, phases: readonly Phase[]): FactsRow {
  const { id, status, study_type, sex, healthy_volunteers, has_results, min_age, max_age, last_update } = row;
  return { id, status, study_type, sex, healthy_volunteers, has_results, phases: phaseBits(phases), min_age, max_age, last_update };
}

export interface IdRow {
  readonly value: string;
  readonly kind: string;
  readonly precedence: number;
}

/** Ids that make two records one trial (decision 0002). */
export const IDENTITY_KINDS: ReadonlySet<string> = new Set(['nct', 'isrctn']);

/** Every id a trial can be looked up by, canonical and distinct, its primary id included. */
export function idRows(trial: Trial): IdRow[] {
  const rows = new Map<string, IdRow>();
  const primary = canonicalId(trial.id);
  const primaryKind = trial.ids.find((id) => canonicalId(id.value) === primary)?.kind ?? idKindOf(primary);
  rows.set(primary, { value: primary, kind: primaryKind, precedence: 0 });
  for (const id of trial.ids) {
    const value = canonicalId(id.value);
    if (value === '' || rows.has(value)) continue;
    rows.set(value, { value, kind: id.kind, precedence: IDENTITY_KINDS.has(id.kind) ? 1 : 2 });
  }
  return [...rows.values()];
}

export interface TermRow {
  readonly key: string;
  readonly name: string;
}

/** Terms keyed by their normalised words, first spelling kept; terms with no searchable word are dropped. */
export function termRows(names: readonly string[], keyOf: (name: string) => string): TermRow[] {
  const rows = new Map<string, TermRow>();
  for (const raw of names) {
    const name = raw.trim();
    const key = keyOf(name);
    if (key !== '' && !rows.has(key)) rows.set(key, { key, name });
  }
  return [...rows.values()];
}

/** The key conditions and interventions are grouped and filtered by: their search tokens. */
export function wordsKey(name: string): string {
  return searchTokens(name).join(' ');
}

/** Countries are compared by canonical name, ignoring case. */
export function countryKey(name: string): string {
  return canonicalCountry(name).toLowerCase();
}

export interface ChildRows {
  readonly ids: IdRow[];
  readonly phases: Phase[];
  readonly conditions: TermRow[];
  readonly interventions: TermRow[];
  readonly countries: TermRow[];
}

export function childRows(trial: Trial): ChildRows {
  const countries = trial.sites.flatMap((site) => (site.country === null ? [] : [canonicalCountry(site.country)]));
  return {
    ids: idRows(trial),
    phases: [...new Set(trial.phases)],
    conditions: termRows(trial.conditions, wordsKey),
    interventions: termRows(
      trial.interventions.map((intervention) => intervention.name),
      wordsKey,
    ),
    countries: termRows(countries, countryKey),
  };
}

export type FtsRow = Omit<TrialsFtsTable, 'rowid'>;

/** The full-text columns, normalised by the shared indexText() so documents and queries agree. */
export function ftsRow(trial: Trial): FtsRow {
  return {
    title: indexText([trial.briefTitle, trial.officialTitle, trial.acronym]),
    conditions: indexText(trial.conditions),
    interventions_keywords: indexText([
      ...trial.interventions.flatMap((intervention) => [intervention.name, ...intervention.otherNames]),
      ...trial.keywords,
      ...trial.arms.map((arm) => arm.label),
    ]),
    summary: indexText([trial.briefSummary, trial.detailedDescription]),
    eligibility: indexText([trial.eligibility.criteria]),
  };
}
