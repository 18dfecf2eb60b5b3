/**
 * The editor area in headless Chromium against the real server (over http, so with EDITOR_COOKIE_SECURE=false): every
 * editor page type passes axe and the page checks, and the first journey works with the keyboard and no script: an
 * admin signs in, adds an editor, signs out; the editor signs in, sees their role, and is refused the accounts page.
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
import { createMemoryStore } from '../support/memory-store.ts';
import { TEST_POSTCODES } from '../support/test-postcodes.ts';
import { browserMissing, launchBrowser } from './support/browser.ts';
import { E2E_SITE } from './support/demo-server.ts';
import { checkPageType, watchPage } from './support/page-checks.ts';

const missing = browserMissing();
if (missing !== null) console.log(missing);

const CHEAP = { ln: 10, r: 8, p: 1 };
const ADMIN = { email: 'admin@example.org', displayName: 'Ada <Admin>', password: 'a long enough password' };
const EDITOR = { email: 'ed@example.org', name: 'Ed Editor', password: 'another long password' };

describe('editor area in a browser', { skip: missing ?? false }, () => {
  let dir: string;
  let editorial: EditorialStore;
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
    app = await buildServer({ store: createMemoryStore(), postcodes: TEST_POSTCODES, site: E2E_SITE, editor: { store: editorial, settings, scrypt: CHEAP } });
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
});
