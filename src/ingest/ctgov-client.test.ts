import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { InvalidInput } from '../domain/errors.ts';
import { buildStudiesUrl, normaliseCtgovOptions } from './ctgov-client.query.ts';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, parseRetryAfter } from './ctgov-client.retry.ts';

const BASE = 'https://clinicaltrials.gov/api/v2';

describe('ClinicalTrials.gov search URL', () => {
  it('asks for the first page with every filter and countTotal, exactly as the API names them', () => {
    const { query, pageSize } = normaliseCtgovOptions({
      cond: ' acute lymphoblastic leukemia ',
      term: 'blinatumomab',
      status: ['recruiting', 'not-yet-recruiting'],
      since: '2024-01-01',
    });
    const url = buildStudiesUrl(BASE, query, { pageSize, pageToken: null });
    assert.equal(url.origin + url.pathname, 'https://clinicaltrials.gov/api/v2/studies');
    assert.deepEqual(Object.fromEntries(url.searchParams), {
      format: 'json',
      'query.cond': 'acute lymphoblastic leukemia',
      'query.term': 'blinatumomab',
      'filter.overallStatus': 'NOT_YET_RECRUITING,RECRUITING',
      'filter.advanced': 'AREA[LastUpdatePostDate]RANGE[2024-01-01,MAX]',
      pageSize: '100',
      countTotal: 'true',
    });
  });

  it('sends the page token, and no countTotal, for later pages', () => {
    const { query } = normaliseCtgovOptions({ cond: 'NSCLC' });
    const url = buildStudiesUrl(`${BASE}/`, query, { pageSize: 1000, pageToken: 'NF0g5JGBlPMuwQY' });
    assert.equal(url.pathname, '/api/v2/studies');
    assert.equal(url.searchParams.get('pageToken'), 'NF0g5JGBlPMuwQY');
    assert.equal(url.searchParams.get('pageSize'), '1000');
    assert.equal(url.searchParams.has('countTotal'), false);
  });

  it('passes further search areas as query.* parameters', () => {
    const { query } = normaliseCtgovOptions({ query: { intr: 'pembrolizumab', 'query.locn': 'United Kingdom' } });
    const url = buildStudiesUrl(BASE, query, { pageSize: 10, pageToken: null });
    assert.equal(url.searchParams.get('query.intr'), 'pembrolizumab');
    assert.equal(url.searchParams.get('query.locn'), 'United Kingdom');
  });
});

describe('ClinicalTrials.gov fetch options', () => {
  it('normalises equal searches to equal values', () => {
    const a = normaliseCtgovOptions({ cond: 'ALL', status: ['RECRUITING', 'completed', 'recruiting'], query: { locn: 'UK', intr: 'x' } });
    const b = normaliseCtgovOptions({ cond: ' ALL', status: ['COMPLETED', 'Recruiting'], query: { intr: 'x', 'query.locn': 'UK' } });
    assert.deepEqual(a.query, b.query);
    assert.deepEqual(a.query.statuses, ['COMPLETED', 'RECRUITING']);
  });

  it('defaults to 100 studies a page and no page limit', () => {
    const options = normaliseCtgovOptions({});
    assert.equal(options.pageSize, 100);
    assert.equal(options.maxPages, null);
  });

  const rejected: [string, Parameters<typeof normaliseCtgovOptions>[0], string][] = [
    ['an unknown status', { status: ['OPEN'] }, 'status'],
    ['a date in another format', { since: '01/02/2024' }, 'since'],
    ['an impossible date', { since: '2024-02-30' }, 'since'],
    ['a page size of 0', { pageSize: 0 }, 'pageSize'],
    ['a page size above 1000', { pageSize: 1001 }, 'pageSize'],
    ['a fractional page size', { pageSize: 2.5 }, 'pageSize'],
    ['a page limit of 0', { maxPages: 0 }, 'maxPages'],
    ['a filter disguised as a search area', { query: { 'filter.geo': 'x' } }, 'query'],
    ['cond given inside query', { query: { cond: 'x' } }, 'query'],
  ];
  for (const [what, options, field] of rejected) {
    it(`rejects ${what} as invalid input`, () => {
      assert.throws(
        () => normaliseCtgovOptions(options),
        (error: unknown) => error instanceof InvalidInput && error.field === field,
      );
    });
  }
});

describe('retry backoff', () => {
  it('doubles from 1 s, between half and all of the exponential step', () => {
    assert.deepEqual([1, 2, 3, 4, 5].map((n) => backoffDelayMs(n, DEFAULT_RETRY_POLICY, () => 0)), [500, 1000, 2000, 4000, 8000]);
    assert.deepEqual([1, 2, 3].map((n) => backoffDelayMs(n, DEFAULT_RETRY_POLICY, () => 0.999_999)), [1000, 2000, 4000]);
  });

  it('never exceeds the 60 s cap', () => {
    assert.equal(backoffDelayMs(30, DEFAULT_RETRY_POLICY, () => 0.999_999), 60_000);
  });

  it('never shrinks from one retry to the next, whatever the jitter', () => {
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), unit, unit, (n, r1, r2) => {
        const first = backoffDelayMs(n, DEFAULT_RETRY_POLICY, () => r1);
        const next = backoffDelayMs(n + 1, DEFAULT_RETRY_POLICY, () => r2);
        return next >= first && next <= DEFAULT_RETRY_POLICY.maxDelayMs;
      }),
    );
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2025-06-01T12:00:00Z');

  it('reads delay-seconds', () => {
    assert.equal(parseRetryAfter('3', now), 3000);
    assert.equal(parseRetryAfter('0', now), 0);
  });

  it('reads an HTTP-date as the time left until then', () => {
    assert.equal(parseRetryAfter('Sun, 01 Jun 2025 12:00:07 GMT', now), 7000);
    assert.equal(parseRetryAfter('Sun, 01 Jun 2025 11:59:00 GMT', now), 0);
  });

  it('ignores a missing or unreadable header', () => {
    assert.equal(parseRetryAfter(null, now), null);
    assert.equal(parseRetryAfter('soon', now), null);
    assert.equal(parseRetryAfter('', now), null);
  });
});
