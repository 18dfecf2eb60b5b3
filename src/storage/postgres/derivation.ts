/**
 * Keeps stored derived facts at the code's DERIVATION_VERSION, as sqlite/derivation.ts: when the version recorded in
 * the `derivation` row differs (or migration 0002 has just added the tables), every stored trial is re-derived from
 * its stored JSON, in doc_id order, a batch per transaction.
 *
 * Each batch takes the writers' advisory lock, reads how far the pass got, re-derives the next trials and records
 * its progress, all in one transaction: a process killed mid-way loses at most the batch in flight and the next open
 * resumes after the last committed one; several processes opening at once share the batches instead of repeating
 * them, and upserts interleave between batches. The version is set only once the pass has reached the end. Worker
 * threads prepare the next batch while one is written (shared/rederive-pass.ts); rows not prepared ahead (another
 * process's turn, a row an upsert replaced) are prepared in the batch's transaction, by the workers too.
 */
import { sql, type Kysely } from 'kysely';
import type { PostcodeTable } from '../../domain/postcode.ts';
import { DERIVATION_VERSION } from '../../domain/trial-facts.ts';
import type { Trial } from '../../domain/trial.ts';
import { preparedFor, resumeAfter, runRederivePass, type PassStep, type PreparedAhead, type StoredRow } from '../shared/rederive-pass.ts';
import { defaultWorkerCount, workerPool } from '../shared/worker-pool.ts';
import { replaceDerived, type RederivedEntry } from './derived-write.ts';
import { WRITE_LOCK } from './locks.ts';
import { derivedParts, type DerivedParts } from './prepared-row.ts';
import type { Database } from './schema.ts';
import { bumpStoreVersion } from './store-version.ts';

/** Trials per transaction: large enough to amortise the round trips, small enough to keep writers waiting briefly. */
export const REDERIVE_BATCH_SIZE = 500;

export interface RederiveOptions {
  readonly schemaKey: string;
  readonly postcodes: PostcodeTable | null;
  readonly batchSize?: number;
  /** Worker threads preparing batches (default: as the store's imports, one per core, at most 3; 0: none). */
  readonly workers?: number;
}

/**
 * Re-derives every stored trial when the stored derivation version is not the code's, resuming an interrupted pass.
 * Returns how many trials this call re-derived (0 when the facts were current).
 */
export async function rederiveIfStale(db: Kysely<Database>, options: RederiveOptions): Promise<number> {
  const batchSize = options.batchSize ?? REDERIVE_BATCH_SIZE;
  const workers = options.workers ?? defaultWorkerCount();
  const pool = workers > 0 ? workerPool<string, DerivedParts>(new URL('./prepare.worker.ts', import.meta.url), options.postcodes, workers) : null;
  const rowsAfter = (from: Kysely<Database>, after: number): Promise<StoredRow[]> =>
    from.selectFrom('trials').select(['doc_id', 'json']).where('doc_id', '>', after).orderBy('doc_id').limit(batchSize).execute();

  /** The rows re-derived: prepared ahead, else by the workers now, else here. */
  const rederived = async (rows: readonly StoredRow[], ahead: PreparedAhead<DerivedParts> | null, after: number): Promise<RederivedEntry[]> => {
    const offered = rows.map((row) => preparedFor(ahead, after, row));
    const missing = rows.filter((_, n) => offered[n] === null);
    const results = pool === null || missing.length === 0 ? [] : await pool.run(missing.map((row) => row.json));
    const late = new Map(missing.map((row, n) => [row.doc_id, results[n] ?? null]));
    return rows.map((row, n) => ({
      docId: row.doc_id,
      ...(offered[n] ?? late.get(row.doc_id) ?? derivedParts(JSON.parse(row.json) as Trial, options.postcodes)),
    }));
  };

  /** One batch; null when the pass is over. */
  const step = (ahead: PreparedAhead<DerivedParts> | null): Promise<PassStep | null> =>
    db.transaction().execute(async (tx) => {
      await sql`SELECT pg_advisory_xact_lock(${WRITE_LOCK}, hashtext(${options.schemaKey}))`.execute(tx);
      const state = await tx.selectFrom('derivation').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
      if (state.version === DERIVATION_VERSION) return null;
      const after = resumeAfter(state, DERIVATION_VERSION);
      const rows = await rowsAfter(tx, after);
      const last = rows.at(-1);
      if (last === undefined) {
        await tx.updateTable('derivation').set({ version: DERIVATION_VERSION, pass_version: null, pass_after: null }).where('id', '=', 1).execute();
        return null;
      }
      await replaceDerived(tx, await rederived(rows, ahead, after));
      await bumpStoreVersion(tx);
      await tx.updateTable('derivation').set({ pass_version: DERIVATION_VERSION, pass_after: last.doc_id }).where('id', '=', 1).execute();
      return { count: rows.length, after, last: last.doc_id };
    });

  try {
    return await runRederivePass(
      {
        async position() {
          const state = await db.selectFrom('derivation').selectAll().where('id', '=', 1).executeTakeFirst();
          // The common case needs no lock: facts already current. A missing row is the step's to report.
          if (state?.version === DERIVATION_VERSION) return null;
          return state === undefined ? 0 : resumeAfter(state, DERIVATION_VERSION);
        },
        rowsAfter: (after) => rowsAfter(db, after),
        step,
      },
      pool,
      batchSize,
    );
  } finally {
    await pool?.close();
  }
}
