/**
 * Records the SQL statements a store runs, with their times, by wrapping the database drivers for the length of one
 * call: the benchmark then shows where a search spends its time from the very statements the adapter issues,
 * without depending on how the adapter builds them. Benchmark instrumentation only; never used by the app.
 */
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';

export interface RecordedStatement<C> {
  readonly sql: string;
  /** The arguments the statement was run with, to run it again (under EXPLAIN). */
  readonly args: readonly unknown[];
  readonly ms: number;
  /** The connection it ran on: temporary tables a statement reads exist only there. */
  readonly connection: C;
}

type Prepare = (this: BetterSqlite3.Database, source: string) => BetterSqlite3.Statement;
type StatementCall = (...args: unknown[]) => unknown;

/** Runs `run`, recording every statement better-sqlite3 executes meanwhile (Kysely prepares each query afresh). */
export async function recordSqliteStatements(run: () => Promise<unknown>): Promise<RecordedStatement<BetterSqlite3.Database>[]> {
  const statements: RecordedStatement<BetterSqlite3.Database>[] = [];
  const prototype = BetterSqlite3.prototype as unknown as { prepare: Prepare };
  const original = prototype.prepare;
  prototype.prepare = function (this: BetterSqlite3.Database, source: string) {
    const statement = original.call(this, source);
    const methods = statement as unknown as Record<'all' | 'get' | 'run', StatementCall>;
    for (const name of ['all', 'get', 'run'] as const) {
      const call = methods[name].bind(statement);
      methods[name] = (...args: unknown[]) => {
        const started = performance.now();
        try {
          return call(...args);
        } finally {
          statements.push({ sql: source, args, ms: performance.now() - started, connection: this });
        }
      };
    }
    return statement;
  };
  try {
    await run();
  } finally {
    prototype.prepare = original;
  }
  return statements;
}

type Query = (this: pg.Client, ...args: unknown[]) => unknown;

function isPromise(value: unknown): value is Promise<unknown> {
  return value instanceof Promise;
}

/**
 * Runs `run`, recording every text query node-postgres sends meanwhile, timed from send to result. Statements the
 * store runs in parallel share the server's two cores, so their times overlap.
 */
export async function recordPostgresStatements(run: () => Promise<unknown>): Promise<RecordedStatement<pg.Client>[]> {
  const statements: RecordedStatement<pg.Client>[] = [];
  const prototype = pg.Client.prototype as unknown as { query: Query };
  const original = prototype.query;
  prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const result = original.apply(this, args);
    const [text, values] = args;
    if (typeof text !== 'string' || !isPromise(result)) return result;
    const started = performance.now();
    const done = (): void => {
      statements.push({ sql: text, args: Array.isArray(values) ? values : [], ms: performance.now() - started, connection: this });
    };
    result.then(done, done);
    return result;
  };
  try {
    await run();
  } finally {
    prototype.query = original;
  }
  return statements;
}
