import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteAdapter, SqliteDialect, type DialectAdapter } from 'kysely';
import { distanceMiles } from '../../domain/geo.ts';
import type { Database } from './schema.ts';

/**
 * The SQL name of the great-circle distance in miles, `miles_between(lat1, lon1, lat2, lon2)`: the domain's own
 * haversine registered as a deterministic function, so SQL filters and sorts measure exactly as the domain (and
 * the nearest site a result shows) does. NULL in, NULL out.
 */
export const MILES_BETWEEN = 'miles_between';

function milesBetween(...args: unknown[]): number | null {
  const [lat1, lon1, lat2, lon2] = args;
  if (typeof lat1 !== 'number' || typeof lon1 !== 'number' || typeof lat2 !== 'number' || typeof lon2 !== 'number') return null;
  return distanceMiles({ lat: lat1, lon: lon1 }, { lat: lat2, lon: lon2 });
}

/**
 * SQLite runs DDL inside transactions, but Kysely's adapter says it does not (to be safe across engines).
 * Saying so lets the Migrator run all pending migrations in one transaction.
 */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class TransactionalSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalSqliteAdapter();
  }
}

export interface SqliteConnection {
  /** The better-sqlite3 handle: the synchronous write path prepares its statements on it. */
  readonly raw: BetterSqlite3.Database;
  /** Kysely over the same single connection, for migrations and reads. */
  readonly db: Kysely<Database>;
}

/** How long a writer waits for another process's lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;
/** Page cache per connection, in KiB. */
const CACHE_KIB = 64 * 1024;

/** Opens the database file (or ':memory:') with the settings every connection needs. */
export function openConnection(path: string, readonly: boolean): SqliteConnection {
  const raw = new BetterSqlite3(path, readonly ? { readonly: true, fileMustExist: true } : {});
  // WAL: readers never block the writer and a crash loses at most uncommitted transactions; with WAL,
  // synchronous=NORMAL is still durable against application crashes (only an OS crash may lose the last commits).
  if (!readonly) raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // Facets fill a temp table per search: keep it in memory, never in a temp file.
  raw.pragma('temp_store = MEMORY');
  // A larger page cache (negative: KiB) keeps the index interiors and narrow rows hot between searches.
  raw.pragma(`cache_size = -${CACHE_KIB}`);
  raw.function(MILES_BETWEEN, { deterministic: true, varargs: false }, (lat1: unknown, lon1: unknown, lat2: unknown, lon2: unknown) =>
    milesBetween(lat1, lon1, lat2, lon2),
  );
  const db = new Kysely<Database>({ dialect: new TransactionalSqliteDialect({ database: raw }) });
  return { raw, db };
}
