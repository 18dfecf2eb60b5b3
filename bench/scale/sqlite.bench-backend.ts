/**
 * The SQLite side of the scale benchmark: a fresh file under var/scale/, the raw FTS5 lookup built with the adapter's
 * own match compiler (src/storage/sqlite/fts.ts), and EXPLAIN QUERY PLAN of the slowest statement of a search.
 */
import { rm, stat } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import type { StoreQuery } from '../../src/domain/query.ts';
import type { PostcodeTable } from '../../src/domain/postcode.ts';
import { BM25_WEIGHTS, textMatch } from '../../src/storage/sqlite/fts.ts';
import { openSqliteStore } from '../../src/storage/sqlite/sqlite-store.ts';
import type { TrialStore } from '../../src/storage/store.ts';
import { slowestOf, statementLines, type BenchBackend, type DiskUsage } from './bench-backend.ts';
import { ms } from './latency.ts';
import { recordSqliteStatements } from './statement-recorder.ts';

interface PlanRow {
  readonly id: number;
  readonly parent: number;
  readonly detail: string;
}

const FILE_SUFFIXES = ['', '-wal', '-shm', '-journal'] as const;

async function sizeOf(path: string): Promise<number> {
  return (await stat(path).catch(() => null))?.size ?? 0;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** A SQLite benchmark backend on the file at `path`; the store places postcode-only UK sites with `postcodes`. */
function sqliteVersion(): string {
  const db = new BetterSqlite3(':memory:');
  try {
    return String(db.prepare('SELECT sqlite_version()').pluck().get());
  } finally {
    db.close();
  }
}

export function sqliteBenchBackend(path: string, postcodes: PostcodeTable): BenchBackend {
  let reader: BetterSqlite3.Database | null = null;
  // A read-only connection of our own, opened after the import: the raw lookup must not share the store's.
  const readConnection = (): BetterSqlite3.Database => {
    reader ??= new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    return reader;
  };
  let rawLookup: BetterSqlite3.Statement<[string]> | null = null;

  return {
    name: 'sqlite',
    serverTarget: { kind: 'sqlite', path },

    async openStore(fresh: boolean): Promise<TrialStore> {
      if (fresh) for (const suffix of FILE_SUFFIXES) await rm(`${path}${suffix}`, { force: true });
      // Cold figures: the timed store keeps no recent-text matches (the served one does, as deployed).
      return openSqliteStore(path, { postcodes, textCacheBytes: 0 });
    },

    // SQLite keeps no planner statistics unless ANALYZE runs, and the adapter never runs it: nothing to settle.
    settings: () => Promise.resolve([`SQLite ${sqliteVersion()} (better-sqlite3), WAL, synchronous NORMAL, page cache as src/storage/sqlite/connection.ts sets it`]),
    afterImport: () => Promise.resolve(),

    rawTextLookup(text: NonNullable<StoreQuery['text']>): Promise<number> {
      const match = textMatch(text);
      if (match === null) return Promise.resolve(0);
      // The relevance search's ranking without its join, filters, count or facets.
      rawLookup ??= readConnection().prepare<[string]>(
        `SELECT rowid FROM trials_fts WHERE trials_fts MATCH ? ORDER BY bm25(trials_fts, ${BM25_WEIGHTS.join(', ')}) LIMIT 20`,
      );
      return Promise.resolve(rawLookup.all(match).length);
    },

    async diskUsage(): Promise<DiskUsage> {
      const [file, wal, shm] = await Promise.all([sizeOf(path), sizeOf(`${path}-wal`), sizeOf(`${path}-shm`)]);
      return { bytes: file + wal + shm, detail: `file ${megabytes(file)} + WAL ${megabytes(wal)} + shm ${megabytes(shm)}` };
    },

    async explainSearch(store: TrialStore, query: StoreQuery): Promise<string[]> {
      let started = performance.now();
      const page = await recordSqliteStatements(() => store.search(query));
      const pageMs = performance.now() - started;
      started = performance.now();
      const facets = await recordSqliteStatements(() => store.facets(query));
      const lines = statementLines(page, facets, pageMs, performance.now() - started);
      const slowest = slowestOf([...page, ...facets]);
      if (slowest === null) return lines;
      lines.push(`EXPLAIN QUERY PLAN of the slowest statement (${ms(slowest.ms)} ms):`);
      try {
        // On the store's own connection: a temporary table the statement reads exists only there.
        const plan = slowest.connection.prepare(`EXPLAIN QUERY PLAN ${slowest.sql}`).all(...slowest.args) as PlanRow[];
        const depth = new Map<number, number>([[0, 0]]);
        for (const row of plan) {
          const level = (depth.get(row.parent) ?? 0) + 1;
          depth.set(row.id, level);
          lines.push(`  ${'  '.repeat(level)}${row.detail}`);
        }
      } catch (error) {
        lines.push(`  (no plan: ${error instanceof Error ? error.message : String(error)})`);
      }
      return lines;
    },

    async close(keep: boolean): Promise<void> {
      reader?.close();
      reader = null;
      if (!keep) for (const suffix of FILE_SUFFIXES) await rm(`${path}${suffix}`, { force: true });
    },
  };
}
