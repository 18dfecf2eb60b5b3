/**
 * The re-derivation loop of both adapters (sqlite/derivation.ts, postgres/derivation.ts) with worker threads: while
 * batch N is written under the write lock, the workers prepare batch N+1 from its stored JSON, read ahead in doc_id
 * order outside the lock.
 *
 * What was prepared ahead is only an offer. Each batch's transaction reads its position and rows again under the
 * lock, exactly as without workers, and takes a prepared result only for a row whose doc_id and JSON are still the
 * ones read ahead; any other row (an upsert replaced it in between) is prepared there. When another process has
 * moved the pass on (it wrote the batch this one had prepared), this one stops reading ahead for the rest of the
 * pass: the processes then take turns under the lock, each preparing only the batch it holds, instead of all of
 * them preparing every batch.
 */
import type { BatchPool } from './worker-pool.ts';

/** A stored trial as re-derivation reads it. */
export interface StoredRow {
  readonly doc_id: number;
  readonly json: string;
}

/** A batch read and prepared before its transaction. */
export interface PreparedAhead<O> {
  /** The doc_id the batch starts after: its results are used only while the pass still stands there. */
  readonly after: number;
  readonly last: number;
  readonly full: boolean;
  readonly prepared: ReadonlyMap<number, { readonly json: string; readonly result: O | null }>;
}

/** One batch written: how many trials, the doc_id it started after and the last it re-derived. */
export interface PassStep {
  readonly count: number;
  readonly after: number;
  readonly last: number;
}

/** What an adapter gives the loop. */
export interface RederivePass<O> {
  /** Where the pass stands, read without the lock: the doc_id to continue after, or null when facts are current. */
  position(): Promise<number | null>;
  /**
   * The next batch of stored rows after a doc_id, in doc_id order, read without the lock. SQLite reads them at once:
   * they then reach the workers before its synchronous write of the batch before starts.
   */
  rowsAfter(after: number): readonly StoredRow[] | Promise<readonly StoredRow[]>;
  /** One batch in one transaction under the write lock; null when the pass is over (ended here or elsewhere). */
  step(ahead: PreparedAhead<O> | null): Promise<PassStep | null>;
}

/** The doc_id a pass resumes after: its recorded progress if that pass was for this version, else the start. */
export function resumeAfter(state: { pass_version: number | null; pass_after: number | null }, version: number): number {
  return state.pass_version === version ? (state.pass_after ?? 0) : 0;
}

/** The result prepared ahead for a row of the batch starting after `after`, if the row is still the one prepared. */
export function preparedFor<O>(ahead: PreparedAhead<O> | null, after: number, row: StoredRow): O | null {
  if (ahead === null || ahead.after !== after) return null;
  const offered = ahead.prepared.get(row.doc_id);
  return offered !== undefined && offered.json === row.json ? offered.result : null;
}

/**
 * Runs a pass to its end; returns how many trials this process re-derived. Without a pool nothing is read ahead and
 * each step prepares its own rows (the behaviour before workers).
 */
export async function runRederivePass<O>(pass: RederivePass<O>, pool: BatchPool<string, O> | null, batchSize: number): Promise<number> {
  const start = await pass.position();
  if (start === null) return 0;
  let reading = pool;
  const none = Promise.resolve(null);
  /** The batch after `after`, read and handed to the workers; only an offer, so a failure here leaves the work to the step. */
  const readAhead = (after: number): Promise<PreparedAhead<O> | null> => {
    const workers = reading;
    if (workers === null) return none;
    const offer = async (rows: readonly StoredRow[]): Promise<PreparedAhead<O> | null> => {
      const last = rows.at(-1);
      if (last === undefined) return null;
      const results = await workers.run(rows.map((row) => row.json));
      const prepared = new Map(rows.map((row, n) => [row.doc_id, { json: row.json, result: results[n] ?? null }]));
      return { after, last: last.doc_id, full: rows.length === batchSize, prepared };
    };
    try {
      const rows = pass.rowsAfter(after);
      return (rows instanceof Promise ? rows.then(offer) : offer(rows)).catch(() => null);
    } catch {
      return none;
    }
  };
  // Where this process expects the pass to stand when its next batch takes the lock.
  let expected = start;
  let next = readAhead(start);
  let done = 0;
  for (;;) {
    const ahead = await next;
    // Started before this batch is written, so the workers prepare the next one meanwhile.
    const nextAfter = ahead?.full === true ? ahead.last : null;
    next = nextAfter === null ? none : readAhead(nextAfter);
    const step = await pass.step(ahead);
    if (step === null) return done;
    done += step.count;
    if (step.after !== expected) {
      // Another process moved the pass on: it is most likely writing the batch being prepared here now.
      reading = null;
      next = none;
    } else if (step.last !== nextAfter) {
      // The batch was not the one read ahead (an upsert replaced some of its trials): read on from where it ended.
      next = readAhead(step.last);
    }
    expected = step.last;
  }
}
