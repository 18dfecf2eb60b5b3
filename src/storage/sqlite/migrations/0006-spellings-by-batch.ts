/**
 * Spelling counts of inserted terms are added once per import batch by the writer (src/storage/sqlite/upsert.ts),
 * no longer by a trigger per inserted row: the three AFTER INSERT triggers of 0002 ran a sub-program and an upsert
 * for each of about six term rows a trial, about 8% of a bulk import's time, where a batch of 1,000 trials holds
 * about 2,300 distinct spellings. The AFTER DELETE triggers stay, so foreign-key cascades still keep the counts exact
 * when a trial is replaced or deleted. Counts already stored are unchanged. Frozen once released.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['trial_conditions', 'trial_interventions', 'trial_countries']) {
    await sql.raw(`DROP TRIGGER IF EXISTS ${table}_spelling_insert`).execute(db);
  }
}
