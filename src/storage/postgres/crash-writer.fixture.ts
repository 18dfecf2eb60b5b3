/**
 * Child process for the crash test in postgres-store.int.test.ts: upserts batches of synthetic trials into the store
 * at argv[2] (a postgres:// URL with ?schema=) without end, printing "committed N" after each batch, until the
 * parent kills it mid-write.
 * Usage: node --import tsx crash-writer.fixture.ts <url> <batchSize>
 */
import { syntheticTrial } from '../test-trials.ts';
import { openPostgresStore } from './postgres-store.ts';

const [url, size] = process.argv.slice(2);
if (url === undefined || size === undefined) throw new Error('usage: crash-writer.fixture.ts <url> <batchSize>');
const batchSize = Number(size);
const store = await openPostgresStore(url, { poolSize: 1 });
for (let batch = 0; ; batch += 1) {
  const trials = Array.from({ length: batchSize }, (_, k) => syntheticTrial(batch * batchSize + k));
  await store.upsertTrials(trials);
  process.stdout.write(`committed ${String(batch + 1)}\n`);
}
