import type { TrialStore } from '../../storage/store.ts';

/** What the API routes need: the store, passed in (HOUSE_STYLE 5). */
export interface ApiDeps {
  readonly store: TrialStore;
}
