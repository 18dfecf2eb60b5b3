/**
 * Search latency over the fixed query mix, as every face runs it (searchTrials: page and facets together), with the
 * page and the facets also timed apart, and the raw full-text lookup for the same text, so the cost of everything
 * around the index (join, filters, total, facets, JSON) shows as a ratio.
 */
import { performance } from 'node:perf_hooks';
import type { StoreQuery, TrialQuery } from '../../src/domain/query.ts';
import { parseTrialQuery } from '../../src/search/query-params.ts';
import { searchTrials, toStoreQuery, type SearchDeps } from '../../src/search/search-trials.ts';
import type { BenchBackend } from './bench-backend.ts';
import { summariseLatency, type LatencySummary } from './latency.ts';
import { queryLabel, type QueryParams } from './query-mix.ts';

export interface QueryTiming {
  readonly label: string;
  readonly query: StoreQuery;
  readonly full: LatencySummary;
  readonly total: number;
}

export interface SearchTimings {
  /** searchTrials end to end: page and facets, as the API answers. */
  readonly full: LatencySummary;
  readonly page: LatencySummary;
  readonly facets: LatencySummary;
  /** The same three over the queries with free text only, against which the raw lookup compares. */
  readonly textFull: LatencySummary;
  readonly textPage: LatencySummary;
  readonly raw: LatencySummary;
  readonly perQuery: readonly QueryTiming[];
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** Times every query of the mix `rounds` times (after one warm-up round), round by round. */
export async function timeSearches(
  deps: SearchDeps,
  backend: BenchBackend,
  mix: readonly QueryParams[],
  rounds: number,
): Promise<SearchTimings> {
  const queries = mix.map((params) => {
    const query: TrialQuery = parseTrialQuery(params);
    return { label: queryLabel(params), query, store: toStoreQuery(query, deps.postcodes), full: [] as number[], total: 0 };
  });
  const page: number[] = [];
  const facets: number[] = [];
  const textPage: number[] = [];
  const raw: number[] = [];
  const { store } = deps;
  for (const entry of queries) entry.total = (await searchTrials(deps, entry.query)).total;
  for (let round = 0; round < rounds; round += 1) {
    for (const entry of queries) {
      entry.full.push(await timed(() => searchTrials(deps, entry.query)));
      const pageMs = await timed(() => store.search(entry.store));
      page.push(pageMs);
      facets.push(await timed(() => store.facets(entry.store)));
      const text = entry.store.text;
      if (text !== null) {
        textPage.push(pageMs);
        raw.push(await timed(() => backend.rawTextLookup(text)));
      }
    }
  }
  const withText = queries.filter((entry) => entry.store.text !== null);
  return {
    full: summariseLatency(queries.flatMap((entry) => entry.full)),
    page: summariseLatency(page),
    facets: summariseLatency(facets),
    textFull: summariseLatency(withText.flatMap((entry) => entry.full)),
    textPage: summariseLatency(textPage),
    raw: summariseLatency(raw),
    perQuery: queries.map((entry) => ({ label: entry.label, query: entry.store, full: summariseLatency(entry.full), total: entry.total })),
  };
}
