import type { EditorialStore } from '../storage/editorial-store.ts';
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
