import type { ReviewIntervals } from '../domain/editorial/review-schedule.ts';
import type { EditorialStore } from '../storage/editorial-store.ts';
import type { TrialStore } from '../storage/store.ts';
import type { ScryptParameters } from './passwords.ts';
import type { EditorSettings } from './settings.ts';

/** What the editorial core needs, passed in (HOUSE_STYLE 5): the store, the settings, the clock, the hash cost. */
export interface EditorialDeps {
  readonly store: EditorialStore;
  readonly settings: EditorSettings;
  /** The clock; tests move it to expire sessions and age failed sign-ins. */
  readonly now: () => Date;
  /** The scrypt parameters new hashes are made with (DEFAULT_SCRYPT; tests use cheaper ones). */
  readonly scrypt: ScryptParameters;
}

export const MINUTE_MS = 60_000;

/**
 * What the editorial documents' verbs need besides: the trials (a summary is drafted from its trial, and its reviewed
 * fields are kept at approval) and the review intervals. `trials` is null when the server was started without them;
 * summaries are then refused with Unavailable, while editorial pages still work.
 */
export interface ContentDeps extends EditorialDeps {
  readonly trials: TrialStore | null;
  readonly review: ReviewIntervals;
}
