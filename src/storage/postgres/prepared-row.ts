/**
 * Everything about a trial the PostgreSQL write path works out before it writes: the `trials` row (the trial as
 * JSON, its weighted text vectors) and the derived facts. Pure, so worker threads can do it (prepare.worker.ts).
 */
import { InvalidInput } from '../../domain/errors.ts';
import type { PostcodeTable } from '../../domain/postcode.ts';
import type { Trial } from '../../domain/trial.ts';
import { derivedRows, type DerivedRows } from '../shared/derived-rows.ts';
import { postgresTrialRow, type PostgresTrialRow } from './trial-row.ts';

export interface PreparedRow {
  readonly row: PostgresTrialRow;
  readonly derived: DerivedRows;
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
