import { Migrator, sql, type Kysely, type MigrationProvider } from 'kysely';
import { Unavailable } from '../../domain/errors.ts';
import { MIGRATION_LOCK } from './locks.ts';
import { MIGRATIONS } from './migrations/index.ts';
import type { Database } from './schema.ts';

const provider: MigrationProvider = { getMigrations: () => Promise.resolve({ ...MIGRATIONS }) };

/**
 * Creates the schema if needed and brings it to the latest version, safely when several processes start at once.
 * Kysely's own migration lock is a row in a table it first creates with CREATE TABLE IF NOT EXISTS, which races
 * between processes on a fresh database (a duplicate pg_type row), and so does CREATE SCHEMA IF NOT EXISTS. A session
 * advisory lock on one dedicated connection serialises the whole run: the first process migrates, the others wait,
 * then find nothing pending. All pending migrations run in one transaction (PostgreSQL has transactional DDL).
 */
export async function migrateToLatest(db: Kysely<Database>, schema: string | null): Promise<void> {
  const lockKey = schema ?? 'public';
  await db.connection().execute(async (connection) => {
    await sql`SELECT pg_advisory_lock(${MIGRATION_LOCK}, hashtext(${lockKey}))`.execute(connection);
    try {
      if (schema !== null) await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(schema)}`.execute(connection);
      // Kysely looks for its tables in every schema unless told which: name ours, or another schema's would do.
      const current = await sql<{ name: string | null }>`SELECT current_schema() AS name`.execute(connection);
      const migrationTableSchema = current.rows[0]?.name ?? undefined;
      if (migrationTableSchema === undefined) throw new Unavailable('The database has no schema to migrate: check search_path.');
      const { error } = await new Migrator({ db: connection, provider, migrationTableSchema }).migrateToLatest();
      if (error !== undefined) {
        const reason = error instanceof Error ? error.message : JSON.stringify(error);
        throw new Unavailable(`The database schema could not be migrated: ${reason}`);
      }
    } finally {
      await sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK}, hashtext(${lockKey}))`.execute(connection);
    }
  });
}
