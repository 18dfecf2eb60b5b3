/**
 * The website in headless Chromium against the real server and real demo records: every page type passes axe with
 * zero violations and the page checks (support/page-checks.ts) at desktop, phone, 320 px and 200% zoom, and a
 * patient's journey works by keyboard alone, with visible focus, at phone width: search, filter by cancer,
 * treatment and status, use a postcode, order nearest first, open a trial, read who can join, print it, and go back
 * to the same results; then remove a filter and page. Each page of the journey passes axe as well.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserMissing, launchBrowser } from './support/browser.ts';
import { startDemoServer } from './support/demo-server.ts';
import type { DemoServer } from './support/demo-server.ts';
import { PHONE, SCREENSHOTS, ZOOM_200, axeViolations, checkPageType, checkZoom, focusedElement, tabTo, watchPage } from './support/page-checks.ts';

const missing = browserMissing();
if (missing !== null) console.log(missing);

const ALL_IMMUNOTHERAPY = 'cancerType=acute-lymphoblastic-leukaemia&treatment=immunotherapy';
/**
 * The recruiting ALL immunotherapy trial of the demo subset whose record lists its criteria (the real NCI record
 * NCT04681105, nested lists and all); the others near LS1 are partial NCI records without them.
 */
const WITH_CRITERIA = { id: 'NCT04681105', title: /^Flotetuzumab for the Treatment/ };

describe('website in a browser', { skip: missing ?? false }, () => {
  let server: DemoServer;
  let browser: Browser;
  /** With page scripts off, as a visitor without JavaScript: the journeys run here. */
  let noScript: BrowserContext;
  /** axe-core runs as a script in the page, so the accessibility checks need scripts on; our pages carry none. */
  let checking: BrowserContext;
  /** A desktop window at 200% zoom. */
  let zooming: BrowserContext;
  let page: Page;
  let checked: Page;
  let zoomed: Page;
  const problems: string[] = [];

  before(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
    noScript = await browser.newContext({ javaScriptEnabled: false });
    checking = await browser.newContext();
    page = await noScript.newPage();
    checked = await checking.newPage();
    zooming = await browser.newContext(ZOOM_200);
    zoomed = await zooming.newPage();
    watchPage(page, server.origin, problems);
    watchPage(checked, server.origin, problems);
    watchPage(zoomed, server.origin, problems);
  });
  after(async () => {
    await noScript?.close();
    await checking?.close();
    await zooming?.close();
    await browser?.close();
    await server?.close();
  });

  /** Zero axe violations on the page the journey is on, opened again where scripts may run (axe is a script). */
  async function assertAxeClean(url: string): Promise<void> {
    await checked.setViewportSize(PHONE);
    await checked.goto(url);
    assert.deepEqual(await axeViolations(checked), [], `axe on ${url}`);
  }

  it('passes axe and the page checks on every page type, at phone and desktop widths, 320 px and 200% zoom', async () => {
    const trialPath = await firstTrialPath(checked, server.origin, `/trials?${ALL_IMMUNOTHERAPY}`);
    const pages: readonly [string, string, number?][] = [
      ['/', 'home'],
      ['/trials', 'search'],
      [`/trials?${ALL_IMMUNOTHERAPY}&status=recruiting&postcode=LS1&sort=distance`, 'results'],
      ['/trials?q=zzzqqq', 'no-results'],
      [`${trialPath}?postcode=LS1`, 'trial'],
      // A partial NCI record: no summary, phase or criteria, and no hospital in the UK.
      ['/trials/NCT03914625?postcode=LS1', 'trial-partial-record'],
      [`/trials/${WITH_CRITERIA.id}?${ALL_IMMUNOTHERAPY}&status=recruiting&postcode=LS1&sort=distance`, 'trial-criteria'],
      ['/glossary', 'glossary'],
      ['/help', 'help'],
      ['/accessibility', 'accessibility'],
      ['/privacy', 'privacy'],
      ['/data-sources', 'data-sources'],
      ['/trials?postcode=BT1+1AA', 'search-error', 400],
      ['/trials/NCT00000000', 'not-found', 404],
    ];
    for (const [path, name, status] of pages) {
      await checkPageType(checked, server.origin, path, name, status);
      await checkZoom(zoomed, server.origin, path, name, status);
    }
    assert.deepEqual(problems, []);
  });

  it('finds recruiting ALL immunotherapy trials near a postcode, opens one, reads who can join, prints it and goes back, by keyboard alone on a phone-sized screen', async () => {
    await page.setViewportSize(PHONE);
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${server.origin}/`);
    await assertAxeClean(page.url());
    // The first Tab reaches the skip link, and it shows.
    assert.match(await tabTo(page, () => true), /skip to main content/i);

    // 1. Search: words and a postcode, sent with Enter.
    await tabTo(page, (focused) => focused.startsWith('input#f-q'));
    await page.keyboard.type('leukaemia');
    await tabTo(page, (focused) => focused.startsWith('input#f-postcode'));
    await page.keyboard.type('LS1 3EX');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/trials\?q=leukaemia&postcode=LS1\+3EX/);
    await assertAxeClean(page.url());

    // 2. Filter: choose options by typing the start of their words, as keyboard users do in a list box.
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
    const resultsUrl = page.url();
    const url = new URL(resultsUrl);
    assert.equal(url.searchParams.get('treatment'), 'immunotherapy');
    assert.equal(url.searchParams.get('status'), 'recruiting');
    assert.equal(url.searchParams.get('sort'), 'distance');
    assert.equal(url.searchParams.get('postcode'), 'LS1 3EX');
    await assertAxeClean(resultsUrl);

    // 3. The results: how many, and for each its status in words, phase, who it is for, treatment, nearest open
    // hospital (nearest first) and its UK hospitals.
    const heading = await page.locator('#results-heading').innerText();
    assert.match(heading, /^\d+ trials? found$/);
    const cards = page.locator('.result');
    assert.ok((await cards.count()) > 1);
    for (const card of await cards.all()) {
      assert.match(await card.locator('.status').innerText(), /^(Recruiting|Opening soon)$/);
      assert.deepEqual(await card.locator('dt').allInnerTexts(), ['Phase', 'Who it is for', 'Treatment', 'Nearest open hospital', 'In the UK']);
      assert.match(await card.locator('dt:text("Treatment") + dd').innerText(), /Immunotherapy/);
    }
    const distances = await page.locator('.result dt:text("Nearest open hospital") + dd').allInnerTexts();
    const miles = distances.map((text) => Number(/([\d,.]+) miles?/.exec(text)?.[1]?.replaceAll(',', '') ?? NaN)).filter((value) => !Number.isNaN(value));
    assert.ok(miles.length > 0, 'each result shows its nearest open hospital');
    assert.deepEqual(miles, [...miles].sort((a, b) => a - b), 'nearest first');

    // 4. Skip past the form to the results, then open the trial whose record lists who can join.
    const titles = await page.locator('.result h3 a').allInnerTexts();
    const title = titles.find((text) => WITH_CRITERIA.title.test(text)) ?? assert.fail(`${WITH_CRITERIA.id} is not among ${titles.join(' | ')}`);
    assert.match(await tabTo(page, (focused) => /skip to the \d+ trials? found/i.test(focused)), /skip to the/i);
    await page.keyboard.press('Enter');
    await tabTo(page, (focused) => focused === `a# ${title.slice(0, 60)}`);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/trials/${WITH_CRITERIA.id}\\?`));
    assert.equal(await page.locator('h1').innerText(), title);
    await assertAxeClean(page.url());

    // 5. Who can join: the limits, then the registry's conditions as lists, nested as written.
    const who = page.locator('section[aria-labelledby="who"]');
    assert.match(await who.locator('dl').innerText(), /Age\s+Ages \d+ and over/);
    assert.match(await who.innerText(), /You may be able to join if[\s\S]+You cannot join if/);
    assert.ok((await who.locator('ul.criteria').first().locator(':scope > li').count()) >= 3, 'conditions to join, as a list');
    assert.ok((await who.locator('ul.criteria li ul li').count()) > 0, 'nested conditions stay nested');
    assert.ok((await who.locator('ul.criteria').nth(1).locator('li').count()) > 0, 'reasons someone cannot join, as a list');
    assert.match(await page.locator('section[aria-labelledby="where"]').innerText(), /one hospital only|\d+ hospitals?, nearest first/);
    assert.match(await page.locator('.specialist').innerText(), /Talk to your specialist/);
    // A glossary word in the text links to its explanation on the same page.
    const term = page.locator('a.term').first();
    const termTarget = (await term.getAttribute('href')) ?? '';
    assert.match(termTarget, /^#g-/);
    assert.ok(await page.locator(`${termTarget} dd`).isVisible());

    // 6. Print it: the trial on paper without the site's navigation or forms, the hospitals and conditions kept.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.site-header').isVisible(), false);
    assert.equal(await page.locator('form').first().isVisible(), false);
    assert.equal(await page.locator('.back').isVisible(), false);
    for (const kept of ['h1', '.print-note', 'ul.criteria', 'section[aria-labelledby="where"]', '.specialist', '#registries']) {
      assert.equal(await page.locator(kept).first().isVisible(), true, `${kept} prints`);
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'journey-trial-print-phone.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // 7. Back to the same results by keyboard (no key was pressed on this page yet), at the card of the trial just read.
    assert.match(await tabTo(page, (focused) => /back to your search results/i.test(focused)), /back/i);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/trials\?/);
    const back = new URL(page.url());
    assert.equal(back.hash, `#t-${WITH_CRITERIA.id}`);
    // The same search: the form also sent its empty fields, which are no filter and which links leave out.
    const searchOf = (href: URL | string): string[] => [...new URL(href).searchParams].filter(([, value]) => value !== '').map(([name, value]) => `${name}=${value}`);
    assert.equal(back.pathname, '/trials');
    assert.deepEqual(searchOf(back), searchOf(resultsUrl));
    assert.equal(await page.locator(`#t-${WITH_CRITERIA.id}`).isVisible(), true);
    await page.screenshot({ path: join(SCREENSHOTS, 'journey-back-to-results-phone.png') });
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
    assert.equal(await page.locator('.paging p').innerText(), 'Page 2');
    await page.locator('.paging a[rel="prev"]').click();
    await page.waitForURL((url) => url.searchParams.get('pageToken') === null);
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
