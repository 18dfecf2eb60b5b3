/**
 * Child process for the crash test in sqlite-store.int.test.ts: upserts batches of synthetic trials into the store
 * at argv[2] without end, printing "committed N" after each batch, until the parent kills it mid-write.
 * Usage: node --import tsx crash-writer.fixture.ts <path> <batchSize>
 */
import { syntheticTrial } from '../test-trials.ts';
import { openSqliteStore } from './sqlite-store.ts';

const [path, size] = process.argv.slice(2);
if (path === undefined || size === undefined) throw new Error('usage: crash-writer.fixture.ts <path> <batchSize>');
const batchSize = Number(size);
const store = await openSqliteStore(path);
for (let batch = 0; ; batch += 1) {
  const trials = Array.from({ length: batchSize }, (_, k) => syntheticTrial(batch * batchSize + k));
  await store.upsertTrials(trials);
  process.stdout.write(`committed ${String(batch + 1)}\n`);
}
