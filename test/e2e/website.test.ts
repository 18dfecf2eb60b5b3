/**
 * The website in headless Chromium against the real server and real demo records: every page type passes axe with
 * zero violations and the page checks (support/page-checks.ts), and a patient's journey works by keyboard alone and
 * at phone width: search, filter by cancer, treatment and status, use a postcode, order nearest first, remove a
 * filter, page, open a trial, read who can join, and print it.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserMissing, launchBrowser } from './support/browser.ts';
import { startDemoServer } from './support/demo-server.ts';
import type { DemoServer } from './support/demo-server.ts';
import { PHONE, SCREENSHOTS, axeViolations, checkPageType, focusedElement, tabTo, watchPage } from './support/page-checks.ts';

const missing = browserMissing();
if (missing !== null) console.log(missing);

const ALL_IMMUNOTHERAPY = 'cancerType=acute-lymphoblastic-leukaemia&treatment=immunotherapy';

describe('website in a browser', { skip: missing ?? false }, () => {
  let server: DemoServer;
  let browser: Browser;
  /** With page scripts off, as a visitor without JavaScript: the journeys run here. */
  let noScript: BrowserContext;
  /** axe-core runs as a script in the page, so the accessibility checks need scripts on; our pages carry none. */
  let checking: BrowserContext;
  let page: Page;
  let checked: Page;
  const problems: string[] = [];

  before(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
    noScript = await browser.newContext({ javaScriptEnabled: false });
    checking = await browser.newContext();
    page = await noScript.newPage();
    checked = await checking.newPage();
    watchPage(page, server.origin, problems);
    watchPage(checked, server.origin, problems);
  });
  after(async () => {
    await noScript?.close();
    await checking?.close();
    await browser?.close();
    await server?.close();
  });

  it('passes axe and the page checks on every page type, at phone and desktop widths', async () => {
    const trialPath = await firstTrialPath(checked, server.origin, `/trials?${ALL_IMMUNOTHERAPY}`);
    const pages: readonly [string, string, number?][] = [
      ['/', 'home'],
      ['/trials', 'search'],
      [`/trials?${ALL_IMMUNOTHERAPY}&status=recruiting&postcode=LS1&sort=distance`, 'results'],
      ['/trials?q=zzzqqq', 'no-results'],
      [`${trialPath}?postcode=LS1`, 'trial'],
      ['/glossary', 'glossary'],
      ['/help', 'help'],
      ['/accessibility', 'accessibility'],
      ['/privacy', 'privacy'],
      ['/data-sources', 'data-sources'],
      ['/trials?postcode=BT1+1AA', 'search-error', 400],
      ['/trials/NCT00000000', 'not-found', 404],
    ];
    for (const [path, name, status] of pages) await checkPageType(checked, server.origin, path, name, status);
    assert.deepEqual(problems, []);
  });

  it('finds recruiting ALL immunotherapy trials near a postcode and opens one, by keyboard alone on a phone-sized screen', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${server.origin}/`);
    // The first Tab reaches the skip link, and it shows.
    assert.match(await tabTo(page, () => true), /skip to main content/i);

    await tabTo(page, (focused) => focused.startsWith('input#f-q'));
    await page.keyboard.type('leukaemia');
    await tabTo(page, (focused) => focused.startsWith('input#f-postcode'));
    await page.keyboard.type('LS1 3EX');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/trials\?q=leukaemia&postcode=LS1\+3EX/);

    // Choose filters by typing the start of an option, as keyboard users do in a list box.
    await page.keyboard.press('Escape');
    await tabTo(page, (focused) => focused.startsWith('input#f-q'));
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await tabTo(page, (focused) => focused.startsWith('select#f-cancerType'));
    await page.keyboard.type('Acute lymphoblastic');
    await tabTo(page, (focused) => focused.startsWith('select#f-treatment'));
    await page.keyboard.type('Immuno');
    await tabTo(page, (focused) => focused.startsWith('select#f-status'));
    await page.keyboard.type('Recruiting');
    await tabTo(page, (focused) => focused.startsWith('select#f-sort'));
    await page.keyboard.type('Nearest');
    await tabTo(page, (focused) => focused.startsWith('button'));
    await page.keyboard.press('Enter');
    await page.waitForURL(/cancerType=acute-lymphoblastic-leukaemia/);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('treatment'), 'immunotherapy');
    assert.equal(url.searchParams.get('status'), 'recruiting');
    assert.equal(url.searchParams.get('sort'), 'distance');
    assert.equal(url.searchParams.get('postcode'), 'LS1 3EX');

    const heading = await page.locator('#results-heading').innerText();
    assert.match(heading, /^\d+ trials? found$/);
    const distances = await page.locator('.result dt:text("Nearest open hospital") + dd').allInnerTexts();
    assert.ok(distances.length > 0, 'each result shows its nearest open hospital');
    const miles = distances.map((text) => Number(/([\d,.]+) miles?/.exec(text)?.[1]?.replace(',', '') ?? NaN)).filter((value) => !Number.isNaN(value));
    assert.deepEqual(miles, [...miles].sort((a, b) => a - b), 'nearest first');

    // Skip past the form to the results, then open the first trial.
    const title = await page.locator('.result h3 a').first().innerText();
    await tabTo(page, (focused) => /skip to the results/i.test(focused));
    await page.keyboard.press('Enter');
    await tabTo(page, (focused) => focused === `a# ${title.slice(0, 60)}`);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/trials\/[^?]+\?/);
    assert.equal(await page.locator('h1').innerText(), title);
    // Who can join: the limits, then the conditions as lists (or, for records without them, a note saying so).
    const who = await page.locator('section[aria-labelledby="who"]').innerText();
    assert.match(who, /Age\s+(Ages|Up to|Any)/);
    assert.match(who, /You may be able to join if[\s\S]+You cannot join if/);
    assert.match(await page.locator('section[aria-labelledby="where"]').innerText(), /\d+ hospitals?, nearest first/);
    assert.match(await page.locator('.specialist').innerText(), /Talk to your specialist/);

    // Back to the results by keyboard, still the same search.
    await page.locator('.back a').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/trials\?/);
    assert.equal(new URL(page.url()).searchParams.get('sort'), 'distance');
    assert.deepEqual(problems, []);
  });

  it('removes filters one by one and pages through results', async () => {
    await page.goto(`${server.origin}/trials?${ALL_IMMUNOTHERAPY}&pageSize=5`);
    const before = Number((await page.locator('#results-heading').innerText()).replace(/\D/g, ''));
    const chip = page.locator('a.chip', { hasText: 'Treatment: Immunotherapy' });
    await chip.focus();
    assert.ok((await focusedElement(page)).visible);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('treatment') === null);
    const after = Number((await page.locator('#results-heading').innerText()).replace(/\D/g, ''));
    assert.ok(after >= before, `removing a filter cannot find fewer trials (${before} → ${after})`);
    assert.equal(new URL(page.url()).searchParams.get('cancerType'), 'acute-lymphoblastic-leukaemia');

    const firstPage = await page.locator('.result h3 a').allInnerTexts();
    await page.locator('a[rel="next"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/pageToken=/);
    const secondPage = await page.locator('.result h3 a').allInnerTexts();
    assert.equal(secondPage.length, 5);
    assert.deepEqual(secondPage.filter((title) => firstPage.includes(title)), []);
    await page.locator('.paging a', { hasText: 'First page' }).click();
    assert.deepEqual(await page.locator('.result h3 a').allInnerTexts(), firstPage);
  });

  it('prints a trial on paper without the site navigation or forms', async () => {
    const trialPath = await firstTrialPath(checked, server.origin, `/trials?${ALL_IMMUNOTHERAPY}`);
    await checked.setViewportSize(PHONE);
    await checked.goto(`${server.origin}${trialPath}?postcode=LS1`);
    await checked.emulateMedia({ media: 'print' });
    assert.equal(await checked.locator('.site-header').isVisible(), false);
    assert.equal(await checked.locator('form').first().isVisible(), false);
    assert.equal(await checked.locator('.print-note').isVisible(), true);
    assert.equal(await checked.locator('h1').isVisible(), true);
    assert.deepEqual(await axeViolations(checked), []);
    await checked.setViewportSize({ width: 794, height: 1123 });
    await checked.screenshot({ path: join(SCREENSHOTS, 'trial-print.png'), fullPage: true });
    await checked.emulateMedia({ media: 'screen' });
  });
});

/** The address of the first trial a search lists. */
async function firstTrialPath(page: Page, origin: string, search: string): Promise<string> {
  await page.goto(origin + search);
  const href = await page.locator('.result h3 a').first().getAttribute('href');
  assert.ok(href !== null);
  return href.replace(/\?.*$/, '');
}
