/**
 * The JSON API end to end through `inject()` (no socket), on each real store (SQLite, and PostgreSQL when
 * TEST_DATABASE_URL is set) holding the contract corpus and trials with placed UK sites, with the bundled postcode
 * table. What needs no real search (exact StoreQuery, failures, logs, OpenAPI) is in api.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { storeBackends } from '../../test/support/backends.ts';
import type { PostcodeTable } from '../domain/postcode.ts';
import { FACETS } from '../domain/query.ts';
import { registryId } from '../domain/registry-id.ts';
import { OPEN_STATUSES } from '../domain/trial.ts';
import { loadPostcodeTable } from '../ingest/postcode-table.read.ts';
import type { TrialStore } from '../storage/store.ts';
import { buildTrial, corpus, intervention, placedSite, site } from '../storage/test-trials.ts';
import { TOPICS } from '../search/topics.ts';
import { errorSchema } from './api/error.schema.ts';
import { facetsResultSchema, searchResultSchema, topicsSchema, trialSchema } from './api/response.schema.ts';
import { MAX_URL_LENGTH } from './request-guard.ts';
import { buildServer } from './server.ts';

/** Invented ids: a trial known by an NCI id as well as its NCT id. */
const NCI_TRIAL = buildTrial('NCT09100001', {
  ids: [registryId('NCT09100001'), registryId('NCI-2099-00001')],
  briefTitle: 'Ponatinib and Blinatumomab for Philadelphia Chromosome-Positive Acute Lymphoblastic Leukemia',
  conditions: ['Philadelphia Chromosome Positive', 'B Acute Lymphoblastic Leukemia'],
  interventions: [intervention('Ponatinib', ['Iclusig']), intervention('Blinatumomab', ['Blincyto'], 'biological')],
  phases: ['2'],
  status: 'recruiting',
  eligibility: { minAgeYears: 18, healthyVolunteers: false },
  sites: [site('United States', 'Houston')],
  dates: { lastUpdate: '2025-10-01' },
});
/** Ph+ ALL at Leeds (open), Manchester (closed) and London (open), with registry coordinates. */
const PLACED = buildTrial('NCT09200001', {
  briefTitle: 'Ponatinib With Chemotherapy in Philadelphia Chromosome Positive Acute Lymphoblastic Leukaemia',
  conditions: ['Philadelphia Chromosome Positive Acute Lymphoblastic Leukaemia'],
  interventions: [intervention('Ponatinib'), intervention('Vincristine')],
  status: 'recruiting',
  eligibility: { minAgeYears: 60, healthyVolunteers: false },
  sites: [
    placedSite({ facility: "St James's University Hospital", city: 'Leeds', at: { lat: 53.8066, lon: -1.5198 }, status: 'recruiting' }),
    placedSite({ facility: 'The Christie', city: 'Manchester', at: { lat: 53.4293, lon: -2.2296 }, status: 'completed' }),
    placedSite({ facility: 'University College Hospital', city: 'London', at: { lat: 51.5246, lon: -0.1357 }, status: 'recruiting' }),
  ],
});
/** One Edinburgh site known only by its postcode: the store places it at the EH4 district's centre. */
const BY_POSTCODE = buildTrial('NCT09200002', {
  briefTitle: 'Exercise for Fatigue After Treatment for Breast Cancer',
  conditions: ['Breast Cancer'],
  status: 'recruiting',
  sites: [placedSite({ facility: 'Western General Hospital', city: 'Edinburgh', postcode: 'EH4 2XU', status: 'recruiting' })],
});
const TRIALS = [...corpus(), NCI_TRIAL, PLACED, BY_POSTCODE];

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cache-control': 'no-store',
} as const;

function assertSecurityHeaders(response: LightMyRequestResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) assert.equal(response.headers[name], value, name);
}

/** Asserts an error response: its status, JSON body in our shape, code, and (when given) the field. */
function assertError(response: LightMyRequestResponse, status: number, code: string, field?: string): string {
  assert.equal(response.statusCode, status, response.body);
  assert.match(String(response.headers['content-type']), /^application\/json/);
  const body = errorSchema.parse(response.json());
  assert.equal(body.error.code, code);
  if (field !== undefined) {
    assert.equal(body.error.field, field);
    assert.match(body.error.message, new RegExp(field));
  }
  assertSecurityHeaders(response);
  return body.error.message;
}

const ids = (response: LightMyRequestResponse): string[] => searchResultSchema.parse(response.json()).trials.map((trial) => trial.id);

for (const backend of storeBackends()) {
  describe(`JSON API on the ${backend.name} store`, () => {
    let store: TrialStore;
    let app: FastifyInstance;
    let postcodes: PostcodeTable;

    before(async () => {
      postcodes = await loadPostcodeTable();
      store = await backend.open({ postcodes });
      await store.upsertTrials(TRIALS);
      app = await buildServer({ store, postcodes, version: '1.2.3' });
    });
    after(async () => {
      await app.close();
      await store.close();
    });

    describe('GET /api/trials', () => {
      it('searches free text and returns the documented shape with every facet', async () => {
        const response = await app.inject({ url: '/api/trials?q=blinatumomab' });
        assert.equal(response.statusCode, 200, response.body);
        const body = searchResultSchema.parse(response.json());
        assert.deepEqual(new Set(body.trials.map((trial) => trial.id)), new Set(['NCT02101853', 'NCT03914625', 'NCT09100001']));
        assert.equal(body.total, 3);
        assert.equal(body.nextPageToken, null);
        assert.deepEqual(Object.keys(body.facets).sort(), [...FACETS].sort());
        assert.ok(body.facets.phase.some((count) => count.value === '3' && count.count === 2));
        assertSecurityHeaders(response);
      });

      it('widens status=recruiting to trials not yet recruiting', async () => {
        const expected = TRIALS.filter((trial) => OPEN_STATUSES.includes(trial.status)).map((trial) => trial.id);
        assert.ok(expected.some((id) => TRIALS.find((trial) => trial.id === id)?.status === 'not-yet-recruiting'));
        const found = ids(await app.inject({ url: '/api/trials?status=recruiting&pageSize=100' }));
        assert.deepEqual(new Set(found), new Set(expected));
      });

      it('filters by sex, age, phase and results through the store', async () => {
        const female = ids(await app.inject({ url: '/api/trials?sex=female&pageSize=100' }));
        assert.ok(female.includes('NCT02032823'));
        assert.ok(!female.includes('NCT02446405'));
        const infants = ids(await app.inject({ url: '/api/trials?age=0.25&phase=EARLY_PHASE1' }));
        assert.deepEqual(infants, ['NCT09000004']);
        const withResults = ids(await app.inject({ url: '/api/trials?hasResults=yes&pageSize=100' }));
        assert.deepEqual(new Set(withResults), new Set(TRIALS.filter((trial) => trial.hasResults).map((trial) => trial.id)));
      });

      it('pages with nextPageToken, and refuses a garbage token', async () => {
        const first = searchResultSchema.parse((await app.inject({ url: '/api/trials?pageSize=2&sort=updated' })).json());
        assert.equal(first.trials.length, 2);
        assert.equal(first.total, TRIALS.length);
        assert.ok(first.nextPageToken !== null);
        const next = await app.inject({ url: '/api/trials', query: { pageSize: '2', sort: 'updated', pageToken: first.nextPageToken } });
        const second = searchResultSchema.parse(next.json());
        assert.equal(second.trials.length, 2);
        assert.ok(second.trials.every((trial) => !first.trials.some((seen) => seen.id === trial.id)));

        assertError(await app.inject({ url: '/api/trials?pageToken=garbage' }), 400, 'invalid_input', 'pageToken');
        assertError(await app.inject({ url: '/api/trials?pageToken=%F0%9F%A9%B8' }), 400, 'invalid_input', 'pageToken');
      });

      it('answers age=abc with 400 naming age', async () => {
        const message = assertError(await app.inject({ url: '/api/trials?age=abc' }), 400, 'invalid_input', 'age');
        assert.match(message, /age must be a number of years/);
      });

      it('refuses an unknown parameter rather than returning everything', async () => {
        const message = assertError(await app.inject({ url: '/api/trials?staus=recruiting' }), 400, 'invalid_input', 'staus');
        assert.match(message, /Unknown parameter/);
      });

      it('answers hostile free text with 200, never a query-language error', async () => {
        const hostile = [
          '"unclosed phrase',
          'leukaemia NEAR(acute lymphoblastic, 3)',
          'a OR b AND NOT c*',
          '^title:imatinib',
          "'; DROP TABLE trials; --",
          '🩸🧬 ALL',
          '"" "" ""',
          '((( ))) {} [] - + : * ^',
          'NUL \u0000 byte',
        ];
        const fill = 'acute lymphoblastic leukaemia ';
        let long = `${hostile.join(' ')} `;
        while (Array.from(long).length < 4000) long += fill;
        long = Array.from(long).slice(0, 4000).join('');
        for (const q of [...hostile, long]) {
          const response = await app.inject({ url: `/api/trials?${new URLSearchParams({ q }).toString()}` });
          assert.equal(response.statusCode, 200, `${q.slice(0, 40)}: ${response.body}`);
          searchResultSchema.parse(response.json());
        }
      });

      it('never answers arbitrary free text with a server error', async () => {
        const text = fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.string({ unit: fc.constantFrom(' ', '"', '*', '(', ')', ':', '^', '-', 'OR', 'NEAR', 'AND', 'leukaemia', '🩸'), maxLength: 30 }),
        );
        await fc.assert(
          fc.asyncProperty(text, async (q) => {
            const response = await app.inject({ url: `/api/trials?${new URLSearchParams({ q }).toString()}` });
            assert.equal(response.statusCode, 200, `${JSON.stringify(q)}: ${response.body}`);
          }),
          { numRuns: 300 },
        );
      });

      it('refuses a 5,000-character q with 400 naming q', async () => {
        assertError(await app.inject({ url: `/api/trials?q=${'a'.repeat(5000)}` }), 400, 'invalid_input', 'q');
      });

      it(`refuses a URL over ${MAX_URL_LENGTH} characters with 414`, async () => {
        const message = assertError(await app.inject({ url: `/api/trials?q=${'a'.repeat(MAX_URL_LENGTH)}` }), 414, 'invalid_input');
        assert.match(message, /URL is longer/);
      });

      it('answers malformed percent-encoding with 400, in the query string and in the path', async () => {
        assertError(await app.inject({ url: '/api/trials?q=%E0%A4%A' }), 400, 'invalid_input');
        assertError(await app.inject({ url: '/api/trials?q=100%' }), 400, 'invalid_input');
        assertError(await app.inject({ url: '/api/trials/%E0%A4%A' }), 400, 'invalid_input');
      });
    });

    describe('GET /api/facets', () => {
      it('returns the total and facets for the same parameters as a search', async () => {
        const response = await app.inject({ url: '/api/facets?status=recruiting&studyType=interventional' });
        assert.equal(response.statusCode, 200, response.body);
        const facets = facetsResultSchema.parse(response.json());
        const search = searchResultSchema.parse((await app.inject({ url: '/api/trials?status=recruiting&studyType=interventional' })).json());
        assert.equal(facets.total, search.total);
        assert.deepEqual(facets.facets, search.facets);
        assertError(await app.inject({ url: '/api/facets?phase=7' }), 400, 'invalid_input', 'phase');
      });
    });

    describe('GET /api/trials/:id', () => {
      it('returns the full trial by any registry id, in any case', async () => {
        for (const [id, primary] of [
          ['nct02101853', 'NCT02101853'],
          ['ISRCTN64515327', 'ISRCTN64515327'],
          ['isrctn64515327', 'ISRCTN64515327'],
          ['2010-020924-22', 'ISRCTN64515327'],
          ['NCI-2099-00001', 'NCT09100001'],
          ['nci-2099-00001', 'NCT09100001'],
        ] as const) {
          const response = await app.inject({ url: `/api/trials/${id}` });
          assert.equal(response.statusCode, 200, `${id}: ${response.body}`);
          const trial = trialSchema.parse(response.json());
          assert.equal(trial.id, primary);
          assertSecurityHeaders(response);
        }
        const full = trialSchema.parse((await app.inject({ url: '/api/trials/NCT09100001' })).json());
        assert.deepEqual(full, JSON.parse(JSON.stringify(NCI_TRIAL)));
      });

      it('answers an unknown id with a 404 in our JSON shape', async () => {
        const message = assertError(await app.inject({ url: '/api/trials/NCT00000000' }), 404, 'not_found');
        assert.match(message, /NCT00000000/);
      });

      it('answers an over-long id with a clear error, not a crash', async () => {
        assertError(await app.inject({ url: `/api/trials/${'N'.repeat(150)}` }), 414, 'invalid_input');
      });
    });

    describe('cancer-aware search', () => {
      const search = async (url: string) => {
        const response = await app.inject({ url });
        assert.equal(response.statusCode, 200, response.body);
        return searchResultSchema.parse(response.json());
      };

      it('filters by cancer type through the hierarchy, by treatment and by age group', async () => {
        const all = ids(await app.inject({ url: '/api/trials?cancerType=acute-lymphoblastic-leukaemia&pageSize=100' }));
        for (const id of ['NCT02101853', 'NCT01406756', 'NCT09100001', PLACED.id]) assert.ok(all.includes(id), id);
        for (const id of ['NCT01371981', 'NCT02032823']) assert.ok(!all.includes(id), id);
        const leukaemia = ids(await app.inject({ url: '/api/trials?cancerType=leukaemia&pageSize=100' }));
        assert.ok(all.every((id) => leukaemia.includes(id)) && leukaemia.includes('NCT01371981'), 'leukaemia includes ALL and AML');
        assert.ok(ids(await app.inject({ url: '/api/trials?treatment=car-t' })).includes('NCT09000004'));
        assert.ok(ids(await app.inject({ url: '/api/trials?treatment=immunotherapy&pageSize=100' })).includes('NCT09000004'));
        assert.ok(ids(await app.inject({ url: '/api/trials?ageGroup=children&pageSize=100' })).includes('NCT09000004'));
        const older = ids(await app.inject({ url: '/api/trials?ageGroup=older-adults&cancerType=acute-lymphoblastic-leukaemia&pageSize=100' }));
        assert.ok(older.includes(PLACED.id) && !older.includes('NCT09000004'));
      });

      it('summaries carry cancer types, treatments and UK site counts', async () => {
        const body = await search('/api/trials?pageSize=100');
        const placed = body.trials.find((trial) => trial.id === PLACED.id);
        assert.ok(placed !== undefined);
        assert.ok(placed.cancerTypes.includes('ph-positive-all') && placed.cancerTypes.includes('blood-cancers'));
        assert.ok(placed.treatments.includes('targeted') && placed.treatments.includes('chemotherapy'));
        assert.equal(placed.ukSiteCount, 3);
        assert.equal(body.trials.find((trial) => trial.id === 'ISRCTN64515327')?.ukSiteCount, 1);
        assert.ok(body.trials.every((trial) => trial.nearestSite === null));
      });

      it('sorts by distance from a postcode and reports the nearest open site', async () => {
        const body = await search('/api/trials?postcode=ls1%203ex&sort=distance');
        assert.equal(body.trials[0]?.id, PLACED.id);
        const nearest = body.trials[0].nearestSite;
        assert.equal(nearest?.city, 'Leeds');
        assert.equal(nearest.approximate, false);
        assert.ok(nearest.miles < 3, String(nearest.miles));
        // From Manchester the Christie is a mile away but closed: the nearest open site is Leeds.
        const fromManchester = await search('/api/trials?postcode=M20&cancerType=ph-positive-all');
        assert.equal(fromManchester.trials.find((trial) => trial.id === PLACED.id)?.nearestSite?.city, 'Leeds');
      });

      it('places a site known only by its postcode at its district, and says the distance is approximate', async () => {
        const body = await search('/api/trials?postcode=EH3&within=10');
        assert.deepEqual(body.trials.map((trial) => trial.id), [BY_POSTCODE.id]);
        const nearest = body.trials[0]?.nearestSite;
        assert.equal(nearest?.facility, 'Western General Hospital');
        assert.equal(nearest.approximate, true);
        assert.ok(nearest.miles > 0 && nearest.miles < 5, String(nearest.miles));
      });

      it('keeps only trials with an open site within the distance', async () => {
        assert.deepEqual(ids(await app.inject({ url: '/api/trials?postcode=LS1&within=10' })), [PLACED.id]);
        assert.deepEqual(ids(await app.inject({ url: '/api/trials?postcode=M20&within=5' })), []);
        assert.deepEqual(ids(await app.inject({ url: '/api/trials?postcode=M20&within=50' })), [PLACED.id]);
      });

      it('refuses a malformed postcode and one outside the table with 400 naming postcode', async () => {
        assertError(await app.inject({ url: '/api/trials?postcode=LS1%203EXX' }), 400, 'invalid_input', 'postcode');
        const message = assertError(await app.inject({ url: '/api/trials?postcode=BT1%201AA' }), 400, 'invalid_input', 'postcode');
        assert.match(message, /BT1 is not in our postcode table, which covers Great Britain/);
      });

      it('counts cancer types, treatments and age groups, with labels', async () => {
        const { facets } = facetsResultSchema.parse((await app.inject({ url: '/api/facets?status=recruiting' })).json());
        const all = facets.cancerType.find((count) => count.value === 'acute-lymphoblastic-leukaemia');
        assert.equal(all?.label, 'Acute lymphoblastic leukaemia (ALL)');
        assert.ok(all.count >= 2);
        assert.ok(facets.treatment.some((count) => count.value === 'targeted' && count.label === 'Targeted cancer drugs'));
        assert.ok(facets.ageGroup.some((count) => count.value === 'adults' && count.label === 'Adults (18 and over)'));
        assert.ok(facets.status.every((count) => count.label === undefined));
      });
    });

    describe('topics', () => {
      it('answers every topic as /api/trials answers its URL', async () => {
        const { topics } = topicsSchema.parse((await app.inject({ url: '/api/topics' })).json());
        assert.equal(topics.length, TOPICS.length);
        for (const topic of topics) {
          const byTopic = await app.inject({ url: `${topic.url}?pageSize=100` });
          assert.equal(byTopic.statusCode, 200, `${topic.slug}: ${byTopic.body}`);
          const plain = await app.inject({ url: `${topic.apiUrl}&pageSize=100` });
          assert.deepEqual(searchResultSchema.parse(byTopic.json()), searchResultSchema.parse(plain.json()), topic.slug);
        }
      });

      it('finds ALL trials for the ALL topics and UK recruiting cancer trials for uk-recruiting', async () => {
        const all = searchResultSchema.parse((await app.inject({ url: '/api/topics/all?pageSize=100' })).json());
        assert.ok(all.total >= 5);
        assert.ok(all.trials.every((trial) => trial.cancerTypes.includes('acute-lymphoblastic-leukaemia')));
        const targeted = searchResultSchema.parse((await app.inject({ url: '/api/topics/all-targeted' })).json());
        assert.ok(targeted.trials.some((trial) => trial.id === PLACED.id));
        assert.ok(targeted.trials.every((trial) => trial.treatments.includes('targeted')));
        const over60 = ids(await app.inject({ url: '/api/topics/all-over-60?pageSize=100' }));
        assert.ok(over60.includes(PLACED.id) && !over60.includes('NCT02101853'));
        const uk = searchResultSchema.parse((await app.inject({ url: '/api/topics/uk-recruiting?pageSize=100' })).json());
        assert.ok(uk.trials.some((trial) => trial.id === PLACED.id));
        assert.ok(uk.trials.every((trial) => trial.ukSiteCount > 0 && OPEN_STATUSES.includes(trial.status) && !trial.cancerTypes.includes('not-cancer')));
      });

      it('narrows a topic by postcode and distance', async () => {
        const near = searchResultSchema.parse((await app.inject({ url: '/api/topics/all?postcode=NW1&sort=distance&within=25' })).json());
        assert.deepEqual(near.trials.map((trial) => trial.id), [PLACED.id]);
        assert.equal(near.trials[0]?.nearestSite?.city, 'London');
      });
    });

    it('GET /healthz reports the trial count', async () => {
      const response = await app.inject({ url: '/healthz' });
      assert.equal(response.statusCode, 200);
      assert.deepEqual(response.json(), { status: 'ok', trials: TRIALS.length });
      assertSecurityHeaders(response);
    });

    it('answers unknown routes with a 404 in our JSON shape', async () => {
      assertError(await app.inject({ url: '/api/nothing-here?age=40' }), 404, 'not_found');
      assertError(await app.inject({ method: 'DELETE', url: '/api/trials/NCT02101853' }), 404, 'not_found');
    });
  });
}
