import { Migrator, sql, type Kysely, type MigrationProvider } from 'kysely';
import { Unavailable } from '../../domain/errors.ts';
import { MIGRATION_LOCK } from './locks.ts';
import { MIGRATIONS } from './migrations/index.ts';
import type { Database } from './schema.ts';

const provider: MigrationProvider = { getMigrations: () => Promise.resolve({ ...MIGRATIONS }) };

/** PostgreSQL's invalid_schema_name and undefined_table. */
const RACE_CODES = new Set(['3F000', '42P01']);

/**
 * Whether a migrator error came only from another schema vanishing while Kysely's table introspection read it. That
 * read takes the columns of every schema, checks each schema's privileges (invalid_schema_name when one was dropped in
 * between) and resolves each table by its name (undefined_table, naming "schema.table", when one was dropped in
 * between). An error naming our own schema is real.
 */
export function isOtherSchemaRace(error: unknown, ownSchema: string): boolean {
  if (!(error instanceof Error)) return false;
  const code = 'code' in error ? String(error.code) : '';
  if (!RACE_CODES.has(code)) return false;
  return !error.message.includes(`"${ownSchema}"`) && !error.message.includes(`"${ownSchema}.`);
}

/**
 * Runs the migrator, again (up to three times in all) when it failed only because another schema of the database was
 * dropped while it looked (another store's, another test's). Returns the migrator's error, if any remains.
 */
async function migrateRetryingRaces(connection: Kysely<Database>, migrationTableSchema: string): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    const { error } = await new Migrator({ db: connection, provider, migrationTableSchema }).migrateToLatest();
    if (error === undefined || !isOtherSchemaRace(error, migrationTableSchema) || attempt === 3) return error;
  }
}

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
      const error = await migrateRetryingRaces(connection, migrationTableSchema);
      if (error !== undefined) {
        const reason = error instanceof Error ? error.message : JSON.stringify(error);
        throw new Unavailable(`The database schema could not be migrated: ${reason}`);
      }
    } finally {
      await sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK}, hashtext(${lockKey}))`.execute(connection);
    }
  });
}
