/**
 * The JSON API end to end through `inject()` (no socket), on each real store (SQLite, and PostgreSQL when
 * TEST_DATABASE_URL is set) holding the contract corpus.
 * A fake store is used only where a test must see the exact StoreQuery or make the store fail.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { storeBackends } from '../../test/support/backends.ts';
import { fakeStore } from '../../test/support/fake-store.ts';
import { FACETS } from '../domain/query.ts';
import { registryId } from '../domain/registry-id.ts';
import { OPEN_STATUSES } from '../domain/trial.ts';
import { SEARCH_PARAMETERS } from '../search/query-params.ts';
import type { TrialStore } from '../storage/store.ts';
import { buildTrial, corpus, intervention, site } from '../storage/test-trials.ts';
import { errorSchema } from './api/error.schema.ts';
import { facetsResultSchema, searchResultSchema, trialSchema } from './api/response.schema.ts';
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
const TRIALS = [...corpus(), NCI_TRIAL];

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

    before(async () => {
      store = await backend.open();
      await store.upsertTrials(TRIALS);
      app = await buildServer({ store, version: '1.2.3' });
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

    describe('GET /api/openapi.json', () => {
      it('is an OpenAPI 3 document describing every route, parameter and response', async () => {
        const response = await app.inject({ url: '/api/openapi.json' });
        assert.equal(response.statusCode, 200);
        type Operation = {
          parameters?: { name: string; in: string; description?: string }[];
          responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
        };
        const doc = response.json<{
          openapi: string;
          info: { version: string };
          paths: Record<string, { get?: Operation }>;
          components: { schemas: Record<string, unknown> };
        }>();
        assert.match(doc.openapi, /^3\.\d+\.\d+$/);
        assert.equal(doc.info.version, '1.2.3');
        assert.deepEqual(Object.keys(doc.paths).sort(), ['/api/facets', '/api/trials', '/api/trials/{id}', '/healthz']);

        for (const path of ['/api/trials', '/api/facets']) {
          const parameters = doc.paths[path]?.get?.parameters ?? [];
          assert.deepEqual(parameters.map((parameter) => parameter.name).sort(), [...SEARCH_PARAMETERS].sort(), path);
          assert.ok(parameters.every((parameter) => parameter.in === 'query' && (parameter.description ?? '') !== ''), path);
        }
        const byId = doc.paths['/api/trials/{id}']?.get;
        assert.deepEqual(byId?.parameters?.map((parameter) => [parameter.name, parameter.in]), [['id', 'path']]);
        assert.ok(byId?.responses['404']?.content?.['application/json']);

        for (const [path, item] of Object.entries(doc.paths)) {
          assert.ok(item.get?.responses['200']?.content?.['application/json']?.schema, `${path} documents its 200 body`);
        }
        // Every reference resolves, and only referenced schemas are listed.
        const text = JSON.stringify(doc);
        const refs = new Set([...text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1]));
        assert.deepEqual([...refs].sort(), Object.keys(doc.components.schemas).sort());
        assert.ok(refs.has('Trial') && refs.has('TrialSummary') && refs.has('Error'));
      });
    });
  });
}

describe('JSON API with a fake store', () => {
  it('passes every search parameter to the store as one parsed query', async () => {
    const store = fakeStore(corpus());
    const app = await buildServer({ store });
    const query = new URLSearchParams([
      ['q', 'acute "lymphoblastic leukaemia"'],
      ['status', 'recruiting,COMPLETED'],
      ['phase', 'PHASE2'],
      ['phase', 'III'],
      ['studyType', 'interventional'],
      ['condition', 'Leukemia, Lymphoblastic'],
      ['condition', 'Philadelphia chromosome'],
      ['intervention', 'imatinib'],
      ['country', 'UK'],
      ['age', '47.5'],
      ['sex', 'female'],
      ['healthyVolunteers', 'no'],
      ['hasResults', 'true'],
      ['updatedSince', '2024-01-31'],
      ['sort', 'updated'],
      ['pageSize', '5'],
      ['pageToken', Buffer.from('0').toString('base64url')],
    ]);
    const response = await app.inject({ url: `/api/trials?${query.toString()}` });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(store.queries.length, 2, 'one search and one facet count');
    for (const seen of store.queries) {
      assert.deepEqual(seen, {
        text: { groups: [['acute'], ['lymphoblastic', 'leukemia']] },
        statuses: ['not-yet-recruiting', 'recruiting', 'completed'],
        phases: ['2', '3'],
        studyTypes: ['interventional'],
        conditions: ['Leukemia, Lymphoblastic', 'Philadelphia chromosome'],
        interventions: ['imatinib'],
        countries: ['United Kingdom'],
        age: 47.5,
        sex: 'female',
        healthyVolunteers: false,
        hasResults: true,
        updatedSince: '2024-01-31',
        sort: 'updated',
        pageSize: 5,
        pageToken: 'MA',
      });
    }
    await app.close();
  });

  it('answers 503 from /healthz and a generic 500 from a search when the store fails, logging the cause', async () => {
    const store = fakeStore();
    const lines: string[] = [];
    const app = await buildServer({ store, logger: { stream: { write: (line: string) => lines.push(line) } } });
    store.failWith = new Error('SQLITE_CORRUPT: internal detail');
    assertError(await app.inject({ url: '/healthz' }), 503, 'unavailable');
    const message = assertError(await app.inject({ url: '/api/trials?q=x' }), 500, 'internal');
    assert.doesNotMatch(message, /SQLITE|detail/);
    assert.ok(lines.some((line) => line.includes('SQLITE_CORRUPT') && line.includes('"level":50')));
    await app.close();
  });

  it('logs method, route, status and time, but never the query string', async () => {
    const lines: string[] = [];
    const app = await buildServer({ store: fakeStore(corpus()), logger: { stream: { write: (line: string) => lines.push(line) } } });
    await app.inject({ url: '/api/trials?q=leukaemia&age=47.123456&condition=Philadelphia%20chromosome' });
    await app.inject({ url: '/api/trials?age=secret-age' });
    await app.inject({ url: '/no/such/route?sex=female&age=61.654321' });
    await app.inject({ url: '/api/trials/%E0%A4%A?age=62.987654' });
    await app.close();
    const log = lines.join('');
    for (const secret of ['?', 'age=', 'leukaemia', '47.123456', 'Philadelphia', 'secret-age', 'female', '61.654321', '62.987654']) {
      assert.ok(!log.includes(secret), `the log contains ${secret}`);
    }
    const entries = lines.map((line) => JSON.parse(line) as { req?: { method: string; route: string | null }; res?: { statusCode: number }; responseTime?: number });
    assert.ok(entries.some((entry) => entry.req?.method === 'GET' && entry.req.route === '/api/trials'));
    assert.ok(entries.some((entry) => entry.res?.statusCode === 400 && typeof entry.responseTime === 'number'));
  });
});
