/**
 * One synthetic trial, recombined from parts of real ones. A base trial gives what a patient reads and search ranks
 * on (titles, summary, conditions, keywords); a second trial with the same first condition gives the design
 * (interventions, arms, phases, study type, enrolment) and a third the eligibility (criteria, ages, sex), so the
 * parts fit one another; any trial gives the sites and another the status and dates (which go together).
 */
import type { Site, TrialContent } from '../../src/domain/trial.ts';
import { ctgovV2StudyOf, type CtgovV2Study } from './ctgov-v2.write.ts';
import { conditionKey, placeKey, type PartPool } from './part-pool.ts';
import { mulberry32, type Prng } from './prng.ts';

/** The lead sponsor and organisation of every synthetic trial: nobody can take one for a real study. */
export const SYNTHETIC_SPONSOR = 'Trialfinder synthetic benchmark data';

/**
 * The first synthetic NCT number is NCT90000001. CT.gov hands out NCT numbers upward and had reached about
 * NCT07000000 by 2025, so NCT9xxxxxxx stays clear of real records for decades.
 */
const FIRST_SYNTHETIC_NCT = 90_000_000;
/** NCT numbers have eight digits, so NCT99999999 is the last one this range holds. */
export const MAX_SYNTHETIC_TRIALS = 9_999_999;

/** The NCT id of the `n`th synthetic trial (n from 1). */
export function syntheticNctId(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > MAX_SYNTHETIC_TRIALS) {
    throw new RangeError(`synthetic trial number must be 1..${MAX_SYNTHETIC_TRIALS}, not ${n}`);
  }
  return `NCT${FIRST_SYNTHETIC_NCT + n}`;
}

/** The sponsor's own id of the `n`th synthetic trial, as orgStudyIdInfo carries it. */
export function syntheticOrgId(n: number): string {
  return `TRIALFINDER-SYNTHETIC-${n}`;
}

/**
 * Sites as the donor lists them; a site without coordinates takes those of the same place elsewhere in the real
 * data, as CT.gov v2 geocodes nearly every location (legacy XML carried no coordinates at all).
 */
function geocodedSites(sites: readonly Site[], pool: PartPool): Site[] {
  return sites.map((site) => {
    if (site.latitude !== null) return site;
    const place = pool.places.get(placeKey(site.city, site.state, site.country));
    return place === undefined ? site : { ...site, ...place };
  });
}

/**
 * The `n`th synthetic trial: distinct, clearly synthetic ids (no secondary ids or aliases are copied: a shared
 * ISRCTN or NCT alias would make the store merge synthetic trials), the synthetic sponsor, and real parts.
 */
export function syntheticTrial(pool: PartPool, rng: Prng, n: number): Omit<TrialContent, 'provenance'> {
  const base = rng.pick(pool.trials);
  const group = pool.byCondition.get(conditionKey(base)) ?? [base];
  const design = rng.pick(group);
  const eligibility = rng.pick(group);
  const siteDonor = rng.pick(pool.trials);
  const statusDonor = rng.pick(pool.trials);
  const id = syntheticNctId(n);
  return {
    id,
    ids: [
      { kind: 'nct', value: id, issuer: 'ClinicalTrials.gov' },
      { kind: 'org', value: syntheticOrgId(n), issuer: SYNTHETIC_SPONSOR },
    ],
    briefTitle: base.briefTitle,
    officialTitle: base.officialTitle,
    acronym: base.acronym,
    briefSummary: base.briefSummary,
    detailedDescription: base.detailedDescription,
    conditions: base.conditions,
    keywords: base.keywords,
    interventions: design.interventions,
    arms: design.arms,
    phases: design.phases,
    studyType: design.studyType,
    enrollment: design.enrollment,
    collaborators: design.collaborators,
    status: statusDonor.status,
    statusRaw: statusDonor.statusRaw,
    dates: statusDonor.dates,
    hasResults: statusDonor.hasResults,
    eligibility: eligibility.eligibility,
    sponsor: SYNTHETIC_SPONSOR,
    centralContacts: siteDonor.centralContacts,
    sites: geocodedSites(siteDonor.sites, pool),
  };
}

/**
 * Synthetic trials 1..count as API v2 study objects, lazily, so a caller can stream any number of them. The same
 * pool, seed and count always give the same studies in the same order.
 */
export function* syntheticStudies(pool: PartPool, seed: number, count: number): Generator<CtgovV2Study> {
  const rng = mulberry32(seed);
  for (let n = 1; n <= count; n += 1) yield ctgovV2StudyOf(syntheticTrial(pool, rng, n), SYNTHETIC_SPONSOR);
}
