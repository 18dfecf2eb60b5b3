/**
 * Summaries, pages and the review queue through `inject()` on every backend (SQLite always, PostgreSQL with
 * TEST_DATABASE_URL): the whole cycle from automatic draft to the public trial page, staleness after a re-import,
 * the queue's filters, editorial pages, and the security refusals (wrong role, own text, missing or wrong form
 * token on every form, script in a summary), each checked to change nothing in the editorial tables.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { editorialBackends, type EditorialPlace } from '../../../test/support/editorial-backends.ts';
import { createMemoryStore, type MemoryStore } from '../../../test/support/memory-store.ts';
import { TEST_POSTCODES } from '../../../test/support/test-postcodes.ts';
import { addAccount, createFirstAdmin } from '../../editorial/accounts.ts';
import type { EditorialDeps } from '../../editorial/editorial-deps.ts';
import { signIn } from '../../editorial/sessions.ts';
import { DEFAULT_EDITOR_SETTINGS } from '../../editorial/settings.ts';
import { formTokenFor } from '../../editorial/tokens.ts';
import { buildServer } from '../../http/server.ts';
import { buildTrial, intervention, placedSite } from '../../storage/test-trials.ts';

const CHEAP = { ln: 10, r: 8, p: 1 };
const PASSWORD = 'a long enough password';
const SESSION = '__Secure-tf-editor';
const TRIAL = 'NCT04000001';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const SETTINGS = { ...DEFAULT_EDITOR_SETTINGS, review: { recruitingMonths: 6, otherMonths: 12, pageMonths: 24 } };

function trialVersion(lastUpdate: string, changed: boolean) {
  return buildTrial(TRIAL, {
    briefTitle: 'Blinatumomab for adults with relapsed ALL',
    briefSummary: 'The registry summary, in technical words.',
    conditions: ['Acute Lymphoblastic Leukemia'],
    interventions: [intervention('Blinatumomab')],
    phases: ['2'],
    status: changed ? 'active-not-recruiting' : 'recruiting',
    sites: [
      placedSite({ facility: 'Christie Hospital', city: 'Manchester', status: changed ? 'active-not-recruiting' : 'recruiting' }),
      ...(changed ? [placedSite({ facility: 'Leeds General', city: 'Leeds', status: 'recruiting' })] : [placedSite({ facility: 'Royal Marsden', city: 'London', status: 'recruiting' })]),
    ],
    eligibility: { criteria: 'Inclusion Criteria:\n- Age 18 or over', minAgeYears: 18 },
    dates: { lastUpdate },
  });
}

interface Browser {
  readonly cookie: string;
  readonly token: string;
}

for (const backend of editorialBackends()) {
  describe(`summaries, pages and the queue on ${backend.name}`, () => {
    let place: EditorialPlace;
    let trials: MemoryStore;
    let app: FastifyInstance;
    let clock = new Date('2026-03-02T09:00:00.000Z');
    let deps: EditorialDeps;
    let admin: Browser;
    let editor: Browser;
    let reviewer: Browser;

    const browserFor = async (email: string): Promise<Browser> => {
      const signed = await signIn(deps, { email, password: PASSWORD, address: '203.0.113.9' });
      return { cookie: `${SESSION}=${signed.token}`, token: formTokenFor(signed.token) };
    };
    const get = (browser: Browser | null, url: string): Promise<LightMyRequestResponse> =>
      app.inject({ method: 'GET', url, headers: browser === null ? {} : { cookie: browser.cookie } });
    const post = (browser: Browser, url: string, fields: Record<string, string>, token: string | null = browser.token): Promise<LightMyRequestResponse> =>
      app.inject({ method: 'POST', url, headers: { ...FORM, cookie: browser.cookie }, payload: new URLSearchParams({ ...fields, ...(token === null ? {} : { _csrf: token }) }).toString() });
    /** A change that must be refused: its status, its words, and nothing changed in any editorial table. */
    const refused = async (work: () => Promise<LightMyRequestResponse>, status: number, words: RegExp): Promise<void> => {
      const start = await place.snapshot();
      const response = await work();
      assert.equal(response.statusCode, status, response.body.slice(0, 400));
      assert.match(response.body, words);
      assert.equal(await place.snapshot(), start, 'nothing changed');
    };

    before(async () => {
      place = await backend.open();
      trials = createMemoryStore();
      await trials.upsertTrials([trialVersion('2026-01-10', false)]);
      deps = { store: place.store, settings: SETTINGS, now: () => clock, scrypt: CHEAP };
      const first = await createFirstAdmin(deps, { email: 'admin@example.org', displayName: 'Ada Admin', password: PASSWORD });
      await addAccount(deps, first, { email: 'ed@example.org', displayName: 'Ed Editor', role: 'editor', password: PASSWORD });
      await addAccount(deps, first, { email: 'rey@example.org', displayName: 'Rey Reviewer', role: 'reviewer', password: PASSWORD });
      app = await buildServer({ store: trials, postcodes: TEST_POSTCODES, editor: { store: place.store, settings: SETTINGS, trials, now: () => clock, scrypt: CHEAP } });
      [admin, editor, reviewer] = (await Promise.all(['admin@example.org', 'ed@example.org', 'rey@example.org'].map(browserFor))) as [Browser, Browser, Browser];
    });
    after(async () => {
      await app.close();
      await place.dispose();
    });

    const SUMMARY = `/editor/summaries/${TRIAL}`;

    it('opens a summary with the automatic draft and its readability, and previews typed text without saving it', async () => {
      const page = await get(editor, SUMMARY);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /automatic first draft/);
      assert.match(page.body, /<textarea id="f-body" name="body"[^>]*>This trial/);
      assert.match(page.body, /Flesch reading ease <strong>-?\d+<\/strong>/);
      assert.match(page.body, /reading age <strong>\d+<\/strong>/);
      const start = await place.snapshot();
      const preview = await post(editor, `${SUMMARY}/preview`, { version: '0', body: 'First words.\n\n- one\n- two' });
      assert.equal(preview.statusCode, 200);
      assert.match(preview.body, /Preview: how it will look/);
      assert.match(preview.body, /<ul><li>one<\/li><li>two<\/li><\/ul>/);
      assert.equal(await place.snapshot(), start, 'a preview saves nothing');
    });

    it('refuses every new form without its token or with another session’s, changing nothing', async () => {
      for (const action of ['preview', 'save', 'submit', 'approve', 'send-back']) {
        for (const token of [null, reviewer.token]) {
          await refused(() => post(editor, `${SUMMARY}/${action}`, { version: '0', body: 'Words.', comment: 'x' }, token), 403, /did not come from this site, so nothing was changed/);
        }
      }
      for (const action of ['preview', 'save', 'submit', 'approve', 'send-back']) {
        await refused(() => post(editor, `/editor/pages/research-into-all/${action}`, { version: '0', title: 'T', body: 'B', comment: 'x' }, null), 403, /nothing was changed/);
      }
      await refused(
        () => app.inject({ method: 'POST', url: `${SUMMARY}/save`, headers: FORM, payload: 'version=0&body=x' }),
        401,
        /You are not signed in/,
      );
    });

    it('refuses drafting to a reviewer, and reviewing to an editor, changing nothing', async () => {
      await refused(() => post(reviewer, `${SUMMARY}/save`, { version: '0', body: 'Words.' }), 403, /only editors and administrators can do it/);
      await refused(() => post(reviewer, `${SUMMARY}/preview`, { version: '0', body: 'Words.' }), 403, /only editors and administrators/);
      assert.equal((await post(editor, `${SUMMARY}/save`, { version: '0', body: 'Draft words.' })).statusCode, 303);
      assert.equal((await post(editor, `${SUMMARY}/submit`, { version: '1', body: 'Draft words.' })).statusCode, 303);
      await refused(() => post(editor, `${SUMMARY}/approve`, { version: '1' }), 403, /only reviewers and administrators can do it/);
      await refused(() => post(editor, `${SUMMARY}/send-back`, { version: '1', comment: 'No.' }), 403, /only reviewers and administrators/);
      await refused(() => post(editor, `${SUMMARY}/save`, { version: '1', body: 'Sneaky change.' }), 409, /waiting for review and cannot be changed/);
    });

    it('sends text back only with a comment, which the editor then sees', async () => {
      await refused(() => post(reviewer, `${SUMMARY}/send-back`, { version: '1', comment: '  ' }), 400, /Say what needs to change/);
      await refused(() => post(reviewer, `${SUMMARY}/approve`, { version: '9' }), 409, /Someone else changed this text/);
      const back = await post(reviewer, `${SUMMARY}/send-back`, { version: '1', comment: 'Say who can join.' });
      assert.equal(back.statusCode, 303);
      const page = await get(editor, SUMMARY);
      assert.match(page.body, /Reviewer’s comment:/);
      assert.match(page.body, /Say who can join\./);
    });

    it('stores script typed into a summary as typed and shows it escaped, never as markup', async () => {
      const script = 'Adults can join.\n\n<script>alert("x")</script><img src=x onerror=alert(1)>';
      assert.equal((await post(editor, `${SUMMARY}/save`, { version: '1', body: script })).statusCode, 303);
      const stored = await place.store.getDocument({ kind: 'trial-summary', key: TRIAL });
      assert.equal(stored?.working?.body, script);
      const preview = await post(editor, `${SUMMARY}/preview`, { version: '1', body: script });
      assert.match(preview.body, /looks like HTML/);
      for (const body of [preview.body, (await get(editor, SUMMARY)).body]) {
        assert.ok(!body.includes('<script>alert'), 'no script element');
        assert.ok(!body.includes('<img src=x'), 'no image element');
        assert.match(body, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;/);
      }
    });

    it('lets no one approve their own text, administrators included', async () => {
      assert.equal((await post(admin, `${SUMMARY}/submit`, { version: '1', body: 'Adults with ALL that came back can join.' })).statusCode, 303);
      await refused(() => post(admin, `${SUMMARY}/approve`, { version: '1' }), 409, /You wrote or submitted this text/);
    });

    it('publishes approved text on the trial page with its review dates, the registry summary folded beneath', async () => {
      const before = await get(null, `/trials/${TRIAL}`);
      assert.doesNotMatch(before.body, /Last reviewed/);
      const approved = await post(reviewer, `${SUMMARY}/approve`, { version: '1' });
      assert.equal(approved.statusCode, 303);
      assert.equal(approved.headers.location, `${SUMMARY}?done=approved`);
      const page = await get(null, `/trials/${TRIAL}`);
      assert.match(page.body, /<h2 id="what">What the trial is testing<\/h2>\s*<div class="plain-summary">\s*<p>Adults with ALL that came back can join\.<\/p>/);
      assert.match(page.body, /Last reviewed <time datetime="2026-03-02T09:00:00.000Z">2 March 2026<\/time>\. Next review due <time datetime="2026-09-02T09:00:00.000Z">2 September 2026<\/time>\./);
      assert.match(page.body, /<summary>The registry’s own summary<\/summary><p>The registry summary, in technical words\.<\/p>/);
      const actions = (await place.store.listAudit({ limit: 20, offset: 0 })).entries.filter((entry) => entry.entity === `document:trial-summary:${TRIAL}`);
      assert.deepEqual(
        actions.map((entry) => `${entry.action} by ${entry.actorLabel}`),
        [
          'document.approve by rey@example.org',
          'document.submit by admin@example.org',
          'document.save by admin@example.org',
          'document.save by ed@example.org',
          'document.send-back by rey@example.org',
          'document.submit by ed@example.org',
          'document.save by ed@example.org',
        ],
        'submitting unchanged words records no second save',
      );
    });

    it('flags the summary for re-review with a field-by-field diff once an import changes the trial', async () => {
      const quiet = await get(editor, '/editor/queue?state=needs-re-review');
      assert.match(quiet.body, /Nothing in the queue matches/);
      await trials.upsertTrials([trialVersion('2026-02-20', true)]);
      const queue = await get(editor, '/editor/queue?state=needs-re-review&kind=trial-summary&sort=updated');
      assert.equal(queue.statusCode, 200);
      assert.match(queue.body, /Blinatumomab for adults with relapsed ALL/);
      assert.match(queue.body, /Needs re-review: the trial changed/);
      assert.match(queue.body, /<dt>Recruitment status<\/dt><dd>When approved: Recruiting \(recruiting\)<br>Now: Closed to new patients \(active-not-recruiting\)<\/dd>/);
      assert.match(queue.body, /Added: Leeds General, Leeds, United Kingdom \(Recruiting \(recruiting\)\)/);
      assert.match(queue.body, /Removed: Royal Marsden, London, United Kingdom/);
      assert.match(queue.body, /Status changed: Christie Hospital, Manchester, United Kingdom, from Recruiting \(recruiting\) to Closed to new patients \(active-not-recruiting\)/);
      assert.match(queue.body, /<option value="needs-re-review" selected>/);
      const view = await get(editor, SUMMARY);
      assert.match(view.body, /Needs re-review: the trial has changed/);
      const pages = await get(editor, '/editor/queue?kind=page');
      assert.doesNotMatch(pages.body, /Blinatumomab/);
      await refused(() => get(editor, '/editor/queue?state=lost'), 400, /Choose the state from the list/);
    });

    it('lists a summary as overdue once its next review date has passed', async () => {
      assert.doesNotMatch((await get(reviewer, '/editor/queue?state=overdue')).body, /Blinatumomab/);
      clock = new Date('2026-09-03T09:00:00.000Z');
      // Six months on, everyone signs in again.
      [admin, editor, reviewer] = (await Promise.all(['admin@example.org', 'ed@example.org', 'rey@example.org'].map(browserFor))) as [Browser, Browser, Browser];
      assert.match((await get(reviewer, '/editor/queue?state=overdue')).body, /Blinatumomab/);
    });

    it('runs editorial pages through the same cycle and publishes them at /about/{slug}', async () => {
      const start = await get(editor, '/editor/pages?slug=Research-Into-ALL');
      assert.equal(start.statusCode, 303);
      assert.equal(start.headers.location, '/editor/pages/research-into-all');
      await refused(() => get(editor, '/editor/pages?slug=no%20spaces'), 400, /lower-case letters/);
      await refused(() => post(editor, '/editor/pages/research-into-all/save', { version: '0', title: '', body: 'Words.' }), 400, /Give the page a title/);
      assert.equal((await get(null, '/about/research-into-all')).statusCode, 404);
      const body = 'Researchers are looking for better treatments.\n\n- chemotherapy\n- targeted drugs';
      assert.equal((await post(editor, '/editor/pages/research-into-all/submit', { version: '0', title: 'Research into ALL', body })).statusCode, 303);
      assert.equal((await get(null, '/about/research-into-all')).statusCode, 404, 'not published before approval');
      assert.equal((await post(reviewer, '/editor/pages/research-into-all/approve', { version: '1' })).statusCode, 303);
      const page = await get(null, '/about/research-into-all');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<h1>Research into ALL<\/h1>/);
      assert.match(page.body, /<li><a class="term" href="\/glossary#chemotherapy"[^>]*>chemotherapy<\/a><\/li>|<li>chemotherapy<\/li>/);
      assert.match(page.body, /Last reviewed <time[^>]*>3 September 2026<\/time>\. Next review due <time[^>]*>3 September 2028<\/time>/);
      assert.match((await get(null, '/about')).body, /<a href="\/about\/research-into-all">Research into ALL<\/a>/);
      assert.match((await get(editor, '/editor/pages')).body, /Published; next review due 3 September 2028/);
    });
  });
}
