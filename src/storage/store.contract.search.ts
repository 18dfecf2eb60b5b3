/**
 * The search half of the store contract: filters, facets, sort orders, paging and full text.
 * Registered by runStoreContract; `open` returns a new, empty store on every call.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { InvalidInput } from '../domain/errors.ts';
import { EMPTY_QUERY, MAX_PAGE_SIZE, type FacetName, type StoreQuery, type TrialSummary } from '../domain/query.ts';
import { expandQuery, fromTextQuery, type ExpandedTextQuery } from '../domain/query-expansion.ts';
import { parseTextQuery } from '../domain/search-text.ts';
import type { Trial } from '../domain/trial.ts';
import { conceptById } from '../domain/vocab/concept-index.ts';
import { conceptSearchPhrases } from '../domain/vocab/concept-tokens.ts';
import type { TrialStore } from './store.ts';
import { buildTrial, corpus, syntheticTrial } from './test-trials.ts';

/** A store query with no filters but those given. */
export function storeQuery(overrides: Partial<StoreQuery> = {}): StoreQuery {
  // A postcode is the search layer's to resolve: a store sees only the point it stands for (`near`).
  const { q, postcode, ...rest } = EMPTY_QUERY;
  assert.equal(postcode, null, 'the empty query names no place');
  return { ...rest, text: plainText(q), near: null, pageSize: MAX_PAGE_SIZE, ...overrides };
}

/** Words as typed, without synonyms: every word (or quoted phrase) must match as written. */
export function plainText(raw: string | null): ExpandedTextQuery | null {
  const parsed = raw === null ? null : parseTextQuery(raw);
  return parsed === null ? null : fromTextQuery(parsed);
}

/** A query for text as a user would type it, words as written (no synonyms). */
export function searchFor(raw: string, overrides: Partial<StoreQuery> = {}): StoreQuery {
  return storeQuery({ text: plainText(raw), ...overrides });
}

/** A query for text as the search layer sends it: expanded with synonyms, abbreviations and drug names. */
export function expandedSearchFor(raw: string, overrides: Partial<StoreQuery> = {}): StoreQuery {
  const text = expandQuery(raw);
  return storeQuery({ text: text.clauses.length === 0 ? null : text, ...overrides });
}

/** Walks every page, with page sizes taken in turn from `sizes`; returns the ids in order and the totals seen. */
async function walk(store: TrialStore, query: StoreQuery, sizes: readonly number[] = [MAX_PAGE_SIZE]) {
  const ids: string[] = [];
  const totals = new Set<number>();
  let pageToken: string | null = null;
  for (let page = 0; ; page += 1) {
    const result = await store.search({ ...query, pageSize: sizes[page % sizes.length] ?? MAX_PAGE_SIZE, pageToken });
    ids.push(...result.trials.map((trial: TrialSummary) => trial.id));
    totals.add(result.total);
    pageToken = result.nextPageToken;
    if (pageToken === null) return { ids, totals };
    assert.ok(page < 10_000, 'paging does not end');
  }
}

async function idsOf(store: TrialStore, query: StoreQuery): Promise<string[]> {
  const { ids, totals } = await walk(store, query);
  assert.deepEqual([...totals], [ids.length], 'total equals the number of trials paged through');
  return [...ids].sort();
}

/** The 'updated' order: last update newest first (partial dates at the start of their period), undated last, then id. */
function updatedOrder(trials: readonly Trial[]): string[] {
  const key = (trial: Trial): string => {
    const date = trial.dates.lastUpdate;
    if (date === null) return '';
    const [y = '', m = '01', d = '01'] = date.split('-');
    return `${y}-${m}-${d}`;
  };
  return [...trials]
    .sort((a, b) => (key(a) !== key(b) ? (key(a) > key(b) ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((trial) => trial.id);
}

export function runSearchContract(open: () => Promise<TrialStore>): void {
  describe('filters', () => {
    let store: TrialStore;
    before(async () => {
      store = await open();
      await store.upsertTrials(corpus());
    });
    after(() => store.close());

    const expect = async (query: Partial<StoreQuery>, ids: string[]): Promise<void> => {
      assert.deepEqual(await idsOf(store, storeQuery(query)), [...ids].sort(), JSON.stringify(query));
    };

    it('statuses, phases and study types: any of the values', async () => {
      await expect({ statuses: ['completed'] }, ['ISRCTN64515327', 'NCT01406756', 'NCT01371981']);
      await expect({ statuses: ['withdrawn', 'not-yet-recruiting'] }, ['NCT09000004', 'NCT09000001']);
      await expect({ phases: ['1'] }, ['NCT09000004']);
      await expect({ phases: ['early-1', '2'] }, ['NCT09000004', 'NCT09000001']);
      await expect({ studyTypes: ['observational'] }, ['NCT09000002', 'NCT09000003']);
    });

    it('conditions: the words as a phrase in the conditions, British or American spelling', async () => {
      const all = ['NCT02101853', 'NCT03914625', 'ISRCTN64515327', 'NCT01406756'];
      await expect({ conditions: ['acute lymphoblastic leukaemia'] }, all);
      await expect({ conditions: ['Acute Lymphoblastic Leukemia'] }, all);
      await expect({ conditions: ['lymphoblastic acute'] }, []);
      // Mentioned only in the eligibility criteria of NCT09000002: not one of its conditions.
      await expect({ conditions: ['glioblastoma'] }, ['NCT09000001']);
      await expect({ conditions: ['down syndrome', 'prostate cancer'] }, ['NCT02101853', 'NCT03914625', 'NCT02446405']);
      await expect({ conditions: ['!!!'] }, []);
    });

    it('interventions: names and other names', async () => {
      await expect({ interventions: ['Blincyto'] }, ['NCT02101853', 'NCT03914625']);
      await expect({ interventions: ['6-MP'] }, ['ISRCTN64515327']);
      await expect({ interventions: ['sorafenib tosylate', 'olaparib'] }, ['NCT01371981', 'NCT02032823']);
    });

    it('countries: canonical names, any case', async () => {
      await expect({ countries: ['united kingdom'] }, ['ISRCTN64515327', 'NCT02032823', 'NCT02446405', 'NCT09000002']);
      await expect({ countries: ['Spain', 'New Zealand'] }, ['NCT09000004', 'NCT03914625']);
    });

    it('age: inside the bounds, a whole-year maximum admitting the whole year', async () => {
      const children = ['NCT02101853', 'NCT03914625', 'ISRCTN64515327', 'NCT01406756', 'NCT01371981'];
      await expect({ age: 17.9 }, [...children, 'NCT09000003']);
      await expect({ age: 18 }, [...children, 'NCT02032823', 'NCT02446405', 'NCT09000001', 'NCT09000002']);
      await expect({ age: 0.5 }, ['NCT01371981', 'NCT09000003', 'NCT09000004']);
      await expect({ age: 0.6 }, ['NCT01371981', 'NCT09000003']);
      await expect({ age: 70.9 }, ['NCT02032823', 'NCT02446405', 'NCT09000001', 'NCT09000002']);
      await expect({ age: 71 }, ['NCT02032823', 'NCT02446405', 'NCT09000002']);
    });

    it('sex, healthy volunteers, results and last update', async () => {
      const everyone = corpus().map((trial) => trial.id);
      await expect({ sex: 'female' }, everyone.filter((id) => id !== 'NCT02446405'));
      await expect({ sex: 'male' }, everyone.filter((id) => id !== 'NCT02032823'));
      await expect({ healthyVolunteers: true }, ['NCT09000003']);
      await expect({ healthyVolunteers: false }, everyone.filter((id) => id !== 'NCT09000003'));
      await expect({ hasResults: true }, ['NCT02101853', 'NCT01406756', 'NCT01371981', 'NCT02032823']);
      await expect({ updatedSince: '2025-01-01' }, ['NCT03914625', 'NCT02032823', 'NCT09000001', 'NCT09000002']);
      await expect({ updatedSince: '2024-01-01' }, [
        ...['NCT03914625', 'NCT02032823', 'NCT09000001', 'NCT09000002'],
        ...['NCT02101853', 'NCT01406756', 'NCT09000003'],
      ]);
    });

    it('text and several filters together', async () => {
      await expect({ text: plainText('blinatumomab') }, ['NCT02101853', 'NCT03914625']);
      await expect({ text: plainText('"acute myeloid"') }, ['NCT01371981']);
      await expect({ statuses: ['completed'], hasResults: true }, ['NCT01406756', 'NCT01371981']);
      await expect({ text: plainText('leukemia'), countries: ['Canada'], age: 30.5 }, ['NCT02101853', 'NCT01406756']);
    });
  });

  describe('facets', () => {
    let store: TrialStore;
    before(async () => {
      store = await open();
      await store.upsertTrials([...corpus(), ...Array.from({ length: 150 }, (_, n) => syntheticTrial(n))]);
    });
    after(() => store.close());

    const bases: Partial<StoreQuery>[] = [
      {},
      { text: plainText('leukemia') },
      { statuses: ['completed', 'recruiting'], countries: ['United States'] },
      { age: 20, phases: ['3'], sex: 'female' },
    ];

    /** The query that selects trials with one facet value, all other filters of the base kept. */
    const selecting = (facet: FacetName, value: string): Partial<StoreQuery> | null => {
      switch (facet) {
        case 'status':
          return { statuses: [value as StoreQuery['statuses'][number]] };
        case 'phase':
          return { phases: [value as StoreQuery['phases'][number]] };
        case 'studyType':
          return { studyTypes: [value as StoreQuery['studyTypes'][number]] };
        case 'condition':
          return { conditions: [value] };
        case 'intervention':
          return { interventions: [value] };
        case 'country':
          return { countries: [value] };
        case 'hasResults':
          return { hasResults: value === 'true' };
        case 'cancerType':
          return { cancerTypes: [value] };
        case 'treatment':
          return { treatments: [value as StoreQuery['treatments'][number]] };
        case 'ageGroup':
          return { ageGroups: [value as StoreQuery['ageGroups'][number]] };
        case 'sex':
        case 'healthyVolunteers':
          return null; // their filters cover several values; checked below
      }
    };

    it('each count equals the total of the search for that value (disjunctive)', async () => {
      for (const base of bases) {
        const facets = await store.facets(storeQuery(base));
        for (const [facet, counts] of Object.entries(facets) as [FacetName, typeof facets.status][]) {
          for (const { value, count } of counts) {
            const filter = selecting(facet, value);
            if (filter === null) continue;
            const { total } = await store.search(storeQuery({ ...base, ...filter, pageSize: 1 }));
            const label = `${facet}=${value} with ${JSON.stringify(base)}`;
            // A condition or intervention filter matches the words anywhere in the field, so it may find more
            // trials than list that exact term.
            if (facet === 'condition' || facet === 'intervention') assert.ok(total >= count, label);
            else assert.equal(total, count, label);
          }
        }
        const count = (facet: FacetName, value: string): number =>
          facets[facet].find((entry) => entry.value === value)?.count ?? 0;
        const total = async (filter: Partial<StoreQuery>): Promise<number> =>
          (await store.search(storeQuery({ ...base, ...filter, pageSize: 1 }))).total;
        assert.equal(await total({ sex: 'female' }), count('sex', 'all') + count('sex', 'female'));
        assert.equal(await total({ sex: 'male' }), count('sex', 'all') + count('sex', 'male'));
        assert.equal(await total({ healthyVolunteers: true }), count('healthyVolunteers', 'true'));
        assert.equal(
          await total({ healthyVolunteers: false }),
          count('healthyVolunteers', 'false') + count('healthyVolunteers', 'unknown'),
        );
      }
    });

    it('counts every trial once per scalar facet, sorted by count then value, without zeros', async () => {
      const facets = await store.facets(storeQuery());
      const total = await store.count();
      for (const facet of ['status', 'studyType', 'sex', 'healthyVolunteers', 'hasResults'] as const) {
        assert.equal(facets[facet].reduce((sum, entry) => sum + entry.count, 0), total, facet);
      }
      for (const counts of Object.values(facets)) {
        assert.ok(counts.every((entry) => entry.count > 0));
        const sorted = [...counts].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
        assert.deepEqual(counts, sorted);
      }
      assert.ok(facets.condition.length <= 30 && facets.intervention.length <= 30 && facets.country.length <= 30);
    });

    it("leaves a facet's own filter out and keeps the others", async () => {
      const facets = await store.facets(storeQuery({ statuses: ['completed'], hasResults: true }));
      assert.ok(facets.status.length > 1, 'other statuses are still offered');
      const completed = (await store.search(storeQuery({ statuses: ['completed'], hasResults: true }))).total;
      assert.equal(facets.status.find((entry) => entry.value === 'completed')?.count, completed);
      assert.equal(facets.phase.reduce((max, entry) => Math.max(max, entry.count), 0) <= completed, true);
    });
  });

  describe('sort orders and paging', () => {
    let store: TrialStore;
    const trials = [...corpus(), ...Array.from({ length: 200 }, (_, n) => syntheticTrial(n))];
    before(async () => {
      store = await open();
      await store.upsertTrials(trials);
    });
    after(() => store.close());

    it("'updated': newest first, undated last, ties by id; relevance without text is the same", async () => {
      const expected = updatedOrder(trials);
      assert.deepEqual((await walk(store, storeQuery({ sort: 'updated' }))).ids, expected);
      assert.deepEqual((await walk(store, storeQuery({ sort: 'relevance' }))).ids, expected);
      const completed = trials.filter((trial) => trial.status === 'completed');
      assert.deepEqual((await walk(store, storeQuery({ sort: 'updated', statuses: ['completed'] }), [7])).ids, updatedOrder(completed));
    });

    it('walking pages of any sizes returns every match once, in order', async () => {
      const queries = [
        storeQuery({ sort: 'updated' }),
        searchFor('leukemia'),
        searchFor('imatinib', { sort: 'updated' }),
        storeQuery({ phases: ['1', '2'], sort: 'relevance' }),
      ];
      const full = await Promise.all(queries.map((query) => walk(store, query)));
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: queries.length - 1 }),
          fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }),
          async (which, sizes) => {
            const { ids, totals } = await walk(store, queries[which] ?? storeQuery(), sizes);
            assert.deepEqual(ids, full[which]?.ids);
            assert.equal(new Set(ids).size, ids.length);
            assert.deepEqual([...totals], [ids.length]);
          },
        ),
        { numRuns: 40 },
      );
    });

    it('refuses a page token from another search, or garbage', async () => {
      const first = await store.search(storeQuery({ sort: 'updated', pageSize: 5 }));
      assert.ok(first.nextPageToken !== null);
      const token = first.nextPageToken;
      // The page size may change between pages; the filters and sort may not.
      await store.search(storeQuery({ sort: 'updated', pageSize: 9, pageToken: token }));
      for (const other of [
        storeQuery({ sort: 'updated', statuses: ['recruiting'], pageToken: token }),
        storeQuery({ sort: 'relevance', pageToken: token }),
        searchFor('leukemia', { sort: 'updated', pageToken: token }),
        storeQuery({ sort: 'updated', pageToken: 'garbage' }),
        storeQuery({ sort: 'updated', pageToken: '' }),
        storeQuery({ sort: 'updated', pageToken: Buffer.from('{"f":1}').toString('base64url') }),
      ]) {
        await assert.rejects(store.search(other), (error: unknown) => error instanceof InvalidInput && error.field === 'pageToken');
      }
    });

    it('ends with a null token and counts all matches', async () => {
      const page = await store.search(searchFor('neuroblastoma', { pageSize: 100 }));
      assert.equal(page.nextPageToken, null);
      assert.equal(page.total, page.trials.length);
      assert.ok(page.total > 0);
    });
  });

  describe('full text', () => {
    let store: TrialStore;
    before(async () => {
      store = await open();
      await store.upsertTrials(corpus());
    });
    after(() => store.close());

    const found = async (raw: string): Promise<string[]> => idsOf(store, searchFor(raw));

    it('ranks a title match above an eligibility-only match', async () => {
      const page = await store.search(searchFor('glioblastoma'));
      assert.deepEqual(page.trials.map((trial) => trial.id), ['NCT09000001', 'NCT09000002']);
    });

    it('finds American spellings from British ones and back', async () => {
      const leukemia = await found('leukemia');
      assert.deepEqual(await found('leukaemia'), leukemia);
      assert.ok(leukemia.includes('ISRCTN64515327') && leukemia.includes('NCT02101853'));
      assert.deepEqual(await found('TUMOURS'), await found('tumors'));
    });

    it('treats query syntax as literal words', async () => {
      assert.deepEqual(await found('blinatumomab NOT methotrexate'), []);
      assert.deepEqual(await found('blinatumomab OR glioblastoma'), []);
      assert.deepEqual(await found('blinatumomab*'), ['NCT02101853', 'NCT03914625']);
      assert.deepEqual(await found('blin*'), []);
      assert.deepEqual(await found('title: blinatumomab'), []);
      assert.deepEqual(await found('(blinatumomab) ^methotrexate'), ['NCT02101853']);
      assert.deepEqual(await found('"myeloid acute'), []); // unbalanced: the phrase runs to the end
      assert.deepEqual(await found('"acute myeloid'), ['NCT01371981']);
    });

    it('finds a concept by any of its names, and only where a name is written (index-time concept tokens)', async () => {
      // "Blincyto" is a concept clause: matched through the concept's index token, which a document carries when it
      // holds any of the drug's names; the same trials as the drug's names searched one by one.
      const drug = conceptById('drug:blinatumomab');
      assert.ok(drug !== undefined);
      const names = conceptSearchPhrases(drug);
      const byConcept = await idsOf(store, expandedSearchFor('Blincyto'));
      const byNames = await idsOf(store, storeQuery({ text: { clauses: [{ anyOf: names, concept: null, text: '' }] } }));
      assert.deepEqual(byConcept, byNames);
      assert.deepEqual(byConcept, ['NCT02101853', 'NCT03914625'], 'the corpus names blinatumomab in two trials');
    });

    it('never throws on hostile input', async () => {
      const hostile = [
        '"', '""', '"""', "'", '(', ')', '((a)', 'AND', 'OR', 'NOT', 'NEAR', 'NEAR(a b, 2)', 'a AND OR NOT b', '*', '^', ':',
        'title:', 'conditions: leukemia', '{title summary}: x', '- leukemia', '+', 'a + b', '\\', '\u0000', '🩸🧬 leukemia 🧪',
        '𝔩𝔢𝔲𝔨𝔢𝔪𝔦𝔞', 'ǅ ß ﬁ', 'x'.repeat(10_000), 'leukemia '.repeat(1_200), '"'.repeat(5_001), `${'('.repeat(3_000)}x`,
      ];
      for (const raw of hostile) await store.search(searchFor(raw));
      // Hand-made text queries (not from parseTextQuery) are made safe too.
      const clause = (...anyOf: string[][]) => ({ anyOf, concept: null, text: '' });
      await store.search(storeQuery({ text: { clauses: [clause(['title:']), clause(['"'], ['NEAR(a', 'b)']), clause(['*']), clause([])] } }));
      await store.search(storeQuery({ conditions: ['"', 'a"b', 'NOT'], interventions: ['*', '^x'] }));
      await fc.assert(
        fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (raw) => {
          await store.search(searchFor(raw, { pageSize: 5 }));
        }),
        { numRuns: 200 },
      );
    });
  });

  describe('text matches after writes', () => {
    let store: TrialStore;
    before(async () => {
      store = await open();
      await store.upsertTrials(corpus());
    });
    after(() => store.close());

    it('never answers from matches read before a write (the recent-text cache follows the data version)', async () => {
      const query = expandedSearchFor('Gleevec');
      const added = buildTrial('NCT09999001', { briefTitle: 'STI-571 after a transplant', conditions: ['Leukemia'], dates: { lastUpdate: '2020-01-01' } });
      const before = await idsOf(store, query);
      // Read twice, ranked and not, so the matches are surely kept.
      await store.searchWithFacets(query);
      await store.facets(query);
      await store.upsertTrials([added]);
      assert.deepEqual(await idsOf(store, query), [...before, added.id].sort());
      assert.equal((await store.facets(query)).status.reduce((sum, row) => sum + row.count, 0), before.length + 1);
      // A newer record of the same trial that no longer names the drug.
      await store.upsertTrials([buildTrial(added.id, { briefTitle: 'Another drug after a transplant', conditions: ['Leukemia'], dates: { lastUpdate: '2021-01-01' } })]);
      assert.deepEqual(await idsOf(store, query), before);
    });
  });
}
