/**
 * The trials the benchmarks read: every record under a path (readRecordsAt), a trial held by several registries
 * reduced to the version the store keeps. The reduction is done here with the domain's `supersedes`, by the rule the
 * stores apply on upsert (match on the primary id or a shared NCT/ISRCTN id; replace only a version it supersedes),
 * so the benchmarks do not depend on the storage code being mid-change; the kept trials are then loaded into an
 * in-memory SQLite store for the product-search system, and the two counts are compared.
 */
import { DEMO_RECORDS_DIR } from '../../src/cli/demo-data.ts';
import { finaliseTrial } from '../../src/domain/content-hash.ts';
import { supersedes } from '../../src/domain/supersedes.ts';
import type { Trial } from '../../src/domain/trial.ts';
import { readRecordsAt } from '../../src/ingest/open-path.ts';
import type { SqliteTrialStore } from '../../src/storage/sqlite/sqlite-store.ts';

export interface LoadedCorpus {
  readonly trials: readonly Trial[];
  /** The kept trials in an in-memory SQLite store, or why they could not be loaded. */
  readonly store: SqliteTrialStore | { readonly error: string };
  readonly read: number;
  readonly rejected: number;
}

/** The bundled demo dataset's records folder for `demo`, else the path as given. */
export function corpusPath(argument: string): string {
  return argument === 'demo' ? DEMO_RECORDS_DIR : argument;
}

const IDENTITY_KINDS = new Set(['nct', 'isrctn']);
const identities = (trial: Trial): string[] => [
  trial.id.toUpperCase(),
  ...trial.ids.filter((id) => IDENTITY_KINDS.has(id.kind)).map((id) => id.value.toUpperCase().replace(/\s+/g, '')),
];

/** Applies one trial the way a store's upsert does: kept when new, or when it supersedes every version it matches. */
export function keepLatest(kept: Map<string, Trial>, trial: Trial): void {
  const matches = new Set(identities(trial).map((key) => kept.get(key)).filter((t): t is Trial => t !== undefined));
  if ([...matches].some((stored) => stored.provenance.contentHash === trial.provenance.contentHash)) return;
  if (![...matches].every((stored) => supersedes(trial.provenance, stored.provenance))) return;
  for (const stored of matches) for (const key of identities(stored)) if (kept.get(key) === stored) kept.delete(key);
  for (const key of identities(trial)) kept.set(key, trial);
}

/** The trials in a fresh in-memory SQLite store, or the reason they could not be stored. */
async function storeOf(trials: readonly Trial[]): Promise<LoadedCorpus['store']> {
  let opened: SqliteTrialStore | null = null;
  try {
    // Loaded on demand, so a storage layer mid-change costs the product-search system only, not the benchmark.
    const { openSqliteStore } = await import('../../src/storage/sqlite/sqlite-store.ts');
    const { importRecords } = await import('../../src/ingest/import.ts');
    opened = await openSqliteStore(':memory:');
    await importRecords(opened, trials.map((trial) => ({ ok: true as const, trial })), { batchSize: 1000 });
    const count = await opened.count();
    if (count !== trials.length) console.warn(`warning: the store kept ${count} trials, the benchmark ${trials.length}.`);
    return opened;
  } catch (error) {
    await opened?.close();
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Reads every record under `path` into the trials a store would keep, and loads them into an in-memory store. */
export async function loadCorpus(path: string): Promise<LoadedCorpus> {
  const kept = new Map<string, Trial>();
  let read = 0;
  let rejected = 0;
  const now = new Date();
  for await (const outcome of readRecordsAt(path)) {
    read += 1;
    if (outcome.ok) keepLatest(kept, finaliseTrial(outcome.trial, now));
    else rejected += 1;
  }
  const trials = [...new Set(kept.values())].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { trials, store: await storeOf(trials), read, rejected };
}
