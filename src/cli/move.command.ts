import type { Command } from 'commander';
import { openStore } from '../app.ts';
import { parseDatabaseUrl, type DatabaseConfig } from '../config.ts';
import { InvalidInput } from '../domain/errors.ts';
import { openEditorialStore } from '../editorial-app.ts';
import { copyEditorial, type EditorialCopyReport } from '../storage/copy-editorial.ts';
import { copyTrials, type CopyReport } from '../storage/copy-trials.ts';
import type { CliContext } from './context.ts';
import { printJson } from './output.ts';

interface MoveFlags {
  readonly from: string;
  readonly to: string;
  readonly sample: string;
  readonly batchSize: string;
  readonly json?: boolean;
}

function positive(text: string, flag: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1) throw new InvalidInput(`--${flag} must be a whole number of 1 or more; got ${JSON.stringify(text)}.`, flag);
  return value;
}

function trialLine(report: CopyReport): string {
  return report.alreadyCopied === true
    ? `The target already holds the same ${report.targetCount} trials, every one compared identical: no trial copied.`
    : `Copied ${report.copied} trials; counts match (${report.targetCount}) and ${report.sampled} sampled trials read back identical.`;
}

function editorialLines(report: EditorialCopyReport): string[] {
  const what = `${report.users} editor accounts, ${report.documents} summaries and pages with ${report.versions} versions, and ${report.auditEntries} audit entries`;
  return [
    report.copied
      ? `Copied ${what}; every one of the ${report.compared} rows read back identical.`
      : `The target already holds the same ${what}, every row compared identical: nothing copied.`,
    `Not copied: ${report.sessionsNotCopied} sessions and ${report.loginFailuresNotCopied} failed sign-ins. Everyone signs in to the editor area again on the new database.`,
  ];
}

/**
 * Copies every trial and the editor area's data (accounts, summaries and pages with their history, the audit log)
 * between two databases (SQLite ↔ PostgreSQL) and checks nothing was lost. Trials go first, in batches; then the
 * editorial data in one transaction. Re-running a move that completed changes nothing and succeeds.
 */
export async function runMove(context: CliContext, flags: MoveFlags): Promise<void> {
  const from = parseDatabaseUrl(flags.from);
  const to = parseDatabaseUrl(flags.to);
  if (JSON.stringify(from) === JSON.stringify(to)) throw new InvalidInput('--from and --to name the same database.', 'to');
  const options = { sample: positive(flags.sample, 'sample'), batchSize: positive(flags.batchSize, 'batch-size') };
  const postcodes = await context.postcodes();
  const source = await openStore(from, postcodes);
  try {
    const target = await openStore(to, postcodes);
    try {
      const report = await copyTrials(source, target, options);
      const editorial = await copyEditorialData(from, to, options.batchSize);
      if (flags.json === true) printJson(context.output, { ...report, editorial });
      else for (const line of [trialLine(report), ...editorialLines(editorial)]) context.output.out(line);
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

async function copyEditorialData(from: DatabaseConfig, to: DatabaseConfig, batchSize: number): Promise<EditorialCopyReport> {
  const source = await openEditorialStore(from);
  try {
    const target = await openEditorialStore(to);
    try {
      return await copyEditorial(source, target, { batchSize });
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

export function registerMoveCommand(program: Command, context: CliContext): Command {
  return program
    .command('move')
    .description(
      'Copy every trial and the editor area (accounts, summaries, pages, audit log) from one database to another, empty one (e.g. SQLite to PostgreSQL), then compare them. Sessions are not copied: editors sign in again.',
    )
    .requiredOption('--from <url>', 'source: sqlite:PATH or postgres://...')
    .requiredOption('--to <url>', 'target (empty, or already holding exactly the source\'s data): sqlite:PATH or postgres://...')
    .option('--sample <n>', 'how many whole trials to compare afterwards', '500')
    .option('--batch-size <n>', 'trials per transaction (and editorial rows per read)', '500')
    .option('--json', 'print the report as JSON')
    .action(async (flags: MoveFlags) => {
      await runMove(context, flags);
    });
}
