import type { TrialStatus } from './trial.ts';
import { ownValue } from './own-key.ts';

/**
 * Registry statuses, keyed by their words lower-cased with punctuation removed, so "ACTIVE_NOT_RECRUITING"
 * (CT.gov API v2), "Active, not recruiting" (legacy XML) and "active not recruiting" are one key.
 * NCI CTRP statuses (https://clinicaltrialsapi.cancer.gov) map to the nearest CT.gov status, as CT.gov itself does.
 */
const STATUS_WORDS: Readonly<Record<string, TrialStatus>> = {
  'not yet recruiting': 'not-yet-recruiting',
  recruiting: 'recruiting',
  'active not recruiting': 'active-not-recruiting',
  'enrolling by invitation': 'enrolling-by-invitation',
  completed: 'completed',
  suspended: 'suspended',
  terminated: 'terminated',
  withdrawn: 'withdrawn',
  unknown: 'unknown',
  'unknown status': 'unknown',
  // Expanded-access statuses: "available" means a patient can get the treatment now.
  available: 'recruiting',
  'temporarily not available': 'suspended',
  'no longer available': 'completed',
  'approved for marketing': 'completed',
  withheld: 'unknown',
  // NCI CTRP trial and site statuses.
  active: 'recruiting',
  approved: 'not-yet-recruiting',
  'in review': 'not-yet-recruiting',
  'temporarily closed to accrual': 'suspended',
  'temporarily closed to accrual and intervention': 'suspended',
  'closed to accrual': 'active-not-recruiting',
  'closed to accrual and intervention': 'active-not-recruiting',
  complete: 'completed',
  'administratively complete': 'completed',
};

function statusKey(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

/** Normalises a registry status; a value we do not know becomes `unknown` (the raw value is kept by the caller). */
export function normaliseStatus(raw: string | null | undefined): TrialStatus {
  if (raw == null) return 'unknown';
  return ownValue(STATUS_WORDS, statusKey(raw)) ?? 'unknown';
}

/** Like {@link normaliseStatus} but keeps "not given" apart from "unknown": for per-site statuses. */
export function normaliseSiteStatus(raw: string | null | undefined): TrialStatus | null {
  if (raw == null || raw.trim() === '') return null;
  return normaliseStatus(raw);
}
