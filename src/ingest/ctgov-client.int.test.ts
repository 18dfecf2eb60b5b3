/**
 * The live client against a local server replaying real ClinicalTrials.gov v2 studies, with scripted faults.
 * Time is faked (sleeps advance a fake clock) except in the one test that measures real request spacing.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { InvalidInput, Unavailable } from '../domain/errors.ts';
import { fetchCtgovStudies } from './ctgov-client.ts';
import type { CtgovClientDeps, CtgovClientEvent, CtgovFetchOptions, CtgovPage } from './ctgov-client.ts';
import { nctIdOf } from '../../test/support/minimal-ctgov-parse.ts';
import { loadRecordedStudies, startRecordedCtgovServer } from '../../test/support/recorded-ctgov-server.ts';
import type { RecordedCtgovServer, RecordedServerOptions } from '../../test/support/recorded-ctgov-server.ts';

const ALL_IDS = loadRecordedStudies().map(nctIdOf);
const START = Date.parse('2025-06-01T12:00:00Z');

interface FakeTime {
  readonly deps: CtgovClientDeps;
  readonly sleeps: number[];
  readonly events: CtgovClientEvent[];
}

/** Deps with a fake clock: sleeping advances it at once. Fetch is real (the local server). */
function fakeTime(extra: Partial<CtgovClientDeps> = {}): FakeTime {
  let now = START;
  const sleeps: number[] = [];
  const events: CtgovClientEvent[] = [];
  const deps: CtgovClientDeps = {
    fetch: globalThis.fetch,
    now: () => now,
    sleep: (ms) => {
      sleeps.push(ms);
      now += ms;
      return Promise.resolve();
    },
    random: () => 0.5,
    log: (event) => events.push(event),
    ...extra,
  };
  return { deps, sleeps, events };
}

async function collect(pages: AsyncIterable<CtgovPage>): Promise<CtgovPage[]> {
  const out: CtgovPage[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

const idsOf = (pages: readonly CtgovPage[]): string[] => pages.flatMap((page) => page.studies.map(nctIdOf));

let server: RecordedCtgovServer | null = null;
async function serve(options: RecordedServerOptions = {}): Promise<RecordedCtgovServer> {
  server = await startRecordedCtgovServer(options);
  return server;
}
afterEach(async () => {
  await server?.close();
  server = null;
});

function options(api: RecordedCtgovServer, more: CtgovFetchOptions = {}): CtgovFetchOptions {
  return { baseUrl: api.url, pageSize: 10, ...more };
}

describe('paging', () => {
  it('gets every study exactly once, following opaque page tokens to the last page', async () => {
    const api = await serve();
    const pages = await collect(fetchCtgovStudies(options(api, { pageSize: 7 }), fakeTime().deps));

    assert.deepEqual(idsOf(pages), ALL_IDS);
    assert.deepEqual(pages.map((p) => p.pageNumber), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(pages.map((p) => p.totalCount), [40, null, null, null, null, null]);
    assert.equal(pages.at(-1)?.nextPageToken, null);
    // Each request carries the token the previous answer gave; only the first asks for the total.
    assert.deepEqual(api.requests.map((r) => r.params.pageToken), [undefined, ...api.requests.slice(0, -1).map((r) => r.nextPageToken)]);
    assert.deepEqual(api.requests.map((r) => r.params.countTotal), ['true', undefined, undefined, undefined, undefined, undefined]);
  });

  it('stops after maxPages', async () => {
    const api = await serve();
    const pages = await collect(fetchCtgovStudies(options(api, { maxPages: 2 }), fakeTime().deps));
    assert.equal(pages.length, 2);
    assert.notEqual(pages[1]?.nextPageToken, null);
    assert.equal(api.requests.length, 2);
  });

  it('starts from a saved page token when resuming', async () => {
    const api = await serve();
    const first = await collect(fetchCtgovStudies(options(api, { maxPages: 1 }), fakeTime().deps));
    const token = first[0]?.nextPageToken ?? assert.fail('no token');
    const rest = await collect(fetchCtgovStudies(options(api, { resumeFrom: { pageToken: token, pagesDone: 1 } }), fakeTime().deps));
    assert.deepEqual(rest.map((p) => p.pageNumber), [2, 3, 4]);
    assert.deepEqual([...idsOf(first), ...idsOf(rest)], ALL_IDS);
    assert.equal(api.requests[1]?.params.pageToken, token);
  });
});

describe('filters', () => {
  it('sends --since as a LastUpdatePostDate range and gets only records updated on or after it', async () => {
    const api = await serve();
    const pages = await collect(fetchCtgovStudies(options(api, { since: '2024-01-01' }), fakeTime().deps));
    const expected = loadRecordedStudies().filter((study) => {
      const date = (study as { protocolSection: { statusModule: { lastUpdatePostDateStruct: { date: string } } } }).protocolSection
        .statusModule.lastUpdatePostDateStruct.date;
      return date >= '2024-01-01';
    });
    assert.ok(expected.length > 0 && expected.length < ALL_IDS.length);
    assert.deepEqual(idsOf(pages), expected.map(nctIdOf));
    assert.equal(api.requests[0]?.params['filter.advanced'], 'AREA[LastUpdatePostDate]RANGE[2024-01-01,MAX]');
  });

  it('filters by condition and status', async () => {
    const api = await serve();
    const pages = await collect(fetchCtgovStudies(options(api, { cond: 'Leukemia', status: ['active-not-recruiting'] }), fakeTime().deps));
    assert.deepEqual(idsOf(pages), ['NCT05923112']);
    assert.equal(api.requests[0]?.params['filter.overallStatus'], 'ACTIVE_NOT_RECRUITING');
    assert.equal(pages[0]?.totalCount, 1);
  });

  it('checks options before making any request', async () => {
    const api = await serve();
    await assert.rejects(collect(fetchCtgovStudies(options(api, { status: ['OPEN'] }), fakeTime().deps)), InvalidInput);
    assert.equal(api.requests.length, 0);
  });
});

describe('request rate', () => {
  it('waits so that request starts are minIntervalMs apart (1 s by default), on the injected clock', async () => {
    const api = await serve();
    const time = fakeTime();
    // Each response "takes" 300 ms of fake time, so the limiter only needs to wait the remaining 700 ms.
    const slowFetch: typeof fetch = async (input, init) => {
      const response = await globalThis.fetch(input, init);
      await time.deps.sleep(300);
      return response;
    };
    const { baseUrl } = options(api);
    await collect(fetchCtgovStudies({ baseUrl, pageSize: 10 }, { ...time.deps, fetch: slowFetch }));
    assert.equal(api.requests.length, 4);
    assert.deepEqual(time.sleeps, [300, 700, 300, 700, 300, 700, 300]);
    assert.deepEqual(
      time.events.filter((e) => e.type === 'rate-limit-wait').map((e) => e.ms),
      [700, 700, 700],
    );
  });

  it('spaces real requests at least minIntervalMs apart', async () => {
    const api = await serve();
    const starts: number[] = [];
    const timedFetch: typeof fetch = (input, init) => {
      starts.push(performance.now());
      return globalThis.fetch(input, init);
    };
    const deps: CtgovClientDeps = {
      fetch: timedFetch,
      // The limiter reads the clock the gaps are measured with: the wall clock (Date.now) can be slewed against the
      // monotonic one by a few ms on a busy machine, which once made a 50 ms spacing measure 48.2 ms.
      now: () => performance.now(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    };
    await collect(fetchCtgovStudies(options(api, { minIntervalMs: 50 }), deps));
    assert.equal(starts.length, 4);
    const gaps = starts.slice(1).map((start, i) => start - (starts[i] ?? 0));
    // 1 ms of slack: timers fire on the event loop's ms-granular clock.
    for (const gap of gaps) assert.ok(gap >= 49, `requests only ${gap.toFixed(1)} ms apart: ${gaps.join(', ')}`);
  });
});

describe('retries', () => {
  const noRateLimit = (api: RecordedCtgovServer, more: CtgovFetchOptions = {}): CtgovFetchOptions =>
    options(api, { minIntervalMs: 0, ...more });

  it('waits out a 429 Retry-After in seconds, then carries on', async () => {
    const api = await serve({ faults: { 2: { kind: 'status', status: 429, retryAfter: '3' } } });
    const time = fakeTime();
    const pages = await collect(fetchCtgovStudies(noRateLimit(api), time.deps));
    assert.deepEqual(idsOf(pages), ALL_IDS);
    assert.deepEqual(time.sleeps, [3000]);
    assert.equal(api.requests[2]?.params.pageToken, api.requests[1]?.params.pageToken);
  });

  it('waits out a 503 Retry-After given as an HTTP-date', async () => {
    const retryAt = new Date(START + 4000).toUTCString();
    const api = await serve({ faults: { 1: { kind: 'status', status: 503, retryAfter: retryAt } } });
    const time = fakeTime();
    await collect(fetchCtgovStudies(noRateLimit(api), time.deps));
    assert.deepEqual(time.sleeps, [4000]);
  });

  it('retries 500 and 503 with growing backoff', async () => {
    const api = await serve({
      faults: { 1: { kind: 'status', status: 500 }, 2: { kind: 'status', status: 503 }, 3: { kind: 'status', status: 500 } },
    });
    const time = fakeTime();
    const pages = await collect(fetchCtgovStudies(noRateLimit(api), time.deps));
    assert.deepEqual(idsOf(pages), ALL_IDS);
    // random() = 0.5: three quarters of 1 s, 2 s, 4 s.
    assert.deepEqual(time.sleeps, [750, 1500, 3000]);
    assert.deepEqual(
      time.events.filter((e) => e.type === 'retry').map((e) => e.reason),
      ['HTTP 500', 'HTTP 503', 'HTTP 500'],
    );
  });

  it('retries a connection dropped mid-body without losing or repeating a study', async () => {
    const api = await serve({ faults: { 2: { kind: 'drop' }, 4: { kind: 'drop' } } });
    const time = fakeTime();
    const pages = await collect(fetchCtgovStudies(noRateLimit(api), time.deps));
    assert.deepEqual(idsOf(pages), ALL_IDS);
    assert.equal(new Set(idsOf(pages)).size, ALL_IDS.length);
    assert.equal(api.requests.length, 6);
    assert.equal(time.sleeps.length, 2);
  });

  it('retries a complete response whose JSON is cut short', async () => {
    const api = await serve({ faults: { 3: { kind: 'truncated-json' } } });
    const time = fakeTime();
    const pages = await collect(fetchCtgovStudies(noRateLimit(api), time.deps));
    assert.deepEqual(idsOf(pages), ALL_IDS);
    assert.match(time.events.find((e) => e.type === 'retry')?.reason ?? '', /invalid JSON/);
  });

  it('gives up on a response slower than the timeout and asks again', async () => {
    const api = await serve({ faults: { 1: { kind: 'slow', delayMs: 2000 } } });
    const time = fakeTime();
    const pages = await collect(fetchCtgovStudies(noRateLimit(api, { timeoutMs: 100 }), time.deps));
    assert.deepEqual(idsOf(pages), ALL_IDS);
    assert.match(time.events.find((e) => e.type === 'retry')?.reason ?? '', /no answer within 100 ms/);
  });

  it('fails at once, clearly, on a 400', async () => {
    const api = await serve({ faults: { 1: { kind: 'status', status: 400, body: '`query.bogus` is unknown parameter' } } });
    await assert.rejects(collect(fetchCtgovStudies(noRateLimit(api), fakeTime().deps)), (error: unknown) => {
      assert.ok(error instanceof InvalidInput);
      assert.match(error.message, /HTTP 400/);
      assert.match(error.message, /`query\.bogus` is unknown parameter/);
      return true;
    });
    assert.equal(api.requests.length, 1);
  });

  it('reports another 4xx as the API being unavailable, without retrying', async () => {
    const api = await serve({ faults: { 1: { kind: 'status', status: 403, body: 'Forbidden' } } });
    await assert.rejects(collect(fetchCtgovStudies(noRateLimit(api), fakeTime().deps)), /HTTP 403: Forbidden/);
    assert.equal(api.requests.length, 1);
  });

  it('gives up after 6 attempts with a clear error', async () => {
    const api = await serve({ faults: () => ({ kind: 'status', status: 503 }) });
    const time = fakeTime();
    await assert.rejects(collect(fetchCtgovStudies(noRateLimit(api), time.deps)), (error: unknown) => {
      assert.ok(error instanceof Unavailable);
      assert.match(error.message, /page 1 after 6 attempts \(last: HTTP 503\)/);
      return true;
    });
    assert.equal(api.requests.length, 6);
    assert.deepEqual(time.sleeps, [750, 1500, 3000, 6000, 12_000]);
  });

  it('refuses to wait out an absurd Retry-After', async () => {
    const api = await serve({ faults: { 1: { kind: 'status', status: 429, retryAfter: '86400' } } });
    await assert.rejects(collect(fetchCtgovStudies(noRateLimit(api), fakeTime().deps)), /asks to wait 86400 s/);
  });
});

describe('recorded server', () => {
  it('answers GET /api/v2/version', async () => {
    const api = await serve();
    const response = await fetch(`${api.url}/version`);
    assert.deepEqual(await response.json(), { apiVersion: '2.0.5', dataTimestamp: '2025-12-05T09:00:05' });
  });
});
