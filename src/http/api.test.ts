/**
 * The JSON API through `inject()` (no socket) on a fake store, for what needs no real search: the exact StoreQuery a
 * request becomes, topic and vocabulary routes, refusals, failures, logs and the OpenAPI document. Real searches on
 * every backend are in api.int.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { fakeStore } from '../../test/support/fake-store.ts';
import type { FakeStore } from '../../test/support/fake-store.ts';
import { TEST_POSTCODES } from '../../test/support/test-postcodes.ts';
import { AGE_GROUPS } from '../domain/age-group.ts';
import { CANCER_TYPES } from '../domain/classify/cancer-type.ts';
import { TREATMENT_KINDS } from '../domain/classify/treatment-kinds.ts';
import { expandQuery } from '../domain/query-expansion.ts';
import { FACETS } from '../domain/query.ts';
import { SEARCH_PARAMETERS } from '../search/query-params.ts';
import { TOPICS } from '../search/topics.ts';
import { buildTrial, corpus, site } from '../storage/test-trials.ts';
import { errorSchema } from './api/error.schema.ts';
import { facetsResultSchema, searchResultSchema, topicsSchema, vocabularySchema } from './api/response.schema.ts';
import { buildServer } from './server.ts';

/** A trial with placed UK sites: Leeds (open), Manchester (closed) and London (open). */
const PLACED = buildTrial('NCT09200001', {
  briefTitle: 'Ponatinib With Chemotherapy in Philadelphia Chromosome Positive Acute Lymphoblastic Leukaemia',
  conditions: ['Philadelphia Chromosome Positive Acute Lymphoblastic Leukaemia'],
  status: 'recruiting',
  sites: [
    { ...site('United Kingdom', 'Leeds'), facility: "St James's University Hospital", status: 'recruiting', latitude: 53.8066, longitude: -1.5198 },
    { ...site('United Kingdom', 'Manchester'), facility: 'The Christie', status: 'completed', latitude: 53.4293, longitude: -2.2296 },
    { ...site('United Kingdom', 'London'), facility: 'University College Hospital', status: 'recruiting', latitude: 51.5246, longitude: -0.1357 },
  ],
});

async function server(store: FakeStore = fakeStore([...corpus(), PLACED]), logger?: { stream: { write: (line: string) => void } }): Promise<FastifyInstance> {
  return buildServer({ store, postcodes: TEST_POSTCODES, ...(logger === undefined ? {} : { logger }) });
}

/** Asserts an error response: its status, JSON body in our shape, code, and (when given) the field; returns the message. */
function assertError(response: LightMyRequestResponse, status: number, code: string, field?: string): string {
  assert.equal(response.statusCode, status, response.body);
  const body = errorSchema.parse(response.json());
  assert.equal(body.error.code, code);
  if (field !== undefined) {
    assert.equal(body.error.field, field);
    assert.match(body.error.message, new RegExp(field));
  }
  return body.error.message;
}

describe('JSON API with a fake store', () => {
  it('passes every search parameter to the store as one parsed query', async () => {
    const store = fakeStore(corpus());
    const app = await server(store);
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
      ['cancerType', 'leukaemia,b-cell-all'],
      ['treatment', 'CAR-T'],
      ['treatment', 'targeted'],
      ['ageGroup', 'adults'],
      ['postcode', 'ls9 7tf'],
      ['within', '50'],
      ['sort', 'distance'],
      ['pageSize', '5'],
      ['pageToken', Buffer.from('0').toString('base64url')],
    ]);
    const response = await app.inject({ url: `/api/trials?${query.toString()}` });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(store.queries.length, 1, 'one search with its facets');
    for (const seen of store.queries) {
      assert.deepEqual(seen, {
        text: expandQuery('acute "lymphoblastic leukaemia"'),
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
        cancerTypes: ['leukaemia', 'b-cell-all'],
        treatments: ['targeted', 'car-t'],
        ageGroups: ['adults'],
        near: { lat: 53.79994, lon: -1.5098 },
        withinMiles: 50,
        sort: 'distance',
        pageSize: 5,
        pageToken: 'MA',
      });
    }
    await app.close();
  });

  it('returns summaries with cancer types, treatments, UK sites and the nearest open site', async () => {
    const app = await server();
    const body = searchResultSchema.parse((await app.inject({ url: '/api/trials?postcode=M20&pageSize=100' })).json());
    const placed = body.trials.find((trial) => trial.id === PLACED.id);
    assert.ok(placed !== undefined);
    assert.ok(placed.cancerTypes.includes('ph-positive-all') && placed.cancerTypes.includes('blood-cancers'));
    assert.equal(placed.ukSiteCount, 3);
    // The Christie is nearer to M20 but closed; Leeds is the nearest open site.
    const nearest = placed.nearestSite;
    assert.equal(nearest?.city, 'Leeds');
    assert.ok(nearest.miles > 30 && nearest.miles < 40, String(nearest.miles));
    const without = searchResultSchema.parse((await app.inject({ url: '/api/trials?pageSize=100' })).json());
    assert.ok(without.trials.every((trial) => trial.nearestSite === null));
    await app.close();
  });

  it('labels the cancerType, treatment and ageGroup facet values, on /api/trials and /api/facets', async () => {
    const app = await server();
    for (const url of ['/api/trials', '/api/facets']) {
      const { facets } = facetsResultSchema.parse((await app.inject({ url })).json());
      assert.deepEqual(Object.keys(facets).sort(), [...FACETS].sort());
      assert.equal(facets.cancerType.find((count) => count.value === 'acute-lymphoblastic-leukaemia')?.label, 'Acute lymphoblastic leukaemia (ALL)');
      assert.equal(facets.treatment.find((count) => count.value === 'car-t')?.label, 'CAR T-cell therapy');
      assert.equal(facets.ageGroup.find((count) => count.value === 'older-adults')?.label, 'Older adults (60 and over)');
      for (const name of ['cancerType', 'treatment', 'ageGroup'] as const) {
        assert.ok(facets[name].length > 0 && facets[name].every((count) => typeof count.label === 'string'), name);
      }
    }
    await app.close();
  });

  it('answers a malformed postcode with 400 naming postcode, without echoing it', async () => {
    const app = await server();
    for (const postcode of ['LS1 3EXX', 'not a postcode', 'LS13E']) {
      const message = assertError(await app.inject({ url: '/api/trials', query: { postcode } }), 400, 'invalid_input', 'postcode');
      assert.ok(!message.includes(postcode), message);
    }
    await app.close();
  });

  it('answers a district outside the table with 400 naming postcode and the district only', async () => {
    const app = await server();
    const message = assertError(await app.inject({ url: '/api/trials', query: { postcode: 'bt1 1aa' } }), 400, 'invalid_input', 'postcode');
    assert.match(message, /BT1 is not in our postcode table, which covers Great Britain/);
    assert.doesNotMatch(message, /1AA/i);
    assertError(await app.inject({ url: '/api/facets', query: { postcode: 'ZE9' } }), 400, 'invalid_input', 'postcode');
    await app.close();
  });

  it('refuses within and sort=distance without a postcode, and bad new filter values', async () => {
    const app = await server();
    assertError(await app.inject({ url: '/api/trials?within=20' }), 400, 'invalid_input', 'within');
    assertError(await app.inject({ url: '/api/trials?sort=distance' }), 400, 'invalid_input', 'sort');
    assertError(await app.inject({ url: '/api/trials?postcode=LS1&within=0' }), 400, 'invalid_input', 'within');
    assert.match(assertError(await app.inject({ url: '/api/trials?cancerType=leukemia' }), 400, 'invalid_input', 'cancerType'), /acute-lymphoblastic-leukaemia/);
    assertError(await app.inject({ url: '/api/facets?treatment=chemo' }), 400, 'invalid_input', 'treatment');
    assertError(await app.inject({ url: '/api/trials?ageGroup=elderly' }), 400, 'invalid_input', 'ageGroup');
    await app.close();
  });

  describe('topics', () => {
    it('GET /api/topics lists every topic with its URLs', async () => {
      const app = await server();
      const response = await app.inject({ url: '/api/topics' });
      assert.equal(response.statusCode, 200);
      const { topics } = topicsSchema.parse(response.json());
      assert.deepEqual(topics.map((topic) => topic.slug), TOPICS.map((topic) => topic.slug));
      const targeted = topics.find((topic) => topic.slug === 'all-targeted');
      assert.deepEqual(targeted?.params, { cancerType: ['acute-lymphoblastic-leukaemia'], treatment: ['targeted'] });
      assert.equal(targeted.apiUrl, '/api/trials?q=acute%20lymphoblastic%20leukaemia&cancerType=acute-lymphoblastic-leukaemia&treatment=targeted');
      assert.equal(targeted.webUrl, '/trials?q=acute%20lymphoblastic%20leukaemia&cancerType=acute-lymphoblastic-leukaemia&treatment=targeted');
      await app.close();
    });

    it('GET /api/topics/{slug} asks the store exactly what its /api/trials URL asks', async () => {
      const store = fakeStore(corpus());
      const app = await server(store);
      const { topics } = topicsSchema.parse((await app.inject({ url: '/api/topics' })).json());
      for (const topic of topics) {
        const byTopic = await app.inject({ url: topic.url });
        assert.equal(byTopic.statusCode, 200, byTopic.body);
        searchResultSchema.parse(byTopic.json());
        assert.equal((await app.inject({ url: topic.apiUrl })).statusCode, 200);
        const [topicSearch, plainSearch] = store.queries.splice(0);
        assert.deepEqual(topicSearch, plainSearch, topic.slug);
      }
      await app.close();
    });

    it('narrows a topic with page, sort and postcode parameters', async () => {
      const store = fakeStore(corpus());
      const app = await server(store);
      const response = await app.inject({ url: '/api/topics/all-over-60?pageSize=3&postcode=eh3&sort=distance&within=100' });
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(searchResultSchema.parse(response.json()).trials.length, 3);
      const seen = store.queries[0];
      assert.deepEqual(seen?.cancerTypes, ['acute-lymphoblastic-leukaemia']);
      assert.deepEqual(seen.ageGroups, ['older-adults']);
      assert.deepEqual([seen.pageSize, seen.sort, seen.withinMiles, seen.near], [3, 'distance', 100, { lat: 55.95204, lon: -3.20728 }]);
      await app.close();
    });

    it('refuses a parameter the topic fixes, an unknown one, and an unknown topic', async () => {
      const app = await server();
      assert.match(assertError(await app.inject({ url: '/api/topics/all?cancerType=leukaemia' }), 400, 'invalid_input', 'cancerType'), /fixed by the topic/);
      assertError(await app.inject({ url: '/api/topics/all?staus=recruiting' }), 400, 'invalid_input', 'staus');
      assertError(await app.inject({ url: '/api/topics/all?postcode=BT1' }), 400, 'invalid_input', 'postcode');
      assert.match(assertError(await app.inject({ url: '/api/topics/all-leukaemia' }), 404, 'not_found'), /all-targeted/);
      await app.close();
    });
  });

  it('lists the vocabularies behind the filters, with labels and parents', async () => {
    const app = await server();
    const list = async (path: string) => vocabularySchema.parse((await app.inject({ url: `/api/vocab/${path}` })).json()).items;
    const cancerTypes = await list('cancer-types');
    assert.deepEqual(cancerTypes.map((entry) => entry.id), CANCER_TYPES.map((type) => type.id));
    assert.deepEqual(cancerTypes.find((entry) => entry.id === 'acute-lymphoblastic-leukaemia'), {
      id: 'acute-lymphoblastic-leukaemia',
      label: 'Acute lymphoblastic leukaemia (ALL)',
      parent: 'leukaemia',
    });
    const treatments = await list('treatments');
    assert.deepEqual(treatments.map((entry) => entry.id), [...TREATMENT_KINDS]);
    assert.equal(treatments.find((entry) => entry.id === 'car-t')?.parent, 'immunotherapy');
    assert.deepEqual((await list('age-groups')).map((entry) => entry.id), [...AGE_GROUPS]);
    await app.close();
  });

  it('answers 503 from /healthz and a generic 500 from a search when the store fails, logging the cause', async () => {
    const store = fakeStore();
    const lines: string[] = [];
    const app = await server(store, { stream: { write: (line: string) => lines.push(line) } });
    store.failWith = new Error('SQLITE_CORRUPT: internal detail');
    assertError(await app.inject({ url: '/healthz' }), 503, 'unavailable');
    const message = assertError(await app.inject({ url: '/api/trials?q=x' }), 500, 'internal');
    assert.doesNotMatch(message, /SQLITE|detail/);
    assert.ok(lines.some((line) => line.includes('SQLITE_CORRUPT') && line.includes('"level":50')));
    await app.close();
  });

  it('logs method, route, status and time, but never the query string', async () => {
    const lines: string[] = [];
    const app = await server(fakeStore(corpus()), { stream: { write: (line: string) => lines.push(line) } });
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

  it('never logs a postcode: found, malformed, outside the table, or on a topic', async () => {
    const lines: string[] = [];
    const app = await server(fakeStore(corpus()), { stream: { write: (line: string) => lines.push(line) } });
    const responses = [
      await app.inject({ url: '/api/trials?postcode=LS9%207TF&within=10&sort=distance' }),
      await app.inject({ url: '/api/facets?postcode=ls97tf' }),
      await app.inject({ url: '/api/trials?postcode=SW1A%201AAA' }),
      await app.inject({ url: '/api/trials?postcode=BT1%201AA' }),
      await app.inject({ url: '/api/topics/all-targeted?postcode=EH3%209EN' }),
    ];
    await app.close();
    assert.deepEqual(responses.map((response) => response.statusCode), [200, 200, 400, 400, 200]);
    const log = lines.join('').toUpperCase();
    assert.ok(lines.length >= 10, 'requests were logged');
    for (const secret of ['POSTCODE', 'LS9', '7TF', 'LS97TF', 'SW1A', '1AAA', 'BT1', 'EH3', '9EN', '53.79']) {
      assert.ok(!log.includes(secret), `the log contains ${secret}`);
    }
  });
});

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3 document describing every route, parameter and response', async () => {
    const app = await buildServer({ store: fakeStore(), postcodes: TEST_POSTCODES, version: '1.2.3' });
    const response = await app.inject({ url: '/api/openapi.json' });
    assert.equal(response.statusCode, 200);
    type Operation = {
      parameters?: { name: string; in: string; description?: string }[];
      responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
    };
    const doc = response.json<{
      openapi: string;
      info: { version: string };
      paths: Record<string, { get?: Operation; post?: Operation }>;
      components: { schemas: Record<string, unknown> };
    }>();
    await app.close();
    assert.match(doc.openapi, /^3\.\d+\.\d+$/);
    assert.equal(doc.info.version, '1.2.3');
    assert.deepEqual(Object.keys(doc.paths).sort(), [
      '/api/facets',
      '/api/match',
      '/api/topics',
      '/api/topics/{slug}',
      '/api/trials',
      '/api/trials/{id}',
      '/api/vocab/age-groups',
      '/api/vocab/cancer-types',
      '/api/vocab/treatments',
      '/healthz',
    ]);

    for (const path of ['/api/trials', '/api/facets', '/api/topics/{slug}']) {
      const parameters = (doc.paths[path]?.get?.parameters ?? []).filter((parameter) => parameter.in === 'query');
      assert.deepEqual(parameters.map((parameter) => parameter.name).sort(), [...SEARCH_PARAMETERS].sort(), path);
      assert.ok(parameters.every((parameter) => (parameter.description ?? '') !== ''), path);
    }
    for (const name of ['cancerType', 'treatment', 'ageGroup', 'postcode', 'within']) assert.ok(SEARCH_PARAMETERS.includes(name as never), name);
    const byId = doc.paths['/api/trials/{id}']?.get;
    assert.deepEqual(byId?.parameters?.map((parameter) => [parameter.name, parameter.in]), [['id', 'path']]);
    assert.ok(byId?.responses['404']?.content?.['application/json']);
    const topic = doc.paths['/api/topics/{slug}']?.get;
    assert.ok(topic?.parameters?.some((parameter) => parameter.name === 'slug' && parameter.in === 'path'));
    assert.ok(topic?.responses['404']?.content?.['application/json']);

    for (const [path, item] of Object.entries(doc.paths)) {
      assert.ok((item.get ?? item.post)?.responses['200']?.content?.['application/json']?.schema, `${path} documents its 200 body`);
    }
    // Every reference resolves, and only referenced schemas are listed.
    const text = JSON.stringify(doc);
    const refs = new Set([...text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1]));
    assert.deepEqual([...refs].sort(), Object.keys(doc.components.schemas).sort());
    for (const name of ['Trial', 'TrialSummary', 'NearestSite', 'Facets', 'Topic', 'Vocabulary', 'Error']) assert.ok(refs.has(name), name);
    // The summary documents the new fields, facets their labels.
    const summary = doc.components.schemas.TrialSummary as { properties: Record<string, unknown> };
    for (const field of ['cancerTypes', 'treatments', 'ukSiteCount', 'nearestSite']) assert.ok(field in summary.properties, field);
    assert.match(JSON.stringify(doc.components.schemas.Facets), /"label"/);
  });
});
