/**
 * Re-derivation benchmark: how long a store takes to open when DERIVATION_VERSION has changed, with the main thread
 * alone preparing the trials (workers 0) and with the store's default worker threads, in the same run.
 *
 * Usage: npx tsx bench/rederive.bench.ts --count 20000 [--backends sqlite,postgres] [--postgres-url URL] [--rounds 3]
 *        [--keep]
 *
 * Per backend: imports the synthetic file (bench/scale's generator, written under var/scale/ when missing) into a
 * fresh database, then per round and per mode marks the stored facts as made by version 0 (as the derivation contract
 * tests do) and times opening the store, which re-derives every trial before it returns. Prints each time, the
 * medians and their ratio, and whether both modes left the same totals and facets.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import type { PostcodeTable } from '../src/domain/postcode.ts';
import { EMPTY_QUERY } from '../src/domain/query.ts';
import { DERIVATION_VERSION } from '../src/domain/trial-facts.ts';
import { importRecords } from '../src/ingest/import.ts';
import { readRecordsAt } from '../src/ingest/open-path.ts';
import { loadPostcodeTable } from '../src/ingest/postcode-table.read.ts';
import { dropPostgresSchema, openPostgresStore } from '../src/storage/postgres/postgres-store.ts';
import { defaultWorkerCount } from '../src/storage/shared/worker-pool.ts';
import { toStoreQuery } from '../src/search/search-trials.ts';
import { openSqliteStore } from '../src/storage/sqlite/sqlite-store.ts';
import type { TrialStore } from '../src/storage/store.ts';
import { DEFAULT_SEED, writeSyntheticFile } from './scale/synthetic-file.ts';

const SCALE_DIR = 'var/scale';
const BACKENDS = ['sqlite', 'postgres'] as const;
type BackendName = (typeof BACKENDS)[number];

/** What the benchmark needs of a backend: open its database, and mark its facts stale behind the store's back. */
interface Target {
  readonly name: BackendName;
  open(options: { postcodes: PostcodeTable; workers?: number }): Promise<TrialStore>;
  /** The stored derivation version (set to 0 to force a re-derivation, as an older program would have left it). */
  version(value?: number): Promise<number>;
  remove(): Promise<void>;
}

function sqliteTarget(path: string): Target {
  const files = ['', '-wal', '-shm', '-journal'].map((suffix) => `${path}${suffix}`);
  return {
    name: 'sqlite',
    open: (options) => openSqliteStore(path, { ...options, textCacheBytes: 0 }),
    version(value) {
      // While no store has the file open, as an operator would with the sqlite3 shell.
      const db = new BetterSqlite3(path);
      try {
        if (value !== undefined) db.prepare('UPDATE derivation SET version = ?, pass_version = NULL, pass_after = NULL WHERE id = 1').run(value);
        return Promise.resolve(Number(db.prepare('SELECT version FROM derivation WHERE id = 1').pluck().get()));
      } finally {
        db.close();
      }
    },
    async remove() {
      for (const file of files) await rm(file, { force: true });
    },
  };
}

function postgresTarget(url: string, schema: string): Target {
  return {
    name: 'postgres',
    open: (options) => openPostgresStore(url, { ...options, schema, textCacheBytes: 0 }),
    async version(value) {
      const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
      await client.connect();
      try {
        if (value !== undefined) await client.query('UPDATE derivation SET version = $1, pass_version = NULL, pass_after = NULL WHERE id = 1', [value]);
        const result = await client.query<{ version: number }>('SELECT version FROM derivation WHERE id = 1');
        return result.rows[0]?.version ?? -1;
      } finally {
        await client.end();
      }
    },
    remove: () => dropPostgresSchema(url, schema),
  };
}

function readSettings() {
  const { values } = parseArgs({
    options: {
      count: { type: 'string' },
      backends: { type: 'string', default: 'sqlite,postgres' },
      'postgres-url': { type: 'string', default: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
      rounds: { type: 'string', default: '3' },
      keep: { type: 'boolean', default: false },
    },
  });
  const count = Number(values.count);
  const rounds = Number(values.rounds);
  if (!Number.isInteger(count) || count < 1) throw new Error('--count is required: the number of trials to import');
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds must be a whole number above 0');
  const backends = values.backends.split(',').map((name) => name.trim());
  for (const name of backends) {
    if (!(BACKENDS as readonly string[]).includes(name)) throw new Error(`--backends: ${name} is not one of ${BACKENDS.join(', ')}`);
  }
  const size = count % 1000 === 0 ? `${count / 1000}k` : String(count);
  return {
    count,
    rounds,
    keep: values.keep,
    backends: backends as BackendName[],
    postgresUrl: values['postgres-url'],
    file: `${SCALE_DIR}/trials-${size}.jsonl.gz`,
  };
}

/** What a re-derivation must leave the same whatever prepared it: totals, first pages and every facet. */
async function fingerprint(store: TrialStore, postcodes: PostcodeTable): Promise<string> {
  const all = toStoreQuery({ ...EMPTY_QUERY, pageSize: 100 }, postcodes);
  const near = toStoreQuery({ ...EMPTY_QUERY, postcode: 'M1 1AA', withinMiles: 50, sort: 'distance', pageSize: 100 }, postcodes);
  const results = await Promise.all([store.searchWithFacets(all), store.searchWithFacets(near)]);
  return JSON.stringify(results);
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const load = (): string => loadavg().map((value) => value.toFixed(2)).join(' / ');

function commitOf(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head} + uncommitted changes` : head;
  } catch {
    return '(not a git checkout)';
  }
}

async function benchTarget(target: Target, settings: ReturnType<typeof readSettings>, postcodes: PostcodeTable): Promise<void> {
  console.log(`\n== ${target.name} ==`);
  await target.remove();
  const store = await target.open({ postcodes });
  let started = performance.now();
  const summary = await importRecords(store, readRecordsAt(settings.file), { batchSize: 1000 });
  const stored = await store.count();
  await store.close();
  console.log(`  import: ${summary.read} records read, ${stored} trials stored in ${seconds(performance.now() - started)}`);

  started = performance.now();
  await (await target.open({ postcodes })).close();
  console.log(`  open with current facts (no re-derivation): ${seconds(performance.now() - started)}`);

  const workers = defaultWorkerCount();
  const modes = workers === 0 ? [0] : [0, workers];
  const times = new Map<number, number[]>(modes.map((mode) => [mode, []]));
  const prints = new Map<number, string>();
  for (let round = 1; round <= settings.rounds; round += 1) {
    for (const mode of modes) {
      await target.version(0);
      started = performance.now();
      const cpu = process.cpuUsage();
      const reopened = await target.open({ postcodes, workers: mode });
      const elapsed = performance.now() - started;
      // This process's threads (main and workers); on a shared machine, CPU time next to wall time tells waiting apart.
      const used = process.cpuUsage(cpu);
      try {
        prints.set(mode, await fingerprint(reopened, postcodes));
      } finally {
        await reopened.close();
      }
      const after = await target.version();
      if (after !== DERIVATION_VERSION) throw new Error(`the re-derivation left version ${String(after)}, not ${String(DERIVATION_VERSION)}`);
      times.get(mode)?.push(elapsed);
      const cpuSeconds = (used.user + used.system) / 1e6;
      console.log(
        `  round ${round}, ${mode} worker(s): re-derived ${stored} trials in ${seconds(elapsed)} (${(stored / (elapsed / 1000)).toFixed(0)} trials/s), ` +
          `${cpuSeconds.toFixed(1)} s CPU in this process; load ${load()}`,
      );
    }
  }
  const alone = median(times.get(0) ?? []);
  const pooled = median(times.get(workers) ?? []);
  console.log(`  median, main thread alone: ${seconds(alone)} (${(stored / (alone / 1000)).toFixed(0)} trials/s)`);
  console.log(`  median, ${workers} worker(s): ${seconds(pooled)} (${(stored / (pooled / 1000)).toFixed(0)} trials/s)`);
  console.log(`  main thread alone ÷ ${workers} worker(s): ${(alone / pooled).toFixed(2)}×`);
  console.log(`  same totals, first pages and facets after both: ${prints.get(0) === prints.get(workers) ? 'yes' : 'NO'}`);
  if (!settings.keep) await target.remove();
}

async function main(): Promise<void> {
  const settings = readSettings();
  await mkdir(SCALE_DIR, { recursive: true });
  if (!existsSync(settings.file)) {
    process.stderr.write(`No file at ${settings.file}: generating it (once) ...\n`);
    await writeSyntheticFile(settings.count, settings.file, DEFAULT_SEED);
  }
  console.log(`Re-derivation benchmark: ${settings.count} synthetic trials from ${settings.file}; ${settings.rounds} round(s); ${new Date().toISOString()}`);
  console.log(`  commit ${commitOf()}; derivation version ${DERIVATION_VERSION}`);
  console.log(`  machine: ${cpus().length} cores; default workers ${defaultWorkerCount()}; load average ${load()} (other work skews every figure)`);
  const postcodes = await loadPostcodeTable();
  for (const name of settings.backends) {
    const target = name === 'sqlite' ? sqliteTarget(`${SCALE_DIR}/rederive-${settings.count}.sqlite`) : postgresTarget(settings.postgresUrl, `rederive_bench_${settings.count}`);
    await benchTarget(target, settings, postcodes);
  }
  console.log(`\nload average at the end: ${load()}`);
}

await main();
