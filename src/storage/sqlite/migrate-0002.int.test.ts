import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Migrator } from 'kysely';
import { indexText } from '../../domain/search-text.ts';
import type { Trial } from '../../domain/trial.ts';
import { expandedSearchFor, searchFor, storeQuery } from '../store.contract.search.ts';
import { corpus, MANCHESTER, placesCorpus, syntheticTrial, TEST_POSTCODES } from '../test-trials.ts';
import { openConnection } from './connection.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { openSqliteStore } from './sqlite-store.ts';
import { childRows } from '../shared/child-rows.ts';
import { derivedRows } from '../shared/derived-rows.ts';
import { trialRow } from './trial-row.ts';

const dir = mkdtempSync(join(tmpdir(), 'trialfinder-migrate-'));
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

const trials = [...corpus(), ...placesCorpus(), ...Array.from({ length: 60 }, (_, n) => syntheticTrial(n))];

/** The summary as release 0001 wrote it: no derived fields. */
function summary0001(trial: Trial): string {
  const summary = JSON.parse(derivedRows(trial, null).summary) as Record<string, unknown>;
  for (const added of ['cancerTypes', 'treatments', 'ukSiteCount', 'nearestSite']) Reflect.deleteProperty(summary, added);
  return JSON.stringify(summary);
}

/** The full-text row as release 0001 wrote it: the words as written, no synonym tokens. */
function fts0001(trial: Trial): Record<string, string> {
  return {
    title: indexText([trial.briefTitle, trial.officialTitle, trial.acronym]),
    conditions: indexText(trial.conditions),
    interventions_keywords: indexText([
      ...trial.interventions.flatMap((intervention) => [intervention.name, ...intervention.otherNames]),
      ...trial.keywords,
      ...trial.arms.map((arm) => arm.label),
    ]),
    summary: indexText([trial.briefSummary, trial.detailedDescription]),
    eligibility: indexText([trial.eligibility.criteria]),
  };
}

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
    const docId = insert('trials', { ...trialRow(trial, summary0001(trial)) });
    const children = childRows(trial);
    for (const id of children.ids) insert('trial_ids', { ...id, doc_id: docId });
    for (const phase of children.phases) insert('trial_phases', { doc_id: docId, phase });
    for (const term of children.conditions) insert('trial_conditions', { ...term, doc_id: docId });
    for (const term of children.interventions) insert('trial_interventions', { ...term, doc_id: docId });
    for (const term of children.countries) insert('trial_countries', { ...term, doc_id: docId });
    insert('trials_fts', { rowid: docId, ...fts0001(trial) });
  }
  await db.destroy();
}

describe('migrations 0002 and 0003 upgrade a 0001 database in place', () => {
  it('gives the same searches and facets as a store written fresh, derived facts and synonyms included', async () => {
    const path = join(dir, 'old.sqlite');
    await version0001(path);
    const upgraded = await openSqliteStore(path, { postcodes: TEST_POSTCODES });
    const fresh = await openSqliteStore(':memory:', { postcodes: TEST_POSTCODES });
    await fresh.upsertTrials(trials);
    try {
      const queries = [
        storeQuery(),
        searchFor('leukemia'),
        storeQuery({ phases: ['1', '3'], countries: ['United States'] }),
        storeQuery({ statuses: ['completed'], sex: 'female', age: 30 }),
        expandedSearchFor('Ph+ ALL'),
        searchFor('acute lymphoblastic leukemia', { cancerTypes: ['leukaemia'], treatments: ['targeted'] }),
        storeQuery({ near: MANCHESTER, withinMiles: 200, sort: 'distance', ageGroups: ['older-adults'] }),
      ];
      for (const query of queries) {
        assert.deepEqual(await upgraded.searchWithFacets(query), await fresh.searchWithFacets(query));
      }
      // The derived facts and synonym tokens are really there (0001 rows had neither).
      assert.deepEqual((await upgraded.search(expandedSearchFor('Ph+ ALL'))).trials.map((t) => t.id), ['NCT09100001']);
      assert.equal((await upgraded.search(storeQuery({ near: MANCHESTER, withinMiles: 10 }))).total, 2);
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
