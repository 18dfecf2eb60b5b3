/**
 * The derivation half of the store contract: stored facts follow DERIVATION_VERSION. A store re-derives every trial
 * when the version recorded in its database differs from the code's, resumes an interrupted re-derivation where it
 * stopped, and leaves current facts alone. Observed through the postcode table: a store opened without it cannot
 * place a site that has only a postcode; re-derived with it, the site is placed. Worker threads prepare the batches
 * of a re-derivation: what they store must be exactly what the main thread alone stores.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DERIVATION_VERSION } from '../domain/trial-facts.ts';
import type { SearchResult } from '../domain/query.ts';
import type { StoreHarness, StoreOptions, StorePlace } from './store.contract.ts';
import { expandedSearchFor, searchFor, storeQuery } from './store.contract.search.ts';
import type { TrialStore } from './store.ts';
import { buildTrial, corpus, MANCHESTER, placedSite, placedTrial, placesCorpus, TEST_POSTCODES } from './test-trials.ts';

/** A second trial placed only by its postcode, stored after NCT09100003. */
const lateTrial = buildTrial('NCT09100007', {
  briefTitle: 'Symptom Diaries During Radiotherapy',
  conditions: ['Lung Cancer'],
  sites: [placedSite({ facility: 'Manchester Royal Infirmary', city: 'Manchester', postcode: 'M1 1AA' })],
});

/** The ids within 10 miles of Manchester, in id order. */
async function nearby(store: TrialStore): Promise<string[]> {
  const page = await store.search(storeQuery({ near: MANCHESTER, withinMiles: 10 }));
  return page.trials.map((trial) => trial.id).sort();
}

/** Stores opened with the postcode table place postcode-only sites. */
const WITH_TABLE = { postcodes: TEST_POSTCODES };

/** Searches covering every stored derived fact: pages, summaries and every facet, with and without a place. */
function derivedView(store: TrialStore): Promise<SearchResult[]> {
  const queries = [
    storeQuery(),
    storeQuery({ near: MANCHESTER, withinMiles: 100 }),
    storeQuery({ near: MANCHESTER, sort: 'distance' }),
    expandedSearchFor('leukaemia'),
    expandedSearchFor('breast cancer chemotherapy', { near: MANCHESTER }),
    searchFor('exercise'),
  ];
  return Promise.all(queries.map((query) => store.searchWithFacets(query)));
}

/** Opens a store on the place, runs `use`, and closes it. */
async function withStore<T>(place: StorePlace, options: StoreOptions, use: (store: TrialStore) => Promise<T>): Promise<T> {
  const store = await place.open(options);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

export function runDerivationContract(harness: StoreHarness): void {
  describe('derived facts follow the derivation version', () => {
    /** A place holding the corpus, stored without the postcode table, in two batches (the second after NCT09100003). */
    const stored = async (): Promise<StorePlace> => {
      const place = await harness.place();
      await withStore(place, {}, async (store) => {
        const [first, second] = [placesCorpus().slice(0, 3), [...placesCorpus().slice(3), lateTrial]];
        await store.upsertTrials(first);
        await store.upsertTrials(second);
        assert.deepEqual(await nearby(store), ['NCT09100001']);
      });
      return place;
    };

    it('re-derives every stored trial when the stored version differs, and only then', async () => {
      const place = await stored();
      try {
        // Reopened with the table but facts current: nothing is recomputed, so postcode-only sites stay unplaced.
        await withStore(place, WITH_TABLE, async (store) => {
          assert.deepEqual(await nearby(store), ['NCT09100001']);
        });
        await place.setDerivation({ version: DERIVATION_VERSION - 1 });
        await withStore(place, WITH_TABLE, async (store) => {
          assert.deepEqual(await nearby(store), ['NCT09100001', 'NCT09100003', 'NCT09100007']);
          const [summary] = (await store.search(searchFor('exercise', { near: MANCHESTER }))).trials;
          assert.equal(summary?.nearestSite?.approximate, true);
          // Summaries, full text and counts were rewritten in place, not duplicated.
          assert.equal(await store.count(), placesCorpus().length + 1);
          assert.equal((await store.search(searchFor('exercise'))).total, 1);
          assert.equal((await store.search(searchFor('acute lymphoblastic leukemia'))).total, 2);
          assert.deepEqual(summary?.cancerTypes, ['solid-tumours', 'breast-cancer']);
        });
        // A version newer than the code's differs too: facts are re-derived by the code's rules (here without the table).
        await place.setDerivation({ version: DERIVATION_VERSION + 1 });
        await withStore(place, {}, async (store) => {
          assert.deepEqual(await nearby(store), ['NCT09100001']);
        });
      } finally {
        await place.dispose();
      }
    });

    for (const workers of [0, 2]) {
      it(`resumes an interrupted re-derivation after the last trial it finished (${String(workers)} workers)`, async () => {
        const place = await stored();
        const options = { ...WITH_TABLE, workers };
        try {
          // As a re-derivation killed after committing the batch that ended with NCT09100003 leaves the database.
          await place.setDerivation({ version: DERIVATION_VERSION - 1, passVersion: DERIVATION_VERSION, passAfter: 'NCT09100003' });
          await withStore(place, options, async (store) => {
            // NCT09100003 counts as done (derived before the table was given); NCT09100007, after it, is re-derived.
            assert.deepEqual(await nearby(store), ['NCT09100001', 'NCT09100007']);
          });
          // A pass left over from another version is not resumed: the re-derivation starts again from the first trial.
          await place.setDerivation({ version: DERIVATION_VERSION - 1, passVersion: DERIVATION_VERSION + 1, passAfter: 'NCT09100005' });
          await withStore(place, options, async (store) => {
            assert.deepEqual(await nearby(store), ['NCT09100001', 'NCT09100003', 'NCT09100007']);
          });
        } finally {
          await place.dispose();
        }
      });
    }

    it('stores the same facts re-derived with worker threads as without, and as an upsert derives them', async () => {
      const trials = [...corpus(), ...placesCorpus(), lateTrial, ...Array.from({ length: 40 }, (_, n) => placedTrial(n))];
      const place = await harness.place();
      const fresh = await harness.place();
      try {
        const before = await withStore(place, {}, async (store) => {
          await store.upsertTrials(trials);
          return derivedView(store);
        });
        await place.setDerivation({ version: DERIVATION_VERSION - 1 });
        const alone = await withStore(place, { ...WITH_TABLE, workers: 0 }, derivedView);
        await place.setDerivation({ version: DERIVATION_VERSION - 1 });
        const withWorkers = await withStore(place, { ...WITH_TABLE, workers: 2 }, derivedView);
        assert.deepEqual(withWorkers, alone);
        // Given the postcode table, the re-derivation changed what is stored.
        assert.notDeepEqual(alone, before);
        const upserted = await withStore(fresh, WITH_TABLE, async (store) => {
          await store.upsertTrials(trials);
          return derivedView(store);
        });
        assert.deepEqual(withWorkers, upserted);
      } finally {
        await place.dispose();
        await fresh.dispose();
      }
    });
  });
}
