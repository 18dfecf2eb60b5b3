import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { Conflict } from '../domain/errors.ts';
import type { Trial } from '../domain/trial.ts';
import type { TrialStore } from './store.ts';

export interface CopyReport {
  /** Trials read from the source and written to the target. */
  readonly copied: number;
  readonly sourceCount: number;
  readonly targetCount: number;
  /** How many trials were read back from both stores and compared field by field. */
  readonly sampled: number;
  /** Set when the target already held exactly the source's trials (a re-run of the same move): nothing was written. */
  readonly alreadyCopied?: true;
}

export interface CopyOptions {
  /** Trials per target transaction. */
  readonly batchSize?: number;
  /** How many trials to compare in full afterwards (spread evenly over the id order); all of them when larger than the store. */
  readonly sample?: number;
  readonly onProgress?: (copied: number) => void;
}

/** JSON with every object's keys in one order, so equal trials hash equal whichever database gave them back. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

function digest(trial: Trial): string {
  return createHash('sha256').update(canonicalJson(trial)).digest('base64');
}

/**
 * Whether the target holds exactly the source's trials, every one compared whole (by digest, so memory holds one
 * short string per trial and neither store's id order has to match the other's). Returns the first difference.
 */
async function firstTrialDifference(source: TrialStore, target: TrialStore, batchSize: number): Promise<string | null> {
  const [sourceCount, targetCount] = await Promise.all([source.count(), target.count()]);
  if (sourceCount !== targetCount) return `the source holds ${sourceCount} trials`;
  const held = new Map<string, string>();
  for await (const trial of target.exportTrials(batchSize)) held.set(trial.id, digest(trial));
  for await (const trial of source.exportTrials(batchSize)) {
    const found = held.get(trial.id);
    if (found === undefined) return `trial ${trial.id} is missing`;
    if (found !== digest(trial)) return `trial ${trial.id} differs`;
  }
  return null;
}

/**
 * Copies every trial from one store into an empty other store, exactly as stored (provenance and import times
 * included), one transaction per batch; then checks that both hold the same number of trials and that a sample of
 * whole trials reads back identical. Any difference is a Conflict: nothing is silently lost. A target that already
 * holds trials is accepted only when it holds exactly the source's, every trial compared (a re-run of the same move,
 * say after the editorial copy that follows failed); nothing is then written.
 */
export async function copyTrials(source: TrialStore, target: TrialStore, options: CopyOptions = {}): Promise<CopyReport> {
  const batchSize = options.batchSize ?? 500;
  const targetBefore = await target.count();
  if (targetBefore > 0) {
    const difference = await firstTrialDifference(source, target, batchSize);
    if (difference !== null) {
      throw new Conflict(`The target already holds ${targetBefore} trials, not the source's (${difference}); copy into an empty database so the result can be checked exactly.`);
    }
    return { copied: 0, sourceCount: targetBefore, targetCount: targetBefore, sampled: targetBefore, alreadyCopied: true };
  }
  const sourceCount = await source.count();
  const sampleEvery = Math.max(1, Math.floor(sourceCount / Math.max(1, options.sample ?? 200)));
  const sampleIds: string[] = [];
  let copied = 0;
  let batch: Trial[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const outcomes = await target.upsertTrials(batch);
    const notInserted = outcomes.findIndex((outcome) => outcome !== 'inserted');
    if (notInserted >= 0) {
      throw new Conflict(`Trial ${batch[notInserted]?.id ?? '?'} was not stored as new (${outcomes[notInserted] ?? '?'}): two source trials share a registry id.`);
    }
    copied += batch.length;
    batch = [];
    options.onProgress?.(copied);
  };
  for await (const trial of source.exportTrials(batchSize)) {
    if ((copied + batch.length) % sampleEvery === 0) sampleIds.push(trial.id);
    batch.push(trial);
    if (batch.length >= batchSize) await flush();
  }
  await flush();

  const targetCount = await target.count();
  if (targetCount !== sourceCount || copied !== sourceCount) {
    throw new Conflict(`Counts differ after copying: source ${sourceCount}, copied ${copied}, target ${targetCount}.`);
  }
  for (const id of sampleIds) {
    const [expected, actual] = await Promise.all([source.getTrial(id), target.getTrial(id)]);
    if (expected === null || !isDeepStrictEqual(actual, expected)) {
      throw new Conflict(`Trial ${id} differs between source and target after copying.`);
    }
  }
  // As an import ends: the target prepares its search aids for what it now holds.
  if (copied > 0) await target.optimiseSearch();
  return { copied, sourceCount, targetCount, sampled: sampleIds.length };
}
