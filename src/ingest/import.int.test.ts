import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { storeBackends } from '../../test/support/backends.ts';
import type { ParseOutcome } from '../domain/trial.ts';
import type { TrialStore } from '../storage/store.ts';
import { importRecords } from './import.ts';
import { readRecordsAt } from './open-path.ts';

const XML_FIXTURES = 'test/fixtures/ctgov-xml';

async function collect(path: string): Promise<ParseOutcome[]> {
  const records: ParseOutcome[] = [];
  for await (const record of readRecordsAt(path)) records.push(record);
  return records;
}

function parsed(records: readonly ParseOutcome[]) {
  return records.flatMap((record) => (record.ok ? [record.trial] : []));
}

for (const backend of storeBackends()) {
  describe(`importRecords into ${backend.name}`, () => {
    it('stores every good record once, and a second import of the same data changes nothing', async () => {
      const store = await backend.open();
      const first = await importRecords(store, readRecordsAt(XML_FIXTURES), { batchSize: 2 });
      assert.equal(first.rejectedCount, 0);
      assert.equal(first.inserted, first.read);
      assert.equal(await store.count(), first.read);
      const again = await importRecords(store, readRecordsAt(XML_FIXTURES), { batchSize: 2 });
      assert.deepEqual(
        { read: again.read, inserted: again.inserted, updated: again.updated, unchanged: again.unchanged },
        { read: first.read, inserted: 0, updated: 0, unchanged: first.read },
      );
      await store.close();
    });

    it('reports a bad record with its reason and still stores the good ones around it', async () => {
      const store = await backend.open();
      const good = parsed(await collect(XML_FIXTURES));
      const records: ParseOutcome[] = [
        { ok: true, trial: good[0]! },
        { ok: false, error: { recordId: 'NCT99999999', field: 'eligibility/minimum_age', reason: 'cannot read "eighteen"' } },
        { ok: true, trial: good[1]! },
      ];
      const summary = await importRecords(store, records);
      assert.equal(summary.inserted, 2);
      assert.equal(summary.rejectedCount, 1);
      assert.deepEqual(summary.rejected[0], records[1]!.ok ? undefined : records[1]!.error);
      assert.equal(await store.getTrial('NCT99999999'), null);
      await store.close();
    });

    it('replaces a record with a newer version and keeps a newer one against an older', async () => {
      const store = await backend.open();
      const [trial] = parsed(await collect(`${XML_FIXTURES}/NCT00003437.xml`));
      assert.ok(trial);
      await importRecords(store, [{ ok: true, trial }]);
      const newer = { ...trial, briefTitle: `${trial.briefTitle} (amended)`, provenance: { ...trial.provenance, recordUpdated: '2030-01-01' } };
      const older = { ...trial, briefTitle: 'An old title', provenance: { ...trial.provenance, recordUpdated: '1990-01-01' } };
      const summary = await importRecords(store, [{ ok: true, trial: newer }, { ok: true, trial: older }]);
      assert.equal(summary.updated, 1);
      assert.equal(summary.keptNewer, 1);
      assert.equal((await store.getTrial('NCT00003437'))?.briefTitle, newer.briefTitle);
      await store.close();
    });

    it('leaves every committed batch whole when the import fails part-way', async () => {
      const inner = await backend.open();
      let calls = 0;
      const failing: TrialStore = {
        upsertTrials: async (trials) => {
          calls += 1;
          if (calls === 2) throw new Error('disk full');
          return inner.upsertTrials(trials);
        },
        getTrial: (id) => inner.getTrial(id),
        search: (query) => inner.search(query),
        facets: (query) => inner.facets(query),
        searchWithFacets: (query) => inner.searchWithFacets(query),
        count: () => inner.count(),
        optimiseSearch: () => inner.optimiseSearch(),
        exportTrials: (pageSize) => inner.exportTrials(pageSize),
        getCheckpoint: (name) => inner.getCheckpoint(name),
        setCheckpoint: (name, value) => inner.setCheckpoint(name, value),
        close: () => inner.close(),
      };
      await assert.rejects(importRecords(failing, readRecordsAt(XML_FIXTURES), { batchSize: 2 }), /disk full/);
      assert.equal(await inner.count(), 2);
      await inner.close();
    });
  });
}
