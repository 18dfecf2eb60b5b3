/**
 * Scale benchmark: for each backend in one run, imports the synthetic file (bench/scale/generate.ts) into a fresh
 * database, then measures size on disk, search latency over a fixed query mix against the raw full-text lookup,
 * server throughput under concurrent load (autocannon, server in a child process) and the server's peak memory;
 * prints the figures side by side against the targets, and where a search target is missed, where the
 * slowest query spends its time. Prints figures; asserts nothing. A missing input file is generated first (seed 42).
 * Usage: npx tsx bench/scale/scale.bench.ts --count 500000 [--backends sqlite,postgres] [--postgres-url URL]
 *        [--file PATH] [--rounds 10] [--seconds 20] [--connections 10] [--keep] [--reuse]
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { importRecords } from '../../src/ingest/import.ts';
import { readRecordsAt } from '../../src/ingest/open-path.ts';
import { loadPostcodeTable } from '../../src/ingest/postcode-table.read.ts';
import type { PostcodeTable } from '../../src/domain/postcode.ts';
import type { BenchBackend } from './bench-backend.ts';
import { formatLatency } from './latency.ts';
import { QUERY_MIX, queryString } from './query-mix.ts';
import { figuresTable, searchTargetsMissed, type BackendFigures, type ImportFigures } from './report.ts';
import { timeSearches, type SearchTimings } from './search-timing.ts';
import { postgresBenchBackend } from './postgres.bench-backend.ts';
import { runServerLoad, type LoadResult } from './server-load.ts';
import { sqliteBenchBackend } from './sqlite.bench-backend.ts';
import { DEFAULT_SEED, writeSyntheticFile } from './synthetic-file.ts';

const SCALE_DIR = 'var/scale';
const BACKENDS = ['sqlite', 'postgres'] as const;
type BackendName = (typeof BACKENDS)[number];

interface Settings {
  readonly count: number;
  readonly file: string;
  readonly backends: readonly BackendName[];
  readonly postgresUrl: string;
  readonly rounds: number;
  readonly seconds: number;
  readonly connections: number;
  readonly keep: boolean;
  readonly reuse: boolean;
}

/** "trials-500k.jsonl.gz" for 500,000: the name generate.ts is told to write in bench/README.md. */
function defaultFile(count: number): string {
  const size = count % 1000 === 0 ? `${count / 1000}k` : String(count);
  return `${SCALE_DIR}/trials-${size}.jsonl.gz`;
}

function wholeNumber(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number above 0`);
  return value;
}

function readSettings(): Settings {
  const { values } = parseArgs({
    options: {
      count: { type: 'string' },
      file: { type: 'string' },
      backends: { type: 'string', default: 'sqlite,postgres' },
      'postgres-url': { type: 'string', default: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
      rounds: { type: 'string', default: '10' },
      seconds: { type: 'string', default: '20' },
      connections: { type: 'string', default: '10' },
      keep: { type: 'boolean', default: false },
      reuse: { type: 'boolean', default: false },
    },
  });
  if (values.count === undefined) throw new Error('--count is required (the number of trials the file holds)');
  const count = wholeNumber('count', values.count);
  const backends = values.backends.split(',').map((name) => name.trim());
  for (const name of backends) {
    if (!(BACKENDS as readonly string[]).includes(name)) throw new Error(`--backends: ${name} is not one of ${BACKENDS.join(', ')}`);
  }
  return {
    count,
    file: values.file ?? defaultFile(count),
    backends: backends as BackendName[],
    postgresUrl: values['postgres-url'],
    rounds: wholeNumber('rounds', values.rounds),
    seconds: wholeNumber('seconds', values.seconds),
    connections: wholeNumber('connections', values.connections),
    keep: values.keep,
    // Reusing a database implies keeping it for the next run.
    reuse: values.reuse,
  };
}

function createBackend(name: BackendName, settings: Settings, postcodes: PostcodeTable): Promise<BenchBackend> {
  switch (name) {
    case 'sqlite':
      return Promise.resolve(sqliteBenchBackend(`${SCALE_DIR}/scale-${settings.count}.sqlite`, postcodes));
    case 'postgres':
      return Promise.resolve(postgresBenchBackend(settings.postgresUrl, `scale_bench_${settings.count}`, postcodes));
  }
}

function loadText(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');
}

/** The commit measured, with "+ changes" when the tree differs from it: figures belong to code. */
function commitOf(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head} + uncommitted changes` : head;
  } catch {
    return '(not a git checkout)';
  }
}

const log = (line = ''): void => {
  console.log(line);
};

async function importFile(backend: BenchBackend, settings: Settings): Promise<{ figures: ImportFigures | null }> {
  const store = await backend.openStore(!settings.reuse);
  try {
    if (settings.reuse && (await store.count()) > 0) {
      log(`  reusing the ${await store.count()} trials a previous run kept`);
      return { figures: null };
    }
    const started = performance.now();
    let lastReport = started;
    const summary = await importRecords(store, readRecordsAt(settings.file), {
      batchSize: 1000,
      onProgress: (progress) => {
        const now = performance.now();
        if (now - lastReport < 30_000) return;
        lastReport = now;
        const seconds = (now - started) / 1000;
        process.stderr.write(`  [${backend.name}] ${progress.read}/${settings.count} read, ${(progress.read / seconds).toFixed(0)}/s\n`);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const figures = { read: summary.read, stored: await store.count(), rejected: summary.rejectedCount, seconds };
    log(`  import: ${figures.read} read, ${figures.stored} stored, ${figures.rejected} rejected in ${seconds.toFixed(1)} s (${(figures.read / seconds).toFixed(0)}/s); benchmark process peak RSS so far ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
    for (const error of summary.rejected.slice(0, 3)) log(`    rejected ${error.recordId} ${error.field}: ${error.reason}`);
    return { figures };
  } finally {
    await store.close();
  }
}

function reportSearch(search: SearchTimings, rounds: number): void {
  log(`  search (${QUERY_MIX.length} queries × ${rounds} rounds, every one cold: the timed store keeps no recent-text matches), median / p95 / p99:`);
  log(`    page+facets ${formatLatency(search.full)}; page ${formatLatency(search.page)}; facets ${formatLatency(search.facets)}`);
  log(`    text queries page+facets ${formatLatency(search.textFull)}; raw full-text lookup ${formatLatency(search.raw)}`);
  log('  per query, slowest first (page+facets median / p95 / p99, total matches):');
  for (const entry of [...search.perQuery].sort((a, b) => b.full.median - a.full.median)) {
    log(`    ${formatLatency(entry.full).padStart(28)}  ${String(entry.total).padStart(7)}  ${entry.label}`);
  }
}

function reportLoad(load: LoadResult): void {
  const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;
  log(`    ${load.requestsPerSecond.toFixed(1)} req/s, latency median ${load.latencyMedian} ms / p99 ${load.latencyP99} ms, non-2xx ${load.non2xx}, errors ${load.errors} (timeouts ${load.timeouts})`);
  log(`    server memory: peak RSS ${mb(load.serverPeakRss)}; largest samples: anonymous ${mb(load.serverPeakAnon)}, file-backed/shared ${mb(load.serverPeakFile)}`);
  log(`    responses by status: ${JSON.stringify(load.statusCounts)}`);
  for (const line of load.serverErrors) log(`    server error: ${line}`);
}

async function benchBackend(name: BackendName, settings: Settings, postcodes: PostcodeTable): Promise<BackendFigures> {
  log(`\n== ${name} ==`);
  const backend = await createBackend(name, settings, postcodes);
  try {
    for (const line of await backend.settings()) log(`  ${line}`);
    const { figures: imported } = await importFile(backend, settings);
    await backend.afterImport();
    const disk = await backend.diskUsage();
    log(`  size on disk: ${(disk.bytes / 1e9).toFixed(2)} GB (${disk.detail})`);

    const store = await backend.openStore(false);
    let search: SearchTimings;
    try {
      search = await timeSearches({ store, postcodes }, backend, QUERY_MIX, settings.rounds);
      reportSearch(search, settings.rounds);
      const slowest = [...search.perQuery].sort((a, b) => b.full.median - a.full.median)[0];
      if (searchTargetsMissed(search) && slowest !== undefined) {
        log(`  a search target is missed; where the slowest query (${slowest.label}) spends its time:`);
        for (const line of await backend.explainSearch(store, slowest.query)) log(`    ${line}`);
      }
    } finally {
      await store.close();
    }

    log(`  load: ${settings.connections} connections for ${settings.seconds} s on /api/trials, rotating ${QUERY_MIX.length} query strings (a server as deployed: recent-text matches kept) ...`);
    const load = await runServerLoad(backend.serverTarget, {
      paths: QUERY_MIX.map((params) => `/api/trials?${queryString(params)}`),
      seconds: settings.seconds,
      connections: settings.connections,
    }).catch((error: unknown) => {
      // The other figures still stand; say why this one is missing and go on to the next backend.
      log(`    the load test could not run: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    });
    if (load !== null) reportLoad(load);
    return { name, imported, disk, search, load };
  } finally {
    await backend.close(settings.keep || settings.reuse);
  }
}

async function main(): Promise<void> {
  const settings = readSettings();
  await mkdir(SCALE_DIR, { recursive: true });
  if (!existsSync(settings.file)) {
    // The file generate.ts writes with its default seed: every run and every machine imports the same trials.
    process.stderr.write(`No file at ${settings.file}: generating it (once) ...\n`);
    await writeSyntheticFile(settings.count, settings.file, DEFAULT_SEED);
  }
  log(`Scale benchmark: ${settings.count} synthetic trials from ${settings.file}; backends ${settings.backends.join(', ')}; ${new Date().toISOString()}`);
  log(`  commit ${commitOf()}`);
  log(`  machine: ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB; load average ${loadText()} (other work on the machine skews every figure)`);
  const results: BackendFigures[] = [];
  // Loaded once, as the server and the CLI do.
  const postcodes = await loadPostcodeTable();
  for (const name of settings.backends) results.push(await benchBackend(name, settings, postcodes));
  log(`\n== figures at ${settings.count} trials (MISS marks a missed target; the targets are stated for 500k) ==`);
  log(figuresTable(results));
  log(`load average at the end: ${loadText()}`);
}

await main();
