import type { Command } from 'commander';
import { setTimeout as sleep } from 'node:timers/promises';
import { InvalidInput } from '../domain/errors.ts';
import { fetchOptionsFromFlags, type CtgovFlags } from './ctgov-flags.ts';
import { parseCtgovV2Study } from '../ingest/ctgov-v2.parse.ts';
import { syncFromCtgov } from '../ingest/ctgov-sync.ts';
import { withStore, type CliContext } from './context.ts';
import { formatImportSummary } from './import-summary.ts';
import { printJson } from './output.ts';
import { importProgress } from './progress.ts';

/** Pages through the live ClinicalTrials.gov API v2 into the store; resumable, rate-limited, retrying. */
export async function runImportCtgov(context: CliContext, flags: CtgovFlags): Promise<void> {
  const options = fetchOptionsFromFlags(flags);
  const result = await withStore(context, async (store) => {
    const progress = importProgress(context.output, { enabled: flags.json !== true, label: 'ClinicalTrials.gov' });
    try {
      return await syncFromCtgov(store, options, {
        fetch: globalThis.fetch,
        sleep: (ms) => sleep(ms),
        now: () => Date.now(),
        parse: parseCtgovV2Study,
        onPage: (info) => { progress.update(info.summary); },
      });
    } finally {
      progress.stop();
    }
  });
  if (flags.json === true) printJson(context.output, result);
  else {
    if (result.resumedFrom !== null) context.output.out(`Resumed an interrupted run after page ${result.resumedAfterPage}.`);
    context.output.out(`Fetched ${result.pages} page${result.pages === 1 ? '' : 's'} from ClinicalTrials.gov.`);
    context.output.out(formatImportSummary(result));
  }
}

export function registerImportCtgovCommand(importCommand: Command, context: CliContext): Command {
  return importCommand
    .command('ctgov')
    .description('Import from the live ClinicalTrials.gov API v2 (about one request a second; resumes after interruption).')
    .option('--cond <text>', 'condition or disease, e.g. "acute lymphoblastic leukemia"')
    .option('--term <text>', 'other terms')
    .option('--status <list>', 'API statuses, comma-separated, e.g. RECRUITING,NOT_YET_RECRUITING')
    .option('--since <date>', 'only records updated on or after this date (YYYY-MM-DD)')
    .option('--page-size <n>', 'studies per request (1-1000)', '100')
    .option('--max-pages <n>', 'stop after this many pages')
    .option('--interval-ms <n>', 'least time between requests', '1000')
    .option('--base-url <url>', 'API base URL (default: CTGOV_API_URL or https://clinicaltrials.gov/api/v2)')
    .option('--no-resume', 'start again instead of resuming an interrupted run')
    .option('--json', 'print the summary as JSON')
    .action(async (flags: CtgovFlags) => {
      if (flags.cond === undefined && flags.term === undefined && flags.since === undefined) {
        throw new InvalidInput('Say what to import: --cond, --term or --since (the whole registry is 500,000+ studies).', 'cond');
      }
      await runImportCtgov(context, flags);
    });
}
