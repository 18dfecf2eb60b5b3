/**
 * The place half of the store contract: trials within N miles of a point, the distance sort, the nearest open site
 * each result shows, and paging over distance order. UK sites are placed by registry coordinates or, through a small
 * injected postcode table, by their postcode district. The expected answers come from the domain's own geo
 * functions (geocodeSites, nearestSite), so the contract checks the stores against an independent oracle.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { InvalidInput } from '../domain/errors.ts';
import { geocodeSites, nearestSite, type GeoPoint } from '../domain/geo.ts';
import type { PostcodeTable } from '../domain/postcode.ts';
import type { StoreQuery, TrialSummary } from '../domain/query.ts';
import type { Trial } from '../domain/trial.ts';
import type { StoreHarness } from './store.contract.ts';
import { searchFor, storeQuery } from './store.contract.search.ts';
import type { TrialStore } from './store.ts';
import { corpus, HOSPITALS, MANCHESTER, placedTrial, placesCorpus, TEST_POSTCODES } from './test-trials.ts';

/** The domain's answer: miles to the trial's nearest open site, null when none can be placed. */
function nearestMiles(trial: Trial, near: GeoPoint, postcodes: PostcodeTable | null): number | null {
  const sites = postcodes === null ? trial.sites : geocodeSites(trial.sites, postcodes);
  return nearestSite(sites, near, { openOnly: true })?.miles ?? null;
}

/** The distance order by the oracle: nearest first, unplaceable last, then id. */
function distanceOrder(trials: readonly Trial[], near: GeoPoint, postcodes: PostcodeTable | null, within: number | null = null): string[] {
  const keyed = trials
    .map((trial) => ({ id: trial.id, miles: nearestMiles(trial, near, postcodes) }))
    .filter((entry) => within === null || (entry.miles !== null && entry.miles <= within));
  const rank = (miles: number | null): number => miles ?? Number.POSITIVE_INFINITY;
  return keyed
    .sort((a, b) => rank(a.miles) - rank(b.miles) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((entry) => entry.id);
}

/** Every page in turn, page sizes taken from `sizes`; the ids, every summary, and the totals seen. */
async function walk(store: TrialStore, query: StoreQuery, sizes: readonly number[] = [100]) {
  const trials: TrialSummary[] = [];
  const totals = new Set<number>();
  let pageToken: string | null = null;
  for (let page = 0; ; page += 1) {
    const result = await store.search({ ...query, pageSize: sizes[page % sizes.length] ?? 100, pageToken });
    trials.push(...result.trials);
    totals.add(result.total);
    pageToken = result.nextPageToken;
    if (pageToken === null) return { ids: trials.map((trial) => trial.id), trials, totals: [...totals] };
    assert.ok(page < 10_000, 'paging does not end');
  }
}

const near = (overrides: Partial<StoreQuery> = {}): StoreQuery => storeQuery({ near: MANCHESTER, ...overrides });

export function runPlacesContract(harness: StoreHarness): void {
  describe('trials near a place', () => {
    let store: TrialStore;
    const trials = [...corpus(), ...placesCorpus()];
    before(async () => {
      store = await harness.open({ postcodes: TEST_POSTCODES });
      await store.upsertTrials(trials);
    });
    after(() => store.close());

    it('within N miles: trials with an open site that near, placed by coordinates or by postcode district', async () => {
      assert.deepEqual((await walk(store, near({ withinMiles: 10 }))).ids.sort(), ['NCT09100001', 'NCT09100003']);
      for (const miles of [0, 3, 10, 100, 170, 200, 1000]) {
        const { ids, totals } = await walk(store, near({ withinMiles: miles, sort: 'distance' }));
        assert.deepEqual(ids, distanceOrder(trials, MANCHESTER, TEST_POSTCODES, miles), `${miles} miles`);
        assert.deepEqual(totals, [ids.length]);
      }
      // A closed site nearer than the radius does not count: NCT09100002 closed in Manchester, NCT09100006 everywhere.
      const within200 = (await walk(store, near({ withinMiles: 200 }))).ids;
      assert.ok(within200.includes('NCT09100002') && !within200.includes('NCT09100006'));
      assert.ok(!(await walk(store, near({ withinMiles: 150 }))).ids.includes('NCT09100002'));
    });

    it('sorts by the nearest open site, trials with no placeable open site last, then by id', async () => {
      const { ids } = await walk(store, near({ sort: 'distance' }));
      assert.deepEqual(ids, distanceOrder(trials, MANCHESTER, TEST_POSTCODES));
      assert.deepEqual(ids.slice(0, 4), ['NCT09100001', 'NCT09100003', 'NCT09100004', 'NCT09100002']);
      const unplaced = trials.map((trial) => trial.id).filter((id) => !ids.slice(0, 4).includes(id)).sort();
      assert.deepEqual(ids.slice(4), unplaced);
      // With other filters and text too.
      assert.deepEqual((await walk(store, searchFor('leukaemia', { near: MANCHESTER, sort: 'distance' }))).ids.slice(0, 3), [
        'NCT09100001',
        'NCT09100004',
        'NCT09100002',
      ]);
    });

    it('shows each result its nearest open site: a closed nearer site loses, a postcode-placed one is approximate', async () => {
      const { trials: found } = await walk(store, near({ sort: 'distance' }));
      const byId = new Map(found.map((summary) => [summary.id, summary.nearestSite]));
      const miles = (to: GeoPoint): number => Math.round(nearestSite([{ status: null, latitude: to.lat, longitude: to.lon }], MANCHESTER, { openOnly: true })!.miles * 10) / 10;
      assert.deepEqual(byId.get('NCT09100001'), {
        facility: 'The Christie',
        city: 'Manchester',
        country: 'United Kingdom',
        status: 'recruiting',
        miles: miles(HOSPITALS.christie.at),
        approximate: false,
      });
      // Manchester Royal Infirmary is nearer but completed: Glasgow is the nearest open site.
      assert.equal(byId.get('NCT09100002')?.facility, HOSPITALS.beatson.facility);
      assert.equal(byId.get('NCT09100002')?.miles, miles(HOSPITALS.beatson.at));
      assert.ok((byId.get('NCT09100002')?.miles ?? 0) > 150);
      const district = TEST_POSTCODES.get('M20')!;
      assert.deepEqual(byId.get('NCT09100003'), {
        facility: 'The Christie',
        city: 'Manchester',
        country: 'United Kingdom',
        status: null,
        miles: miles(district),
        approximate: true,
      });
      for (const id of ['NCT09100005', 'NCT09100006', 'NCT02101853']) assert.equal(byId.get(id), null, id);
      // Any order fills it once a place is searched; none without one.
      const ranked = await store.search(searchFor('imatinib', { near: MANCHESTER }));
      assert.equal(ranked.trials[0]?.nearestSite?.facility, 'The Christie');
      const updated = await store.search(storeQuery({ sort: 'updated', near: HOSPITALS.uclh.at, withinMiles: 1 }));
      assert.deepEqual(updated.trials.map((t) => [t.id, t.nearestSite?.miles]), [['NCT09100001', 0]]);
      assert.ok((await store.search(storeQuery())).trials.every((trial) => trial.nearestSite === null));
    });

    it("without a place, 'distance' sorts as relevance does; a bad radius is refused", async () => {
      assert.deepEqual((await walk(store, storeQuery({ sort: 'distance' }))).ids, (await walk(store, storeQuery({ sort: 'relevance' }))).ids);
      assert.deepEqual(
        (await walk(store, searchFor('leukaemia', { sort: 'distance' }))).ids,
        (await walk(store, searchFor('leukaemia'))).ids,
      );
      await assert.rejects(store.search(near({ withinMiles: -1 })), InvalidInput);
      await assert.rejects(store.search(near({ withinMiles: Number.NaN })), InvalidInput);
    });

    it('facets count within the radius, equal to the filtered totals', async () => {
      const query = near({ withinMiles: 200 });
      const facets = await store.facets(query);
      const { total } = await store.search(query);
      assert.equal(total, 4);
      assert.equal(facets.hasResults.reduce((sum, entry) => sum + entry.count, 0), total);
      for (const { value, count } of facets.cancerType) {
        assert.equal((await store.search({ ...query, cancerTypes: [value] })).total, count, value);
      }
      for (const { value, count } of facets.status) {
        assert.equal((await store.search({ ...query, statuses: [value as StoreQuery['statuses'][number]] })).total, count, value);
      }
    });
  });

  describe('sites without the postcode table', () => {
    it('places only sites with registry coordinates', async () => {
      const store = await harness.open();
      try {
        await store.upsertTrials(placesCorpus());
        assert.deepEqual((await walk(store, near({ withinMiles: 10 }))).ids, ['NCT09100001']);
        const { ids } = await walk(store, near({ sort: 'distance' }));
        assert.deepEqual(ids, distanceOrder(placesCorpus(), MANCHESTER, null));
        assert.equal((await store.search(searchFor('exercise', { near: MANCHESTER }))).trials[0]?.nearestSite, null);
      } finally {
        await store.close();
      }
    });
  });

  describe('paging over distance order', () => {
    let store: TrialStore;
    const trials = [...placesCorpus(), ...Array.from({ length: 150 }, (_, n) => placedTrial(n))];
    before(async () => {
      store = await harness.open({ postcodes: TEST_POSTCODES });
      await store.upsertTrials(trials);
    });
    after(() => store.close());

    it('returns every match once, in order, for pages of any sizes; ties in distance go by id', async () => {
      const queries = [near({ sort: 'distance' }), near({ sort: 'distance', withinMiles: 120 }), storeQuery({ near: HOSPITALS.beatson.at, sort: 'distance' })];
      const expected = [
        distanceOrder(trials, MANCHESTER, TEST_POSTCODES),
        distanceOrder(trials, MANCHESTER, TEST_POSTCODES, 120),
        distanceOrder(trials, HOSPITALS.beatson.at, TEST_POSTCODES),
      ];
      for (const [k, query] of queries.entries()) assert.deepEqual((await walk(store, query)).ids, expected[k]);
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: queries.length - 1 }),
          fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 4 }),
          async (which, sizes) => {
            const { ids, totals } = await walk(store, queries[which] ?? near(), sizes);
            assert.deepEqual(ids, expected[which]);
            assert.deepEqual(totals, [ids.length]);
          },
        ),
        { numRuns: 25 },
      );
    });

    it('refuses a token made for another place or radius', async () => {
      const first = await store.search(near({ sort: 'distance', pageSize: 5 }));
      assert.ok(first.nextPageToken !== null);
      for (const other of [
        storeQuery({ near: HOSPITALS.guys.at, sort: 'distance' }),
        near({ sort: 'distance', withinMiles: 50 }),
        near({ sort: 'updated' }),
      ]) {
        await assert.rejects(
          store.search({ ...other, pageToken: first.nextPageToken }),
          (error: unknown) => error instanceof InvalidInput && error.field === 'pageToken',
        );
      }
    });
  });
}
