/**
 * Everything about a trial the SQLite write path works out before it writes: the `trials` row (with the trial as
 * JSON), the derived facts and the full-text fields. Pure, so worker threads can do it (prepare.worker.ts), for an
 * import and for a re-derivation (derivation.ts), which rewrites the derived parts only.
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

/** What is worked out of a trial rather than read off it: everything a re-derivation rewrites. */
export type DerivedParts = Pick<PreparedTrial, 'derived' | 'fields'>;

export function derivedParts(trial: Trial, postcodes: PostcodeTable | null): DerivedParts {
  return { derived: derivedRows(trial, postcodes), fields: searchFields(trial) };
}

/** The prepared trial, or bad input when it holds a value JSON cannot represent (such as a BigInt). */
export function prepareTrial(trial: Trial, postcodes: PostcodeTable | null): PreparedTrial {
  const parts = derivedParts(trial, postcodes);
  let row: TrialRow;
  try {
    row = trialRow(trial, parts.derived.summary);
  } catch (error) {
    throw new InvalidInput(`Trial ${trial.id} cannot be stored as JSON: ${String(error)}`, 'trials');
  }
  return { row, ...parts };
}

/**
 * A worker's task: a trial to store, or the stored JSON of one to re-derive. The JSON is parsed in the worker: a
 * string costs the main thread far less to send than the object it holds.
 */
export function prepareItem(item: Trial | string, postcodes: PostcodeTable | null): PreparedTrial | DerivedParts {
  return typeof item === 'string' ? derivedParts(JSON.parse(item) as Trial, postcodes) : prepareTrial(item, postcodes);
}
