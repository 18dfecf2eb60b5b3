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
    // Enter in an answer presses the form's first submit button in page order: "Next question", never "Remove".
    assert.match(/<button type="submit"[^>]*>/.exec(body)?.[0] ?? '', /name="action" value="answer"/);
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

  it('takes plain decimal numbers only, and refuses others naming the question', async () => {
    const form = formOf((await app.inject({ url: '/match?q=leukaemia' })).body);
    for (const typed of ['0x2D', '1e1', '45 years', 'Infinity']) {
      form.set('answer', typed);
      const body = assertPage(await post(form), 400);
      assert.match(body, /Type the answer to &quot;How old are you\?&quot; as a plain number, such as 45 or 1\.5/, typed);
      assert.doesNotMatch(body, /name="a" value="age:/, typed);
    }
    form.set('answer', '45.5');
    assert.match(assertPage(await post(form), 200), /<input type="hidden" name="a" value="age:45.5">/);
  });

  it('names the question, not the profile field, when the same box is ticked twice', async () => {
    const form = new URLSearchParams([['search', 'q=leukaemia'], ['field', 'cancerType'], ['action', 'answer'], ['answer', 'b-all'], ['answer', 'b-all']]);
    const body = assertPage(await post(form), 400);
    assert.match(body, /Each answer to &quot;What kind of cancer do you have\?&quot; can be ticked once only\./);
    assert.doesNotMatch(body, /CancerType|cancerType: /);
  });

  it('refuses a form carrying two answers to a question that takes one', async () => {
    const response = await post(new URLSearchParams([['search', 'q=leukaemia'], ['a', 'sex:male'], ['a', 'sex:female'], ['field', 'age'], ['answer', '40']]));
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /The form carries more than one answer to &quot;What sex/);
    const twice = await post(new URLSearchParams([['search', 'q=leukaemia'], ['field', 'age'], ['answer', '40'], ['answer', '70']]));
    assert.equal(twice.statusCode, 400);
    assert.match(twice.body, /Give one answer to &quot;How old are you\?&quot;/);
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

describe('website: could I take part? every trial of a long list with its reasons', () => {
  let store: TrialStore;
  let app: FastifyInstance;
  /** 25 trials: every fifth is for children with newly diagnosed ALL, so a relapsed 45-year-old fails it three times. */
  const many = Array.from({ length: 25 }, (_, index) => {
    const id = `NCT097${String(index + 1).padStart(5, '0')}`;
    return index % 5 === 4
      ? buildTrial(id, { briefTitle: `Children's Trial ${index + 1}`, conditions: ALL, eligibility: { maxAgeYears: 17, criteria: 'Inclusion Criteria:\n- Newly diagnosed acute lymphoblastic leukaemia\nExclusion Criteria:\n- Prior chemotherapy' } })
      : buildTrial(id, { briefTitle: `Adults' Trial ${index + 1}`, conditions: ALL, eligibility: { minAgeYears: 18, criteria: 'Inclusion Criteria:\n- Relapsed or refractory B-cell ALL\n- ECOG 0-2\nExclusion Criteria:\n- Prior CAR-T therapy\n- Active hepatitis B' } });
  });

  before(async () => {
    const postcodes = await loadPostcodeTable();
    store = await sqliteBackend().open({ postcodes });
    await store.upsertTrials(many);
    app = await buildServer({ store, postcodes });
  });
  after(async () => {
    await app.close();
    await store.close();
  });

  const post = (form: URLSearchParams) => app.inject({ method: 'POST', url: '/match', headers: FORM, payload: form.toString() });

  it('pages through the whole list without JavaScript, each trial with every reason, ruled-out trials too', async () => {
    const answers = new URLSearchParams([['search', 'q=leukaemia'], ['a', 'age:45'], ['a', 'diseaseState:relapsed']]);
    let body = assertPage(await post(answers), 200);
    assert.match(body, /<h2 id="match-results">20 trials you may be able to join<\/h2>/);
    const seen: string[] = [];
    for (let page = 1; ; page += 1) {
      const cards = body.split('<li class="result match-trial">').slice(1);
      assert.ok(cards.length > 0 && cards.length <= 10, `page ${page}`);
      for (const card of cards) {
        const id = /<p class="result-meta">(NCT\d+)<\/p>/.exec(card)?.[1];
        assert.ok(id !== undefined);
        seen.push(id);
        // Every trial on the page has its reasons, grouped.
        assert.match(card, /class="match-group match-/, id);
        if (card.includes('You probably cannot join')) assert.match(card, /You do not meet \(3\)/, id);
      }
      // The answers travel with each page, as with every other step.
      assert.match(body, /<input type="hidden" name="a" value="age:45">/);
      const next = /<button type="submit" form="match-form" name="page" value="(\d+)"[^>]*>Next page/.exec(body)?.[1];
      if (next === undefined) break;
      assert.equal(next, String(page + 1));
      const form = formOf(body);
      form.set('page', next);
      body = assertPage(await post(form), 200);
      assert.match(body, /name="page" value="\d+"[^>]*>Previous page/);
    }
    assert.deepEqual([...seen].sort(), many.map((trial) => trial.id).sort());
    assert.equal(new Set(seen).size, seen.length);
    const css = (await app.inject({ url: '/assets/match.css' })).body;
    assert.match(css, /@media print \{[^]*\.match-page-note/);
  });

  it('refuses a page number it did not make', async () => {
    const response = await post(new URLSearchParams([['search', 'q=leukaemia'], ['page', 'two']]));
    assert.equal(response.statusCode, 400);
    const past = assertPage(await post(new URLSearchParams([['search', 'q=leukaemia'], ['page', '99']])), 200);
    assert.match(past, /page 3 of 3/);
  });
});
