/**
 * The one search every face calls (API routes, CLI, benchmarks): a validated {@link TrialQuery} in, a page of trials
 * with the total and labelled facets out. Here the query meets the world: free text is expanded with synonyms once,
 * and a postcode becomes a point, so stores only ever see a {@link StoreQuery}.
 */
import { NotFound } from '../domain/errors.ts';
import { locatePostcode } from '../domain/postcode.ts';
import type { PostcodeTable } from '../domain/postcode.ts';
import { expandQuery, withMatchMode } from '../domain/query-expansion.ts';
import type { SearchResult, StoreQuery, TrialQuery } from '../domain/query.ts';
import type { Trial } from '../domain/trial.ts';
import type { TrialStore } from '../storage/store.ts';
import { labelFacets } from './facet-labels.ts';
import type { LabelledFacets } from './facet-labels.ts';

/** What a search needs, passed in (HOUSE_STYLE 5): the store and the postcode table, loaded once per process. */
export interface SearchDeps {
  readonly store: TrialStore;
  readonly postcodes: PostcodeTable;
}

/** A search result whose cancer-type, treatment and age-group facet values carry plain-English labels. */
export interface SearchAnswer extends SearchResult {
  readonly facets: LabelledFacets;
}

/**
 * Turns a validated query into what a store receives: free text expanded (null when it holds no searchable word;
 * any-of when it is long enough to be a description, see {@link withMatchMode}) and the postcode placed at its
 * district's centre.
 *
 * @throws InvalidInput on `postcode` when its district is not in the table (Northern Ireland, a typo ...): a clear
 *   400 rather than an empty list.
 */
export function toStoreQuery(query: TrialQuery, postcodes: PostcodeTable): StoreQuery {
  const { q, postcode, ...filters } = query;
  const text = q === null ? null : expandQuery(q);
  const place = postcode === null ? null : locatePostcode(postcodes, postcode);
  return {
    ...filters,
    text: text === null || text.clauses.length === 0 ? null : withMatchMode(text),
    near: place === null ? null : { lat: place.lat, lon: place.lon },
  };
}

/** A page of matching trials, the total and facet counts (labelled where the values are ids). */
export async function searchTrials({ store, postcodes }: SearchDeps, query: TrialQuery): Promise<SearchAnswer> {
  const storeQuery = toStoreQuery(query, postcodes);
  const { facets, ...page } = await store.searchWithFacets(storeQuery);
  return { ...page, facets: labelFacets(facets) };
}

/** A trial by any registry id; a clear NotFound otherwise. */
export async function getTrialOrThrow(store: TrialStore, id: string): Promise<Trial> {
  const trial = await store.getTrial(id);
  if (trial === null) throw new NotFound(`No trial has the id ${JSON.stringify(id)}.`);
  return trial;
}
