/**
 * How importRecords hands batches to a store: up to `inFlight` at once (so a store can prepare one while it writes
 * another), and never one more after a batch is known to have failed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMemoryStore } from '../../test/support/memory-store.ts';
import type { ParseOutcome } from '../domain/trial.ts';
import { syntheticTrial } from '../storage/test-trials.ts';
import type { TrialStore, UpsertOutcome } from '../storage/store.ts';
import { importRecords } from './import.ts';

const records = (count: number): ParseOutcome[] => Array.from({ length: count }, (_, n) => ({ ok: true, trial: syntheticTrial(n) }));

/** A store whose batches commit only when the test says so, recording how many were with it at once. */
function gatedStore() {
  const inner = createMemoryStore();
  const gates: Array<() => void> = [];
  let open = 0;
  let mostOpen = 0;
  const store: TrialStore = {
    ...inner,
    async upsertTrials(trials): Promise<UpsertOutcome[]> {
      open += 1;
      mostOpen = Math.max(mostOpen, open);
      await new Promise<void>((resolve) => gates.push(resolve));
      open -= 1;
      return inner.upsertTrials(trials);
    },
  };
  /** Lets the oldest waiting batch commit, once one is waiting. */
  const release = async (): Promise<void> => {
    while (gates.length === 0) await new Promise((resolve) => setImmediate(resolve));
    gates.shift()?.();
  };
  return { store, inner, release, mostOpen: () => mostOpen };
}

describe('importRecords pipeline', () => {
  it('hands the store two batches at once by default, never three', async () => {
    const { store, inner, release, mostOpen } = gatedStore();
    const running = importRecords(store, records(10), { batchSize: 2 });
    for (let n = 0; n < 5; n++) await release();
    const summary = await running;
    assert.equal(summary.inserted, 10);
    assert.equal(inner.transactions.length, 5);
    assert.equal(mostOpen(), 2);
  });

  it('lets the store prepare its search aids after the last batch, only when something was stored and the caller wants it', async () => {
    const store = createMemoryStore();
    await importRecords(store, records(5), { batchSize: 2 });
    assert.equal(store.optimiseCalls(), 1);
    await importRecords(store, records(5), { batchSize: 2 });
    assert.equal(store.optimiseCalls(), 1, 'an import that changed nothing');
    await importRecords(store, records(7), { batchSize: 2, optimise: false });
    assert.equal(store.optimiseCalls(), 1, 'a caller importing in parts');
    assert.equal(store.transactions.length, 3 + 3 + 4);
  });

  it('hands one batch at a time with inFlight 1', async () => {
    const { store, release, mostOpen } = gatedStore();
    const running = importRecords(store, records(6), { batchSize: 2, inFlight: 1 });
    for (let n = 0; n < 3; n++) await release();
    await running;
    assert.equal(mostOpen(), 1);
  });

  it('sends nothing more once a batch has failed, and reports that failure', async () => {
    const inner = createMemoryStore({
      beforeUpsert(transaction) {
        if (transaction === 2) throw new Error('disk full');
      },
    });
    let sent = 0;
    const store: TrialStore = {
      ...inner,
      upsertTrials(trials) {
        sent += 1;
        return inner.upsertTrials(trials);
      },
    };
    // A slow source: the failure of batch 2 is known before batch 3 is read.
    async function* slowly(): AsyncGenerator<ParseOutcome> {
      for (const record of records(10)) {
        await new Promise((resolve) => setImmediate(resolve));
        yield record;
      }
    }
    await assert.rejects(importRecords(store, slowly(), { batchSize: 2 }), /disk full/);
    assert.equal(sent, 2);
    assert.equal(inner.transactions.length, 1);
  });
});
