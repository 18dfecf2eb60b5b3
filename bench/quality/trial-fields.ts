/**
 * A trial as text for the benchmark rankers: one field for plain BM25, five for BM25F (the columns of the product's
 * full-text index, src/storage/sqlite/trial-row.ts, whose bm25 weights are 10/10/5/2/1).
 */
import { searchTokens } from '../../src/domain/search-text.ts';
import type { Trial } from '../../src/domain/trial.ts';

export const TRIAL_FIELDS = ['title', 'conditions', 'interventions', 'summary', 'criteria'] as const;
export type TrialField = (typeof TRIAL_FIELDS)[number];

function interventionText(trial: Trial): string[] {
  return trial.interventions.flatMap((intervention) => [intervention.name, ...intervention.otherNames]);
}

/** Every text of the trial in one string: title, conditions, keywords, interventions, summary, description, criteria. */
export function singleFieldText(trial: Trial): string {
  return [
    trial.briefTitle,
    trial.officialTitle,
    ...trial.conditions,
    ...trial.keywords,
    ...interventionText(trial),
    trial.briefSummary,
    trial.detailedDescription,
    trial.eligibility.criteria,
  ]
    .filter((text): text is string => typeof text === 'string' && text !== '')
    .join('\n');
}

const tokens = (parts: readonly (string | null)[]): string[] => parts.flatMap((part) => (part === null ? [] : searchTokens(part)));

/** The five BM25F fields, in the product's normalisation (searchTokens: British spellings folded to American). */
export function trialFieldTokens(trial: Trial): Record<TrialField, string[]> {
  return {
    title: tokens([trial.briefTitle, trial.officialTitle, trial.acronym]),
    conditions: tokens(trial.conditions),
    interventions: tokens([...interventionText(trial), ...trial.keywords, ...trial.arms.map((arm) => arm.label)]),
    summary: tokens([trial.briefSummary, trial.detailedDescription]),
    criteria: tokens([trial.eligibility.criteria]),
  };
}
