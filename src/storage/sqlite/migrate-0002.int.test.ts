import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Migrator } from 'kysely';
import { searchFor, storeQuery } from '../store.contract.search.ts';
import { corpus, syntheticTrial } from '../test-trials.ts';
import { openConnection } from './connection.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { openSqliteStore } from './sqlite-store.ts';
import { childRows, ftsRow, trialRow } from './trial-row.ts';

const dir = mkdtempSync(join(tmpdir(), 'trialfinder-migrate-'));
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

const trials = [...corpus(), ...Array.from({ length: 60 }, (_, n) => syntheticTrial(n))];

/** A database as release 0001 wrote it: its schema only, rows written the way its write path wrote them. */
async function version0001(path: string): Promise<void> {
  const { raw, db } = openConnection(path, false);
  const provider = { getMigrations: () => Promise.resolve({ '0001-initial': MIGRATIONS['0001-initial']! }) };
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  assert.equal(error, undefined);
  const insert = (table: string, row: Record<string, unknown>): number => {
    const columns = Object.keys(row);
    const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`;
    return Number(raw.prepare(sql).run(row).lastInsertRowid);
  };
  for (const trial of trials) {
    const docId = insert('trials', { ...trialRow(trial) });
    const children = childRows(trial);
    for (const id of children.ids) insert('trial_ids', { ...id, doc_id: docId });
    for (const phase of children.phases) insert('trial_phases', { doc_id: docId, phase });
    for (const term of children.conditions) insert('trial_conditions', { ...term, doc_id: docId });
    for (const term of children.interventions) insert('trial_interventions', { ...term, doc_id: docId });
    for (const term of children.countries) insert('trial_countries', { ...term, doc_id: docId });
    insert('trials_fts', { rowid: docId, ...ftsRow(trial) });
  }
  await db.destroy();
}

describe('migration 0002 upgrades a 0001 database in place', () => {
  it('gives the same searches and facets as a store written fresh', async () => {
    const path = join(dir, 'old.sqlite');
    await version0001(path);
    const upgraded = await openSqliteStore(path);
    const fresh = await openSqliteStore(':memory:');
    await fresh.upsertTrials(trials);
    try {
      const queries = [
        storeQuery(),
        searchFor('leukemia'),
        storeQuery({ phases: ['1', '3'], countries: ['United States'] }),
        storeQuery({ statuses: ['completed'], sex: 'female', age: 30 }),
      ];
      for (const query of queries) {
        assert.deepEqual(await upgraded.searchWithFacets(query), await fresh.searchWithFacets(query));
      }
      // Writes after the upgrade keep the new tables in step (phases bitmap, spelling counts).
      const [first] = trials;
      const newer = { ...first!, phases: ['2' as const], provenance: { ...first!.provenance, recordUpdated: '2030-01-01', contentHash: 'e'.repeat(64) } };
      assert.deepEqual(await upgraded.upsertTrials([newer]), ['updated']);
      assert.deepEqual(await fresh.upsertTrials([newer]), ['updated']);
      for (const query of queries) {
        assert.deepEqual(await upgraded.searchWithFacets(query), await fresh.searchWithFacets(query));
      }
    } finally {
      await Promise.all([upgraded.close(), fresh.close()]);
    }
  });
});
