/**
 * The composition root's half for the editor area (beside app.ts): opens the editorial store on the same database
 * as the trials. Nothing else constructs its adapters.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseConfig } from './config.ts';
import type { EditorialStore } from './storage/editorial-store.ts';
import { openPostgresEditorialStore } from './storage/postgres/editorial-store.ts';
import { openSqliteEditorialStore } from './storage/sqlite/editorial-store.ts';

/**
 * Opens the editorial store of the configured database, migrating it if needed. PostgreSQL: always the primary
 * (READ_DATABASE_URL is for searches; a session must be readable the moment it is written). SQLite ':memory:' gives a
 * store of its own, separate from the trials' (fine for tests, lost on exit).
 */
export async function openEditorialStore(database: DatabaseConfig): Promise<EditorialStore> {
  switch (database.kind) {
    case 'sqlite':
      if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
      return openSqliteEditorialStore(database.path);
    case 'postgres':
      return openPostgresEditorialStore(database.url);
  }
}
