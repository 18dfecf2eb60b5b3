import type { Command } from 'commander';
import { InvalidInput } from '../domain/errors.ts';
import { importRecords, type ImportSummary } from '../ingest/import.ts';
import { readRecordsAt } from '../ingest/open-path.ts';
import { withStore, type CliContext } from './context.ts';
import { formatImportSummary } from './import-summary.ts';
import { printJson } from './output.ts';
import { importProgress } from './progress.ts';

interface ImportFlags {
  readonly json?: boolean;
  readonly batchSize: string;
}

/** Imports files or folders of registry records; one summary for all of them. */
export async function runImport(context: CliContext, paths: readonly string[], flags: ImportFlags): Promise<ImportSummary> {
  const batchSize = Number(flags.batchSize);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) {
    throw new InvalidInput(`--batch-size must be a whole number from 1 to 100000; got ${JSON.stringify(flags.batchSize)}.`, 'batch-size');
  }
  const summary = await withStore(context, async (store) => {
    const progress = importProgress(context.output, { enabled: flags.json !== true });
    try {
      let running: ImportSummary | undefined;
      for (const path of paths) {
        running = await importRecords(store, readRecordsAt(path), { batchSize, onProgress: (s) => { progress.update(s); } }, running);
      }
      return running as ImportSummary;
    } finally {
      progress.stop();
    }
  });
  if (flags.json === true) printJson(context.output, summary);
  else context.output.out(formatImportSummary(summary));
  return summary;
}

export function registerImportCommand(program: Command, context: CliContext): Command {
  return program
    .command('import')
    .description('Import registry records: CT.gov API v2 JSON (study, array, paged response, JSON lines), legacy XML (file, folder, .tar.gz) or NCI CTS JSON; .gz accepted. Use "import ctgov" for the live API.')
    .argument('<paths...>', 'files or folders to import')
    .option('--batch-size <n>', 'trials per transaction', '500')
    .option('--json', 'print the summary as JSON')
    .action(async (paths: string[], flags: ImportFlags) => {
      await runImport(context, paths, flags);
    });
}
