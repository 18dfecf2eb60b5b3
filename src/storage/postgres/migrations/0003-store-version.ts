/**
 * The data version each serving process compares with its in-memory fact index (shared/fact-index-cache.ts): one
 * row that every write transaction bumps. PostgreSQL has no counterpart of SQLite's `data_version`, and a process
 * must see another's commits before it counts from its own copy of the facts.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE store_version (
      id integer PRIMARY KEY CHECK (id = 1),
      version bigint NOT NULL
    )`.execute(db);
  await sql`INSERT INTO store_version (id, version) VALUES (1, 0)`.execute(db);
}
