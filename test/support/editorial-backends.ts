/**
 * The backends the editorial store's tests run on (HOUSE_STYLE 12): a fresh temporary SQLite file always, and a fresh
 * random PostgreSQL schema when TEST_DATABASE_URL is set. Besides the store, each place can show every editorial
 * table as it stands (to prove a refused request changed nothing) and run SQL as an operator would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import type { EditorialStore } from '../../src/storage/editorial-store.ts';
import { openPostgresEditorialStore } from '../../src/storage/postgres/editorial-store.ts';
import { dropPostgresSchema } from '../../src/storage/postgres/postgres-store.ts';
import { openSqliteEditorialStore } from '../../src/storage/sqlite/editorial-store.ts';
import { randomSchema } from './backends.ts';

export const EDITORIAL_TABLES = [
  'editor_users',
  'editor_sessions',
  'editor_login_failures',
  'editor_audit_log',
  'editorial_documents',
  'editorial_versions',
] as const;

export interface EditorialPlace {
  readonly store: EditorialStore;
  /** A DATABASE_URL naming this database (for the CLI and the composition root). */
  readonly databaseUrl: string;
  /** Every row of every editorial table, as JSON text: equal snapshots mean nothing changed. */
  readonly snapshot: () => Promise<string>;
  /** Runs one SQL statement outside the store, as an operator with a SQL shell would. */
  readonly exec: (statement: string) => Promise<void>;
  /** Closes the store and removes the database. */
  readonly dispose: () => Promise<void>;
}

export interface EditorialBackend {
  readonly name: 'sqlite' | 'postgres';
  open(): Promise<EditorialPlace>;
}

export function sqliteEditorialBackend(): EditorialBackend {
  return {
    name: 'sqlite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'trialfinder-editorial-'));
      const path = join(dir, 'store.sqlite');
      const store = await openSqliteEditorialStore(path);
      const withFile = <T>(work: (db: BetterSqlite3.Database) => T): T => {
        const db = new BetterSqlite3(path);
        try {
          return work(db);
        } finally {
          db.close();
        }
      };
      return {
        store,
        databaseUrl: `sqlite:${path}`,
        snapshot: () =>
          Promise.resolve(JSON.stringify(EDITORIAL_TABLES.map((table) => withFile((db) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all())))),
        exec: async (statement) => {
          await Promise.resolve();
          withFile((db) => db.exec(statement));
        },
        dispose: async () => {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  };
}

export function postgresEditorialBackend(url: string): EditorialBackend {
  return {
    name: 'postgres',
    async open() {
      const schema = randomSchema();
      const store = await openPostgresEditorialStore(url, { schema, poolSize: 2 });
      const withClient = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
        const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
        await client.connect();
        try {
          return await work(client);
        } finally {
          await client.end();
        }
      };
      const databaseUrl = new URL(url);
      databaseUrl.searchParams.set('schema', schema);
      return {
        store,
        databaseUrl: databaseUrl.toString(),
        snapshot: () =>
          withClient(async (client) => {
            const tables: unknown[] = [];
            for (const table of EDITORIAL_TABLES) tables.push((await client.query(`SELECT * FROM ${table} ORDER BY 1, 2`)).rows);
            return JSON.stringify(tables);
          }),
        exec: (statement) =>
          withClient(async (client) => {
            await client.query(statement);
          }),
        dispose: async () => {
          await store.close();
          await dropPostgresSchema(url, schema);
        },
      };
    },
  };
}

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL is set. */
export function editorialBackends(): EditorialBackend[] {
  const url = process.env.TEST_DATABASE_URL?.trim() ?? '';
  return url === '' ? [sqliteEditorialBackend()] : [sqliteEditorialBackend(), postgresEditorialBackend(url)];
}
