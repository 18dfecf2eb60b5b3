/**
 * How a trial becomes SQLite rows: its `trials` row and its narrow `trial_facts` row. Pure functions; the write path
 * stores what they return. Child rows, full-text fields and derived facts come from the backend-neutral builders
 * in ../shared/, which the PostgreSQL adapter uses too.
 */
import { InvalidInput } from '../../domain/errors.ts';
import { sortableDate } from '../../domain/partial-date.ts';
import type { Phase, Trial } from '../../domain/trial.ts';
import type { DerivedRows } from '../shared/derived-rows.ts';
import { PHASE_BITS } from './migrations/0002-narrow-facts.ts';
import type { TrialFactsTable, TrialsTable } from './schema.ts';

export type TrialRow = Omit<TrialsTable, 'doc_id'>;

/** The `trials` row. JSON.stringify throws on values JSON cannot hold (BigInt), failing the whole batch. */
export function trialRow(trial: Trial, summary: string): TrialRow {
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
    summary,
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

/** The narrow `trial_facts` row: the filter values of the `trials` row, phases and derived facts as bitmaps. */
export function factsRow(row: TrialRow, phases: readonly Phase[], derived: DerivedRows): FactsRow {
  const { id, status, study_type, sex, healthy_volunteers, has_results, min_age, max_age, last_update } = row;
  return {
    id,
    status,
    study_type,
    sex,
    healthy_volunteers,
    has_results,
    phases: phaseBits(phases),
    min_age,
    max_age,
    last_update,
    treatments: derived.treatments,
    age_groups: derived.ageGroups,
    uk_sites: derived.ukSites,
  };
}
