import { Conflict } from '../../domain/errors.ts';
import type { PostcodeTable } from '../../domain/postcode.ts';
import { canonicalId } from '../../domain/registry-id.ts';
import type { Trial } from '../../domain/trial.ts';
import type { TrialStore } from '../store.ts';
import { openConnection } from './connection.ts';
import { assertDerived, rederiveIfStale } from './derivation.ts';
import { FactIndexCache } from '../shared/fact-index-cache.ts';
import { loadFactIndex, sqliteDataVersion } from './fact-index-load.ts';
import { sqliteMatchSets } from './match-sets.ts';
import { assertMigrated, migrateToLatest } from './migrate.ts';
import { pageReads } from './search.ts';
import { indexedSearch } from '../shared/index-page.ts';
import { TextMatchCache } from '../shared/text-match-cache.ts';
import { createUpserter } from './upsert.ts';
import type { PreparedTrial } from './prepared-trial.ts';
import { defaultWorkerCount, workerPool } from '../shared/worker-pool.ts';
import type { UpsertOutcome } from '../store.ts';

export interface SqliteStoreOptions {
  /** Open an existing database without writing to it (a second process serving searches). */
  readonly readonly?: boolean;
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

/** Batches smaller than this are prepared in the main thread. */
const WORKER_BATCH_MIN = 64;

export type SqliteTrialStore = TrialStore;

/**
 * Opens (creating if needed) a SQLite trial store at `path`, or an in-memory one for ':memory:', migrating its schema
 * to the latest version and re-deriving stored facts made by another DERIVATION_VERSION (see derivation.ts). A
 * read-only store refuses writes, and a database whose schema or derived facts are not current.
 */
export async function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<SqliteTrialStore> {
  const readonly = options.readonly === true;
  const postcodes = options.postcodes ?? null;
  const { raw, db } = openConnection(path, readonly);
  try {
    if (readonly) {
      await assertMigrated(db);
      await assertDerived(db);
    } else {
      await migrateToLatest(db);
      await rederiveIfStale(raw, db, { postcodes, workers: options.workers });
    }
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const refuseWrite = (): never => {
    throw new Conflict('This trial store was opened read-only.');
  };
  // Prepared after migrating: the statements need the tables.
  const upserter = readonly ? null : createUpserter(raw, db, postcodes);
  const workers = workerPool<Trial, PreparedTrial>(new URL('./prepare.worker.ts', import.meta.url), postcodes, options.workers ?? defaultWorkerCount());
  /** Large batches are prepared in worker threads (a small one is cheaper to prepare than to send). */
  const preparedAhead = async (trials: readonly Trial[]): Promise<ReadonlyMap<Trial, PreparedTrial>> => {
    const prepared = new Map<Trial, PreparedTrial>();
    if (upserter === null || trials.length < WORKER_BATCH_MIN) return prepared;
    const todo = upserter.toPrepare(trials);
    const results = await workers.run(todo);
    todo.forEach((trial, n) => {
      const result = results[n];
      if (result != null) prepared.set(trial, result);
    });
    return prepared;
  };
  // This connection's own commits do not move `data_version`; counting them tells the fact index to rebuild.
  let ownWrites = 0;
  // Batches write in the order they were given, whatever their preparation took.
  let writes: Promise<unknown> = Promise.resolve();
  const upsert = (trials: readonly Trial[]): Promise<UpsertOutcome[]> => {
    const ahead = preparedAhead(trials);
    const written = writes.then(async () => {
      if (upserter === null) return refuseWrite();
      const prepared = await ahead;
      try {
        return upserter.write(trials, prepared);
      } finally {
        ownWrites++;
      }
    });
    writes = written.catch(() => undefined);
    return written;
  };
  const index = new FactIndexCache({
    version: () => Promise.resolve(sqliteDataVersion(raw, ownWrites)),
    load: () => Promise.resolve().then(() => loadFactIndex(raw, () => ownWrites)),
  });
  const searching = indexedSearch(
    index,
    (query, ranked) => Promise.resolve(sqliteMatchSets(raw, query, ranked)),
    pageReads(db),
    new TextMatchCache(options.textCacheBytes),
  );

  return {
    upsertTrials: upsert,

    async getTrial(id) {
      // A shared id (an org id two sponsors reuse) resolves to the trial whose primary id it is, else the first.
      const row = await db
        .selectFrom('trial_ids')
        .innerJoin('trials', 'trials.doc_id', 'trial_ids.doc_id')
        .select('trials.json')
        .where('trial_ids.value', '=', canonicalId(id))
        .orderBy('trial_ids.precedence')
        .orderBy('trials.id')
        .limit(1)
        .executeTakeFirst();
      return row === undefined ? null : (JSON.parse(row.json) as Trial);
    },

    ...searching,

    async count() {
      const row = await db
        .selectFrom('trials')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      return row.count;
    },

    async *exportTrials(pageSize = 500) {
      // Keyset paging on the unique primary id: no OFFSET scans, and concurrent writes cannot repeat a trial.
      let after = '';
      for (;;) {
        const rows = await db.selectFrom('trials').select(['id', 'json']).where('id', '>', after).orderBy('id').limit(pageSize).execute();
        for (const row of rows) yield JSON.parse(row.json) as Trial;
        const last = rows.at(-1);
        if (last === undefined || rows.length < pageSize) return;
        after = last.id;
      }
    },

    async getCheckpoint(name) {
      const row = await db.selectFrom('checkpoints').select('value').where('name', '=', name).executeTakeFirst();
      return row?.value ?? null;
    },

    async setCheckpoint(name, value) {
      if (readonly) refuseWrite();
      if (value === null) {
        await db.deleteFrom('checkpoints').where('name', '=', name).execute();
        return;
      }
      await db
        .insertInto('checkpoints')
        .values({ name, value })
        .onConflict((conflict) => conflict.column('name').doUpdateSet({ value }))
        .execute();
    },

    // FTS5 answers a broad word from its own index: nothing to prepare.
    optimiseSearch: () => Promise.resolve(),

    async close() {
      await workers.close();
      await db.destroy();
    },
  };
}
