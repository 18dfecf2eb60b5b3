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
 * a failure part-way leaves every committed batch whole and nothing of the batch in flight.
 * Within a batch, a later record for the same trial is applied after the earlier one, as across batches.
 *
 * One batch is written while the next is read: the store may prepare a batch in worker threads, and reading
 * (parsing) the next one meanwhile keeps the main thread busy. A batch is only sent once the one before it has
 * committed, so a failure stops the import before anything later is written.
 */
export async function importRecords(
  store: TrialStore,
  records: AsyncIterable<ParseOutcome> | Iterable<ParseOutcome>,
  options: ImportOptions = {},
  summary: ImportSummary = emptySummary(),
): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? 500;
  const now = options.now ?? (() => new Date());
  const maxKept = options.maxRejectionsKept ?? 10_000;
  let batch: Trial[] = [];
  // Settled, never rejected, so a failure waits for the next await without being an unhandled rejection.
  const writing: { batch: Promise<Settled> | null } = { batch: null };

  const settle = async (): Promise<void> => {
    if (writing.batch === null) return;
    const settled = await writing.batch;
    writing.batch = null;
    if (!settled.ok) throw settled.error;
    for (const outcome of settled.outcomes) summary[OUTCOME_FIELD[outcome]] += 1;
    options.onProgress?.(summary);
  };

  const send = async (): Promise<void> => {
    await settle();
    if (batch.length === 0) return;
    writing.batch = store.upsertTrials(batch).then(
      (outcomes): Settled => ({ ok: true, outcomes }),
      (error: unknown): Settled => ({ ok: false, error }),
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
    await settle();
  } finally {
    // A reader that failed mid-way: the batch being written still finishes before the error reaches the caller.
    await writing.batch;
  }
  return summary;
}
