/**
 * When approved text is next due for review (issue 7: "Last reviewed" and "Next review due", intervals configurable,
 * shorter for recruiting trials): a number of calendar months after approval, chosen by what the text is about.
 */
import { OPEN_STATUSES, type TrialStatus } from '../trial.ts';

/** Months between reviews; src/editorial/settings.ts reads them from EDITOR_REVIEW_MONTHS_*. */
export interface ReviewIntervals {
  /** A summary of a trial people can still join (recruiting or not yet recruiting): its details change most. */
  readonly recruitingMonths: number;
  /** A summary of any other trial. */
  readonly otherMonths: number;
  /** An editorial page. */
  readonly pageMonths: number;
}

export const DEFAULT_REVIEW_INTERVALS: ReviewIntervals = { recruitingMonths: 6, otherMonths: 12, pageMonths: 12 };

/** The interval for a trial summary (given the trial's status at approval) or, with null, for a page. */
export function reviewMonths(intervals: ReviewIntervals, trialStatus: TrialStatus | null): number {
  if (trialStatus === null) return intervals.pageMonths;
  return OPEN_STATUSES.includes(trialStatus) ? intervals.recruitingMonths : intervals.otherMonths;
}

/** `months` calendar months after `from` (UTC); the 31st becomes the last day of a shorter month. */
export function addMonths(from: Date, months: number): Date {
  const target = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + months, 1, from.getUTCHours(), from.getUTCMinutes(), from.getUTCSeconds(), from.getUTCMilliseconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(from.getUTCDate(), lastDay));
  return target;
}

/** True when the review is due (the due instant has come). */
export function isOverdue(nextReviewDue: string, now: Date): boolean {
  return Date.parse(nextReviewDue) <= now.getTime();
}
