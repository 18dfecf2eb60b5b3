/**
 * How the editor area's sessions and sign-in limits behave, read from the environment by src/config.ts, and how
 * often approved text is reviewed again (EDITOR_REVIEW_MONTHS_*, readReviewIntervals).
 */
import { DEFAULT_REVIEW_INTERVALS, type ReviewIntervals } from '../domain/editorial/review-schedule.ts';
import { InvalidInput } from '../domain/errors.ts';

export interface EditorSettings {
  /**
   * Send the session cookie with `Secure`, so browsers return it over HTTPS only. On by default; turn it off only to
   * try the editor area over plain http on one's own machine (EDITOR_COOKIE_SECURE=false).
   */
  readonly cookieSecure: boolean;
  /** A session unused for this long ends (EDITOR_SESSION_IDLE_MINUTES). */
  readonly sessionIdleMinutes: number;
  /** A session ends this long after sign-in however active it is (EDITOR_SESSION_MAX_HOURS). */
  readonly sessionMaxHours: number;
  /** Failed sign-ins to one account within the window before further tries are refused (EDITOR_LOGIN_MAX_FAILURES). */
  readonly loginMaxFailuresPerAccount: number;
  /** Failed sign-ins from one client address within the window (EDITOR_LOGIN_MAX_FAILURES_PER_ADDRESS). */
  readonly loginMaxFailuresPerAddress: number;
  /** The window failures are counted over (EDITOR_LOGIN_WINDOW_MINUTES). */
  readonly loginWindowMinutes: number;
  /** Months between reviews of approved text; when absent, read from the environment (readReviewIntervals). */
  readonly review?: ReviewIntervals;
}

export const DEFAULT_EDITOR_SETTINGS: EditorSettings = {
  cookieSecure: true,
  sessionIdleMinutes: 60,
  sessionMaxHours: 12,
  loginMaxFailuresPerAccount: 5,
  loginMaxFailuresPerAddress: 20,
  loginWindowMinutes: 15,
  review: DEFAULT_REVIEW_INTERVALS,
};

const REVIEW_VARIABLES: readonly { readonly name: string; readonly field: keyof ReviewIntervals }[] = [
  { name: 'EDITOR_REVIEW_MONTHS_RECRUITING', field: 'recruitingMonths' },
  { name: 'EDITOR_REVIEW_MONTHS_OTHER', field: 'otherMonths' },
  { name: 'EDITOR_REVIEW_MONTHS_PAGES', field: 'pageMonths' },
];

/**
 * Months between reviews: EDITOR_REVIEW_MONTHS_RECRUITING (6: summaries of trials people can still join),
 * EDITOR_REVIEW_MONTHS_OTHER (12: other trials' summaries) and EDITOR_REVIEW_MONTHS_PAGES (12: editorial pages),
 * each a whole number from 1 to 60. InvalidInput names the variable at fault.
 */
export function readReviewIntervals(env: NodeJS.ProcessEnv): ReviewIntervals {
  const intervals: Record<keyof ReviewIntervals, number> = { ...DEFAULT_REVIEW_INTERVALS };
  for (const { name, field } of REVIEW_VARIABLES) {
    const text = env[name]?.trim() ?? '';
    if (text === '') continue;
    const months = Number(text);
    if (!/^\d{1,2}$/.test(text) || months < 1 || months > 60) {
      throw new InvalidInput(`${name} must be a whole number of months from 1 to 60; got ${JSON.stringify(text.slice(0, 40))}.`, name);
    }
    intervals[field] = months;
  }
  return intervals;
}
