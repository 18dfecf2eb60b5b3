/**
 * Errors are values with codes. Domain and adapters throw these; the HTTP layer maps them to statuses
 * and `{ "error": { "code", "message" } }`, the CLI to exit codes.
 */
export type ErrorCode = 'invalid_input' | 'not_found' | 'conflict' | 'unavailable';

export class TrialfinderError extends Error {
  readonly code: ErrorCode;
  /** The parameter or field at fault, when there is one. */
  readonly field: string | null;

  constructor(code: ErrorCode, message: string, field: string | null = null) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.field = field;
  }
}

/** Something a user or a file supplied is not acceptable. */
export class InvalidInput extends TrialfinderError {
  constructor(message: string, field: string | null = null) {
    super('invalid_input', message, field);
  }
}

export class NotFound extends TrialfinderError {
  constructor(message: string) {
    super('not_found', message);
  }
}

export class Conflict extends TrialfinderError {
  constructor(message: string) {
    super('conflict', message);
  }
}

/** A dependency (a registry, a database) could not be reached. */
export class Unavailable extends TrialfinderError {
  constructor(message: string) {
    super('unavailable', message);
  }
}
