/**
 * Backend agreement: imports the bundled demo dataset into a fresh SQLite file and a fresh PostgreSQL schema, runs a
 * fixed set of real searches on both, and prints how far they agree: totals and facet counts must agree exactly
 * (mismatches must be 0); rankings agree closely, measured as the overlap of the top-10 ids (mean and minimum over
 * the free-text queries sorted by relevance). Prints figures; asserts nothing.
 * Usage: BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/backend-agreement.bench.ts
 * (TEST_DATABASE_URL is used when BENCH_POSTGRES_URL is unset; without either it prints why it skipped.)
 */
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEMO_DIR } from '../src/cli/demo-data.ts';
import { FACETS, type StoreQuery } from '../src/domain/query.ts';
import { importRecords } from '../src/ingest/import.ts';
import { readRecordsAt } from '../src/ingest/open-path.ts';
import { parseTrialQuery } from '../src/search/query-params.ts';
import { toStoreQuery } from '../src/search/search-trials.ts';
import { openPostgresStore } from '../src/storage/postgres/postgres-store.ts';
import { openSqliteStore } from '../src/storage/sqlite/sqlite-store.ts';
import type { TrialStore } from '../src/storage/store.ts';

/** Real searches: free text alone, with filters, phrases, filters alone, and the 'updated' sort. */
const QUERIES: readonly Record<string, string>[] = [
  { q: 'acute lymphoblastic leukaemia' },
  { q: 'acute lymphoblastic leukemia', status: 'recruiting' },
  { q: 'leukaemia', age: '65', country: 'United Kingdom' },
  { q: 'breast cancer', phase: '3' },
  { q: 'breast cancer' },
  { q: 'imatinib' },
  { q: 'stem cell transplant' },
  { q: 'stem cell transplant', status: 'completed', sort: 'updated' },
  { q: '"graft versus host disease"' },
  { q: 'non small cell lung cancer', phase: '3', status: 'recruiting' },
  { q: 'children neuroblastoma', age: '5' },
  { q: 'CAR T cell therapy CD19' },
  { q: 'hodgkin lymphoma', hasResults: 'true' },
  { q: 'multiple myeloma', phase: '2' },
  { q: 'prostate cancer radiotherapy' },
  { q: 'glioblastoma temozolomide' },
  { q: 'pembrolizumab' },
  { q: 'quality of life', studyType: 'observational' },
  { q: 'tumour', sex: 'female' },
  { q: 'myelodysplastic syndrome', healthyVolunteers: 'no' },
  { q: 'colorectal cancer chemotherapy', updatedSince: '2020-01-01' },
  { q: 'melanoma', country: 'United States' },
  { condition: 'lymphoma', hasResults: 'true' },
  { intervention: 'rituximab' },
  { status: 'recruiting', country: 'United States' },
  {},
];

const TOP = 10;

function postgresUrl(): string | null {
  const url = (process.env.BENCH_POSTGRES_URL ?? process.env.TEST_DATABASE_URL ?? '').trim();
  return url === '' ? null : url;
}

async function importDemo(name: string, store: TrialStore): Promise<void> {
  const started = performance.now();
  const summary = await importRecords(store, readRecordsAt(DEMO_DIR));
  const seconds = (performance.now() - started) / 1000;
  console.log(`${name}: imported ${summary.read} records → ${await store.count()} trials in ${seconds.toFixed(1)} s`);
}

/** How many of the first ids of `a` are among the first ids of `b`, as a share of the longer list. */
function overlap(a: readonly string[], b: readonly string[]): number {
  const size = Math.max(a.length, b.length);
  if (size === 0) return 1;
  const other = new Set(b);
  return a.filter((id) => other.has(id)).length / size;
}

async function compare(sqlite: TrialStore, postgres: TrialStore): Promise<void> {
  let totalMismatches = 0;
  let facetMismatches = 0;
  const overlaps: number[] = [];
  for (const params of QUERIES) {
    const query: StoreQuery = { ...toStoreQuery(parseTrialQuery(params), new Map()), pageSize: TOP };
    const label = JSON.stringify(params);
    const [a, b] = [await sqlite.search(query), await postgres.search(query)];
    const [fa, fb] = [await sqlite.facets(query), await postgres.facets(query)];
    if (a.total !== b.total) {
      totalMismatches += 1;
      console.log(`  total differs for ${label}: sqlite ${a.total}, postgres ${b.total}`);
    }
    for (const facet of FACETS) {
      if (isDeepStrictEqual(fa[facet], fb[facet])) continue;
      facetMismatches += 1;
      console.log(`  facet ${facet} differs for ${label}`);
    }
    const ranked = query.text !== null && query.sort === 'relevance';
    const idsA = a.trials.map((trial) => trial.id);
    const idsB = b.trials.map((trial) => trial.id);
    if (ranked) overlaps.push(overlap(idsA, idsB));
    else if (!isDeepStrictEqual(idsA, idsB)) {
      totalMismatches += 1;
      console.log(`  order differs for ${label} (sorted by last update, it must be identical)`);
    }
  }
  const mean = overlaps.reduce((sum, value) => sum + value, 0) / overlaps.length;
  console.log(`Queries: ${QUERIES.length} (${overlaps.length} ranked by relevance)`);
  console.log(`Totals (and 'updated' orders) differing: ${totalMismatches}  (must be 0)`);
  console.log(`Facets differing: ${facetMismatches} of ${QUERIES.length * FACETS.length}  (must be 0)`);
  console.log(`Top-${TOP} overlap of ranked ids: mean ${(mean * 100).toFixed(1)} %, minimum ${(Math.min(...overlaps) * 100).toFixed(1)} %`);
}

const url = postgresUrl();
if (url === null) {
  console.log('Backend agreement skipped: set BENCH_POSTGRES_URL (or TEST_DATABASE_URL) to a PostgreSQL server.');
} else {
  const dir = mkdtempSync(join(tmpdir(), 'trialfinder-agreement-'));
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const sqlite = await openSqliteStore(join(dir, 'agreement.sqlite'));
  const postgres = await openPostgresStore(url, { schema, dropSchemaOnClose: true });
  try {
    await importDemo('SQLite', sqlite);
    await importDemo('PostgreSQL', postgres);
    await compare(sqlite, postgres);
  } finally {
    await Promise.all([sqlite.close(), postgres.close()]);
    rmSync(dir, { recursive: true, force: true });
  }
}
