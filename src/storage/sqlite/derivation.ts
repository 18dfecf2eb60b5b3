/**
 * Keeps stored derived facts at the code's DERIVATION_VERSION. When the version recorded in the `derivation` row
 * differs (a vocabulary or classifier changed, or migration 0003 has just added the tables), every stored trial is
 * re-derived from its stored JSON: facts, cancer types, sites, full-text row and summary.
 *
 * Batches of trials in doc_id order, each batch one IMMEDIATE transaction that also records how far the pass got
 * (`pass_version`, `pass_after`): a process killed mid-way loses at most the batch in flight, and the next open
 * resumes after the last committed batch. Each batch reads the state inside its own write lock, so two processes
 * opening at once share the work instead of repeating it. The version is set only when the pass has reached the end.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { Unavailable } from '../../domain/errors.ts';
import type { PostcodeTable } from '../../domain/postcode.ts';
import { DERIVATION_VERSION } from '../../domain/trial-facts.ts';
import type { Trial } from '../../domain/trial.ts';
import { derivedRows } from '../shared/derived-rows.ts';
import { searchFields } from '../shared/search-fields.ts';
import { createDerivedWriter } from './derived-write.ts';
import { prepare } from './prepared.ts';
import type { Database, DerivationTable } from './schema.ts';

/** Trials per transaction: large enough to amortise the commit, small enough to keep a writer waiting briefly. */
export const REDERIVE_BATCH_SIZE = 500;

export interface RederiveOptions {
  readonly postcodes: PostcodeTable | null;
  readonly batchSize?: number;
}

/**
 * Re-derives every stored trial when the stored derivation version is not the code's, resuming an interrupted pass.
 * Returns how many trials this call re-derived (0 when the facts were current).
 */
export function rederiveIfStale(raw: BetterSqlite3.Database, db: Kysely<Database>, options: RederiveOptions): number {
  const batchSize = options.batchSize ?? REDERIVE_BATCH_SIZE;
  const writer = createDerivedWriter(raw, db);
  const state = prepare<Record<string, never>, DerivationTable>(raw, () =>
    db.selectFrom('derivation').selectAll().where('id', '=', 1),
  );
  const batch = prepare<{ after: number; limit: number }, { doc_id: number; json: string }>(raw, (arg) =>
    db.selectFrom('trials').select(['doc_id', 'json']).where('doc_id', '>', arg('after')).orderBy('doc_id').limit(arg('limit')),
  );
  const progress = prepare<{ pass_version: number; pass_after: number }>(raw, (arg) =>
    db.updateTable('derivation').set({ pass_version: arg('pass_version'), pass_after: arg('pass_after') }).where('id', '=', 1),
  );
  const finish = prepare<{ version: number }>(raw, (arg) =>
    db.updateTable('derivation').set({ version: arg('version'), pass_version: null, pass_after: null }).where('id', '=', 1),
  );

  /** One batch; the number of trials it re-derived, or null when the pass is over. */
  const step = raw.transaction((): number | null => {
    const current = state.get({});
    if (current === undefined) throw new Unavailable('The database has no derivation row: is migration 0003 applied?');
    if (current.version === DERIVATION_VERSION) return null;
    const after = current.pass_version === DERIVATION_VERSION ? (current.pass_after ?? 0) : 0;
    const rows = batch.all({ after, limit: batchSize });
    const last = rows.at(-1);
    if (last === undefined) {
      finish.run({ version: DERIVATION_VERSION });
      return null;
    }
    for (const row of rows) {
      const trial = JSON.parse(row.json) as Trial;
      writer.replace(row.doc_id, derivedRows(trial, options.postcodes), searchFields(trial));
    }
    progress.run({ pass_version: DERIVATION_VERSION, pass_after: last.doc_id });
    return rows.length;
  });

  let done = 0;
  // IMMEDIATE: take the write lock before reading the state, so two processes never derive the same batch.
  for (let n = step.immediate(); n !== null; n = step.immediate()) done += n;
  return done;
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
