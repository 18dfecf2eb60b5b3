/**
 * The text vectors a free-text search reads move out of `trials` into a narrow table of their own, `trial_text`
 * (docs/decisions/0008, "Later"). A broad word lists every row it matches by the GIN index, and PostgreSQL must then
 * visit each match's heap page (a GIN index holds no row values): in `trials` a row carried the summary, the filter
 * columns and the relevance vector inline, about 1.75 KB, so "cancer" at 500,000 trials visited some 110,000 pages.
 * Here a row holds the doc id, the document length, the relevance vector (kept in the row, STORAGE MAIN) and, in
 * most rows, only a pointer to the whole-text vector: with `toast_tuple_target` at 1024 bytes a row longer than that
 * has its whole-text vector (compressed, several kB) moved out of line, while a relevance vector of usual size stays
 * uncompressed. At 500,000 trials the heap is 42,600 pages against the 107,000 of `trials`. A target of 128 gave as
 * many pages but compressed the relevance vector in half the rows, and every ranking read decompressed it: ranking
 * "cancer" took 430 ms against 406 ms (medians of 5, alternating). A trial's text row is written with it and goes
 * with it (ON DELETE CASCADE).
 * Dropping the columns leaves their bytes in the existing `trials` rows until each row is rewritten (or VACUUM FULL);
 * searches no longer read that table's pages, so that only costs disk.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE trial_text (
      doc_id integer PRIMARY KEY REFERENCES trials (doc_id) ON DELETE CASCADE,
      search_length integer NOT NULL,
      rank_vector tsvector NOT NULL,
      search tsvector NOT NULL
    ) WITH (toast_tuple_target = 1024)`.execute(db);
  await sql`ALTER TABLE trial_text ALTER COLUMN rank_vector SET STORAGE MAIN`.execute(db);
  const lz4 = await sql<{ available: boolean }>`SELECT coalesce('lz4' = ANY(enumvals), false) AS available FROM pg_settings
    WHERE name = 'default_toast_compression'`.execute(db);
  if (lz4.rows[0]?.available === true) {
    await sql`ALTER TABLE trial_text ALTER COLUMN rank_vector SET COMPRESSION lz4, ALTER COLUMN search SET COMPRESSION lz4`.execute(db);
  }
  await sql`INSERT INTO trial_text (doc_id, search_length, rank_vector, search)
    SELECT doc_id, search_length, rank_vector, search FROM trials ORDER BY doc_id`.execute(db);
  await sql`CREATE INDEX trial_text_search ON trial_text USING gin (search)`.execute(db);
  await sql`ALTER TABLE trials DROP COLUMN search, DROP COLUMN rank_vector, DROP COLUMN search_length`.execute(db);
}
