import type { Command } from 'commander';
import { openStore } from '../app.ts';
import { parseDatabaseUrl } from '../config.ts';
import { InvalidInput } from '../domain/errors.ts';
import { copyTrials } from '../storage/copy-trials.ts';
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

/** Copies every trial between two databases (SQLite ↔ PostgreSQL) and checks nothing was lost. */
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
      if (flags.json === true) printJson(context.output, report);
      else context.output.out(`Copied ${report.copied} trials; counts match (${report.targetCount}) and ${report.sampled} sampled trials read back identical.`);
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
    .description('Copy every trial from one database to another, empty one (e.g. SQLite to PostgreSQL), then compare them.')
    .requiredOption('--from <url>', 'source: sqlite:PATH or postgres://...')
    .requiredOption('--to <url>', 'target (must be empty): sqlite:PATH or postgres://...')
    .option('--sample <n>', 'how many whole trials to compare afterwards', '500')
    .option('--batch-size <n>', 'trials per transaction', '500')
    .option('--json', 'print the report as JSON')
    .action(async (flags: MoveFlags) => {
      await runMove(context, flags);
    });
}
