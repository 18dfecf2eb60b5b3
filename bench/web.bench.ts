/**
 * Website benchmark: how long the server takes to answer a results page (search, facets and HTML) on the bundled
 * demo data, measured with `inject()` so no socket or client is timed; and the HTML rendering alone, for the same
 * answers. Prints figures; asserts nothing. The target is a results page in under 20 ms median.
 *
 * Usage: npm run bench:web  (imports data/demo into a temporary SQLite file first, about half a minute)
 *        npm run bench:web -- --database sqlite:var/demo.sqlite  (reuses a database that already holds the demo data)
 * BENCH_ROUNDS sets the rounds per page (default 30).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { DEMO_RECORDS_DIR } from '../src/cli/demo-data.ts';
import { parseDatabaseUrl } from '../src/config.ts';
import { buildServer } from '../src/http/server.ts';
import { importRecords } from '../src/ingest/import.ts';
import { readRecordsAt } from '../src/ingest/open-path.ts';
import { loadPostcodeTable } from '../src/ingest/postcode-table.read.ts';
import { parseTrialQuery } from '../src/search/query-params.ts';
import { searchTrials } from '../src/search/search-trials.ts';
import { openSqliteStore } from '../src/storage/sqlite/sqlite-store.ts';
import { readSearchParams, toParserInput } from '../src/web/search-params.ts';
import { DEFAULT_SITE_SETTINGS } from '../src/web/site-settings.ts';
import { renderSearchPage } from '../src/web/views/search.page.ts';
import { summariseLatency } from './scale/latency.ts';

/** Results pages a patient would open: a topic, filters with a postcode, free text, the UK recruiting list. */
const PAGES = [
  '/trials?cancerType=acute-lymphoblastic-leukaemia&treatment=immunotherapy&status=recruiting&postcode=LS1&sort=distance',
  '/trials?q=acute%20lymphoblastic%20leukaemia&cancerType=acute-lymphoblastic-leukaemia&treatment=targeted',
  '/trials?q=leukaemia&ageGroup=older-adults',
  '/trials?q=breast%20cancer&status=recruiting&postcode=M20&within=100',
  '/trials?status=recruiting&country=United%20Kingdom',
  '/trials',
];

const { values } = parseArgs({ options: { database: { type: 'string' } } });
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 30);

const dir = mkdtempSync(join(tmpdir(), 'trialfinder-web-bench-'));
const postcodes = await loadPostcodeTable();
const database = values.database === undefined ? null : parseDatabaseUrl(values.database);
if (database !== null && database.kind !== 'sqlite') throw new Error('--database must be a sqlite: URL.');
const store = await openSqliteStore(database?.path ?? join(dir, 'bench.sqlite'), { postcodes });
try {
  if (database === null) {
    const summary = await importRecords(store, readRecordsAt(DEMO_RECORDS_DIR));
    console.log(`Imported data/demo: ${summary.read} records.`);
  }
  const app = await buildServer({ store, postcodes });
  console.log(`${await store.count()} trials; ${rounds} rounds per page; load average ${loadavg().map((load) => load.toFixed(2)).join(' ')}`);
  const all: number[] = [];
  const renders: number[] = [];
  for (const url of PAGES) {
    // One untimed request warms the caches a long-running server would have warm.
    const warm = await app.inject({ url });
    const samples: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const started = performance.now();
      await app.inject({ url });
      samples.push(performance.now() - started);
    }
    const params = readSearchParams(Object.fromEntries(new URL(url, 'http://x').searchParams));
    const answer = await searchTrials({ store, postcodes }, parseTrialQuery(toParserInput(params)));
    const renderSamples: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const started = performance.now();
      renderSearchPage(DEFAULT_SITE_SETTINGS, params, answer);
      renderSamples.push(performance.now() - started);
    }
    all.push(...samples);
    renders.push(...renderSamples);
    console.log(
      `${url}\n  status ${warm.statusCode}, ${(warm.rawPayload.length / 1024).toFixed(1)} KB; whole request median ${summariseLatency(samples).median.toFixed(2)} ms, ` +
        `p95 ${summariseLatency(samples).p95.toFixed(2)} ms; HTML rendering alone median ${summariseLatency(renderSamples).median.toFixed(2)} ms`,
    );
  }
  console.log(`All results pages: whole request median ${summariseLatency(all).median.toFixed(2)} ms, p95 ${summariseLatency(all).p95.toFixed(2)} ms (n=${all.length}); ` +
    `rendering alone median ${summariseLatency(renders).median.toFixed(2)} ms, p95 ${summariseLatency(renders).p95.toFixed(2)} ms (target: results page under 20 ms median)`);
  await app.close();
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
