import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../config.ts';
import { importRecords, type ImportSummary } from '../ingest/import.ts';
import { readRecordsAt } from '../ingest/open-path.ts';
import type { TrialStore } from '../storage/store.ts';
import type { Output } from './output.ts';
import { importProgress } from './progress.ts';

export const DEMO_DIR = join(PROJECT_ROOT, 'data', 'demo');
/** The record files alone (the manifest and README sit beside them). */
export const DEMO_RECORDS_DIR = join(DEMO_DIR, 'records');

interface Manifest {
  readonly files: readonly { readonly file: string; readonly records: number }[];
}

/** Loads the bundled demo dataset (data/demo) into a store, showing progress; returns the import summary. */
export async function loadDemoData(store: TrialStore, output: Output, dir = DEMO_DIR): Promise<ImportSummary> {
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const total = manifest.files.reduce((sum, file) => sum + file.records, 0);
  output.err(`Loading the bundled demo dataset (${total} registry records) into an empty database; this happens once.`);
  const progress = importProgress(output, { total, label: 'Loading demo data', enabled: true });
  try {
    let summary: ImportSummary | undefined;
    for (const file of manifest.files) {
      summary = await importRecords(store, readRecordsAt(join(dir, file.file)), { onProgress: (s) => { progress.update(s); } }, summary);
      if (!output.isTty) output.err(`  ${file.file}: ${summary.read}/${total} records read`);
    }
    return summary as ImportSummary;
  } finally {
    progress.stop();
  }
}
