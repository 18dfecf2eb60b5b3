/**
 * The composition root: reads configuration, builds the store, and hands it to the faces (HTTP, CLI).
 * Nothing else constructs adapters.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseConfig } from './config.ts';
import { openPostgresStore } from './storage/postgres/postgres-store.ts';
import { openSqliteStore } from './storage/sqlite/sqlite-store.ts';
import type { TrialStore } from './storage/store.ts';

export { readConfig } from './config.ts';

/** Opens the configured store, creating the SQLite file's folder (or the PostgreSQL schema) when needed. */
export async function openStore(database: DatabaseConfig): Promise<TrialStore> {
  switch (database.kind) {
    case 'sqlite':
      if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
      return openSqliteStore(database.path);
    case 'postgres':
      return openPostgresStore(database.url, database.readUrl === undefined ? {} : { readUrl: database.readUrl });
  }
}
