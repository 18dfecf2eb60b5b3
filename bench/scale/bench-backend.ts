/**
 * What the scale benchmark needs from each storage backend beyond the TrialStore port: a fresh database, the raw
 * full-text lookup to compare our search against, the size on disk, a breakdown of a slow search, and how a server
 * process opens the same database. One implementation per backend, in its own file.
 */
import type { StoreQuery } from '../../src/domain/query.ts';
import type { TrialStore } from '../../src/storage/store.ts';

/** How a separate server process opens the database the benchmark imported into (serialisable). */
export type ServerTarget =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly schema: string };

export interface DiskUsage {
  readonly bytes: number;
  /** What was counted, e.g. "file 1.2 GB + WAL 4 MB". */
  readonly detail: string;
}

export interface BenchBackend {
  readonly name: string;
  readonly serverTarget: ServerTarget;
  /** The store: with `fresh`, a new empty database in place of any earlier one; otherwise the one there. */
  openStore(fresh: boolean): Promise<TrialStore>;
  /** Lines naming the database settings the figures depend on (server version, memory, WAL), printed before them. */
  settings(): Promise<string[]>;
  /** Settles the database after a bulk import as a running deployment would find it (statistics gathered). */
  afterImport(): Promise<void>;
  /** The bare full-text index lookup for the text: the 20 best row ids by the index's own ranking. */
  rawTextLookup(text: NonNullable<StoreQuery['text']>): Promise<number>;
  diskUsage(): Promise<DiskUsage>;
  /**
   * Lines describing where one search on `store` (opened by {@link openStore}) spends its time: every statement its
   * page and its facets run, timed, and the plan of the slowest.
   */
  explainSearch(store: TrialStore, query: StoreQuery): Promise<string[]>;
  /** Closes connections and removes the database unless `keep`. */
  close(keep: boolean): Promise<void>;
}

/** The timed statements of a search's page and facets, one line each, then a line naming the slowest. */
export function statementLines(
  page: readonly { readonly sql: string; readonly ms: number }[],
  facets: readonly { readonly sql: string; readonly ms: number }[],
  pageMs: number,
  facetsMs: number,
): string[] {
  const lines = [`page: ${pageMs.toFixed(1)} ms wall, ${page.length} statements`];
  for (const statement of page) lines.push(`  ${statement.ms.toFixed(1).padStart(8)} ms  ${oneLine(statement.sql)}`);
  lines.push(`facets: ${facetsMs.toFixed(1)} ms wall, ${facets.length} statements`);
  for (const statement of facets) lines.push(`  ${statement.ms.toFixed(1).padStart(8)} ms  ${oneLine(statement.sql)}`);
  return lines;
}

/** The slowest of some statements, or null when there are none. */
export function slowestOf<S extends { readonly ms: number }>(statements: readonly S[]): S | null {
  return statements.reduce<S | null>((slowest, statement) => (slowest === null || statement.ms > slowest.ms ? statement : slowest), null);
}

/** A statement shortened to one line for printing. */
export function oneLine(sql: string, max = 220): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
