/**
 * The composition root: reads configuration, builds the store, and hands it to the faces (HTTP, CLI).
 * Nothing else constructs adapters.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseConfig } from './config.ts';
import type { PostcodeTable } from './domain/postcode.ts';
import { loadPostcodeTable } from './ingest/postcode-table.read.ts';
import { openPostgresStore } from './storage/postgres/postgres-store.ts';
import { openSqliteStore } from './storage/sqlite/sqlite-store.ts';
import type { TrialStore } from './storage/store.ts';

export { readConfig } from './config.ts';

/**
 * Opens the configured store, creating the SQLite file's folder (or the PostgreSQL schema) when needed. The bundled
 * postcode-district table is loaded once and handed to the store, which places UK sites by their postcode with it.
 */
export async function openStore(database: DatabaseConfig, postcodes?: PostcodeTable): Promise<TrialStore> {
  const table = postcodes ?? (await loadPostcodeTable());
  switch (database.kind) {
    case 'sqlite':
      if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
      return openSqliteStore(database.path, { postcodes: table });
    case 'postgres':
      return openPostgresStore(database.url, { postcodes: table, ...(database.readUrl === undefined ? {} : { readUrl: database.readUrl }) });
  }
}
