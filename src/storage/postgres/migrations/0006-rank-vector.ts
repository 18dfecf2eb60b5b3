/**
 * The relevance vector (docs/decisions/0008): title, conditions and interventions (with keywords and arm labels),
 * kept in the row (STORAGE MAIN: compressed in place, moved out of line only as a last resort) so that
 * ranking a match reads no TOAST. Added empty; the derivation version that comes with it makes every store
 * re-derive its trials, which fills it, before serving.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE trials ADD COLUMN rank_vector tsvector NOT NULL DEFAULT ''::tsvector`.execute(db);
  await sql`ALTER TABLE trials ALTER COLUMN rank_vector SET STORAGE MAIN`.execute(db);
}
