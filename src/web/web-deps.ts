import type { SearchDeps } from '../search/search-trials.ts';
import type { SiteSettings } from './site-settings.ts';

/** What the website needs, passed in (HOUSE_STYLE 5): the search's store and postcode table, and the deployment's text. */
export interface WebDeps extends SearchDeps {
  readonly site: SiteSettings;
}
