import type { SearchDeps } from '../../search/search-trials.ts';

/** What the API routes need, passed in (HOUSE_STYLE 5): the store and the postcode table loaded at start. */
export type ApiDeps = SearchDeps;
