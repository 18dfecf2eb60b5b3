/**
 * An in-memory TrialStore for ingest tests: the upsert semantics of the port (content hashes, `supersedes`,
 * matching on primary id or any shared NCT/ISRCTN id, all-or-nothing batches) and named checkpoints.
 * It does not search; tests of search use the real stores.
 * Hooks let a test make a transaction or a checkpoint write fail, as a crash would.
 */
import type { Facets, SearchPage, SearchResult } from '../../src/domain/query.ts';
import { canonicalId } from '../../src/domain/registry-id.ts';
import { supersedes } from '../../src/domain/supersedes.ts';
import type { Trial } from '../../src/domain/trial.ts';
import type { TrialStore, UpsertOutcome } from '../../src/storage/store.ts';

export interface MemoryStoreHooks {
  /** Called before each upsert transaction (1-based); throw to make it fail and store nothing. */
  beforeUpsert?(transaction: number, trials: readonly Trial[]): void;
  /** Called before each checkpoint write (1-based); throw to make it fail. */
  beforeSetCheckpoint?(write: number, name: string, value: string | null): void;
}

export interface MemoryStore extends TrialStore {
  /** Every committed upsert batch, in order (one per transaction). */
  readonly transactions: (readonly Trial[])[];
  /** Every checkpoint write that succeeded, in order. */
  readonly checkpointWrites: { name: string; value: string | null }[];
  /** The stored trials, by primary id. */
  all(): Trial[];
  /** How many times `optimiseSearch` was called. */
  optimiseCalls(): number;
}

/** Runs a store operation, turning a throw into a rejected promise as an async store would. */
function settle<T>(operation: () => T): Promise<T> {
  try {
    return Promise.resolve(operation());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

const SHARED_KINDS = new Set(['nct', 'isrctn']);

function sharedKeys(trial: Trial): string[] {
  return trial.ids.filter((id) => SHARED_KINDS.has(id.kind)).map((id) => canonicalId(id.value));
}

function findStored(trials: ReadonlyMap<string, Trial>, incoming: Trial): Trial | undefined {
  const direct = trials.get(canonicalId(incoming.id));
  if (direct !== undefined) return direct;
  const keys = new Set(sharedKeys(incoming));
  for (const stored of trials.values()) if (sharedKeys(stored).some((key) => keys.has(key))) return stored;
  return undefined;
}

/** Creates an empty in-memory store. */
export function createMemoryStore(hooks: MemoryStoreHooks = {}): MemoryStore {
  let trials = new Map<string, Trial>();
  const checkpoints = new Map<string, string>();
  const transactions: (readonly Trial[])[] = [];
  const checkpointWrites: { name: string; value: string | null }[] = [];
  let upsertCalls = 0;
  let checkpointCalls = 0;
  let closed = false;
  let optimised = 0;

  const open = (): void => {
    if (closed) throw new Error('memory store is closed');
  };

  return {
    transactions,
    checkpointWrites,
    all: () => [...trials.values()],

    upsertTrials: (batch) =>
      settle(() => {
        open();
        upsertCalls += 1;
        hooks.beforeUpsert?.(upsertCalls, batch);
        // Work on a copy and swap it in at the end: the batch lands whole or not at all.
        const next = new Map(trials);
        const outcomes: UpsertOutcome[] = batch.map((trial) => {
          const stored = findStored(next, trial);
          if (stored === undefined) {
            next.set(canonicalId(trial.id), trial);
            return 'inserted';
          }
          if (stored.provenance.contentHash === trial.provenance.contentHash) return 'unchanged';
          if (!supersedes(trial.provenance, stored.provenance)) return 'kept-newer';
          next.delete(canonicalId(stored.id));
          next.set(canonicalId(trial.id), trial);
          return 'updated';
        });
        trials = next;
        transactions.push([...batch]);
        return outcomes;
      }),

    getTrial: (id) =>
      settle(() => {
        open();
        const wanted = canonicalId(id);
        const matches = (trial: Trial): boolean =>
          canonicalId(trial.id) === wanted || trial.ids.some((other) => canonicalId(other.value) === wanted);
        return [...trials.values()].find(matches) ?? null;
      }),

    search(): Promise<SearchPage> {
      return Promise.reject(new Error('the memory store does not search; use the SQLite store'));
    },

    facets(): Promise<Facets> {
      return Promise.reject(new Error('the memory store does not count facets; use the SQLite store'));
    },

    searchWithFacets(): Promise<SearchResult> {
      return Promise.reject(new Error('the memory store does not search; use the SQLite store'));
    },

    count: () =>
      settle(() => {
        open();
        return trials.size;
      }),

    async *exportTrials() {
      await Promise.resolve();
      open();
      yield* [...trials.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
    },

    getCheckpoint: (name) =>
      settle(() => {
        open();
        return checkpoints.get(name) ?? null;
      }),

    setCheckpoint: (name, value) =>
      settle(() => {
        open();
        checkpointCalls += 1;
        hooks.beforeSetCheckpoint?.(checkpointCalls, name, value);
        if (value === null) checkpoints.delete(name);
        else checkpoints.set(name, value);
        checkpointWrites.push({ name, value });
      }),

    optimiseSearch: () =>
      settle(() => {
        open();
        optimised += 1;
      }),
    optimiseCalls: () => optimised,

    close() {
      closed = true;
      return Promise.resolve();
    },
  };
}
