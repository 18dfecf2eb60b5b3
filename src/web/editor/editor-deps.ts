import type { ContentDeps, EditorialDeps } from '../../editorial/editorial-deps.ts';
import { DEFAULT_SCRYPT, type ScryptParameters } from '../../editorial/passwords.ts';
import { readReviewIntervals, type EditorSettings } from '../../editorial/settings.ts';
import type { EditorialStore } from '../../storage/editorial-store.ts';
import type { TrialStore } from '../../storage/store.ts';
import type { SiteSettings } from '../site-settings.ts';

/** What the editor area needs, passed in (HOUSE_STYLE 5). */
export interface EditorAreaDeps {
  readonly store: EditorialStore;
  readonly settings: EditorSettings;
  readonly site: SiteSettings;
  /**
   * The trials, which summaries are written about (drafted from, and checked against after approval). Without them
   * the area still serves accounts, the audit log and editorial pages, and refuses summaries with 503.
   */
  readonly trials?: TrialStore;
  /** The clock (default: the system's). */
  readonly now?: () => Date;
  /** New password hashes' cost (default DEFAULT_SCRYPT; tests pass cheaper ones). */
  readonly scrypt?: ScryptParameters;
}

/** The editorial core's dependencies from the area's. */
export function coreDeps(deps: EditorAreaDeps): EditorialDeps {
  return { store: deps.store, settings: deps.settings, now: deps.now ?? (() => new Date()), scrypt: deps.scrypt ?? DEFAULT_SCRYPT };
}

/**
 * The documents' dependencies. Review intervals come from the settings, or else from EDITOR_REVIEW_MONTHS_* in the
 * environment (read once, when the area is registered), so a bad value stops the server starting.
 */
export function contentDeps(deps: EditorAreaDeps): ContentDeps {
  return { ...coreDeps(deps), trials: deps.trials ?? null, review: deps.settings.review ?? readReviewIntervals(process.env) };
}
