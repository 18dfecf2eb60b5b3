/**
 * The relevance vector (docs/decisions/0008): title, conditions and interventions (with keywords and arm labels),
 * kept in the row (STORAGE MAIN: compressed in place, moved out of line only as a last resort) so that ranking a
 * match reads no TOAST. Stored trials get it from their `search` vector: those fields are its A and B weights, and
 * they come first in it, so `ts_filter` leaves exactly the lexemes and positions trial-row.ts writes for a new trial.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE trials ADD COLUMN rank_vector tsvector NOT NULL DEFAULT ''::tsvector`.execute(db);
  await sql`ALTER TABLE trials ALTER COLUMN rank_vector SET STORAGE MAIN`.execute(db);
  await sql`UPDATE trials SET rank_vector = ts_filter(search, '{a,b}')`.execute(db);
}
