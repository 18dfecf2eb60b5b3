/**
 * Everything about a trial the SQLite write path works out before it writes: the `trials` row (with the trial as
 * JSON), the derived facts and the full-text fields. Pure, so worker threads can do it (prepare.worker.ts).
 */
import { InvalidInput } from '../../domain/errors.ts';
import type { PostcodeTable } from '../../domain/postcode.ts';
import type { Trial } from '../../domain/trial.ts';
import { derivedRows, type DerivedRows } from '../shared/derived-rows.ts';
import { searchFields, type SearchFields } from '../shared/search-fields.ts';
import { trialRow, type TrialRow } from './trial-row.ts';

export interface PreparedTrial {
  readonly row: TrialRow;
  readonly derived: DerivedRows;
  readonly fields: SearchFields;
}

/** The prepared trial, or bad input when it holds a value JSON cannot represent (such as a BigInt). */
export function prepareTrial(trial: Trial, postcodes: PostcodeTable | null): PreparedTrial {
  const derived = derivedRows(trial, postcodes);
  let row: TrialRow;
  try {
    row = trialRow(trial, derived.summary);
  } catch (error) {
    throw new InvalidInput(`Trial ${trial.id} cannot be stored as JSON: ${String(error)}`, 'trials');
  }
  return { row, derived, fields: searchFields(trial) };
}
