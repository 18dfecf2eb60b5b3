/**
 * The trial's large values (its JSON, the weighted text vector, the summary, the relevance vector) compressed with
 * LZ4 rather than PostgreSQL's default pglz, when the server was built with LZ4 (PostgreSQL 14 and later,
 * `default_toast_compression` lists it): LZ4 costs far less CPU to compress on import and to decompress when a search
 * reads a vector or a page reads a summary, at a few percent more space. Values stored before keep pglz and stay
 * readable; a server without LZ4 keeps pglz for everything.
 */
import { sql, type Kysely } from 'kysely';

const COMPRESSED = ['json', 'search', 'summary', 'rank_vector', 'conditions_search', 'interventions_search'];

export async function up(db: Kysely<unknown>): Promise<void> {
  const lz4 = await sql<{ available: boolean }>`SELECT coalesce('lz4' = ANY(enumvals), false) AS available FROM pg_settings
    WHERE name = 'default_toast_compression'`.execute(db);
  if (lz4.rows[0]?.available !== true) return;
  for (const column of COMPRESSED) await sql`ALTER TABLE trials ALTER COLUMN ${sql.id(column)} SET COMPRESSION lz4`.execute(db);
}
