/**
 * The `trialfinder` command line: import, search, show, serve. Every command calls the same core as the API,
 * prints JSON with --json, and exits non-zero with a clear message on bad input (codes in output.ts).
 */
import { Command, CommanderError } from 'commander';
import { openStore } from '../app.ts';
import { readConfig } from '../config.ts';
import type { CliContext } from './context.ts';
import { registerImportCtgovCommand } from './import-ctgov.command.ts';
import { registerImportCommand } from './import.command.ts';
import { registerMoveCommand } from './move.command.ts';
import { EXIT, processOutput, reportError, type Output } from './output.ts';
import { registerSearchCommand } from './search.command.ts';
import { registerServeCommand } from './serve.command.ts';
import { registerShowCommand } from './show.command.ts';

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
  registerShowCommand(program, context);
  registerServeCommand(program, context);
  registerMoveCommand(program, context);
  return program;
}

/** Runs the CLI with arguments (without node and script); resolves to the exit code. */
export async function runCli(argv: readonly string[], output: Output = processOutput, env = process.env): Promise<number> {
  const json = argv.includes('--json');
  try {
    const config = readConfig(env);
    const context: CliContext = { config, output, openStore: () => openStore(config.database) };
    await buildProgram(context).parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.invalidInput;
    }
    return reportError(output, error, json);
  }
}
