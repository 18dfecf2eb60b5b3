/**
 * The storage backends every storage, API, import and CLI test runs on (HOUSE_STYLE 12): SQLite always, PostgreSQL
 * when TEST_DATABASE_URL is set (scripts/run-tests.mjs prints the one line saying it was skipped). Each store lives
 * apart: a fresh temporary SQLite file, or a fresh random PostgreSQL schema dropped when the store closes.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { dropPostgresSchema, openPostgresStore } from '../../src/storage/postgres/postgres-store.ts';
import { openSqliteStore } from '../../src/storage/sqlite/sqlite-store.ts';
import type { DerivationState, StoreHarness, StoreOptions, StorePlace } from '../../src/storage/store.contract.ts';
import type { TrialStore } from '../../src/storage/store.ts';

export interface StoreBackend extends StoreHarness {
  readonly name: 'sqlite' | 'postgres';
  /** A DATABASE_URL for a new, empty store (for the CLI); `cleanup` removes it. */
  databaseUrl(): Promise<{ url: string; cleanup: () => Promise<void> }>;
}

/** A schema name no other test run will pick. */
export function randomSchema(): string {
  return `test_${randomBytes(6).toString('hex')}`;
}

function freshFile(): { path: string; cleanup: () => Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'trialfinder-test-'));
  const cleanup = (): Promise<void> => {
    rmSync(dir, { recursive: true, force: true });
    return Promise.resolve();
  };
  return { path: join(dir, 'store.sqlite'), cleanup };
}

/** The `derivation` row's update, the same SQL on both backends; the resume point is named by a trial id. */
const SET_DERIVATION = `UPDATE derivation SET version = $1, pass_version = $2,
  pass_after = (SELECT doc_id FROM trials WHERE id = $3) WHERE id = 1`;

export function sqliteBackend(): StoreBackend {
  return {
    name: 'sqlite',
    async open(options: StoreOptions = {}) {
      const file = freshFile();
      const store = await openSqliteStore(file.path, options);
      return { ...store, close: async () => { await store.close(); await file.cleanup(); } };
    },
    place(): Promise<StorePlace> {
      const file = freshFile();
      return Promise.resolve({
        open: (options: StoreOptions = {}): Promise<TrialStore> => openSqliteStore(file.path, options),
        setDerivation(state: DerivationState) {
          // As an operator would with the sqlite3 shell, while no store has the file open.
          const db = new BetterSqlite3(file.path);
          try {
            db.prepare(SET_DERIVATION.replace(/\$\d/g, '?')).run(state.version, state.passVersion ?? null, state.passAfter ?? null);
          } finally {
            db.close();
          }
          return Promise.resolve();
        },
        dispose: file.cleanup,
      });
    },
    databaseUrl() {
      const file = freshFile();
      return Promise.resolve({ url: `sqlite:${file.path}`, cleanup: file.cleanup });
    },
  };
}

export function postgresBackend(url: string): StoreBackend {
  return {
    name: 'postgres',
    open: (options: StoreOptions = {}) =>
      openPostgresStore(url, { ...options, schema: randomSchema(), dropSchemaOnClose: true, poolSize: 4 }),
    place(): Promise<StorePlace> {
      const schema = randomSchema();
      return Promise.resolve({
        open: (options: StoreOptions = {}) => openPostgresStore(url, { ...options, schema, poolSize: 2 }),
        async setDerivation(state: DerivationState) {
          // As an operator would with psql.
          const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
          await client.connect();
          try {
            await client.query(SET_DERIVATION, [state.version, state.passVersion ?? null, state.passAfter ?? null]);
          } finally {
            await client.end();
          }
        },
        dispose: () => dropPostgresSchema(url, schema),
      });
    },
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
