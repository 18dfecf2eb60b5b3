/**
 * The real server on an ephemeral port over a small SQLite database of real demo records: the NCI and ClinicalTrials.gov
 * API v2 files and the AACT legacy-XML fixtures of data/demo/records (about 820 records, a few seconds to import),
 * which hold ALL trials, recruiting trials and trials with UK sites. The whole bundled dataset would take ~20 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../src/config.ts';
import { buildServer } from '../../../src/http/server.ts';
import { importRecords } from '../../../src/ingest/import.ts';
import { readRecordsAt } from '../../../src/ingest/open-path.ts';
import { loadPostcodeTable } from '../../../src/ingest/postcode-table.read.ts';
import { openSqliteStore } from '../../../src/storage/sqlite/sqlite-store.ts';
import type { SiteSettings } from '../../../src/web/site-settings.ts';

const RECORDS = join(PROJECT_ROOT, 'data', 'demo', 'records');
export const DEMO_SUBSET = [
  'nci-cts_trials_708.json.gz',
  'ctgov-v2_dgg32_50.json.gz',
  'ctgov-v2_ctrdata_5.json.gz',
  'aact-fixtures-legacy-xml',
].map((name) => join(RECORDS, name));

/** A deployment with a support line, so pages show one as a charity's would. */
export const E2E_SITE: SiteSettings = {
  name: 'Trialfinder',
  supportLine: { name: 'our support line', phone: '0808 000 0000', hours: 'Monday to Friday, 9am to 5pm', url: null },
  contactEmail: 'website@example.org',
};

export interface DemoServer {
  /** "http://127.0.0.1:PORT" */
  readonly origin: string;
  readonly trialCount: number;
  close(): Promise<void>;
}

export async function startDemoServer(): Promise<DemoServer> {
  const dir = mkdtempSync(join(tmpdir(), 'trialfinder-e2e-'));
  const postcodes = await loadPostcodeTable();
  const store = await openSqliteStore(join(dir, 'demo.sqlite'), { postcodes });
  for (const path of DEMO_SUBSET) await importRecords(store, readRecordsAt(path));
  const app = await buildServer({ store, postcodes, site: E2E_SITE });
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    origin,
    trialCount: await store.count(),
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
