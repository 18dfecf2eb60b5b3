import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { preparedFor, runRederivePass, type PassStep, type PreparedAhead, type RederivePass, type StoredRow } from './rederive-pass.ts';
import type { BatchPool } from './worker-pool.ts';

/**
 * A stored table and a pass over it, as an adapter runs one: the step reads its rows again "under the lock" and
 * records, per trial written, whether a worker or the step itself prepared it.
 */
function fixture(count: number, batchSize: number) {
  const table = new Map(Array.from({ length: count }, (_, n) => [n + 1, `t${String(n + 1)}`]));
  const state = { after: 0, over: false };
  const events: string[] = [];
  const written: string[] = [];
  const hooks: { beforeStep?: () => void; onRun?: (items: readonly string[]) => void } = {};
  const rowsAfter = (after: number): StoredRow[] =>
    [...table]
      .filter(([id]) => id > after)
      .sort(([a], [b]) => a - b)
      .slice(0, batchSize)
      .map(([doc_id, json]) => ({ doc_id, json }));
  const pass: RederivePass<string> = {
    position: () => Promise.resolve(state.over ? null : state.after),
    rowsAfter,
    step(ahead: PreparedAhead<string> | null): Promise<PassStep | null> {
      hooks.beforeStep?.();
      const after = state.after;
      const rows = rowsAfter(after);
      const last = rows.at(-1);
      if (last === undefined) {
        state.over = true;
        return Promise.resolve(null);
      }
      for (const row of rows) written.push(preparedFor(ahead, after, row) ?? `step:${row.json}`);
      events.push(`write ${rows.map((row) => row.json).join(',')}`);
      state.after = last.doc_id;
      return Promise.resolve({ count: rows.length, after, last: last.doc_id });
    },
  };
  const pool: BatchPool<string, string> = {
    run(items) {
      events.push(`prepare ${items.join(',')}`);
      hooks.onRun?.(items);
      return Promise.resolve(items.map((item) => `worker:${item}`));
    },
    close: () => Promise.resolve(),
  };
  return { table, state, events, written, hooks, pass, pool };
}

describe('runRederivePass', () => {
  it('has the workers prepare each batch while the one before it is written', async () => {
    const { events, written, pass, pool } = fixture(5, 2);
    assert.equal(await runRederivePass(pass, pool, 2), 5);
    assert.deepEqual(events, ['prepare t1,t2', 'prepare t3,t4', 'write t1,t2', 'prepare t5', 'write t3,t4', 'write t5']);
    assert.deepEqual(written, ['worker:t1', 'worker:t2', 'worker:t3', 'worker:t4', 'worker:t5']);
  });

  it('prepares every trial in the step without a pool, and does nothing when facts are current', async () => {
    const { written, pass, state } = fixture(3, 2);
    assert.equal(await runRederivePass(pass, null, 2), 3);
    assert.deepEqual(written, ['step:t1', 'step:t2', 'step:t3']);
    assert.equal(state.over, true);
    assert.equal(await runRederivePass(pass, null, 2), 0);
  });

  it('uses a prepared result only for a row still stored as it was read', async () => {
    const { table, written, hooks, pass, pool } = fixture(6, 2);
    hooks.onRun = (items) => {
      // An upsert between reading ahead and writing: t3 replaced by a new row at the end, t4 changed in place.
      if (!items.includes('t3')) return;
      table.delete(3);
      table.set(4, 't4 changed');
      table.set(7, 't7');
    };
    assert.equal(await runRederivePass(pass, pool, 2), 6);
    assert.deepEqual(written, ['worker:t1', 'worker:t2', 'step:t4 changed', 'step:t5', 'worker:t6', 'worker:t7']);
  });

  it('stops reading ahead once another process has moved the pass on', async () => {
    const { state, events, written, hooks, pass, pool } = fixture(7, 2);
    let steps = 0;
    hooks.beforeStep = () => {
      // Another process takes the lock first and writes the first batch.
      if ((steps += 1) === 1) state.after = 2;
    };
    assert.equal(await runRederivePass(pass, pool, 2), 5);
    assert.deepEqual(events, ['prepare t1,t2', 'prepare t3,t4', 'write t3,t4', 'write t5,t6', 'write t7']);
    assert.deepEqual(written, ['step:t3', 'step:t4', 'step:t5', 'step:t6', 'step:t7']);
  });

  it('leaves to the step what a worker could not prepare', async () => {
    const { written, pass } = fixture(3, 5);
    const failing: BatchPool<string, string> = {
      run: (items) => Promise.resolve(items.map((item) => (item === 't2' ? null : `worker:${item}`))),
      close: () => Promise.resolve(),
    };
    assert.equal(await runRederivePass(pass, failing, 5), 3);
    assert.deepEqual(written, ['worker:t1', 'step:t2', 'worker:t3']);
  });
});
