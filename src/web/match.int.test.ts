/**
 * The website's "Could I take part?" flow through inject() on a real SQLite store: starting from a search, answering,
 * skipping, removing an answer, a refused answer shown beside its question, and the headers that keep answers out of
 * caches and cookies. Browser behaviour (axe, keyboard, print) is in test/e2e/match.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sqliteBackend } from '../../test/support/backends.ts';
import { HTML_CONTENT_SECURITY_POLICY } from '../http/security-headers.ts';
import { buildServer } from '../http/server.ts';
import { loadPostcodeTable } from '../ingest/postcode-table.read.ts';
import type { TrialStore } from '../storage/store.ts';
import { buildTrial } from '../storage/test-trials.ts';

const ALL = ['Acute Lymphoblastic Leukemia'];
const TRIALS = [
  buildTrial('NCT09600001', {
    briefTitle: 'CAR T-Cells for Adults With Relapsed B-Cell ALL',
    conditions: ALL,
    eligibility: { minAgeYears: 18, criteria: 'Inclusion Criteria:\n- Relapsed or refractory B-cell ALL\n- ECOG 0-2\nExclusion Criteria:\n- Prior CAR-T therapy' },
  }),
  buildTrial('NCT09600002', {
    briefTitle: 'Chemotherapy for Children With Newly Diagnosed ALL',
    conditions: ALL,
    eligibility: { maxAgeYears: 17, criteria: 'Inclusion Criteria:\n- Newly diagnosed acute lymphoblastic leukaemia\nExclusion Criteria:\n- Prior chemotherapy' },
  }),
  buildTrial('NCT09600003', {
    briefTitle: 'Ponatinib for Philadelphia-Positive ALL in Older Adults',
    conditions: ALL,
    eligibility: { minAgeYears: 60, criteria: 'Inclusion Criteria:\n- Philadelphia chromosome-positive ALL\nExclusion Criteria:\n- Active hepatitis B' },
  }),
];

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

function assertPage(response: LightMyRequestResponse, status: number): string {
  assert.equal(response.statusCode, status, response.body.slice(0, 400));
  assert.equal(response.headers['content-type'], 'text/html; charset=utf-8');
  assert.equal(response.headers['content-security-policy'], HTML_CONTENT_SECURITY_POLICY);
  assert.equal(response.headers['cache-control'], 'no-store');
  assert.equal(response.headers['set-cookie'], undefined);
  assert.ok(response.rawPayload.length < 100 * 1024);
  assert.equal(response.body.match(/<h1[ >]/g)?.length, 1);
  assert.doesNotMatch(response.body, /<script|style="/);
  return response.body;
}

/** The hidden fields and the question of a page, as the browser would send them back. */
function formOf(body: string): URLSearchParams {
  const form = new URLSearchParams();
  for (const match of body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    form.append(match[1]!, match[2]!.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'"));
  }
  return form;
}

describe('website: could I take part?', () => {
  let store: TrialStore;
  let app: FastifyInstance;

  before(async () => {
    const postcodes = await loadPostcodeTable();
    store = await sqliteBackend().open({ postcodes });
    await store.upsertTrials(TRIALS);
    app = await buildServer({ store, postcodes });
  });
  after(async () => {
    await app.close();
    await store.close();
  });

  const post = (form: URLSearchParams) => app.inject({ method: 'POST', url: '/match', headers: FORM, payload: form.toString() });

  it('starts from a search with the trials it finds and the question that narrows them most', async () => {
    const body = assertPage(await app.inject({ url: '/match?q=leukaemia' }), 200);
    assert.match(body, /<h1>Could I take part\?<\/h1>/);
    assert.match(body, /<strong>3 trials left<\/strong> of the 3 trials we checked/);
    // Age splits these trials most (under 18, 18 to 59, 60 and over).
    assert.match(body, /<input type="hidden" name="field" value="age">/);
    assert.match(body, /<label for="q-answer">How old are you\?<\/label>/);
    assert.match(body, /<form id="match-form" method="post" action="\/match" autocomplete="off"/);
    assert.match(body, /<input type="hidden" name="search" value="q=leukaemia">/);
    assert.match(body, /href="\/trials\?q=leukaemia">Back to the search results/);
    assert.match(body, /<link rel="stylesheet" href="\/assets\/match.css">/);
    const css = await app.inject({ url: '/assets/match.css' });
    assert.equal(css.statusCode, 200);
    assert.match(css.body, /@media print/);
  });

  it('takes an answer, says how many trials it leaves, and shows reasons per trial grouped by verdict', async () => {
    const form = formOf((await app.inject({ url: '/match?q=leukaemia' })).body);
    form.set('answer', '45');
    const body = assertPage(await post(form), 200);
    assert.match(body, /<dt>How old are you\?<\/dt><dd>45 years <span class="match-left">\(1 trial left\)<\/span>/);
    assert.match(body, /<input type="hidden" name="a" value="age:45">/);
    assert.match(body, /<h2 id="match-results">1 trial you may be able to join<\/h2>/);
    assert.match(body, /CAR T-Cells for Adults With Relapsed B-Cell ALL<\/a><\/h3>/);
    assert.match(body, /class="match-group match-meets">You meet \(1\)/);
    assert.match(body, /class="match-group match-unknown">Ask your specialist \(\d\)/);
    assert.match(body, /2 trials your answers rule out/);
    assert.match(body, /This trial is for people aged 60 or over\. You are 45\./);
    // The answer travels in the page, never in a link.
    assert.doesNotMatch(body, /href="[^"]*45/);
  });

  it('lets a question be skipped, never asks it again, and removes an answer on request', async () => {
    const first = formOf((await app.inject({ url: '/match?q=leukaemia' })).body);
    first.set('action', 'skip');
    const skipped = assertPage(await post(first), 200);
    assert.match(skipped, /<dt>How old are you\?<\/dt><dd>Skipped/);
    assert.match(skipped, /<input type="hidden" name="skipped" value="age">/);
    const next = /name="field" value="([^"]+)"/.exec(skipped)?.[1];
    assert.ok(next !== undefined && next !== 'age');

    const answered = formOf(skipped);
    answered.set('answer', next === 'diseaseState' ? 'relapsed' : 'none');
    const after = assertPage(await post(answered), 200);
    assert.doesNotMatch(after, /name="field" value="age"/);

    const remove = formOf(after);
    remove.set('remove', 'age');
    const removed = assertPage(await post(remove), 200);
    assert.doesNotMatch(removed, /name="skipped" value="age"/);
  });

  it('shows a refused answer beside its question, as a 400', async () => {
    const form = formOf((await app.inject({ url: '/match?q=leukaemia' })).body);
    form.set('answer', '430');
    const body = assertPage(await post(form), 400);
    assert.match(body, /<title>Error: /);
    assert.match(body, /<a href="#q-answer">Type a number from 0 to 120 \(years\), or skip this question\.<\/a>/);
    assert.match(body, /<input type="hidden" name="field" value="age">/);
    form.delete('answer');
    assert.match(assertPage(await post(form), 400), /Type a number, or skip this question\./);
  });

  it('stops asking when no question could change the list', async () => {
    const form = new URLSearchParams([['search', 'q=leukaemia'], ['a', 'age:70'], ['a', 'cancerType:b-all'], ['a', 'diseaseState:relapsed'],
      ['a', 'priorTreatments:chemotherapy'], ['a', 'performanceStatus:ecog-1'], ['a', 'infections:none']]);
    const body = assertPage(await post(form), 200);
    assert.match(body, /No more questions would change your list/);
  });

  it('refuses a form it did not make', async () => {
    const wrong = await post(new URLSearchParams([['search', 'q=leukaemia'], ['a', 'shoeSize:9']]));
    assert.equal(wrong.statusCode, 400);
    const badSearch = await app.inject({ url: '/match?status=sleeping' });
    assert.equal(badSearch.statusCode, 400);
    assert.match(badSearch.body, /Status &quot;sleeping&quot; is not one of/);
    // Names every object inherits are parameters like any other: unknown, so refused, never a server error.
    for (const name of ['__proto__', 'constructor', 'hasOwnProperty']) {
      assert.equal((await app.inject({ url: `/match?${name}=x` })).statusCode, 400, name);
      assert.equal((await post(new URLSearchParams([['search', `${name}=x`]]))).statusCode, 400, name);
    }
  });
});
