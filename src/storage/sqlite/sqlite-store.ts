import { Conflict } from '../../domain/errors.ts';
import type { PostcodeTable } from '../../domain/postcode.ts';
import { canonicalId } from '../../domain/registry-id.ts';
import type { SearchResult, StoreQuery } from '../../domain/query.ts';
import type { Trial } from '../../domain/trial.ts';
import type { TrialStore } from '../store.ts';
import { openConnection } from './connection.ts';
import { assertDerived, rederiveIfStale } from './derivation.ts';
import { facetCounts, facetsInTransaction } from './facets.ts';
import { assertMigrated, migrateToLatest } from './migrate.ts';
import { searchPage } from './search.ts';
import { createUpserter } from './upsert.ts';

export interface SqliteStoreOptions {
  /** Open an existing database without writing to it (a second process serving searches). */
  readonly readonly?: boolean;
  /**
   * Postcode-district centroids that place UK sites the registry gave no coordinates; without them only registry
   * coordinates are used.
   */
  readonly postcodes?: PostcodeTable;
}

/**
 * The SQLite store, with one verb the port does not (yet) have: a page and its facets from one pass, the facets'
 * candidate count serving as the page's total (one fewer full count per search).
 */
export interface SqliteTrialStore extends TrialStore {
  searchWithFacets(query: StoreQuery): Promise<SearchResult>;
}

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
      rederiveIfStale(raw, db, { postcodes });
    }
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const refuseWrite = (): never => {
    throw new Conflict('This trial store was opened read-only.');
  };
  // Prepared after migrating: the statements need the tables.
  const upsert = readonly ? refuseWrite : createUpserter(raw, db, postcodes);

  return {
    // The write itself is synchronous (see upsert.ts); wrapping it makes its errors rejections.
    upsertTrials: (trials) => Promise.resolve().then(() => upsert(trials)),

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

    search: (query) => searchPage(db, query),

    facets: (query) => facetCounts(db, query),

    searchWithFacets: (query) =>
      // One transaction: the page, its total and the facets come from one snapshot.
      db.transaction().execute(async (trx) => {
        const { facets, total } = await facetsInTransaction(trx, query);
        return { ...(await searchPage(trx, query, Promise.resolve(total))), facets };
      }),

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

    async close() {
      await db.destroy();
    },
  };
}
