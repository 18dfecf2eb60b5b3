import { Migrator, type Kysely, type MigrationProvider } from 'kysely';
import { Unavailable } from '../../domain/errors.ts';
import { MIGRATIONS } from './migrations/index.ts';
import type { Database } from './schema.ts';

const provider: MigrationProvider = { getMigrations: () => Promise.resolve({ ...MIGRATIONS }) };

/**
 * Brings the schema to the latest version. Kysely records each applied migration in `kysely_migration`;
 * all pending ones run in one transaction (see `TransactionalSqliteDialect`), so a failure leaves the old schema.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  if (error !== undefined) {
    const reason = error instanceof Error ? error.message : JSON.stringify(error);
    throw new Unavailable(`The database schema could not be migrated: ${reason}`);
  }
}

/** For a read-only store: refuses a database whose schema is not the latest (it cannot be migrated in place). */
export async function assertMigrated(db: Kysely<Database>): Promise<void> {
  const migrations = await new Migrator({ db, provider }).getMigrations();
  const pending = migrations.filter((migration) => migration.executedAt === undefined).map((m) => m.name);
  if (pending.length > 0) {
    throw new Unavailable(`The database needs migrations ${pending.join(', ')}; open it once read-write first.`);
  }
}
