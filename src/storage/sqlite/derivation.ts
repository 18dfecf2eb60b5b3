/**
 * Keeps stored derived facts at the code's DERIVATION_VERSION. When the version recorded in the `derivation` row
 * differs (a vocabulary or classifier changed, or migration 0003 has just added the tables), every stored trial is
 * re-derived from its stored JSON: facts, cancer types, sites, full-text row and summary.
 *
 * Batches of trials in doc_id order, each batch one IMMEDIATE transaction that also records how far the pass got
 * (`pass_version`, `pass_after`): a process killed mid-way loses at most the batch in flight, and the next open
 * resumes after the last committed batch. Each batch reads the state inside its own write lock, so two processes
 * opening at once share the work instead of repeating it, and upserts interleave between batches. The version is set
 * only when the pass has reached the end. Worker threads prepare the next batch while one is written
 * (shared/rederive-pass.ts); a batch's transaction is synchronous, so rows not prepared ahead are prepared in it, on
 * the main thread.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { Unavailable } from '../../domain/errors.ts';
import type { PostcodeTable } from '../../domain/postcode.ts';
import { DERIVATION_VERSION } from '../../domain/trial-facts.ts';
import type { Trial } from '../../domain/trial.ts';
import { preparedFor, resumeAfter, runRederivePass, type PassStep, type PreparedAhead, type StoredRow } from '../shared/rederive-pass.ts';
import { defaultWorkerCount, workerPool } from '../shared/worker-pool.ts';
import { createDerivedWriter } from './derived-write.ts';
import { derivedParts, type DerivedParts } from './prepared-trial.ts';
import { prepare } from './prepared.ts';
import type { Database, DerivationTable } from './schema.ts';

/** Trials per transaction: large enough to amortise the commit, small enough to keep a writer waiting briefly. */
export const REDERIVE_BATCH_SIZE = 500;

export interface RederiveOptions {
  readonly postcodes: PostcodeTable | null;
  readonly batchSize?: number;
  /** Worker threads preparing batches (default: as the store's imports, one per core, at most 3; 0: none). */
  readonly workers?: number;
}

/**
 * Re-derives every stored trial when the stored derivation version is not the code's, resuming an interrupted pass.
 * Returns how many trials this call re-derived (0 when the facts were current).
 */
export async function rederiveIfStale(raw: BetterSqlite3.Database, db: Kysely<Database>, options: RederiveOptions): Promise<number> {
  const batchSize = options.batchSize ?? REDERIVE_BATCH_SIZE;
  const writer = createDerivedWriter(raw, db);
  const state = prepare<Record<string, never>, DerivationTable>(raw, () =>
    db.selectFrom('derivation').selectAll().where('id', '=', 1),
  );
  const batch = prepare<{ after: number; limit: number }, StoredRow>(raw, (arg) =>
    db.selectFrom('trials').select(['doc_id', 'json']).where('doc_id', '>', arg('after')).orderBy('doc_id').limit(arg('limit')),
  );
  const progress = prepare<{ pass_version: number; pass_after: number }>(raw, (arg) =>
    db.updateTable('derivation').set({ pass_version: arg('pass_version'), pass_after: arg('pass_after') }).where('id', '=', 1),
  );
  const finish = prepare<{ version: number }>(raw, (arg) =>
    db.updateTable('derivation').set({ version: arg('version'), pass_version: null, pass_after: null }).where('id', '=', 1),
  );

  const current = (): DerivationTable => {
    const row = state.get({});
    if (row === undefined) throw new Unavailable('The database has no derivation row: is migration 0003 applied?');
    return row;
  };

  /** One batch, using what was prepared ahead; null when the pass is over. */
  const step = raw.transaction((ahead: PreparedAhead<DerivedParts> | null): PassStep | null => {
    const now = current();
    if (now.version === DERIVATION_VERSION) return null;
    const after = resumeAfter(now, DERIVATION_VERSION);
    const rows = batch.all({ after, limit: batchSize });
    const last = rows.at(-1);
    if (last === undefined) {
      finish.run({ version: DERIVATION_VERSION });
      return null;
    }
    for (const row of rows) {
      const { derived, fields } = preparedFor(ahead, after, row) ?? derivedParts(JSON.parse(row.json) as Trial, options.postcodes);
      writer.replace(row.doc_id, derived, fields);
    }
    progress.run({ pass_version: DERIVATION_VERSION, pass_after: last.doc_id });
    return { count: rows.length, after, last: last.doc_id };
  });

  const workers = options.workers ?? defaultWorkerCount();
  const pool = workers > 0 ? workerPool<string, DerivedParts>(new URL('./prepare.worker.ts', import.meta.url), options.postcodes, workers) : null;
  try {
    return await runRederivePass(
      {
        position() {
          const now = current();
          return Promise.resolve(now.version === DERIVATION_VERSION ? null : resumeAfter(now, DERIVATION_VERSION));
        },
        rowsAfter: (after) => batch.all({ after, limit: batchSize }),
        // IMMEDIATE: take the write lock before reading the state, so two processes never derive the same batch.
        step: (ahead) => Promise.resolve(step.immediate(ahead)),
      },
      pool,
      batchSize,
    );
  } finally {
    await pool?.close();
  }
}

/** For a read-only store: refuses facts made by another version (it cannot re-derive them in place). */
export async function assertDerived(db: Kysely<Database>): Promise<void> {
  const row = await db.selectFrom('derivation').select('version').where('id', '=', 1).executeTakeFirst();
  if (row?.version !== DERIVATION_VERSION) {
    throw new Unavailable(
      `The stored trial facts are derivation version ${String(row?.version ?? 'none')}, this program derives version ` +
        `${String(DERIVATION_VERSION)}; open the database once read-write first.`,
    );
  }
}
