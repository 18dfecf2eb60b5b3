/**
 * What every page type must pass in the browser: zero axe-core violations against WCAG 2.0, 2.1 and 2.2 A and AA; no
 * sideways scrolling at 320 px, at 200% zoom or with text at 200%; under 100 KB of HTML; nothing requested from
 * another origin and no Content-Security-Policy complaint; and screenshots at phone and desktop widths and at 200%
 * zoom in var/screenshots/ for people to look at.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../../src/config.ts';

export const SCREENSHOTS = join(PROJECT_ROOT, 'var', 'screenshots');

/**
 * Saves a whole-page screenshot for people to look at. Headless Chromium now and then refuses to capture one of a tall
 * page drawn at twice the scale on a busy machine ("Protocol error (Page.captureScreenshot): Unable to capture
 * screenshot", seen once in a full run on 2026-11-29, never when the file ran alone): the picture is a record, not a
 * check, so it is tried once more and then taken of the window alone.
 */
export async function saveScreenshot(page: Page, file: string): Promise<void> {
  const path = join(SCREENSHOTS, file);
  for (const fullPage of [true, true, false]) {
    try {
      await page.screenshot({ path, fullPage });
      return;
    } catch (error) {
      if (!/Unable to capture screenshot/.test(String(error)) || !fullPage) throw error;
    }
  }
}
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 900 } as const;
const NARROWEST = { width: 320, height: 640 } as const;
/**
 * A 1280 × 900 desktop window zoomed to 200%: the page lays out in 640 × 450 CSS pixels drawn at twice the scale,
 * which is what browser zoom does. Open the page for {@link checkZoom} in a context made with these options.
 */
export const ZOOM_200 = { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 } as const;
const PAGE_BUDGET_BYTES = 100 * 1024;

/**
 * Collects problems a page causes that no assertion sees: requests to other origins, a stylesheet or icon that fails
 * to load, console errors (Content-Security-Policy reports among them). Error pages are expected; their own status
 * is checked where they are opened.
 */
export function watchPage(page: Page, origin: string, problems: string[]): void {
  page.on('request', (request) => {
    if (!request.url().startsWith(`${origin}/`)) problems.push(`request to another origin: ${request.url()}`);
  });
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'document' && response.status() >= 400) problems.push(`${response.status()} for ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console error: ${message.text()}`);
  });
}

/** axe-core's violations on the page as it is now, as readable lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`);
}

/** Opens `path`, checks it as every page type must be checked, and saves its screenshots as `name`. */
export async function checkPageType(page: Page, origin: string, path: string, name: string, status = 200): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.setViewportSize(DESKTOP);
  const response = await page.goto(origin + path);
  assert.ok(response !== null);
  assert.equal(response.status(), status, path);
  const bytes = (await response.body()).length;
  assert.ok(bytes < PAGE_BUDGET_BYTES, `${path}: ${bytes} bytes of HTML`);
  assert.deepEqual(await axeViolations(page), [], `axe on ${path}`);
  await saveScreenshot(page, `${name}-desktop.png`);

  await page.setViewportSize(PHONE);
  await saveScreenshot(page, `${name}-phone.png`);
  assert.deepEqual(await axeViolations(page), [], `axe on ${path} at phone width`);

  await page.setViewportSize(NARROWEST);
  const overflow = await page.evaluate(SIDEWAYS_OVERFLOW);
  assert.equal(overflow, 0, `${path} scrolls sideways at 320 px`);
}

/**
 * WCAG 1.4.4 and 1.4.10 at 200%: the page zoomed to 200% (a page made in a {@link ZOOM_200} context) and, on a
 * desktop-wide window, its text alone made twice as large, both without sideways scrolling; saves the zoomed view.
 */
export async function checkZoom(zoomed: Page, origin: string, path: string, name: string, status = 200): Promise<void> {
  const response = await zoomed.goto(origin + path);
  assert.equal(response?.status(), status, path);
  assert.equal(await zoomed.evaluate(SIDEWAYS_OVERFLOW), 0, `${path} scrolls sideways at 200% zoom`);
  assert.ok(await zoomed.locator('h1').isVisible(), `${path}: the heading shows at 200% zoom`);
  await saveScreenshot(zoomed, `${name}-zoom200.png`);

  await zoomed.setViewportSize(DESKTOP);
  await zoomed.evaluate(TEXT_200);
  assert.equal(await zoomed.evaluate(SIDEWAYS_OVERFLOW), 0, `${path} scrolls sideways with text at 200%`);
  await zoomed.setViewportSize(ZOOM_200.viewport);
}

// Scripts run in the page are written as text: the project compiles without the DOM's types.
const SIDEWAYS_OVERFLOW = 'document.documentElement.scrollWidth - document.documentElement.clientWidth';
/** Text-only zoom, as the browser setting does it: every size in rem or em doubles. */
const TEXT_200 = "document.documentElement.style.fontSize = '200%'";
const FOCUSED = `(() => {
  const element = document.activeElement;
  if (element === null || element === document.body) return { description: 'body', visible: false };
  const style = getComputedStyle(element);
  const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
  const text = (element.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60);
  return { description: element.tagName.toLowerCase() + '#' + element.id + ' ' + text, visible };
})()`;

/** The focused element's description, and whether its focus style can be seen (an outline or a focus ring shadow). */
export async function focusedElement(page: Page): Promise<{ readonly description: string; readonly visible: boolean }> {
  return page.evaluate<{ description: string; visible: boolean }>(FOCUSED);
}

/** Presses Tab until `matches` says the focused element is the one wanted; every stop on the way must show its focus. */
export async function tabTo(page: Page, matches: (description: string) => boolean, maxPresses = 80): Promise<string> {
  for (let press = 0; press < maxPresses; press += 1) {
    await page.keyboard.press('Tab');
    const focused = await focusedElement(page);
    assert.ok(focused.visible, `focus is not visible on ${focused.description}`);
    if (matches(focused.description)) return focused.description;
  }
  throw new Error(`Tab never reached the element wanted on ${page.url()}`);
}
