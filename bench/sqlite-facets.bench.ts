/**
 * SQLite search and facet latency at scale, on synthetic trials (syntheticTrial from src/storage/test-trials.ts).
 * Prints import and replace throughput, then median / p95 / p99 of: the page alone (store.search), the facets alone
 * (store.facets), both as the app asks for them (searchTrials), and the raw FTS5 lookup (best page by bm25, nothing
 * else) with the ratio end-to-end / raw. Asserts nothing (HOUSE_STYLE 15).
 *
 * Usage: node --import tsx bench/sqlite-facets.bench.ts [--count 100000] [--rounds 5] [--db path] [--replace 10000]
 *   --db keeps the database between runs: an existing file with fewer trials is topped up, one with more is used as is
 *   (so the same file can measure before and after a migration). Without --db a temporary file is made and removed.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { EMPTY_QUERY, type TrialQuery } from '../src/domain/query.ts';
import { searchTrials, toStoreQuery } from '../src/search/search-trials.ts';
import { BM25_WEIGHTS, textMatch } from '../src/storage/sqlite/fts.ts';
import { openSqliteStore, type SqliteTrialStore } from '../src/storage/sqlite/sqlite-store.ts';
import { syntheticTrial } from '../src/storage/test-trials.ts';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '5' },
    db: { type: 'string' },
    replace: { type: 'string', default: '10000' },
  },
});
const count = Number(args.count);
const rounds = Number(args.rounds);
const replaceCount = Number(args.replace);
const BATCH = 1000;

/** Searches over the synthetic vocabulary: broad and narrow text, each filter kind, and mixes of both. */
const QUERY_MIX: readonly Partial<TrialQuery>[] = [
  {},
  { q: 'imatinib' },
  { q: 'acute leukemia' },
  { q: 'study' }, // matches every trial: the worst case for counting and facets
  { q: 'breast cancer', statuses: ['recruiting', 'not-yet-recruiting'] },
  { q: 'neuroblastoma', phases: ['2', '3'], age: 12 },
  { q: '"multiple myeloma" rituximab', countries: ['Germany'] },
  { statuses: ['recruiting'] },
  { countries: ['United Kingdom'], hasResults: true },
  { conditions: ['hodgkin lymphoma'], sex: 'female' },
  { phases: ['3'], studyTypes: ['interventional'], age: 40 },
  { interventions: ['pembrolizumab'], updatedSince: '2022-01-01', sort: 'updated' },
];

const queries: TrialQuery[] = QUERY_MIX.map((overrides) => ({ ...EMPTY_QUERY, ...overrides }));

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

function summarise(samples: readonly number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const fixed = (p: number): string => percentile(sorted, p).toFixed(1).padStart(7);
  return `median ${fixed(50)} ms  p95 ${fixed(95)} ms  p99 ${fixed(99)} ms  (n=${sorted.length})`;
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** Upserts synthetic trials [from, to) in batches; returns seconds taken. */
async function upsertRange(store: SqliteTrialStore, from: number, to: number, version: number): Promise<number> {
  const started = performance.now();
  for (let start = from; start < to; start += BATCH) {
    const end = Math.min(to, start + BATCH);
    await store.upsertTrials(Array.from({ length: end - start }, (_, k) => syntheticTrial(start + k, version)));
  }
  return (performance.now() - started) / 1000;
}

const tempDir = args.db === undefined ? mkdtempSync(join(tmpdir(), 'trialfinder-facets-bench-')) : null;
const path = args.db ?? join(tempDir ?? '.', 'bench.sqlite');
const existed = existsSync(path);
try {
  const started = performance.now();
  const store = await openSqliteStore(path);
  console.log(`Open (with any pending migration): ${((performance.now() - started) / 1000).toFixed(1)} s${existed ? ` on existing ${path}` : ''}`);
  const stored = await store.count();
  if (stored < count) {
    const seconds = await upsertRange(store, stored, count, 0);
    const added = count - stored;
    console.log(`Insert of ${added} new trials: ${seconds.toFixed(1)} s, ${(added / seconds).toFixed(0)} trials/s`);
    if (replaceCount > 0) {
      // Newer versions of the first trials: the replace path (delete the old rows, insert the new).
      const replaced = await upsertRange(store, 0, replaceCount, 1);
      console.log(`Replace of ${replaceCount} trials by newer versions: ${replaced.toFixed(1)} s, ${(replaceCount / replaced).toFixed(0)} trials/s`);
    }
  }
  const total = await store.count();
  console.log(`Trials stored: ${total}, file ${(statSync(path).size / 2 ** 20).toFixed(0)} MB (WAL not counted)`);

  // The raw index lookup the issue compares against: the best page by bm25, no join, no count, no facets.
  const raw = new BetterSqlite3(path, { readonly: true });
  const rawLookup = raw.prepare(
    `SELECT rowid FROM trials_fts WHERE trials_fts MATCH ? ORDER BY bm25(trials_fts, ${BM25_WEIGHTS.join(', ')}) LIMIT ?`,
  );

  const page: number[] = [];
  const facets: number[] = [];
  const combined: number[] = [];
  const rawFts: number[] = [];
  const combinedWithText: number[] = [];
  const onePass: number[] = [];
  const perQuery = new Map<number, number[]>();
  for (const query of queries) await searchTrials({ store, postcodes: new Map() }, query); // warm the page cache
  for (let round = 0; round < rounds; round += 1) {
    for (const [index, query] of queries.entries()) {
      const storeQuery = toStoreQuery(query, new Map());
      page.push(await time(() => store.search(storeQuery)));
      facets.push(await time(() => store.facets(storeQuery)));
      const both = await time(() => searchTrials({ store, postcodes: new Map() }, query));
      combined.push(both);
      onePass.push(await time(() => store.searchWithFacets(storeQuery)));
      perQuery.set(index, [...(perQuery.get(index) ?? []), both]);
      const match = textMatch(storeQuery.text);
      if (match !== null) {
        rawFts.push(await time(() => Promise.resolve(rawLookup.all(match, query.pageSize + 1))));
        combinedWithText.push(both);
      }
    }
  }
  raw.close();
  console.log(`\n${queries.length} queries × ${rounds} rounds at ${total} trials:`);
  console.log(`  page only      ${summarise(page)}`);
  console.log(`  facets only    ${summarise(facets)}`);
  console.log(`  page + facets  ${summarise(combined)}`);
  console.log(`  searchWithFacets ${summarise(onePass)}  (the adapter's one-pass page + facets)`);
  console.log(`  raw FTS lookup ${summarise(rawFts)}  (text queries only)`);
  const median = (samples: readonly number[]): number => percentile([...samples].sort((a, b) => a - b), 50);
  console.log(`  end-to-end / raw FTS, medians over text queries: ${(median(combinedWithText) / median(rawFts)).toFixed(2)}×`);
  console.log('\nPer query, page + facets median:');
  for (const [index, samples] of perQuery) {
    console.log(`  ${median(samples).toFixed(1).padStart(7)} ms  ${JSON.stringify(QUERY_MIX[index] ?? {})}`);
  }
  await store.close();
} finally {
  if (tempDir !== null) rmSync(tempDir, { recursive: true, force: true });
}
