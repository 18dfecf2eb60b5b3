/**
 * A trial as text for the benchmark rankers: one field for plain BM25, six for BM25F: the columns of the product's
 * full-text index (src/storage/sqlite/trial-row.ts, whose bm25 weights are 10/10/5/2/1), with the eligibility
 * criteria split into inclusion and exclusion, since a condition named among the exclusions says the opposite of one
 * named among the inclusions.
 */
import { searchTokens } from '../../src/domain/search-text.ts';
import type { Trial } from '../../src/domain/trial.ts';
import { stem } from './porter-stem.ts';

export const TRIAL_FIELDS = ['title', 'conditions', 'interventions', 'summary', 'inclusion', 'exclusion'] as const;
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

/** The pipeline's analyser: the product's normalisation (searchTokens), then the Porter stem of each word. */
export function pipelineTokens(text: string): string[] {
  return searchTokens(text).map(stem);
}

const tokens = (parts: readonly (string | null)[]): string[] => parts.flatMap((part) => (part === null ? [] : pipelineTokens(part)));

/**
 * Eligibility criteria as inclusion and exclusion text: CT.gov's "Inclusion Criteria:" / "Exclusion Criteria:"
 * headings (any case, also "Key exclusion criteria"); criteria without an exclusion heading (the old NCI PDQ
 * layout, "DISEASE CHARACTERISTICS: ...") are all inclusion.
 */
export function splitCriteria(criteria: string | null): { inclusion: string; exclusion: string } {
  if (criteria === null) return { inclusion: '', exclusion: '' };
  // Not the "Inclusion/Exclusion Criteria:" heading some records open with.
  const at = criteria.search(/(?<!inclusion\s*(?:\/|and|&)\s*)\b(?:exclusions?(?:\s+criteria)?\s*:|exclusion criteria\b)/i);
  return at === -1 ? { inclusion: criteria, exclusion: '' } : { inclusion: criteria.slice(0, at), exclusion: criteria.slice(at) };
}

/** The six BM25F fields, in the pipeline's analysis (the product's normalisation, then Porter stems). */
export function trialFieldTokens(trial: Trial): Record<TrialField, string[]> {
  const { inclusion, exclusion } = splitCriteria(trial.eligibility.criteria);
  return {
    title: tokens([trial.briefTitle, trial.officialTitle, trial.acronym]),
    conditions: tokens(trial.conditions),
    interventions: tokens([...interventionText(trial), ...trial.keywords, ...trial.arms.map((arm) => arm.label)]),
    summary: tokens([trial.briefSummary, trial.detailedDescription]),
    inclusion: tokens([inclusion]),
    exclusion: tokens([exclusion]),
  };
}
