/**
 * "Could I take part?" in headless Chromium against the real server and real demo records: from a search to /match,
 * answer a question, skip one, remove an answer, all without JavaScript; every page of the flow passes axe at phone and
 * desktop widths, does not scroll sideways at 320 px, prints without its forms, and leaves no cookie and no answer in
 * any URL. Screenshots go to var/screenshots/ (match-*.png).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserMissing, launchBrowser } from './support/browser.ts';
import { startDemoServer } from './support/demo-server.ts';
import type { DemoServer } from './support/demo-server.ts';
import { DESKTOP, PHONE, SCREENSHOTS, axeViolations, watchPage } from './support/page-checks.ts';

const missing = browserMissing();
if (missing !== null) console.log(missing);

const SEARCH = 'cancerType=acute-lymphoblastic-leukaemia';
const SIDEWAYS_OVERFLOW = 'document.documentElement.scrollWidth - document.documentElement.clientWidth';

/** Axe at desktop and phone widths, no sideways scrolling at 320 px, and the screenshots, for the page as it is now. */
async function checkFlowPage(page: Page, name: string): Promise<void> {
  await page.setViewportSize(DESKTOP);
  assert.deepEqual(await axeViolations(page), [], `axe on ${name}`);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  assert.deepEqual(await axeViolations(page), [], `axe on ${name} at phone width`);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize({ width: 320, height: 640 });
  assert.equal(await page.evaluate(SIDEWAYS_OVERFLOW), 0, `${name} scrolls sideways at 320 px`);
  await page.setViewportSize(DESKTOP);
}

/**
 * Does what sends the form and waits for the page it brings: the new document's load event (the old one's has
 * fired already), so no assertion reads the page being left.
 */
async function submitted(page: Page, send: () => Promise<void>): Promise<void> {
  await Promise.all([page.waitForEvent('load'), send()]);
}

/** Answers the question on the page: a number typed, or the first option that leaves some trials. */
async function answerQuestion(page: Page): Promise<string> {
  const field = await page.locator('input[name="field"]').getAttribute('value');
  assert.ok(field !== null);
  if (await page.locator('#q-answer').count() > 0) {
    await page.locator('#q-answer').fill('45');
  } else {
    const options = page.locator('.match-options li');
    const texts = await options.allInnerTexts();
    const pick = Math.max(0, texts.findIndex((text) => !/leaves 0 trials/.test(text)));
    await options.nth(pick).locator('input').check();
  }
  await submitted(page, () => page.locator('#match-form button[value="answer"]').click());
  return field;
}

const leftOf = async (page: Page): Promise<number> => Number((await page.locator('#match-count strong').innerText()).replace(/\D/g, ''));

describe('could I take part? in a browser', { skip: missing ?? false }, () => {
  let server: DemoServer;
  let browser: Browser;
  let noScript: BrowserContext;
  let checking: BrowserContext;
  const problems: string[] = [];

  before(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
    noScript = await browser.newContext({ javaScriptEnabled: false });
    checking = await browser.newContext();
  });
  after(async () => {
    await noScript?.close();
    await checking?.close();
    await browser?.close();
    await server?.close();
  });

  it('answers, skips and removes without JavaScript on a phone, keeping answers out of URLs and cookies', async () => {
    const page = await noScript.newPage();
    watchPage(page, server.origin, problems);
    await page.setViewportSize(PHONE);
    const start = await page.goto(`${server.origin}/match?${SEARCH}`);
    assert.equal(start?.status(), 200);
    assert.equal(await page.locator('h1').innerText(), 'Could I take part?');
    const before = await leftOf(page);
    assert.ok(before > 0);

    const first = await answerQuestion(page);
    assert.equal(new URL(page.url()).pathname, '/match');
    assert.equal(new URL(page.url()).search, '', 'no answer in the address');
    const answers = page.locator('.match-answers');
    assert.match(await answers.innerText(), /\(\d+ trials? left\)/);
    const afterFirst = await leftOf(page);
    assert.ok(afterFirst <= before);

    const second = await page.locator('input[name="field"]').getAttribute('value');
    assert.ok(second !== null && second !== first, 'a new question');
    await submitted(page, () => page.locator('button[value="skip"]').click());
    assert.match(await answers.innerText(), /Skipped/);
    assert.notEqual(await page.locator('input[name="field"]').getAttribute('value'), second, 'a skipped question is not asked again');

    // Enter gives the answer: it never presses the "Remove" button of an earlier answer, which comes first on the page.
    const third = await page.locator('input[name="field"]').getAttribute('value');
    const typed = await page.locator('#q-answer').count() > 0;
    const input = typed ? page.locator('#q-answer') : page.locator('input[name="answer"]').first();
    if (typed) await input.fill('1');
    else await input.check();
    await submitted(page, () => input.press('Enter'));
    assert.equal(await page.locator(`input[name="a"][value^="${first}:"]`).count(), 1, 'the first answer is kept');
    assert.equal(await page.locator(`input[name="a"][value^="${third}:"]`).count(), 1, 'Enter gave the answer');

    // Reasons per trial, grouped.
    const card = page.locator('.match-trial').first();
    assert.match(await card.innerText(), /You meet|You do not meet|Ask your specialist/);

    await submitted(page, () => page.locator(`button[name="remove"][value="${first}"]`).click());
    assert.equal(await page.locator(`input[name="a"][value^="${first}:"]`).count(), 0, 'the answer is gone');
    assert.deepEqual(await noScript.cookies(), []);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('passes axe at phone and desktop widths on each step, and prints the list for the specialist', async () => {
    const page = await checking.newPage();
    watchPage(page, server.origin, problems);
    await page.goto(`${server.origin}/match?${SEARCH}`);
    await checkFlowPage(page, 'match-start');
    await answerQuestion(page);
    await checkFlowPage(page, 'match-answered');

    // A refused answer: the error summary and the question again.
    const number = page.locator('#q-answer');
    if (await number.count() === 0) {
      await submitted(page, () => page.locator('#match-form button[value="answer"]').click());
      assert.equal(await page.locator('.error-summary').isVisible(), true);
      await checkFlowPage(page, 'match-error');
    }

    // A long list is in pages, each trial with its reasons; the buttons are part of the answers' form (no JavaScript).
    const next = page.locator('button[name="page"]', { hasText: 'Next page' });
    if (await next.count() > 0) {
      await submitted(page, () => next.click());
      assert.match(await page.locator('#match-page-note').innerText(), /page 2 of \d+/);
      await checkFlowPage(page, 'match-page-2');
    }

    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.site-header').isVisible(), false);
    if (await page.locator('.match-paging').count() > 0) {
      assert.equal(await page.locator('.match-paging').isVisible(), false);
      assert.equal(await page.locator('#match-page-note').isVisible(), true);
    }
    assert.equal(await page.locator('#match-form').isVisible(), false);
    assert.equal(await page.locator('.match-remove').first().isVisible(), false);
    assert.equal(await page.locator('#match-results').isVisible(), true);
    assert.equal(await page.locator('.print-note').isVisible(), true);
    assert.deepEqual(await axeViolations(page), []);
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: join(SCREENSHOTS, 'match-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    assert.deepEqual(await checking.cookies(), []);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
