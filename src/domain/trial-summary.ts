import { canonicalCountry } from './country.ts';
import type { TrialSummary } from './query.ts';
import type { Trial } from './trial.ts';
import type { TrialFacts } from './trial-facts.ts';

/**
 * The short form of a trial shown in result lists; every backend stores it beside the trial. `nearestSite` depends
 * on the searched place, so it is null here and filled in per search.
 */
export function toSummary(trial: Trial, facts: TrialFacts): TrialSummary {
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
    cancerTypes: facts.cancerTypes.map((type) => type.id),
    treatments: [...new Set(facts.treatments.map((treatment) => treatment.kind))],
    ukSiteCount: facts.ukSiteCount,
    nearestSite: null,
  };
}
