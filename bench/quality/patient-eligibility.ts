/**
 * The pipeline's re-ranking stage by eligibility: the patient description is read into a PatientProfile by the
 * product's eligibility module (extractPatientProfile), each of the first stage's best trials is matched against
 * its parsed criteria (parseCriteria, matchTrial), and a trial the patient cannot join is demoted. TREC CT 2023
 * judges a trial whose criteria exclude the patient as 1 and an eligible one as 2, so an excluded trial belongs
 * below the eligible ones but above the irrelevant ones: it is demoted by a factor, never removed.
 */
import { matchTrial } from '../../src/domain/eligibility/match.ts';
import type { Criterion } from '../../src/domain/eligibility/criterion.ts';
import { parseCriteria } from '../../src/domain/eligibility/parse-criteria.ts';
import type { PatientProfile } from '../../src/domain/eligibility/profile.ts';
import { extractPatientProfile } from '../../src/domain/eligibility/profile-extract.ts';

/** What the stage needs of a trial: its eligibility criteria as free text (null when the source has none). */
export interface CriteriaSource {
  readonly criteria?: string | null;
}

const parsed = new WeakMap<CriteriaSource, readonly Criterion[]>();

/** A trial's parsed criteria, parsed once per trial however many topics ask (a few ms each). */
function criteriaOf(trial: CriteriaSource): readonly Criterion[] {
  let criteria = parsed.get(trial);
  if (criteria === undefined) parsed.set(trial, (criteria = parseCriteria(trial.criteria ?? null)));
  return criteria;
}

/** The patient description read as a profile; fields it does not speak to stay unknown. */
export function patientProfile(text: string): PatientProfile {
  return extractPatientProfile(text);
}

/** True when a profile says something matchTrial can weigh (an empty one can never rule a trial out). */
export function profileSaysAnything(profile: PatientProfile): boolean {
  return Object.keys(profile).length > 0;
}

/** True when the trial's criteria rule the patient out (matchTrial's `not-eligible`); false for unknown criteria. */
export function excludesPatient(profile: PatientProfile, trial: CriteriaSource): boolean {
  const criteria = criteriaOf(trial);
  return criteria.length > 0 && matchTrial(profile, criteria).verdict === 'not-eligible';
}
