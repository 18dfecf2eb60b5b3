/**
 * Headless Chromium for the browser tests: Debian's /usr/bin/chromium (CI installs it; see .ci/run), driven by
 * playwright-core, with nothing that phones home. Without it the browser tests are skipped with one printed line.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Why the browser tests cannot run here, or null when they can; printed once by the test file. */
export function browserMissing(): string | null {
  return existsSync(CHROMIUM) ? null : `Browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium).`;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}
