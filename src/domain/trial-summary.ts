import { canonicalCountry } from './country.ts';
import type { TrialSummary } from './query.ts';
import type { Trial } from './trial.ts';

/** The short form of a trial shown in result lists; every backend stores it beside the trial. */
export function toSummary(trial: Trial): TrialSummary {
  const countries = new Set<string>();
  for (const site of trial.sites) if (site.country !== null && site.country.trim() !== '') countries.add(canonicalCountry(site.country));
  return {
    id: trial.id,
    briefTitle: trial.briefTitle,
    status: trial.status,
    phases: trial.phases,
    studyType: trial.studyType,
    conditions: trial.conditions,
    interventions: trial.interventions.map((intervention) => intervention.name),
    minAgeYears: trial.eligibility.minAgeYears,
    maxAgeYears: trial.eligibility.maxAgeYears,
    sex: trial.eligibility.sex,
    sponsor: trial.sponsor,
    lastUpdate: trial.dates.lastUpdate,
    countries: [...countries],
    siteCount: trial.sites.length,
    hasResults: trial.hasResults,
  };
}
