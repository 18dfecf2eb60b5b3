/**
 * A search page from the fact index's candidates, the same for every backend: relevance and last-update orders are
 * ranked in the index (fact-index-query.ts) and only the page's summaries are read; a distance order, which needs
 * each trial's sites, is the backend's own query. Keyset paging: each page starts strictly after the previous page's
 * last (sort key, id), so pages stay stable and cheap however deep they go.
 */
import type { GeoPoint } from '../../domain/geo.ts';
import type { SearchPage, StoreQuery, TrialSummary } from '../../domain/query.ts';
import type { SiteRow } from './derived-rows.ts';
import type { FactIndex } from './fact-index.ts';
import type { TrialStore } from '../store.ts';
import type { FactIndexCache } from './fact-index-cache.ts';
import { facetsOf } from './fact-index-facets.ts';
import { candidatesOf, pageOf, ranksByRelevance, totalOf, type Candidates, type MatchSets } from './fact-index-query.ts';
import { sortsByDistance, withNearestSites } from './nearest-site.ts';
import { encodePageToken, pageStart, type PageKey } from './page-token.ts';
import { TextMatchCache, textCacheKey } from './text-match-cache.ts';

/** A result row as a backend reads it: the stored summary JSON and the row's sort key. */
export interface PageRow {
  readonly doc_id: number;
  readonly id: string;
  readonly summary: string;
  readonly sort_key: number | string | null;
}

/** What a backend reads for a page. */
export interface PageReads {
  /** The stored summaries of these trials, by doc id (a trial deleted since the index was built is missing). */
  summaries(docIds: readonly number[]): Promise<ReadonlyMap<number, string>>;
  /** The page in distance order from `near`, after `after`, `limit` rows at most. */
  distanceRows(query: StoreQuery, near: GeoPoint, after: PageKey | null, limit: number): Promise<PageRow[]>;
  /** The stored sites of the page's trials, by trial id, to show each one's nearest open site. */
  sitesOf(rows: readonly PageRow[]): Promise<Map<string, SiteRow[]>>;
}

/** The summaries of the index's page, in its order. */
async function indexRows(reads: PageReads, index: FactIndex, candidates: Candidates, after: PageKey | null, limit: number): Promise<PageRow[]> {
  // Relevance needs words to rank by; without them (and for 'distance' without a place) it falls back to 'updated'.
  const ranked = pageOf(index, candidates, candidates.scores !== null ? 'relevance' : 'updated', after, limit);
  if (ranked.length === 0) return [];
  const docIds = ranked.map((row) => index.docIds[row.slot] ?? -1);
  const summaries = await reads.summaries(docIds);
  return ranked.flatMap((row, n) => {
    const docId = docIds[n] ?? -1;
    const summary = summaries.get(docId);
    return summary === undefined ? [] : [{ doc_id: docId, id: index.ids[row.slot] ?? '', summary, sort_key: row.key }];
  });
}

/** A page of summaries, the total and the token for the next page, continuing after `after` (see pageStart). */
export async function searchPage(
  reads: PageReads,
  query: StoreQuery,
  after: PageKey | null,
  index: FactIndex,
  candidates: Candidates,
): Promise<SearchPage> {
  // One row more than the page tells whether another page follows.
  const limit = query.pageSize + 1;
  const found = sortsByDistance(query)
    ? await reads.distanceRows(query, query.near, after, limit)
    : await indexRows(reads, index, candidates, after, limit);
  const page = found.slice(0, query.pageSize);
  const last = page.at(-1);
  const summaries = page.map((row) => JSON.parse(row.summary) as TrialSummary);
  return {
    total: totalOf(candidates),
    trials: query.near === null ? summaries : withNearestSites(summaries, await reads.sitesOf(page), query.near),
    nextPageToken: found.length > query.pageSize && last !== undefined ? encodePageToken(query, { key: last.sort_key, id: last.id }) : null,
  };
}

/**
 * The searching verbs of the port, for a backend that has a fact index, its match sets and its page reads. The text
 * matches of recent searches are kept in `textCache` (a new one per store unless given).
 */
export function indexedSearch(
  index: FactIndexCache,
  matchSets: (query: StoreQuery, ranked: boolean) => Promise<MatchSets>,
  reads: PageReads,
  textCache: TextMatchCache = new TextMatchCache(),
): Pick<TrialStore, 'search' | 'facets' | 'searchWithFacets'> {
  /** The candidates of a query over the current index (text matches scored when `ranked`), and the index. */
  const evaluate = async (query: StoreQuery, ranked: boolean) => {
    // The index first: its version labels the text matches read after it.
    const current = await index.get();
    const key = query.text === null ? null : textCacheKey(query.text);
    const cached = key === null ? null : textCache.get(current.version, key, ranked);
    const sets = await matchSets(cached === null ? query : { ...query, text: null }, ranked);
    if (cached === null && key !== null && sets.text !== null) textCache.set(current.version, key, sets.text);
    return { current, candidates: candidatesOf(current, query, cached === null ? sets : { ...sets, text: cached }) };
  };
  return {
    async search(query) {
      const after = pageStart(query);
      const { current, candidates } = await evaluate(query, ranksByRelevance(query));
      return searchPage(reads, query, after, current, candidates);
    },
    async facets(query) {
      const { current, candidates } = await evaluate(query, false);
      return facetsOf(current, candidates);
    },
    async searchWithFacets(query) {
      const after = pageStart(query);
      const { current, candidates } = await evaluate(query, ranksByRelevance(query));
      return { ...(await searchPage(reads, query, after, current, candidates)), facets: facetsOf(current, candidates) };
    },
  };
}
