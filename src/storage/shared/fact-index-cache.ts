/**
 * Keeps a store's fact index current. Every search first reads the data version (a cheap statement: SQLite's
 * `data_version` with the process's own write count, PostgreSQL's `store_version` row that each write transaction
 * bumps); when it differs from the index's, the index is rebuilt from the database before the search runs, so a
 * search never counts from older data than it pages from. Concurrent searches share one rebuild.
 *
 * A rebuild reads every trial's narrow row and term rows: about a second per 100,000 trials. Imports into a live
 * store therefore cost each serving process one rebuild per committed batch it sees.
 */
import type { FactIndex } from './fact-index.ts';

export interface FactIndexSource {
  /** The data version now. */
  version(): Promise<string>;
  /** A whole index, read from one snapshot, labelled with the version of that snapshot. */
  load(): Promise<FactIndex>;
}

export class FactIndexCache {
  private current: FactIndex | null = null;
  private loading: Promise<FactIndex> | null = null;

  constructor(private readonly source: FactIndexSource) {}

  /** The index for the data as it is now (or newer). */
  async get(): Promise<FactIndex> {
    const version = await this.source.version();
    if (this.current?.version === version) return this.current;
    // A rebuild already running may have started before the write this search saw: then one more follows it.
    const first = await this.rebuild();
    return first.version === version ? first : this.rebuild();
  }

  private rebuild(): Promise<FactIndex> {
    this.loading ??= this.source.load().then(
      (index) => {
        this.current = index;
        this.loading = null;
        return index;
      },
      (error: unknown) => {
        this.loading = null;
        throw error;
      },
    );
    return this.loading;
  }
}
