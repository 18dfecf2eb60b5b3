/**
 * The `trialfinder` command line: import, search, topics, show, serve, move. Every command calls the same core as
 * the API, prints JSON with --json, and exits non-zero with a clear message on bad input (codes in output.ts).
 */
import { Command, CommanderError } from 'commander';
import { openStore } from '../app.ts';
import { readConfig } from '../config.ts';
import type { Config } from '../config.ts';
import type { PostcodeTable } from '../domain/postcode.ts';
import { loadPostcodeTable } from '../ingest/postcode-table.read.ts';
import type { CliContext } from './context.ts';
import { registerEditorCommand } from './editor.command.ts';
import { registerImportCtgovCommand } from './import-ctgov.command.ts';
import { registerImportCommand } from './import.command.ts';
import { registerMoveCommand } from './move.command.ts';
import { EXIT, processOutput, reportError, type Output } from './output.ts';
import { registerSearchCommand } from './search.command.ts';
import { registerServeCommand } from './serve.command.ts';
import { registerShowCommand } from './show.command.ts';
import { registerTopicsCommand } from './topics.command.ts';

/** Builds the program around a context; tests pass their own. */
export function buildProgram(context: CliContext): Command {
  const program = new Command('trialfinder')
    .description('Trialfinder: find cancer clinical trials. Data: DATABASE_URL (default: a SQLite file in data/).')
    .exitOverride()
    // Options after a subcommand belong to it: `import ctgov --json` is ctgov's flag, not import's.
    .enablePositionalOptions()
    .configureOutput({ writeOut: (text) => { context.output.out(text.trimEnd()); }, writeErr: (text) => { context.output.err(text.trimEnd()); } });
  const importCommand = registerImportCommand(program, context).enablePositionalOptions();
  registerImportCtgovCommand(importCommand, context);
  registerSearchCommand(program, context);
  registerTopicsCommand(program, context);
  registerShowCommand(program, context);
  registerServeCommand(program, context);
  registerMoveCommand(program, context);
  registerEditorCommand(program, context);
  return program;
}

/**
 * The context of a real run: the configured store, and the bundled postcode table read on first use and then shared
 * by the store (which places sites with it) and the search (which places the user's postcode).
 */
export function processContext(config: Config, output: Output): CliContext {
  let table: Promise<PostcodeTable> | undefined;
  const postcodes = (): Promise<PostcodeTable> => (table ??= loadPostcodeTable());
  return { config, output, openStore: async () => openStore(config.database, await postcodes()), postcodes };
}

/** Runs the program with a given context (tests pass their own); resolves to the exit code. */
export async function runProgram(argv: readonly string[], context: CliContext): Promise<number> {
  try {
    await buildProgram(context).parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.invalidInput;
    }
    return reportError(context.output, error, argv.includes('--json'));
  }
}

/** Runs the CLI with arguments (without node and script); resolves to the exit code. */
export async function runCli(argv: readonly string[], output: Output = processOutput, env = process.env): Promise<number> {
  let config: Config;
  try {
    config = readConfig(env);
  } catch (error) {
    return reportError(output, error, argv.includes('--json'));
  }
  return runProgram(argv, processContext(config, output));
}
