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

/**
 * Streams parsed records into a store, one transaction per batch. Bad records are collected, never stored;
 * a failure part-way leaves every committed batch whole and nothing of the batch in flight.
 * Within a batch, a later record for the same trial is applied after the earlier one, as across batches.
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

  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const outcomes = await store.upsertTrials(batch);
    for (const outcome of outcomes) summary[OUTCOME_FIELD[outcome]] += 1;
    batch = [];
    options.onProgress?.(summary);
  };

  for await (const record of records) {
    summary.read += 1;
    if (!record.ok) {
      summary.rejectedCount += 1;
      if (summary.rejected.length < maxKept) summary.rejected.push(record.error);
      continue;
    }
    batch.push(finaliseTrial(record.trial, now()));
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return summary;
}
