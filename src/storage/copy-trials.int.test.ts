import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Trial } from '../domain/trial.ts';
import { Conflict } from '../domain/errors.ts';
import { copyTrials } from './copy-trials.ts';
import { openSqliteStore } from './sqlite/sqlite-store.ts';
import type { TrialStore } from './store.ts';
import { corpus } from './test-trials.ts';

async function everything(store: TrialStore): Promise<Trial[]> {
  const trials: Trial[] = [];
  for await (const trial of store.exportTrials(3)) trials.push(trial);
  return trials;
}

describe('copyTrials', () => {
  it('round-trips every trial exactly, in small batches, and checks counts and a sample', async () => {
    const source = await openSqliteStore(':memory:');
    await source.upsertTrials(corpus());
    const middle = await openSqliteStore(':memory:');
    const back = await openSqliteStore(':memory:');
    const progress: number[] = [];
    const there = await copyTrials(source, middle, { batchSize: 2, sample: 1000, onProgress: (n) => progress.push(n) });
    assert.deepEqual(there, { copied: corpus().length, sourceCount: corpus().length, targetCount: corpus().length, sampled: corpus().length });
    assert.equal(progress.at(-1), corpus().length);
    await copyTrials(middle, back, { sample: 3 });
    assert.deepEqual(await everything(back), await everything(source));
    await Promise.all([source.close(), middle.close(), back.close()]);
  });

  it('lets the target prepare its search aids once it holds everything, as an import does', async () => {
    const source = await openSqliteStore(':memory:');
    await source.upsertTrials(corpus());
    const inner = await openSqliteStore(':memory:');
    const calls: number[] = [];
    const target: TrialStore = { ...inner, optimiseSearch: async () => void calls.push(await inner.count()) };
    await copyTrials(source, target, { batchSize: 2 });
    assert.deepEqual(calls, [corpus().length]);
    await copyTrials(source, target);
    assert.equal(calls.length, 1, 'a re-run that writes nothing');
    await Promise.all([source.close(), inner.close()]);
  });

  it('refuses a target that already holds trials, changing nothing', async () => {
    const source = await openSqliteStore(':memory:');
    await source.upsertTrials(corpus());
    const target = await openSqliteStore(':memory:');
    await target.upsertTrials(corpus().slice(0, 1));
    await assert.rejects(copyTrials(source, target), Conflict);
    assert.equal(await target.count(), 1);
    await Promise.all([source.close(), target.close()]);
  });

  it('reports a difference when the target does not read back what was written', async () => {
    const source = await openSqliteStore(':memory:');
    await source.upsertTrials(corpus());
    const inner = await openSqliteStore(':memory:');
    const lossy: TrialStore = {
      upsertTrials: (trials) => inner.upsertTrials(trials),
      optimiseSearch: () => inner.optimiseSearch(),
      getTrial: async (id) => {
        const trial = await inner.getTrial(id);
        return trial === null ? null : { ...trial, briefTitle: `${trial.briefTitle}!` };
      },
      search: (query) => inner.search(query),
      facets: (query) => inner.facets(query),
      searchWithFacets: (query) => inner.searchWithFacets(query),
      count: () => inner.count(),
      exportTrials: (pageSize) => inner.exportTrials(pageSize),
      getCheckpoint: (name) => inner.getCheckpoint(name),
      setCheckpoint: (name, value) => inner.setCheckpoint(name, value),
      close: () => inner.close(),
    };
    await assert.rejects(copyTrials(source, lossy), /differs between source and target/);
    await Promise.all([source.close(), lossy.close()]);
  });
});
