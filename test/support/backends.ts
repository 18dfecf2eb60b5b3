/**
 * The storage backends every storage, API, import and CLI test runs on (HOUSE_STYLE 12): SQLite always, PostgreSQL
 * when TEST_DATABASE_URL is set (scripts/run-tests.mjs prints the one line saying it was skipped). Each store lives
 * apart: a fresh temporary SQLite file, or a fresh random PostgreSQL schema dropped when the store closes.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropPostgresSchema, openPostgresStore } from '../../src/storage/postgres/postgres-store.ts';
import { openSqliteStore } from '../../src/storage/sqlite/sqlite-store.ts';
import type { TrialStore } from '../../src/storage/store.ts';

export interface StoreBackend {
  readonly name: 'sqlite' | 'postgres';
  /** A new, empty store; closing it removes it. */
  open(): Promise<TrialStore>;
  /** A DATABASE_URL for a new, empty store (for the CLI); `cleanup` removes it. */
  databaseUrl(): Promise<{ url: string; cleanup: () => Promise<void> }>;
}

/** A schema name no other test run will pick. */
export function randomSchema(): string {
  return `test_${randomBytes(6).toString('hex')}`;
}

function sqliteBackend(): StoreBackend {
  const freshFile = (): { path: string; cleanup: () => Promise<void> } => {
    const dir = mkdtempSync(join(tmpdir(), 'trialfinder-test-'));
    const cleanup = (): Promise<void> => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    };
    return { path: join(dir, 'store.sqlite'), cleanup };
  };
  return {
    name: 'sqlite',
    async open() {
      const file = freshFile();
      const store = await openSqliteStore(file.path);
      return { ...store, close: async () => { await store.close(); await file.cleanup(); } };
    },
    databaseUrl() {
      const file = freshFile();
      return Promise.resolve({ url: `sqlite:${file.path}`, cleanup: file.cleanup });
    },
  };
}

function postgresBackend(url: string): StoreBackend {
  return {
    name: 'postgres',
    open: () => openPostgresStore(url, { schema: randomSchema(), dropSchemaOnClose: true, poolSize: 4 }),
    databaseUrl() {
      const schema = randomSchema();
      const withSchema = new URL(url);
      withSchema.searchParams.set('schema', schema);
      return Promise.resolve({ url: withSchema.toString(), cleanup: () => dropPostgresSchema(url, schema) });
    },
  };
}

/** The backends to test on, SQLite first. */
export function storeBackends(): StoreBackend[] {
  const url = process.env.TEST_DATABASE_URL;
  return url === undefined || url.trim() === '' ? [sqliteBackend()] : [sqliteBackend(), postgresBackend(url.trim())];
}
