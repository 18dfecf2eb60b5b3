/**
 * The editor area in headless Chromium against the real server (over http, so with EDITOR_COOKIE_SECURE=false): every
 * editor page type passes axe and the page checks, and the journeys work with the keyboard and no script: an admin
 * signs in, adds an editor, signs out; the editor signs in, sees their role, and is refused the accounts page. Then
 * issue 7's "Done means": an admin adds an editor and a reviewer; the editor drafts a trial's summary from the
 * automatic draft, previews it and submits it; the reviewer approves it; the public trial page shows it with its
 * review dates; a registry re-import that changes the trial puts it in the queue with a diff.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createFirstAdmin } from '../../src/editorial/accounts.ts';
import { DEFAULT_EDITOR_SETTINGS } from '../../src/editorial/settings.ts';
import { buildServer } from '../../src/http/server.ts';
import type { EditorialStore } from '../../src/storage/editorial-store.ts';
import { openSqliteEditorialStore } from '../../src/storage/sqlite/editorial-store.ts';
import { buildTrial, intervention, placedSite } from '../../src/storage/test-trials.ts';
import { createMemoryStore, type MemoryStore } from '../support/memory-store.ts';
import { TEST_POSTCODES } from '../support/test-postcodes.ts';
import { browserMissing, launchBrowser } from './support/browser.ts';
import { E2E_SITE } from './support/demo-server.ts';
import { checkPageType, watchPage } from './support/page-checks.ts';

const missing = browserMissing();
if (missing !== null) console.log(missing);

const CHEAP = { ln: 10, r: 8, p: 1 };
const ADMIN = { email: 'admin@example.org', displayName: 'Ada <Admin>', password: 'a long enough password' };
const EDITOR = { email: 'ed@example.org', name: 'Ed Editor', password: 'another long password' };
const WRITER = { email: 'eve@example.org', name: 'Eve Writer', password: 'eve writes plain words' };
const REVIEWER = { email: 'rey@example.org', name: 'Rey Reviewer', password: 'rey checks every word' };
const TRIAL = 'NCT04000002';

/** A recruiting ALL trial as first imported, and as a later registry update changes it (status, sites, ages). */
function trialRecord(updated: boolean) {
  return buildTrial(TRIAL, {
    briefTitle: 'Inotuzumab Ozogamicin for Adults With Relapsed Acute Lymphoblastic Leukaemia',
    briefSummary: 'This phase II trial studies how well inotuzumab ozogamicin works in treating adults with relapsed B-cell ALL.',
    conditions: ['Acute Lymphoblastic Leukemia'],
    interventions: [intervention('Inotuzumab Ozogamicin', [], 'biological')],
    phases: ['2'],
    status: updated ? 'active-not-recruiting' : 'recruiting',
    sites: [placedSite({ facility: 'Christie Hospital', city: 'Manchester', status: updated ? 'active-not-recruiting' : 'recruiting' })],
    eligibility: { criteria: 'Inclusion Criteria:\n- Relapsed B-cell ALL', minAgeYears: updated ? 16 : 18 },
    dates: { lastUpdate: updated ? '2026-02-01' : '2026-01-01' },
  });
}

describe('editor area in a browser', { skip: missing ?? false }, () => {
  let dir: string;
  let editorial: EditorialStore;
  let trials: MemoryStore;
  let app: FastifyInstance;
  let origin: string;
  let browser: Browser;
  let noScript: BrowserContext;
  let checking: BrowserContext;
  let page: Page;
  let checked: Page;
  const problems: string[] = [];

  /** Signs in through the form, by keyboard. */
  async function signIn(on: Page, email: string, password: string): Promise<void> {
    await on.goto(`${origin}/editor/login`);
    await on.locator('#f-email').fill(email);
    await on.locator('#f-password').fill(password);
    await on.locator('#f-password').press('Enter');
    await on.waitForURL(`${origin}/editor`);
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'trialfinder-e2e-editor-'));
    editorial = await openSqliteEditorialStore(join(dir, 'editorial.sqlite'));
    const settings = { ...DEFAULT_EDITOR_SETTINGS, cookieSecure: false };
    await createFirstAdmin({ store: editorial, settings, now: () => new Date(), scrypt: CHEAP }, ADMIN);
    trials = createMemoryStore();
    await trials.upsertTrials([trialRecord(false)]);
    app = await buildServer({ store: trials, postcodes: TEST_POSTCODES, site: E2E_SITE, editor: { store: editorial, settings, scrypt: CHEAP, trials } });
    origin = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
    noScript = await browser.newContext({ javaScriptEnabled: false });
    checking = await browser.newContext();
    page = await noScript.newPage();
    checked = await checking.newPage();
    watchPage(page, origin, problems);
    watchPage(checked, origin, problems);
  });
  after(async () => {
    await noScript?.close();
    await checking?.close();
    await browser?.close();
    await app?.close();
    await editorial?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes axe and the page checks on every editor page type', async () => {
    await checkPageType(checked, origin, '/editor/login', 'editor-login');
    await signIn(checked, ADMIN.email, ADMIN.password);
    await checkPageType(checked, origin, '/editor', 'editor-dashboard');
    await checkPageType(checked, origin, '/editor/users', 'editor-users');
    await checkPageType(checked, origin, '/editor/audit', 'editor-audit');
    await checkPageType(checked, origin, '/editor/users/1/remove', 'editor-remove-self');
    await checkPageType(checked, origin, '/editor/queue', 'editor-queue');
    await checkPageType(checked, origin, `/editor/summaries/${TRIAL}`, 'editor-summary-draft');
    await checkPageType(checked, origin, '/editor/pages', 'editor-pages');
    await checkPageType(checked, origin, '/editor/pages/research-into-all', 'editor-page-new');
    await checkPageType(checked, origin, '/about', 'editorial-index');
    await checkPageType(checked, origin, '/editor/nowhere', 'editor-not-found', 404);
    assert.deepEqual(problems, []);
  });

  it('lets an admin add an editor, who then signs in and is refused the admin pages', async () => {
    await signIn(page, ADMIN.email, ADMIN.password);
    assert.match((await page.locator('main').textContent()) ?? '', /signed in as Ada <Admin>/);
    await page.goto(`${origin}/editor/users`);
    await page.locator('#f-email').fill(EDITOR.email);
    await page.locator('#f-displayName').fill(EDITOR.name);
    await page.locator('#f-role').selectOption('editor');
    await page.locator('#f-password').fill(EDITOR.password);
    await page.locator('#f-password').press('Enter');
    await page.waitForURL(`${origin}/editor/users?done=added`);
    assert.match((await page.locator('main').textContent()) ?? '', /Ed Editor/);
    await page.getByRole('button', { name: 'Sign out' }).press('Enter');
    await page.waitForURL(`${origin}/editor/login?note=signed-out`);

    await signIn(page, EDITOR.email, EDITOR.password);
    assert.match((await page.locator('main').textContent()) ?? '', /Your role is Editor/);
    assert.equal(await page.locator('a[href="/editor/users"]').count(), 0);
    const refused = await page.goto(`${origin}/editor/users`);
    assert.equal(refused?.status(), 403);
    assert.match((await page.locator('main').textContent()) ?? '', /only administrators can do it/);
    assert.deepEqual(problems, []);
  });

  /** Adds an account through the accounts form, by keyboard. */
  async function addAccountAs(on: Page, account: { email: string; name: string; password: string }, role: string): Promise<void> {
    await on.goto(`${origin}/editor/users`);
    await on.locator('#f-email').fill(account.email);
    await on.locator('#f-displayName').fill(account.name);
    await on.locator('#f-role').selectOption(role);
    await on.locator('#f-password').fill(account.password);
    await on.locator('#f-password').press('Enter');
    await on.waitForURL(`${origin}/editor/users?done=added`);
  }

  async function signOut(on: Page): Promise<void> {
    await on.getByRole('button', { name: 'Sign out' }).press('Enter');
    await on.waitForURL(`${origin}/editor/login?note=signed-out`);
  }

  const mainText = async (on: Page): Promise<string> => (await on.locator('main').textContent()) ?? '';

  it('takes a summary from automatic draft to the public trial page, then flags it when the registry changes', async () => {
    await signIn(page, ADMIN.email, ADMIN.password);
    await addAccountAs(page, WRITER, 'editor');
    await addAccountAs(page, REVIEWER, 'reviewer');
    await signOut(page);

    // The editor finds the trial from the queue, starts from the automatic draft, previews, then submits.
    await signIn(page, WRITER.email, WRITER.password);
    await page.getByRole('link', { name: 'Review queue' }).press('Enter');
    await page.waitForURL(`${origin}/editor/queue`);
    await page.locator('#f-trial').fill(TRIAL);
    await page.locator('#f-trial').press('Enter');
    await page.waitForURL(`${origin}/editor/summaries/${TRIAL}`);
    assert.match(await mainText(page), /automatic first draft/);
    assert.match(await page.locator('#f-body').inputValue(), /inotuzumab ozogamicin/i);
    assert.match(await mainText(page), /Flesch reading ease \d+/);
    const summary = 'This trial tests a drug called inotuzumab ozogamicin for adults whose ALL has come back.\n\n- It is for people aged 18 or over.\n- It runs at the Christie Hospital in Manchester.';
    await page.locator('#f-body').fill(summary);
    await page.getByRole('button', { name: 'Preview' }).press('Enter');
    await page.waitForURL(`${origin}/editor/summaries/${TRIAL}/preview`);
    assert.match(await page.locator('.preview').textContent() ?? '', /It runs at the Christie Hospital in Manchester\./);
    assert.equal(await page.locator('.preview li').count(), 2);
    await page.getByRole('button', { name: 'Save and submit for review' }).press('Enter');
    await page.waitForURL(`${origin}/editor/summaries/${TRIAL}?done=submitted`);
    assert.match(await mainText(page), /Waiting for review \(version 1\)/);
    // And an editorial page, started from its address.
    await page.getByRole('link', { name: 'Pages', exact: true }).press('Enter');
    await page.locator('#f-slug').fill('research-into-all');
    await page.locator('#f-slug').press('Enter');
    await page.waitForURL(`${origin}/editor/pages/research-into-all`);
    await page.locator('#f-title').fill('Research into ALL');
    await page.locator('#f-body').fill('Researchers are looking for better ways to treat ALL.\n\n- Targeted drugs\n- Immunotherapy');
    await page.getByRole('button', { name: 'Save and submit for review' }).press('Enter');
    await page.waitForURL(`${origin}/editor/pages/research-into-all?done=submitted`);
    await signOut(page);
    await checkPageType(checked, origin, `/editor/summaries/${TRIAL}`, 'editor-summary-review');

    // The reviewer finds it waiting in the queue and approves it.
    await signIn(page, REVIEWER.email, REVIEWER.password);
    await page.goto(`${origin}/editor/queue?state=submitted`);
    await page.getByRole('link', { name: /Inotuzumab Ozogamicin for Adults/ }).press('Enter');
    await page.waitForURL(`${origin}/editor/summaries/${TRIAL}`);
    await page.getByRole('button', { name: 'Approve and publish' }).press('Enter');
    await page.waitForURL(`${origin}/editor/summaries/${TRIAL}?done=approved`);
    await page.goto(`${origin}/editor/pages/research-into-all`);
    await page.getByRole('button', { name: 'Approve and publish' }).press('Enter');
    await page.waitForURL(`${origin}/editor/pages/research-into-all?done=approved`);

    // The public trial page shows the approved words with their review dates (six months: the trial is recruiting).
    await page.goto(`${origin}/trials/${TRIAL}`);
    const what = (await page.locator('section[aria-labelledby="what"]').textContent()) ?? '';
    assert.match(what, /adults whose ALL has come back/);
    const today = new Date();
    const date = (d: Date): string => d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
    const due = new Date(today);
    due.setUTCMonth(due.getUTCMonth() + 6);
    assert.match(what, new RegExp(`Last reviewed ${date(today)}\\. Next review due \\d+ ${date(due).split(' ').slice(1).join(' ')}\\.`));

    // A registry re-import changes the trial: the queue flags it for re-review with what changed.
    assert.deepEqual(await trials.upsertTrials([trialRecord(true)]), ['updated']);
    await page.goto(`${origin}/editor/queue`);
    await page.locator('#f-state').selectOption('needs-re-review');
    await page.getByRole('button', { name: 'Show', exact: true }).press('Enter');
    await page.waitForURL(`${origin}/editor/queue?state=needs-re-review&kind=&sort=due`);
    const queue = await mainText(page);
    assert.match(queue, /Needs re-review: the trial changed/);
    assert.match(queue, /Recruitment status\s*When approved: Recruiting \(recruiting\)\s*Now: Closed to new patients \(active-not-recruiting\)/);
    assert.match(queue, /Youngest age\s*When approved: 18\s*Now: 16/);
    assert.match(queue, /Status changed: Christie Hospital, Manchester, United Kingdom, from Recruiting \(recruiting\) to Closed to new patients/);
    await signOut(page);

    await checkPageType(checked, origin, '/editor/queue?state=needs-re-review', 'editor-queue-flagged');
    await checkPageType(checked, origin, `/editor/summaries/${TRIAL}`, 'editor-summary-flagged');
    await checkPageType(checked, origin, `/trials/${TRIAL}`, 'trial-with-summary');
    await checkPageType(checked, origin, '/about/research-into-all', 'editorial-page');
    assert.match((await checked.locator('main').textContent()) ?? '', /Research into ALL[\s\S]*Immunotherapy[\s\S]*Last reviewed/);
    assert.deepEqual(problems, []);
  });
});
