/** Text matches by the GIN index, with an exact bitmap: the settings every text match runs under. */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Memory for one match's bitmap of heap pages. Under PostgreSQL's default work_mem (4 MB) the bitmap of a broad word
 * turns lossy, and then every row of a lossy page is rechecked against its TOASTed vector: at 500,000 trials "cancer"
 * (220,000 matches, 100,000 heap pages) listed in 2.2–2.5 s with 66,000 lossy pages, and in 0.45 s with an exact
 * bitmap (EXPLAIN ANALYZE, alternating, issue-3 note). An exact bitmap costs a few bytes per heap page: 32 MB holds
 * one for several times that table, and is only taken while a broad match runs.
 */
const MATCH_WORK_MEM = '32MB';

/**
 * Runs a text match by the GIN index with an exact bitmap. PostgreSQL's planner prices `vector @@ query` as cheap per
 * row, so for a common word it prefers reading the whole table; but each row's vector is TOASTed and must be fetched
 * and decompressed to test it, while the GIN index answers a word (or a concept token) without opening any vector.
 * Measured at 100,000 trials, "cancer" (44 % of them): 750–1,250 ms as a sequential scan, 96–104 ms by the index.
 * SET LOCAL lasts for this transaction only, and is allowed on a read replica.
 */
export function byIndex<T>(db: Kysely<Database>, run: (tx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await preferIndex(tx);
    return run(tx);
  });
}

/** The settings of {@link byIndex}, for the rest of the caller's transaction. */
export async function preferIndex(tx: Kysely<Database>): Promise<void> {
  // Both settings in one round trip; set_config(..., true) is SET LOCAL.
  await sql`SELECT set_config('enable_seqscan', 'off', true), set_config('work_mem', ${MATCH_WORK_MEM}, true)`.execute(tx);
}

