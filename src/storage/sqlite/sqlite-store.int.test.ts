import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { sqliteBackend } from '../../../test/support/backends.ts';
import { Conflict, Unavailable } from '../../domain/errors.ts';
import { searchFor } from '../store.contract.search.ts';
import { runStoreContract } from '../store.contract.ts';
import type { Trial } from '../../domain/trial.ts';
import { corpus, syntheticTrial } from '../test-trials.ts';
import { BM25_WEIGHTS, textMatch } from './fts.ts';
import { sqliteMatchSets } from './match-sets.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { openSqliteStore } from './sqlite-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'trialfinder-sqlite-'));
after(() => {
  rmSync(dir, { recursive: true, force: true });
});
let files = 0;
const freshPath = (): string => join(dir, `store-${String((files += 1))}.sqlite`);

runStoreContract('sqlite (temp file)', sqliteBackend());

/** Reads the file directly, as an operator would with the sqlite3 shell. */
function inspect<T>(path: string, read: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

describe('SQLite adapter', () => {
  it('works in memory', async () => {
    const store = await openSqliteStore(':memory:');
    await store.upsertTrials(corpus());
    assert.equal((await store.search(searchFor('leukaemia'))).total, 7);
    await store.close();
  });

  it('migrates once: reopening keeps the data and records each migration once', async () => {
    const path = freshPath();
    for (let round = 0; round < 3; round += 1) {
      const store = await openSqliteStore(path);
      await store.upsertTrials(corpus());
      assert.equal(await store.count(), corpus().length);
      await store.close();
    }
    const applied = inspect(path, (db) => db.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all());
    assert.deepEqual(applied, Object.keys(MIGRATIONS));
  });

  it('uses WAL and leaves a consistent full-text index', async () => {
    const path = freshPath();
    const store = await openSqliteStore(path);
    await store.upsertTrials(corpus());
    await store.upsertTrials(corpus().map((trial) => ({ ...trial, provenance: { ...trial.provenance, contentHash: 'f'.repeat(64) } })));
    await store.close();
    inspect(path, (db) => {
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    });
    const db = new BetterSqlite3(path);
    db.exec("INSERT INTO trials_fts (trials_fts) VALUES ('integrity-check')"); // throws on a corrupt index
    db.close();
  });

  it('keeps the spelling counts equal to a recount across batches that insert, replace and replace within themselves', async () => {
    const path = freshPath();
    const store = await openSqliteStore(path);
    const newer = (trial: Trial, conditions: string[], stamp: string): Trial => ({
      ...trial,
      conditions,
      provenance: { ...trial.provenance, recordUpdated: stamp, contentHash: stamp.replaceAll(/\D/g, '').padEnd(64, 'a') },
    });
    await store.upsertTrials(Array.from({ length: 40 }, (_, n) => syntheticTrial(n)));
    const inBatch = syntheticTrial(45);
    await store.upsertTrials([
      ...Array.from({ length: 20 }, (_, n) => syntheticTrial(40 + n)),
      // Replaces a trial of the first batch, and one this batch inserted a moment ago, with other spellings.
      newer(syntheticTrial(5), ['Acute Lymphoblastic Leukaemia', 'acute lymphoblastic leukemia'], '2030-01-01'),
      newer(inBatch, ['Spelled Only Between Two Writes'], '2030-01-02'),
      newer(inBatch, ['Leukaemia'], '2030-01-03'),
    ]);
    // A batch that fails rolls its counts back with its rows.
    const broken = { ...syntheticTrial(70), status: 'not-a-status' } as unknown as Trial;
    await assert.rejects(store.upsertTrials([syntheticTrial(71), broken]));
    await store.upsertTrials([newer(syntheticTrial(6), ['Leukaemia'], '2030-01-04')]);
    await store.close();
    inspect(path, (db) => {
      const stored = db.prepare('SELECT facet, key, name, trials FROM trial_term_spellings ORDER BY facet, key, name').all();
      const recount = db
        .prepare(
          `SELECT facet, key, name, count(*) AS trials FROM (
             SELECT 'condition' AS facet, key, name FROM trial_conditions
             UNION ALL SELECT 'intervention', key, name FROM trial_interventions
             UNION ALL SELECT 'country', key, name FROM trial_countries)
           GROUP BY facet, key, name ORDER BY facet, key, name`,
        )
        .all();
      assert.deepEqual(stored, recount);
      assert.ok(stored.some((row) => (row as { name: string }).name === 'Acute Lymphoblastic Leukaemia'));
      assert.equal(db.prepare("SELECT count(*) FROM trial_conditions WHERE name = 'Spelled Only Between Two Writes'").pluck().get(), 0);
    });
  });

  it('opens read-only: searches, refuses writes, refuses an unmigrated file', async () => {
    const path = freshPath();
    const writer = await openSqliteStore(path);
    await writer.upsertTrials(corpus());
    await writer.close();
    const reader = await openSqliteStore(path, { readonly: true });
    assert.equal((await reader.search(searchFor('blinatumomab'))).total, 2);
    await assert.rejects(reader.upsertTrials(corpus()), Conflict);
    await assert.rejects(reader.setCheckpoint('x', 'y'), Conflict);
    await reader.close();

    const empty = freshPath();
    new BetterSqlite3(empty).close();
    await assert.rejects(openSqliteStore(empty, { readonly: true }), Unavailable);

    // Facts from another derivation version cannot be re-derived read-only: refused until opened read-write.
    const db = new BetterSqlite3(path);
    db.prepare('UPDATE derivation SET version = version + 1').run();
    db.close();
    await assert.rejects(openSqliteStore(path, { readonly: true }), Unavailable);
    await (await openSqliteStore(path)).close();
    await (await openSqliteStore(path, { readonly: true })).close();
  });

  it('survives being killed mid-batch: whole batches only, integrity intact', async () => {
    const path = freshPath();
    const batchSize = 250;
    const fixture = fileURLToPath(new URL('./crash-writer.fixture.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, path, String(batchSize)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => { resolve(signal); }));
    let committed = 0;
    await new Promise<void>((resolve, reject) => {
      child.once('exit', () => { reject(new Error(`writer exited after ${String(committed)} batches`)); });
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        committed += chunk.split('\n').filter((line) => line.startsWith('committed')).length;
        // Kill a little after a commit, so the blow lands inside the next batch's transaction.
        if (committed >= 3) setTimeout(() => { child.kill('SIGKILL'); resolve(); }, 7);
      });
    });
    assert.equal(await exited, 'SIGKILL');

    const store = await openSqliteStore(path);
    const count = await store.count();
    await store.close();
    assert.equal(count % batchSize, 0, `count ${String(count)} is a whole number of batches`);
    assert.ok(count >= 3 * batchSize);
    inspect(path, (db) => {
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    });
    // Every stored trial is whole: its full-text row is there too.
    const reopened = await openSqliteStore(path);
    assert.equal((await reopened.search(searchFor('study'))).total, count);
    assert.ok((await reopened.getTrial(syntheticTrial(count - 1).id)) !== null);
    assert.equal(await reopened.getTrial(syntheticTrial(count).id), null);
    await reopened.close();
  });

  it('scores a one-phrase text in the ranking columns alone, in the order bm25 over every match gives', async () => {
    const path = freshPath();
    const store = await openSqliteStore(path);
    await store.upsertTrials(Array.from({ length: 120 }, (_, n) => syntheticTrial(n)));
    await store.close();
    inspect(path, (raw) => {
      // "cytarabine" is in the summary alone of some trials and in the title of others; so is "neuroblastoma".
      for (const word of ['cytarabine', 'neuroblastoma', 'acute lymphoblastic']) {
        const query = searchFor(word);
        const found = sqliteMatchSets(raw, query, true).text;
        assert.ok(found?.scores, word);
        const whole = raw
          .prepare(`SELECT rowid, -bm25(trials_fts, ${BM25_WEIGHTS.join(', ')}) FROM trials_fts WHERE trials_fts MATCH ? ORDER BY rowid`)
          .raw(true)
          .all(textMatch(query.text)) as Array<[number, number]>;
        assert.deepEqual([...found.docIds], whole.map(([docId]) => docId), word);
        // Zero exactly where bm25 over every match gives zero, some of each.
        const zeros = whole.map(([, score]) => score === 0);
        assert.deepEqual([...found.scores].map((score) => score === 0), zeros, word);
        assert.ok(zeros.includes(true) && zeros.includes(false), word);
        const order = (scores: readonly number[]): number[] =>
          whole.map((_, i) => i).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
        assert.deepEqual(order([...found.scores]), order(whole.map(([, score]) => score)), word);
      }
    });
  });
});
