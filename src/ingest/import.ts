import { finaliseTrial } from '../domain/content-hash.ts';
import type { ParseOutcome, RecordError, Trial } from '../domain/trial.ts';
import type { TrialStore, UpsertOutcome } from '../storage/store.ts';

export interface ImportSummary {
  /** Source records read. */
  read: number;
  /** Trials new to the store. */
  inserted: number;
  /** Trials that replaced an older stored version. */
  updated: number;
  /** Trials whose stored version was identical. */
  unchanged: number;
  /** Trials not stored because the store holds a newer version. */
  keptNewer: number;
  /** How many records could not become trials. */
  rejectedCount: number;
  /** Their reasons (at most `maxRejectionsKept` of them). */
  rejected: RecordError[];
}

export interface ImportOptions {
  /** Trials per transaction. */
  readonly batchSize?: number;
  /** The clock: import time stamped on each trial. */
  readonly now?: () => Date;
  /** Called after each batch is committed, with the running totals. */
  readonly onProgress?: (summary: Readonly<ImportSummary>) => void;
  /** Keep at most this many rejections in the summary (`rejectedCount` stays exact). */
  readonly maxRejectionsKept?: number;
  /** Batches handed to the store and not yet committed, at most (default 2). */
  readonly inFlight?: number;
  /**
   * Whether an import that stored anything ends with the store's `optimiseSearch` (default true); false for a caller
   * that imports in many parts and calls it once at the end.
   */
  readonly optimise?: boolean;
}

export function emptySummary(): ImportSummary {
  return { read: 0, inserted: 0, updated: 0, unchanged: 0, keptNewer: 0, rejectedCount: 0, rejected: [] };
}

const OUTCOME_FIELD: Readonly<Record<UpsertOutcome, 'inserted' | 'updated' | 'unchanged' | 'keptNewer'>> = {
  inserted: 'inserted',
  updated: 'updated',
  unchanged: 'unchanged',
  'kept-newer': 'keptNewer',
};

type Settled = { readonly ok: true; readonly outcomes: UpsertOutcome[] } | { readonly ok: false; readonly error: unknown };

/**
 * Streams parsed records into a store, one transaction per batch. Bad records are collected, never stored;
 * a failure part-way leaves every committed batch whole and nothing of the failed batch.
 * Within a batch, a later record for the same trial is applied after the earlier one, as across batches.
 *
 * Up to `inFlight` batches are with the store at once while the next is read: the store prepares one batch in worker
 * threads while it writes the one before (stores write batches in the order they were given), and reading (parsing)
 * the next keeps the main thread busy meanwhile. No batch is sent once an earlier one is known to have failed; one
 * already sent may still commit after it, which a re-run, as imports are idempotent, simply finds unchanged.
 * An import that stored anything ends by letting the store prepare its search aids (`optimiseSearch`).
 */
export async function importRecords(
  store: TrialStore,
  records: AsyncIterable<ParseOutcome> | Iterable<ParseOutcome>,
  options: ImportOptions = {},
  summary: ImportSummary = emptySummary(),
): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? 500;
  const inFlight = Math.max(1, options.inFlight ?? 2);
  const now = options.now ?? (() => new Date());
  const maxKept = options.maxRejectionsKept ?? 10_000;
  let batch: Trial[] = [];
  // Settled, never rejected, so a failure waits for the next await without being an unhandled rejection; oldest first.
  const sent: Array<Promise<Settled>> = [];
  let failed: Settled | null = null;
  let changed = 0;

  const settleOldest = async (): Promise<void> => {
    const oldest = sent[0];
    if (oldest === undefined) return;
    const settled = await oldest;
    void sent.shift();
    if (!settled.ok) throw settled.error;
    for (const outcome of settled.outcomes) {
      summary[OUTCOME_FIELD[outcome]] += 1;
      if (outcome === 'inserted' || outcome === 'updated') changed += 1;
    }
    options.onProgress?.(summary);
  };

  const send = async (): Promise<void> => {
    while (sent.length >= inFlight || (failed !== null && sent.length > 0)) await settleOldest();
    if (batch.length === 0) return;
    sent.push(
      store.upsertTrials(batch).then(
        (outcomes): Settled => ({ ok: true, outcomes }),
        (error: unknown): Settled => (failed = { ok: false, error }),
      ),
    );
    batch = [];
  };

  try {
    for await (const record of records) {
      summary.read += 1;
      if (!record.ok) {
        summary.rejectedCount += 1;
        if (summary.rejected.length < maxKept) summary.rejected.push(record.error);
        continue;
      }
      batch.push(finaliseTrial(record.trial, now()));
      if (batch.length >= batchSize) await send();
    }
    await send();
    while (sent.length > 0) await settleOldest();
    if (changed > 0 && options.optimise !== false) await store.optimiseSearch();
  } finally {
    // A reader that failed mid-way: the batches being written still finish before the error reaches the caller.
    await Promise.all(sent);
  }
  return summary;
}
