/**
 * The cancer-aware half of the store contract: cancer type, treatment and age-group filters and facets, the derived
 * fields of a summary, and free text expanded with synonyms (drug names, "ALL", "Ph+") on both backends.
 * Registered by runStoreContract; `open` returns a new, empty store on every call.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AGE_GROUPS, type AgeGroup } from '../domain/age-group.ts';
import { CANCER_TYPES } from '../domain/classify/cancer-type.ts';
import { TREATMENT_KINDS, type TreatmentKind } from '../domain/classify/treatment-kinds.ts';
import { InvalidInput } from '../domain/errors.ts';
import type { FacetName, StoreQuery } from '../domain/query.ts';
import { deriveTrialFacts } from '../domain/trial-facts.ts';
import type { Trial } from '../domain/trial.ts';
import { expandedSearchFor, plainText, searchFor, storeQuery } from './store.contract.search.ts';
import type { TrialStore } from './store.ts';
import { corpus, placesCorpus, syntheticTrial } from './test-trials.ts';

/** Every matching id, in 'updated' order (the total checked against the ids paged through). */
async function idsOf(store: TrialStore, query: StoreQuery): Promise<string[]> {
  const ids: string[] = [];
  let pageToken: string | null = null;
  for (;;) {
    const page = await store.search({ ...query, pageSize: 7, pageToken });
    ids.push(...page.trials.map((trial) => trial.id));
    pageToken = page.nextPageToken;
    if (pageToken === null) {
      assert.equal(page.total, ids.length, 'total equals the number of trials paged through');
      return ids.sort();
    }
  }
}

export function runCancerContract(open: () => Promise<TrialStore>): void {
  describe('cancer types, treatments and age groups', () => {
    let store: TrialStore;
    const trials: Trial[] = [...corpus(), ...placesCorpus(), ...Array.from({ length: 60 }, (_, n) => syntheticTrial(n))];
    // The oracle: the domain's own facts for each trial (stores open without a postcode table here).
    const facts = new Map(trials.map((trial) => [trial.id, deriveTrialFacts(trial, null)]));
    const where = (keep: (id: string) => boolean): string[] => trials.map((trial) => trial.id).filter(keep).sort();
    before(async () => {
      store = await open();
      await store.upsertTrials(trials);
    });
    after(() => store.close());

    it('cancerType: a type finds the trials of its subtypes, any of the values', async () => {
      const leukaemia = await idsOf(store, storeQuery({ cancerTypes: ['leukaemia'] }));
      // ALL trials (B-cell ALL and Ph+ ALL among them), AML trials and a generic leukaemia study.
      for (const id of ['NCT02101853', 'ISRCTN64515327', 'NCT09100001', 'NCT09100004', 'NCT01371981', 'NCT09000003']) {
        assert.ok(leukaemia.includes(id), id);
      }
      assert.ok(!leukaemia.includes('NCT02032823') && !leukaemia.includes('NCT09100005'), 'breast cancer and Hodgkin are not leukaemia');
      const all = ['ISRCTN64515327', 'NCT01406756', 'NCT02101853', 'NCT03914625', 'NCT09100001', 'NCT09100004'];
      assert.deepEqual((await idsOf(store, storeQuery({ cancerTypes: ['acute-lymphoblastic-leukaemia'] }))).filter((id) => !id.startsWith('NCT1')), all);
      assert.deepEqual(await idsOf(store, storeQuery({ cancerTypes: ['ph-positive-all'] })), ['NCT09100001']);
      const either = await idsOf(store, storeQuery({ cancerTypes: ['breast-cancer', 'prostate-cancer'] }));
      assert.deepEqual(either.filter((id) => !id.startsWith('NCT1')), ['NCT02032823', 'NCT02446405', 'NCT09100003', 'NCT09100006']);
      assert.deepEqual(await idsOf(store, storeQuery({ cancerTypes: ['no-such-type'] })), []);
    });

    it('every filter value finds exactly the trials the domain derives it for', async () => {
      for (const type of CANCER_TYPES.map((t) => t.id)) {
        const expected = where((id) => facts.get(id)?.cancerTypes.some((c) => c.id === type) === true);
        assert.deepEqual(await idsOf(store, storeQuery({ cancerTypes: [type] })), expected, type);
      }
      for (const kind of TREATMENT_KINDS) {
        const expected = where((id) => facts.get(id)?.treatments.some((t) => t.kind === kind) === true);
        assert.deepEqual(await idsOf(store, storeQuery({ treatments: [kind] })), expected, kind);
      }
      for (const group of AGE_GROUPS) {
        const expected = where((id) => facts.get(id)?.ageGroups.includes(group) === true);
        assert.deepEqual(await idsOf(store, storeQuery({ ageGroups: [group] })), expected, group);
      }
    });

    it('treatment and age group: any of the values, and with other filters', async () => {
      const kinds: TreatmentKind[] = ['car-t', 'stem-cell-transplant'];
      const groups: AgeGroup[] = ['children', 'older-adults'];
      assert.deepEqual(
        await idsOf(store, storeQuery({ treatments: kinds })),
        where((id) => facts.get(id)?.treatments.some((t) => kinds.includes(t.kind)) === true),
      );
      assert.deepEqual(
        await idsOf(store, storeQuery({ ageGroups: groups })),
        where((id) => facts.get(id)?.ageGroups.some((g) => groups.includes(g)) === true),
      );
      // The charity's "ALL for people over 60" and "ALL and stem cell transplant".
      const over60 = await idsOf(store, storeQuery({ cancerTypes: ['acute-lymphoblastic-leukaemia'], ageGroups: ['older-adults'] }));
      assert.ok(over60.includes('NCT09100001') && !over60.includes('NCT02101853'));
      const transplant = await idsOf(store, storeQuery({ cancerTypes: ['acute-lymphoblastic-leukaemia'], treatments: ['stem-cell-transplant'] }));
      assert.ok(transplant.includes('NCT09100004') && !transplant.includes('NCT09100001'));
      await assert.rejects(store.search(storeQuery({ treatments: ['magic' as TreatmentKind] })), InvalidInput);
    });

    it('summaries carry cancer types, treatments and the UK site count', async () => {
      const [summary] = (await store.search(searchFor('imatinib philadelphia', { pageSize: 1 }))).trials;
      assert.equal(summary?.id, 'NCT09100001');
      assert.deepEqual([...(summary?.cancerTypes ?? [])].sort(), ['acute-lymphoblastic-leukaemia', 'blood-cancers', 'leukaemia', 'ph-positive-all']);
      assert.deepEqual([...(summary?.treatments ?? [])].sort(), ['chemotherapy', 'targeted']);
      assert.equal(summary?.ukSiteCount, 2);
      assert.equal(summary?.nearestSite, null, 'no place searched, no nearest site');
    });

    it('facets count cancer types, treatments and age groups disjunctively, equal to the filtered totals', async () => {
      const bases: Partial<StoreQuery>[] = [
        {},
        { cancerTypes: ['leukaemia'], treatments: ['chemotherapy'] },
        { ageGroups: ['older-adults'], statuses: ['recruiting'] },
        { text: expandedSearchFor('leukaemia').text, ageGroups: ['children', 'adults'] },
      ];
      const selecting: Partial<Record<FacetName, (value: string) => Partial<StoreQuery>>> = {
        cancerType: (value) => ({ cancerTypes: [value] }),
        treatment: (value) => ({ treatments: [value as TreatmentKind] }),
        ageGroup: (value) => ({ ageGroups: [value as AgeGroup] }),
      };
      for (const base of bases) {
        const facets = await store.facets(storeQuery(base));
        for (const [facet, select] of Object.entries(selecting) as [FacetName, (value: string) => Partial<StoreQuery>][]) {
          assert.ok(facets[facet].length > 0, `${facet} offers values with ${JSON.stringify(base)}`);
          for (const { value, count } of facets[facet]) {
            const { total } = await store.search(storeQuery({ ...base, ...select(value), pageSize: 1 }));
            assert.equal(total, count, `${facet}=${value} with ${JSON.stringify(base)}`);
          }
        }
      }
      const everything = await store.facets(storeQuery());
      const count = (value: string): number => everything.cancerType.find((entry) => entry.value === value)?.count ?? 0;
      assert.ok(count('leukaemia') >= count('acute-lymphoblastic-leukaemia') + count('acute-myeloid-leukaemia'));
      assert.equal(everything.ageGroup.find((entry) => entry.value === 'children')?.count, (await store.search(storeQuery({ ageGroups: ['children'], pageSize: 1 }))).total);
    });
  });

  describe('free text with synonyms', () => {
    let store: TrialStore;
    before(async () => {
      store = await open();
      await store.upsertTrials([...corpus(), ...placesCorpus()]);
    });
    after(() => store.close());

    const found = (raw: string): Promise<string[]> => idsOf(store, expandedSearchFor(raw));

    it('finds a drug by its brand and code names', async () => {
      assert.deepEqual(await found('Gleevec'), ['NCT09100001']);
      assert.deepEqual(await found('STI571'), ['NCT09100001']);
      assert.deepEqual(await idsOf(store, searchFor('Gleevec')), [], 'words as written do not know the brand name');
    });

    it('matches any clause of a long description, ranking the trial that matches most first', async () => {
      const words = 'imatinib philadelphia zzzunknownword qqqnothing';
      const all = plainText(words);
      assert.ok(all !== null);
      assert.deepEqual(await idsOf(store, storeQuery({ text: all })), [], 'every word must match by default');
      const any = await idsOf(store, storeQuery({ text: { ...all, match: 'any' } }));
      assert.equal(any[0], 'NCT09100001', 'the trial naming both imatinib and Philadelphia ranks first');
      const imatinibOnly = await idsOf(store, searchFor('imatinib'));
      for (const id of imatinibOnly) assert.ok(any.includes(id), `${id} names imatinib, one of the clauses`);
      const page = await store.search(storeQuery({ text: { ...all, match: 'any' }, pageSize: 1 }));
      assert.equal(page.total, any.length);
      const both = plainText('imatinib leukemia');
      assert.ok(both !== null);
      const anyPage = await store.search(storeQuery({ text: { ...both, match: 'any' }, pageSize: 1 }));
      assert.ok(anyPage.nextPageToken !== null);
      await assert.rejects(
        store.search(storeQuery({ text: both, pageSize: 1, pageToken: anyPage.nextPageToken })),
        InvalidInput,
        'a token from the any-of search does not continue the every-word search',
      );
    });

    it('reads "ALL" as acute lymphoblastic leukaemia, and finds records that only say "Ph+ ALL"', async () => {
      const all = await found('ALL');
      for (const id of ['NCT02101853', 'NCT03914625', 'ISRCTN64515327', 'NCT01406756', 'NCT09100004', 'NCT09100001']) {
        assert.ok(all.includes(id), id);
      }
      assert.ok(!all.includes('NCT01371981'), 'AML is not ALL');
      // NCT09100001 never writes the words out: the index holds them for its capitalised "ALL".
      assert.ok((await idsOf(store, searchFor('acute lymphoblastic leukemia'))).includes('NCT09100001'));
      assert.deepEqual(await found('Ph+ ALL'), ['NCT09100001']);
      assert.ok((await found('philadelphia chromosome positive')).includes('NCT09100001'));
    });

    it('ranks, pages and counts expanded queries like any other', async () => {
      const query = expandedSearchFor('ALL chemotherapy');
      const page = await store.search({ ...query, pageSize: 2 });
      assert.ok(page.total >= 2 && page.nextPageToken !== null);
      assert.deepEqual(await idsOf(store, query), (await idsOf(store, { ...query, sort: 'updated' })));
    });
  });
}
