import type { StoreQuery, SearchResult, TrialQuery } from '../domain/query.ts';
import { parseTextQuery } from '../domain/search-text.ts';
import type { Trial } from '../domain/trial.ts';
import { NotFound } from '../domain/errors.ts';
import type { TrialStore } from '../storage/store.ts';

/** Turns a validated query into what a store receives: free text parsed and normalised once, here. */
export function toStoreQuery(query: TrialQuery): StoreQuery {
  const { q, ...filters } = query;
  return { ...filters, text: q === null ? null : parseTextQuery(q) };
}

/** The one search every face calls: a page of trials with the total and facet counts. */
export async function searchTrials(store: TrialStore, query: TrialQuery): Promise<SearchResult> {
  const storeQuery = toStoreQuery(query);
  const [page, facets] = await Promise.all([store.search(storeQuery), store.facets(storeQuery)]);
  return { ...page, facets };
}

/** A trial by any registry id; a clear NotFound otherwise. */
export async function getTrialOrThrow(store: TrialStore, id: string): Promise<Trial> {
  const trial = await store.getTrial(id);
  if (trial === null) throw new NotFound(`No trial has the id ${JSON.stringify(id)}.`);
  return trial;
}
