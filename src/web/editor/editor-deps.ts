import type { EditorialDeps } from '../../editorial/editorial-deps.ts';
import { DEFAULT_SCRYPT, type ScryptParameters } from '../../editorial/passwords.ts';
import type { EditorSettings } from '../../editorial/settings.ts';
import type { EditorialStore } from '../../storage/editorial-store.ts';
import type { SiteSettings } from '../site-settings.ts';

/** What the editor area needs, passed in (HOUSE_STYLE 5). */
export interface EditorAreaDeps {
  readonly store: EditorialStore;
  readonly settings: EditorSettings;
  readonly site: SiteSettings;
  /** The clock (default: the system's). */
  readonly now?: () => Date;
  /** New password hashes' cost (default DEFAULT_SCRYPT; tests pass cheaper ones). */
  readonly scrypt?: ScryptParameters;
}

/** The editorial core's dependencies from the area's. */
export function coreDeps(deps: EditorAreaDeps): EditorialDeps {
  return { store: deps.store, settings: deps.settings, now: deps.now ?? (() => new Date()), scrypt: deps.scrypt ?? DEFAULT_SCRYPT };
}
