/**
 * Keeps stored derived facts at the code's DERIVATION_VERSION, as sqlite/derivation.ts: when the version recorded in
 * the `derivation` row differs (or migration 0002 has just added the tables), every stored trial is re-derived from
 * its stored JSON, in doc_id order, a batch per transaction.
 *
 * Each batch takes the writers' advisory lock, reads how far the pass got, re-derives the next trials and records
 * its progress, all in one transaction: a process killed mid-way loses at most the batch in flight and the next open
 * resumes after the last committed one; several processes opening at once share the batches instead of repeating
 * them, and upserts interleave between batches. The version is set only once the pass has reached the end.
 */
import { sql, type Kysely } from 'kysely';
import type { PostcodeTable } from '../../domain/postcode.ts';
import { DERIVATION_VERSION } from '../../domain/trial-facts.ts';
import type { Trial } from '../../domain/trial.ts';
import { derivedRows } from '../shared/derived-rows.ts';
import { replaceDerived } from './derived-write.ts';
import { WRITE_LOCK } from './locks.ts';
import type { Database } from './schema.ts';
import { bumpStoreVersion } from './store-version.ts';

/** Trials per transaction: large enough to amortise the round trips, small enough to keep writers waiting briefly. */
export const REDERIVE_BATCH_SIZE = 500;

export interface RederiveOptions {
  readonly schemaKey: string;
  readonly postcodes: PostcodeTable | null;
  readonly batchSize?: number;
}

/**
 * Re-derives every stored trial when the stored derivation version is not the code's, resuming an interrupted pass.
 * Returns how many trials this call re-derived (0 when the facts were current).
 */
export async function rederiveIfStale(db: Kysely<Database>, options: RederiveOptions): Promise<number> {
  const batchSize = options.batchSize ?? REDERIVE_BATCH_SIZE;
  const current = await db.selectFrom('derivation').select('version').where('id', '=', 1).executeTakeFirst();
  // The common case needs no lock: facts already current.
  if (current?.version === DERIVATION_VERSION) return 0;
  let done = 0;
  for (;;) {
    const n = await db.transaction().execute(async (tx): Promise<number | null> => {
      await sql`SELECT pg_advisory_xact_lock(${WRITE_LOCK}, hashtext(${options.schemaKey}))`.execute(tx);
      const state = await tx.selectFrom('derivation').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
      if (state.version === DERIVATION_VERSION) return null;
      const after = state.pass_version === DERIVATION_VERSION ? (state.pass_after ?? 0) : 0;
      const rows = await tx.selectFrom('trials').select(['doc_id', 'json']).where('doc_id', '>', after).orderBy('doc_id').limit(batchSize).execute();
      const last = rows.at(-1);
      if (last === undefined) {
        await tx.updateTable('derivation').set({ version: DERIVATION_VERSION, pass_version: null, pass_after: null }).where('id', '=', 1).execute();
        return null;
      }
      const entries = rows.map((row) => {
        const trial = JSON.parse(row.json) as Trial;
        return { docId: row.doc_id, trial, derived: derivedRows(trial, options.postcodes) };
      });
      await replaceDerived(tx, entries);
      await bumpStoreVersion(tx);
      await tx.updateTable('derivation').set({ pass_version: DERIVATION_VERSION, pass_after: last.doc_id }).where('id', '=', 1).execute();
      return rows.length;
    });
    if (n === null) return done;
    done += n;
  }
}
