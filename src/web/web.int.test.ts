/**
 * The website through `inject()` on a real SQLite store (the contract corpus and trials with placed UK sites), with
 * the bundled postcode table: every page type, the shared query parameters, errors as HTML pages with the right
 * statuses, and the headers and weight every page must keep. Browser behaviour (axe, keyboard, print) is test/e2e.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sqliteBackend } from '../../test/support/backends.ts';
import { registryId } from '../domain/registry-id.ts';
import { HTML_CONTENT_SECURITY_POLICY } from '../http/security-headers.ts';
import { buildServer } from '../http/server.ts';
import { loadPostcodeTable } from '../ingest/postcode-table.read.ts';
import type { TrialStore } from '../storage/store.ts';
import { buildTrial, corpus, intervention, placedSite } from '../storage/test-trials.ts';

const CRITERIA = `Inclusion Criteria:

* Relapsed or refractory B-cell ALL
* Age 60 or over

Exclusion Criteria:

* Active graft-versus-host disease
* <script>alert(1)</script> in the registry text`;

/** Invented: CAR-T for ALL at Leeds (open), Manchester (closed) and London (open), with registry coordinates. */
const PLACED = buildTrial('NCT09300001', {
  ids: [registryId('NCT09300001'), registryId('ISRCTN12345678')],
  briefTitle: 'CAR T-Cell Therapy for Relapsed Acute Lymphoblastic Leukaemia in Older Adults',
  briefSummary: 'This randomised trial tests CAR T-cell therapy for people whose leukaemia has relapsed.',
  conditions: ['Acute Lymphoblastic Leukaemia'],
  interventions: [intervention('Tisagenlecleucel', ['CTL019'], 'biological')],
  phases: ['1', '2'],
  status: 'recruiting',
  sponsor: 'University of Leeds',
  eligibility: { minAgeYears: 60, healthyVolunteers: false, criteria: CRITERIA },
  sites: [
    placedSite({ facility: 'University College Hospital', city: 'London', at: { lat: 51.5246, lon: -0.1357 }, status: 'recruiting' }),
    placedSite({ facility: 'The Christie', city: 'Manchester', at: { lat: 53.4293, lon: -2.2296 }, status: 'completed' }),
    placedSite({ facility: "St James's University Hospital", city: 'Leeds', at: { lat: 53.8066, lon: -1.5198 }, status: 'recruiting' }),
  ],
  dates: { lastUpdate: '2025-10-01', start: '2024-03' },
});

/** Invented: a record as many NCI responses are, with a title, a status and sites but no summary, phase or criteria. */
const BARE = buildTrial('NCT09300002', {
  ids: [registryId('NCT09300002'), registryId('NCI-2020-00001')],
  briefTitle: 'Vaccine Therapy for Solid Tumours',
  eligibility: { minAgeYears: 18 },
  sites: [placedSite({ facility: 'General Hospital', city: 'Leeds', at: { lat: 53.8, lon: -1.55 }, status: 'recruiting' })],
});

/** Invented: a trial that runs only in the United States, as most NCI records do. */
const ABROAD = buildTrial('NCT09300003', {
  briefTitle: 'Antibody Therapy for Relapsed Leukaemia',
  conditions: ['Acute Lymphoblastic Leukaemia'],
  sites: [
    placedSite({ facility: 'Dana-Farber Cancer Institute', city: 'Boston', country: 'United States', at: { lat: 42.337, lon: -71.108 }, status: 'recruiting' }),
    placedSite({ facility: 'Mayo Clinic', city: 'Rochester', country: 'United States', at: { lat: 44.022, lon: -92.467 }, status: 'recruiting' }),
  ],
});

/** Over a hundred bytes of budget per page is plenty for these; the e2e suite checks real records. */
const PAGE_BUDGET_BYTES = 100 * 1024;

function assertPage(response: LightMyRequestResponse, status: number): string {
  assert.equal(response.statusCode, status, response.body.slice(0, 500));
  assert.equal(response.headers['content-type'], 'text/html; charset=utf-8');
  assert.equal(response.headers['content-security-policy'], HTML_CONTENT_SECURITY_POLICY);
  assert.doesNotMatch(HTML_CONTENT_SECURITY_POLICY, /unsafe-inline/);
  assert.equal(response.headers['cache-control'], 'no-store');
  assert.equal(response.headers['x-content-type-options'], 'nosniff');
  assert.ok(response.rawPayload.length < PAGE_BUDGET_BYTES, `${response.rawPayload.length} bytes`);
  const body = response.body;
  assert.match(body, /^<!doctype html>/);
  assert.equal(body.match(/<h1[ >]/g)?.length, 1, 'one h1');
  assert.equal(body.match(/<main /g)?.length, 1, 'one main');
  // No third-party requests: nothing is loaded from another origin.
  assert.doesNotMatch(body, /<(link|script|img)[^>]+(src|href)="(https?:)?\/\//);
  assert.doesNotMatch(body, /<script|style="/);
  return body;
}

describe('website', () => {
  let store: TrialStore;
  let app: FastifyInstance;

  before(async () => {
    const postcodes = await loadPostcodeTable();
    store = await sqliteBackend().open({ postcodes });
    await store.upsertTrials([...corpus(), PLACED, BARE, ABROAD]);
    app = await buildServer({
      store,
      postcodes,
      site: { name: 'Test Finder', supportLine: { name: 'The Helpline', phone: '0800 123 4567', hours: 'weekdays', url: null }, contactEmail: 'help@example.org' },
    });
  });
  after(async () => {
    await app.close();
    await store.close();
  });

  it('welcomes at / with the trial count, a search form and the topic links', async () => {
    const body = assertPage(await app.inject({ url: '/' }), 200);
    assert.match(body, /<form[^>]+action="\/trials"/);
    assert.match(body, /href="\/trials\?q=acute%20lymphoblastic%20leukaemia&amp;cancerType=acute-lymphoblastic-leukaemia&amp;treatment=targeted"/);
    assert.match(body, /The Helpline on <a href="tel:08001234567">0800 123 4567<\/a>/);
  });

  it('searches at /trials with the API parameters and the same answer', async () => {
    const query = 'cancerType=acute-lymphoblastic-leukaemia&treatment=immunotherapy&postcode=LS1&sort=distance';
    const api = (await app.inject({ url: `/api/trials?${query}` })).json<{ total: number; trials: { id: string }[] }>();
    const body = assertPage(await app.inject({ url: `/trials?${query}` }), 200);
    assert.match(body, new RegExp(`<h2 id="results-heading">${api.total} trials? found</h2>`));
    const ids = [...body.matchAll(/<h3><a href="\/trials\/([^?"]+)/g)].map((match) => match[1]);
    assert.deepEqual(ids, api.trials.map((trial) => trial.id));
    // The nearest open hospital to LS1 is Leeds, not the closed Manchester site.
    assert.match(body, /Nearest open hospital<\/dt><dd>1\.\d miles away: St James&#39;s University Hospital, Leeds/);
    assert.match(body, /<span class="status status-open">Recruiting<\/span>/);
    assert.match(body, /Phase 1 and 2: finding a safe dose/);
    // Each filter is removable on its own; removing the postcode drops the nearest-first order that needs it.
    assert.match(body, /href="\/trials\?cancerType=acute-lymphoblastic-leukaemia&amp;postcode=LS1&amp;sort=distance"><span class="visually-hidden">Remove filter: <\/span>Treatment: Immunotherapy \(\d+\)/);
    assert.match(body, /href="\/trials\?cancerType=acute-lymphoblastic-leukaemia&amp;treatment=immunotherapy"><span class="visually-hidden">Remove filter: <\/span>Near: LS1/);
    assert.match(body, /contains OS data © Crown copyright/);
  });

  it('pages with the API page token and keeps every other parameter', async () => {
    const first = assertPage(await app.inject({ url: '/trials?pageSize=2' }), 200);
    const next = /<a rel="next" href="([^"]+)"/.exec(first)?.[1]?.replaceAll('&amp;', '&');
    assert.ok(next !== undefined && next.includes('pageSize=2&pageToken='));
    const second = assertPage(await app.inject({ url: next }), 200);
    assert.match(second, /<p>Page 2<\/p>/);
    assert.match(second, /<a rel="prev" href="\/trials\?pageSize=2">Previous page<\/a>/);
  });

  it('goes back page by page with the earlier pages carried in the URL, and drops them when the search changes', async () => {
    const href = (body: string, rel: string): string => {
      const found = new RegExp(`<a rel="${rel}" href="([^"]+)"`).exec(body)?.[1]?.replaceAll('&amp;', '&');
      assert.ok(found !== undefined, `a ${rel} link`);
      return found;
    };
    const ids = (body: string): string[] => [...body.matchAll(/id="t-([^"]+)"/g)].map((match) => match[1] ?? '');
    const first = assertPage(await app.inject({ url: '/trials?pageSize=2&status=recruiting' }), 200);
    const second = assertPage(await app.inject({ url: href(first, 'next') }), 200);
    const thirdUrl = href(second, 'next');
    assert.match(thirdUrl, /before=/);
    const third = assertPage(await app.inject({ url: thirdUrl }), 200);
    assert.match(third, /<p>Page 3<\/p>/);
    assert.match(third, /First page/);
    const backToSecond = assertPage(await app.inject({ url: href(third, 'prev') }), 200);
    assert.deepEqual(ids(backToSecond), ids(second));
    assert.match(backToSecond, /<p>Page 2<\/p>/);
    const backToFirst = assertPage(await app.inject({ url: href(backToSecond, 'prev') }), 200);
    assert.deepEqual(ids(backToFirst), ids(first));
    // A filter removed or an order chosen starts again from the first page, with no earlier pages.
    assert.doesNotMatch(third.slice(third.indexOf('aria-label="Order of results"')), /href="[^"]*before=[^"]*">Most recently updated/);
    assert.doesNotMatch(third, /name="before"/);
  });

  it('keeps a value the form does not offer, and several values at once, when the form is sent again', async () => {
    const body = assertPage(await app.inject({ url: '/trials?postcode=LS1&within=30&treatment=car-t,surgery' }), 200);
    assert.match(body, /<option value="30" selected>30<\/option>/);
    assert.match(body, /<option value="car-t,surgery" selected>2 chosen<\/option>/);
  });

  it('shows a refused parameter beside its field as a 400 page, not JSON', async () => {
    const malformed = assertPage(await app.inject({ url: '/trials?postcode=zz' }), 400);
    assert.match(malformed, /id="f-postcode-error"/);
    const body = assertPage(await app.inject({ url: '/trials?postcode=BT1+1AA' }), 400);
    assert.match(body, /There is a problem with this search/);
    assert.match(body, /<a href="#f-postcode">/);
    assert.match(body, /id="f-postcode"[^>]*aria-invalid="true"/);
    const unknown = assertPage(await app.inject({ url: '/trials?staus=recruiting' }), 400);
    assert.match(unknown, /Unknown parameter &quot;staus&quot;/);
    assertPage(await app.inject({ url: '/trials?within=50' }), 400);
  });

  it('refuses parameters named after built-in object properties as unknown, and reads such values as words', async () => {
    for (const name of ['__proto__', 'constructor', 'toString']) {
      const body = assertPage(await app.inject({ url: `/trials?${name}=x` }), 400);
      assert.match(body, new RegExp(`Unknown parameter &quot;${name}&quot;`));
    }
    assertPage(await app.inject({ url: '/trials?country=constructor' }), 200);
  });

  it('shows a trial with split criteria, sites nearest first, registry links and words explained', async () => {
    const body = assertPage(await app.inject({ url: '/trials/isrctn12345678?postcode=NW1' }), 200);
    assert.match(body, /<h1>CAR T-Cell Therapy for Relapsed Acute Lymphoblastic Leukaemia in Older Adults<\/h1>/);
    const who = body.slice(body.indexOf('You may be able to join if'), body.indexOf('<p class="note">These are'));
    // "relapsed" was already explained where the summary used it: each word is marked once a page.
    assert.match(who, /<ul class="criteria"><li>Relapsed or <a class="term" href="#g-refractory" aria-describedby="g-refractory-text">refractory<\/a> B-cell ALL<\/li><li>Age 60 or over<\/li><\/ul>/);
    assert.match(who, /You cannot join if<\/h3>\n<ul class="criteria"><li>Active <a class="term" href="#g-graft-versus-host-disease" aria-describedby="g-graft-versus-host-disease-text">graft-versus-host disease<\/a><\/li><li>&lt;script&gt;alert\(1\)&lt;\/script&gt; in the registry text<\/li>/);
    // From London NW1: London, then Manchester, then Leeds (without a postcode, UK towns in alphabetical order).
    const order = [...body.matchAll(/<p class="hospital-name">([^<]+)<\/p>/g)].map((match) => match[1]);
    assert.deepEqual(order, ['University College Hospital', 'The Christie', 'St James&#39;s University Hospital']);
    assert.match(body, /Status here: Finished/);
    assert.match(body, /Nearest hospital taking part: <strong>\d\.\d miles away<\/strong>, University College Hospital, London/);
    // From Manchester the closed Christie is nearest, but the nearest hospital taking part is Leeds.
    const fromManchester = assertPage(await app.inject({ url: '/trials/NCT09300001?postcode=M20' }), 200);
    assert.match(fromManchester, /Nearest hospital taking part: <strong>\d+ miles away<\/strong>, St James&#39;s University Hospital, Leeds/);
    assert.match(body, /<a href="https:\/\/clinicaltrials.gov\/study\/NCT09300001">NCT09300001<\/a>/);
    assert.match(body, /<a href="https:\/\/www.isrctn.com\/ISRCTN12345678">/);
    assert.match(body, /<div id="g-refractory"><dt><dfn>refractory<\/dfn><\/dt><dd id="g-refractory-text">/);
    assert.match(body, /Talk to your specialist/);
    // Back to the same search, at the trial's own card.
    assert.match(body, /href="\/trials\?postcode=NW1#t-NCT09300001">Back to your search results/);
    assert.match(body, /<a href="\/match\?postcode=NW1">Could I take part\?/);
  });

  it('links back to the exact page of results the trial was opened from, and keeps the search when the postcode changes', async () => {
    const first = assertPage(await app.inject({ url: '/trials?q=leukaemia&pageSize=1&sort=updated' }), 200);
    const next = /<a rel="next" href="([^"]+)"/.exec(first)?.[1]?.replaceAll('&amp;', '&') ?? assert.fail('no next page');
    const second = assertPage(await app.inject({ url: next }), 200);
    const card = /<li class="result" id="t-([^"]+)">\n<h3><a href="([^"]+)"/.exec(second) ?? assert.fail('no result card');
    const trialUrl = card[2]?.replaceAll('&amp;', '&') ?? '';
    assert.ok(trialUrl.includes('pageToken='), trialUrl);
    const trial = assertPage(await app.inject({ url: trialUrl }), 200);
    const back = /<p class="back"><a href="([^"]+)">/.exec(trial)?.[1]?.replaceAll('&amp;', '&');
    assert.equal(back, `${next}#t-${card[1] ?? ''}`);
    // "Could I take part?" carries the search, not the page.
    assert.match(trial, /<a href="\/match\?q=leukaemia&amp;pageSize=1&amp;sort=updated">Could I take part\?/);
    assert.match(second, /<a href="\/match\?q=leukaemia&amp;pageSize=1&amp;sort=updated">Could I take part\?/);
    // The hospital postcode form keeps the search but not its page token, which belongs to the old place.
    const hidden = [...trial.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((match) => `${match[1]}=${match[2]}`);
    assert.deepEqual(hidden, ['q=leukaemia', 'pageSize=1', 'sort=updated']);
  });

  it('says plainly when a trial has no hospital in the UK, so a distance abroad is not read as one at home', async () => {
    const trial = assertPage(await app.inject({ url: '/trials/NCT09300003?postcode=LS1' }), 200);
    assert.match(trial, /No hospital in the UK is listed for this trial\. The nearest taking part is <strong>3,\d{3} miles away<\/strong>, in the United States: Dana-Farber Cancer Institute, Boston\./);
    assert.match(trial, /The registry lists no hospital in the UK for this trial\./);
    const results = assertPage(await app.inject({ url: '/trials?q=%22antibody+therapy+for+relapsed%22&postcode=LS1' }), 200);
    assert.match(results, /Nearest open hospital<\/dt><dd>3,\d{3} miles away, in the United States: Dana-Farber Cancer Institute, Boston/);
    assert.match(results, /None of the trials on this page lists a hospital in the UK\./);
    assert.match(results, /Skip to the 1 trial found/);
    // A UK trial's page says neither.
    assert.doesNotMatch(assertPage(await app.inject({ url: '/trials/NCT09300001?postcode=LS1' }), 200), /no hospital in the UK/i);
  });

  it('says plainly what a record lacks, and points to the registry page', async () => {
    const body = assertPage(await app.inject({ url: '/trials/NCT09300002' }), 200);
    assert.match(body, /Our copy of this trial’s record has no summary\. The <a href="#registries">registry’s page<\/a> may have one\./);
    assert.match(body, /<h3>Conditions for joining<\/h3>\n<p>Our copy of this trial’s record does not list them\./);
    assert.match(body, /<p class="trial-phase">Phase: not given in the registry record\.<\/p>/);
    assert.match(body, /<h3 id="registries">Registry records<\/h3>/);
    assert.match(body, /<a href="https:\/\/www.cancer.gov\/research\/participate\/clinical-trials-search\/v\?id=NCI-2020-00001">NCI-2020-00001<\/a>/);
    assert.match(body, /This trial runs at one hospital only/);
    assert.doesNotMatch(body, /class="back"/);
  });

  it('answers an unknown trial with a 404 page and a bad postcode on a trial with a 400 page', async () => {
    assert.match(assertPage(await app.inject({ url: '/trials/NCT00000000' }), 404), /Page not found/);
    assertPage(await app.inject({ url: '/trials/NCT09300001?postcode=nowhere' }), 400);
  });

  it('serves the glossary, help and trust pages, and the stylesheet from our own origin', async () => {
    const glossary = assertPage(await app.inject({ url: '/glossary' }), 200);
    for (const id of ['remission', 'refractory', 'relapse', 'allogeneic', 'graft-versus-host-disease', 'philadelphia-chromosome', 'minimal-residual-disease', 'phase', 'randomised', 'placebo']) {
      assert.match(glossary, new RegExp(`<div id="${id}"><dt><dfn>`), id);
    }
    assert.match(assertPage(await app.inject({ url: '/privacy' }), 200), /never the full address/);
    assert.match(assertPage(await app.inject({ url: '/accessibility' }), 200), /mailto:help@example.org/);
    assert.match(assertPage(await app.inject({ url: '/data-sources' }), 200), /Open Government Licence/);
    assertPage(await app.inject({ url: '/help' }), 200);
    const css = await app.inject({ url: '/assets/site.css' });
    assert.equal(css.statusCode, 200);
    assert.match(String(css.headers['content-type']), /^text\/css/);
    assert.match(css.body, /@media print/);
  });

  it('leaves the API its JSON errors', async () => {
    const response = await app.inject({ url: '/api/trials?staus=recruiting' });
    assert.equal(response.statusCode, 400);
    assert.match(String(response.headers['content-type']), /^application\/json/);
    const unknownRoute = await app.inject({ url: '/api/trails' });
    assert.equal(unknownRoute.statusCode, 404);
    assert.match(String(unknownRoute.headers['content-type']), /^application\/json/);
  });

  it('answers a mistyped address outside the API with a page, not JSON', async () => {
    assert.match(assertPage(await app.inject({ url: '/glossry' }), 404), /There is no page at this address/);
  });
});
