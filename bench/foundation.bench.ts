/**
 * Foundation benchmark: import throughput and search latency on the bundled demo dataset, SQLite backend.
 * Prints figures; asserts nothing. Usage: npm run bench  (BENCH_ROUNDS sets search rounds, default 20)
 *
 * The import runs twice in the same run, into fresh files: with the main thread alone preparing trials (workers 0)
 * and with the store's default worker threads, so the ratio between them is measured under the same conditions.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEMO_RECORDS_DIR } from '../src/cli/demo-data.ts';
import { EMPTY_QUERY, type TrialQuery } from '../src/domain/query.ts';
import { importRecords } from '../src/ingest/import.ts';
import { readRecordsAt } from '../src/ingest/open-path.ts';
import { loadPostcodeTable } from '../src/ingest/postcode-table.read.ts';
import { searchTrials, toStoreQuery } from '../src/search/search-trials.ts';
import { parseTrialQuery } from '../src/search/query-params.ts';
import { openSqliteStore } from '../src/storage/sqlite/sqlite-store.ts';
import { defaultWorkerCount } from '../src/storage/shared/worker-pool.ts';

/** A fixed mix of searches a patient, a nurse and a script would make. */
const QUERY_MIX: readonly Record<string, string | string[]>[] = [
  { q: 'acute lymphoblastic leukaemia' },
  { q: 'acute lymphoblastic leukemia', status: 'recruiting' },
  { q: 'leukaemia', age: '65', country: 'United Kingdom' },
  { q: 'breast cancer', phase: '3' },
  { q: 'imatinib' },
  { q: 'stem cell transplant', status: 'completed', sort: 'updated' },
  { q: '"graft versus host disease"' },
  { q: 'non small cell lung cancer', phase: '3', status: 'recruiting' },
  { condition: 'lymphoma', hasResults: 'true' },
  { status: 'recruiting', country: 'United States', pageSize: '50' },
  { q: 'children neuroblastoma', age: '5' },
  { q: 'CAR T cell therapy CD19' },
  { cancerType: 'acute-lymphoblastic-leukaemia', treatment: 'targeted' },
  { cancerType: 'blood-cancers,solid-tumours,other-cancer', status: 'recruiting', country: 'United Kingdom' },
  { cancerType: 'leukaemia', ageGroup: 'older-adults', postcode: 'LS1', within: '100', sort: 'distance' },
  {},
];

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

function summarise(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `median ${percentile(sorted, 50).toFixed(2)} ms, p95 ${percentile(sorted, 95).toFixed(2)} ms (n=${sorted.length})`;
}

const dir = mkdtempSync(join(tmpdir(), 'trialfinder-bench-'));
// Loaded once, as the server and the CLI do; the store uses it to place UK sites that have only a postcode.
const postcodes = await loadPostcodeTable();

/** Imports the demo data into a fresh file with `workers` worker threads; returns records per second. */
async function timedImport(file: string, workers: number): Promise<number> {
  const target = await openSqliteStore(join(dir, file), { postcodes, workers });
  try {
    const started = performance.now();
    const summary = await importRecords(target, readRecordsAt(DEMO_RECORDS_DIR));
    const seconds = (performance.now() - started) / 1000;
    const stored = await target.count();
    console.log(`Import of data/demo with ${workers} worker thread(s): ${summary.read} records read, ${stored} trials stored, ${summary.rejectedCount} rejected`);
    console.log(`  wall ${seconds.toFixed(1)} s, ${(summary.read / seconds).toFixed(0)} records/s`);
    return summary.read / seconds;
  } finally {
    await target.close();
  }
}

const workers = defaultWorkerCount();
const alone = await timedImport('main-thread.sqlite', 0);
const pooled = workers === 0 ? alone : await timedImport('bench.sqlite', workers);
console.log(`  with ${workers} worker(s) ÷ main thread alone: ${(pooled / alone).toFixed(2)}×; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
const store = await openSqliteStore(join(dir, workers === 0 ? 'main-thread.sqlite' : 'bench.sqlite'), { postcodes });
const deps = { store, postcodes };
try {

  const rounds = Number(process.env.BENCH_ROUNDS ?? '20');
  const queries: TrialQuery[] = QUERY_MIX.map((params) => parseTrialQuery(params));
  const full: number[] = [];
  const pageOnly: number[] = [];
  for (const query of queries) await searchTrials(deps, query); // warm-up
  for (let round = 0; round < rounds; round += 1) {
    for (const query of queries) {
      let t = performance.now();
      await searchTrials(deps, query);
      full.push(performance.now() - t);
      t = performance.now();
      await store.search(toStoreQuery(query, postcodes));
      pageOnly.push(performance.now() - t);
    }
  }
  console.log(`Search with facets (${queries.length} queries × ${rounds} rounds): ${summarise(full)}`);
  console.log(`Search page only, no facets: ${summarise(pageOnly)}`);
  const all = await searchTrials(deps, EMPTY_QUERY);
  console.log(`  (the unfiltered search counts ${all.total} trials)`);
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
