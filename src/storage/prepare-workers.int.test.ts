import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { EMPTY_QUERY, type StoreQuery } from '../domain/query.ts';
import { expandQuery } from '../domain/query-expansion.ts';
import type { Trial } from '../domain/trial.ts';
import { storeBackends } from '../../test/support/backends.ts';
import { buildTrial, corpus, placesCorpus, TEST_POSTCODES } from './test-trials.ts';
import type { TrialStore } from './store.ts';

/** More trials than a batch needs to go to the workers: the contract corpora, copied under new ids. */
function largeBatch(): Trial[] {
  const templates = [...corpus(), ...placesCorpus()];
  return Array.from({ length: 150 }, (_, n) => {
    const template = templates[n % templates.length]!;
    const id = `NCT${String(80_000_000 + n)}`;
    const { provenance, ...content } = template;
    return buildTrial(id, { ...content, id, ids: [{ kind: 'nct', value: id, issuer: null }], provenance: { source: provenance.source } });
  });
}

const query = (overrides: Partial<StoreQuery>): StoreQuery => ({ ...EMPTY_QUERY, text: null, near: null, ...overrides });

const QUERIES: StoreQuery[] = [
  query({}),
  query({ text: expandQuery('acute lymphoblastic leukaemia') }),
  query({ cancerTypes: ['acute-lymphoblastic-leukaemia'], treatments: ['immunotherapy'] }),
  query({ near: { lat: 53.47769, lon: -2.23629 }, withinMiles: 100, sort: 'distance' }),
];

async function everything(store: TrialStore): Promise<Trial[]> {
  const trials: Trial[] = [];
  for await (const trial of store.exportTrials()) trials.push(trial);
  return trials;
}

for (const backend of storeBackends()) {
  describe(`preparing batches in worker threads: ${backend.name}`, () => {
    const opened: TrialStore[] = [];
    const open = async (workers: number): Promise<TrialStore> => {
      const store = await backend.open({ postcodes: TEST_POSTCODES, workers });
      opened.push(store);
      return store;
    };
    after(async () => {
      await Promise.all(opened.map((store) => store.close()));
    });

    it('stores a batch prepared by workers exactly as one prepared in the main thread', async () => {
      const [withWorkers, without] = await Promise.all([open(1), open(0)]);
      const trials = largeBatch();
      assert.deepEqual(await withWorkers.upsertTrials(trials), await without.upsertTrials(trials));
      assert.deepEqual(await everything(withWorkers), await everything(without));
      for (const search of QUERIES) {
        assert.deepEqual(await withWorkers.searchWithFacets(search), await without.searchWithFacets(search), JSON.stringify(search));
      }
      // A second import of the same batch changes nothing, with or without workers.
      assert.ok((await withWorkers.upsertTrials(trials)).every((outcome) => outcome === 'unchanged'));
    });

    it('fails a batch holding a trial no worker can prepare as the main thread would, storing none of it', async () => {
      const store = await open(1);
      const trials = largeBatch();
      const broken = { ...trials[70]!, enrollment: 10n as unknown as number };
      await assert.rejects(store.upsertTrials([...trials.slice(0, 70), broken, ...trials.slice(71)]), /cannot be stored as JSON/);
      assert.equal(await store.count(), 0);
    });
  });
}
