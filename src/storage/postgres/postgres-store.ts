import { sql, type Kysely } from 'kysely';
import { TrialfinderError } from '../../domain/errors.ts';
import type { PostcodeTable } from '../../domain/postcode.ts';
import { canonicalId } from '../../domain/registry-id.ts';
import type { Trial } from '../../domain/trial.ts';
import type { TrialStore } from '../store.ts';
import { openPool, parseConnectionUrl, unreachable } from './connection.ts';
import { FactIndexCache } from '../shared/fact-index-cache.ts';
import { loadFactIndex } from './fact-index-load.ts';
import { postgresMatchSets } from './match-sets.ts';
import { storeVersion } from './store-version.ts';
import { rederiveIfStale } from './derivation.ts';
import { migrateToLatest } from './migrate.ts';
import type { Database } from './schema.ts';
import { pageReads } from './search.ts';
import { indexedSearch } from '../shared/index-page.ts';
import { TextMatchCache } from '../shared/text-match-cache.ts';
import { withoutNul } from './trial-row.ts';
import { toPrepare, upsertBatch } from './upsert.ts';
import { refreshWordPostings } from './word-postings.ts';
import type { PreparedRow } from './prepared-row.ts';
import { defaultWorkerCount, workerPool } from '../shared/worker-pool.ts';

export interface PostgresStoreOptions {
  /** A replica (READ_DATABASE_URL): searches, facets, lookups, counts and exports read there; writes stay on `url`. */
  readonly readUrl?: string;
  /** The schema to live in, created if missing; overrides a `schema` parameter of the URL. */
  readonly schema?: string;
  /** Connections per pool (default 10): one search runs its page, count and nine facets in parallel. */
  readonly poolSize?: number;
  /** Drop the whole schema on close: for tests, each on a fresh random schema. */
  readonly dropSchemaOnClose?: boolean;
  /**
   * Postcode-district centroids that place UK sites the registry gave no coordinates; without them only registry
   * coordinates are used.
   */
  readonly postcodes?: PostcodeTable;
  /** Worker threads that prepare large write batches and re-derivation batches (default: one per core, at most 3, none on one core; 0: none). */
  readonly workers?: number;
  /** Bytes of recent searches' text matches to keep (shared/text-match-cache.ts); 0 keeps none. */
  readonly textCacheBytes?: number;
}

/** Batches smaller than this are prepared in the main thread (as sqlite-store.ts). */
const WORKER_BATCH_MIN = 64;

const DEFAULT_POOL_SIZE = 10;

/**
 * Opens the PostgreSQL trial store at `url` (postgres://…, optionally `?schema=NAME`), creating the schema,
 * migrating it to the latest version, re-deriving stored facts made by another DERIVATION_VERSION (derivation.ts) and
 * making the word postings when they are missing or stale (word-postings.ts) first; safe when several processes open
 * it at once.
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<TrialStore> {
  const primaryTarget = parseConnectionUrl(url, options.schema ?? null);
  const { schema } = primaryTarget;
  const size = options.poolSize ?? DEFAULT_POOL_SIZE;
  const primary = openPool(primaryTarget, size);
  const schemaKey = schema ?? 'public';
  const postcodes = options.postcodes ?? null;
  let replica: Kysely<Database> | null = null;
  try {
    await migrateToLatest(primary, schema);
    await rederiveIfStale(primary, { schemaKey, postcodes, workers: options.workers });
    // Word postings missing (a database from before migration 0009, or text re-derived just now) or stale (an import
    // that stopped before its end) are made here, once: another process opening at the same time waits, then finds them.
    await refreshWordPostings(primary, schemaKey);
    if (options.readUrl !== undefined) replica = openPool(parseConnectionUrl(options.readUrl, schema), size);
  } catch (error) {
    // A throwaway schema must not outlive a failed open either.
    if (options.dropSchemaOnClose === true && schema !== null) {
      await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(primary).catch(() => undefined);
    }
    await primary.destroy();
    throw error instanceof TrialfinderError ? error : unreachable(primaryTarget.url, error);
  }
  const reader = replica ?? primary;
  const workers = workerPool<Trial, PreparedRow>(new URL('./prepare.worker.ts', import.meta.url), postcodes, options.workers ?? defaultWorkerCount());
  // Read where searches read: a replica's index follows the replica's data.
  const index = new FactIndexCache({ version: () => storeVersion(reader), load: () => loadFactIndex(reader) });
  const searching = indexedSearch(
    index,
    (query, ranked) => postgresMatchSets(reader, query, ranked),
    pageReads(reader),
    new TextMatchCache(options.textCacheBytes),
  );

  /** Large batches are prepared in worker threads, before the write lock is taken; a failure here only costs speed. */
  const preparedAhead = async (trials: readonly Trial[]): Promise<ReadonlyMap<Trial, PreparedRow>> => {
    const ahead = new Map<Trial, PreparedRow>();
    if (trials.length < WORKER_BATCH_MIN) return ahead;
    const todo = await toPrepare(primary, trials);
    const results = await workers.run(todo);
    todo.forEach((trial, n) => {
      const result = results[n];
      if (result != null) ahead.set(trial, result);
    });
    return ahead;
  };
  // Batches write in the order they were given, each prepared while the one before it is written.
  let writes: Promise<unknown> = Promise.resolve();

  return {
    upsertTrials(trials) {
      const ahead = preparedAhead(trials).catch(() => new Map<Trial, PreparedRow>());
      const written = writes.then(async () => upsertBatch(primary, schemaKey, trials, postcodes, await ahead));
      writes = written.catch(() => undefined);
      return written;
    },

    async getTrial(id) {
      // A shared id (an org id two sponsors reuse) resolves to the trial whose primary id it is, else the first.
      const row = await reader
        .selectFrom('trial_ids')
        .innerJoin('trials', 'trials.doc_id', 'trial_ids.doc_id')
        .select('trials.json')
        .where('trial_ids.value', '=', withoutNul(canonicalId(id)))
        .orderBy('trial_ids.precedence')
        .orderBy('trials.id')
        .limit(1)
        .executeTakeFirst();
      return row === undefined ? null : (JSON.parse(row.json) as Trial);
    },

    ...searching,

    async count() {
      const row = await reader.selectFrom('trials').select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow();
      return row.count;
    },

    async *exportTrials(pageSize = 500) {
      // Keyset paging on the unique primary id: no OFFSET scans, and concurrent writes cannot repeat a trial.
      let after = '';
      for (;;) {
        const rows = await reader.selectFrom('trials').select(['id', 'json']).where('id', '>', after).orderBy('id').limit(pageSize).execute();
        for (const row of rows) yield JSON.parse(row.json) as Trial;
        const last = rows.at(-1);
        if (last === undefined || rows.length < pageSize) return;
        after = last.id;
      }
    },

    async optimiseSearch() {
      await refreshWordPostings(primary, schemaKey);
    },

    // Checkpoints are read on the primary: the writer that set one must see it at once, replica lag or not.
    async getCheckpoint(name) {
      const row = await primary.selectFrom('checkpoints').select('value').where('name', '=', withoutNul(name)).executeTakeFirst();
      return row?.value ?? null;
    },

    async setCheckpoint(name, value) {
      const key = withoutNul(name);
      if (value === null) {
        await primary.deleteFrom('checkpoints').where('name', '=', key).execute();
        return;
      }
      await primary
        .insertInto('checkpoints')
        .values({ name: key, value: withoutNul(value) })
        .onConflict((conflict) => conflict.column('name').doUpdateSet({ value: withoutNul(value) }))
        .execute();
    },

    async close() {
      await workers.close();
      if (replica !== null) await replica.destroy();
      if (options.dropSchemaOnClose === true && schema !== null) {
        await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(primary);
      }
      await primary.destroy();
    },
  };
}

/** Drops a schema and everything in it: for tests and benchmarks that made a store in a throwaway schema. */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  const target = parseConnectionUrl(url, schema);
  const db = openPool({ url: target.url, schema: null }, 1);
  try {
    await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(db);
  } finally {
    await db.destroy();
  }
}
