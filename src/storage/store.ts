import type { Facets, SearchPage, SearchResult, StoreQuery } from '../domain/query.ts';
import type { Trial } from '../domain/trial.ts';

/** What happened to one trial in an upsert. */
export type UpsertOutcome =
  /** New to the store. */
  | 'inserted'
  /** Replaced a stored version that it supersedes (newer, or a better source on the same date). */
  | 'updated'
  /** The stored version has the same content hash. */
  | 'unchanged'
  /** The stored version is newer (or from a better source); it was kept. */
  | 'kept-newer';

/**
 * The storage port: every backend (SQLite, later PostgreSQL) implements it with the same semantics,
 * proven by one contract suite. Domain verbs only; no SQL leaves an adapter.
 */
export interface TrialStore {
  /**
   * Stores a batch of trials in one transaction: all of it lands or none of it does. A trial replaces the stored
   * one with the same primary id, or sharing any NCT/ISRCTN id, only when it supersedes it (see domain `supersedes`).
   * Returns one outcome per input trial, in order.
   */
  upsertTrials(trials: readonly Trial[]): Promise<UpsertOutcome[]>;
  /** A trial by any of its registry ids (case and spacing ignored), or null. */
  getTrial(id: string): Promise<Trial | null>;
  /** One page of trials matching the query, in the query's sort order, with the total. */
  search(query: StoreQuery): Promise<SearchPage>;
  /** Counts per facet value; each facet applies every filter of the query except its own. */
  facets(query: StoreQuery): Promise<Facets>;
  /** The page and the facets together, from one evaluation of the query (what every face shows). */
  searchWithFacets(query: StoreQuery): Promise<SearchResult>;
  /** How many trials are stored. */
  count(): Promise<number>;
  /**
   * Every stored trial, in primary-id order, read in pages of `pageSize` so memory stays flat: for moving data
   * between backends and for bulk export.
   */
  exportTrials(pageSize?: number): AsyncIterable<Trial>;
  /**
   * After a bulk write: brings the backend's optional search aids up to date (PostgreSQL's lists of the commonest
   * words, postgres/word-postings.ts), when enough has changed since they were made. Searches give the same results
   * without it, only slower; SQLite has nothing to do.
   */
  optimiseSearch(): Promise<void>;
  /** A small named value kept between runs (the live client's resume point). */
  getCheckpoint(name: string): Promise<string | null>;
  /** Sets (or, with null, clears) a named checkpoint. */
  setCheckpoint(name: string, value: string | null): Promise<void>;
  close(): Promise<void>;
}
