import { TrialfinderError, type ErrorCode } from '../domain/errors.ts';

/** Exit codes scripts can rely on. */
export const EXIT = { ok: 0, failure: 1, invalidInput: 2, notFound: 3, unavailable: 4, conflict: 5 } as const;

const EXIT_FOR_CODE: Readonly<Record<ErrorCode, number>> = {
  invalid_input: EXIT.invalidInput,
  not_found: EXIT.notFound,
  unavailable: EXIT.unavailable,
  conflict: EXIT.conflict,
};

/** Where a command writes: injectable so tests can capture output. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
  readonly isTty: boolean;
}

export const processOutput: Output = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  // isTTY is undefined, not false, when stderr is a pipe, whatever the types say.
  isTty: (process.stderr.isTTY as boolean | undefined) === true,
};

/** Prints a value as JSON for scripts. */
export function printJson(output: Output, value: unknown): void {
  output.out(JSON.stringify(value, null, 2));
}

/**
 * Reports an error the way the API does (code and message; JSON with --json) and returns the exit code.
 * Unexpected errors print their message only: no stack traces for users.
 */
export function reportError(output: Output, error: unknown, json: boolean): number {
  const known = error instanceof TrialfinderError;
  const code = known ? error.code : 'internal';
  const message = error instanceof Error ? error.message : String(error);
  if (json) output.out(JSON.stringify({ error: { code, message, ...(known && error.field ? { field: error.field } : {}) } }));
  else output.err(`Error: ${message}`);
  return known ? EXIT_FOR_CODE[error.code] : EXIT.failure;
}
