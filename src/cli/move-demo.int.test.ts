import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { openStore } from '../app.ts';
import { parseDatabaseUrl } from '../config.ts';
import type { Trial } from '../domain/trial.ts';
import { storeBackends } from '../../test/support/backends.ts';
import { DEMO_RECORDS_DIR } from './demo-data.ts';
import { runCli } from './main.ts';
import type { Output } from './output.ts';

const quiet = (): Output & { stdout: string[] } => {
  const stdout: string[] = [];
  return { stdout, out: (text) => stdout.push(text), err: () => undefined, isTty: false };
};

async function allTrials(url: string): Promise<Map<string, Trial>> {
  const store = await openStore(parseDatabaseUrl(url));
  try {
    const trials = new Map<string, Trial>();
    for await (const trial of store.exportTrials(1000)) trials.set(trial.id, trial);
    return trials;
  } finally {
    await store.close();
  }
}

const postgres = storeBackends().find((backend) => backend.name === 'postgres');
const sqlite = storeBackends().find((backend) => backend.name === 'sqlite');

// The proof for `move`: the whole bundled dataset goes SQLite → PostgreSQL → SQLite with nothing lost.
describe('trialfinder move round-trips the bundled dataset through PostgreSQL', { skip: postgres === undefined ? 'TEST_DATABASE_URL is not set' : false }, () => {
  const places: { url: string; cleanup: () => Promise<void> }[] = [];
  before(async () => {
    if (postgres === undefined || sqlite === undefined) return;
    places.push(await sqlite.databaseUrl(), await postgres.databaseUrl(), await sqlite.databaseUrl());
  });
  after(async () => {
    for (const place of places) await place.cleanup();
  });

  it('copies every trial there and back identically', { timeout: 600_000 }, async () => {
    const [start, middle, end] = places.map((place) => place.url) as [string, string, string];
    assert.equal(await runCli(['import', DEMO_RECORDS_DIR, '--json'], quiet(), { DATABASE_URL: start }), 0);
    const there = quiet();
    assert.equal(await runCli(['move', '--from', start, '--to', middle, '--json', '--sample', '1000'], there), 0);
    const report = JSON.parse(there.stdout.join('')) as { copied: number; targetCount: number };
    assert.ok(report.copied > 7000, `copied ${report.copied}`);
    assert.equal(await runCli(['move', '--from', middle, '--to', end, '--json'], quiet()), 0);
    const [before, after] = [await allTrials(start), await allTrials(end)];
    assert.equal(after.size, before.size);
    for (const [id, trial] of before) assert.ok(isDeepStrictEqual(after.get(id), trial), `${id} changed on the round trip`);
  });
});
