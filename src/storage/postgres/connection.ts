/**
 * Connection settings and pools of the PostgreSQL store: a primary pool for writes and, with a read URL (a replica),
 * a second pool for reads. The schema (default: the server's search_path) is set on every pooled connection through
 * the startup `options`, so each statement names tables unqualified, as the migrations create them.
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { InvalidInput, Unavailable } from '../../domain/errors.ts';
import type { Database } from './schema.ts';

/** Lower-case identifiers only: the name goes into search_path and DDL without any quoting question. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface ConnectionTarget {
  /** The URL as pg reads it, without our own `schema` parameter. */
  readonly url: string;
  readonly schema: string | null;
}

/**
 * Reads a postgres:// URL. A `schema` query parameter (`postgres://host/db?schema=trialfinder`) selects the schema
 * the store lives in, created on first open; it is ours, so it is removed before pg sees the URL.
 */
export function parseConnectionUrl(raw: string, schemaOption: string | null = null): ConnectionTarget {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvalidInput('DATABASE_URL is not a valid postgres:// URL.', 'DATABASE_URL');
  }
  const fromUrl = url.searchParams.get('schema');
  url.searchParams.delete('schema');
  const schema = schemaOption ?? fromUrl;
  if (schema !== null && !SCHEMA_NAME.test(schema)) {
    throw new InvalidInput(`The PostgreSQL schema must be a lower-case identifier; got ${JSON.stringify(schema.slice(0, 80))}.`, 'schema');
  }
  return { url: url.toString(), schema };
}

/** A Kysely instance over a new pool of at most `size` connections. */
export function openPool(target: ConnectionTarget, size: number): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: target.url,
    max: size,
    ...(target.schema === null ? {} : { options: `-c search_path=${target.schema}` }),
  });
  // An idle connection that the server drops emits 'error' on the pool; without a listener that would end the
  // process. The next query simply takes a new connection, or fails with its own error.
  pool.on('error', () => undefined);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** A failure to open the database at `url` as our error, naming the server and database but never the password. */
export function unreachable(url: string, error: unknown): Unavailable {
  const { hostname, port, pathname } = new URL(url);
  const reason = error instanceof Error ? error.message : String(error);
  return new Unavailable(`PostgreSQL at ${hostname}:${port || '5432'}${pathname} could not be opened: ${reason}`);
}
