/**
 * Everything about a trial the PostgreSQL write path works out before it writes: the `trials` row (the trial as
 * JSON, its weighted text vectors) and the derived facts. Pure, so worker threads can do it (prepare.worker.ts), for
 * an import and for a re-derivation (derivation.ts), which rewrites the derived parts only.
 */
import { InvalidInput } from '../../domain/errors.ts';
import type { PostcodeTable } from '../../domain/postcode.ts';
import type { Trial } from '../../domain/trial.ts';
import { derivedRows, type DerivedRows } from '../shared/derived-rows.ts';
import { derivedColumns, postgresTrialRow, type DerivedColumns, type PostgresTrialRow } from './trial-row.ts';

export interface PreparedRow {
  readonly row: PostgresTrialRow;
  readonly derived: DerivedRows;
}

/** What is worked out of a trial rather than read off it: everything a re-derivation rewrites. */
export interface DerivedParts {
  readonly derived: DerivedRows;
  readonly columns: DerivedColumns;
}

/** The prepared row, or bad input when the trial holds a value JSON cannot represent (such as a BigInt). */
export function prepareRow(trial: Trial, postcodes: PostcodeTable | null): PreparedRow {
  try {
    const derived = derivedRows(trial, postcodes);
    return { row: postgresTrialRow(trial, derived), derived };
  } catch (error) {
    throw new InvalidInput(`Trial ${trial.id} cannot be stored as JSON: ${String(error)}`, 'trials');
  }
}

export function derivedParts(trial: Trial, postcodes: PostcodeTable | null): DerivedParts {
  const derived = derivedRows(trial, postcodes);
  return { derived, columns: derivedColumns(trial, derived) };
}

/**
 * A worker's task: a trial to store, or the stored JSON of one to re-derive. The JSON is parsed in the worker: a
 * string costs the main thread far less to send than the object it holds.
 */
export function prepareItem(item: Trial | string, postcodes: PostcodeTable | null): PreparedRow | DerivedParts {
  return typeof item === 'string' ? derivedParts(JSON.parse(item) as Trial, postcodes) : prepareRow(item, postcodes);
}
