/**
 * One JSON record of unknown registry → the trial model, choosing the parser by the record's shape.
 */
import type { ParseOutcome } from '../domain/trial.ts';
import { parseCtgovV2Study } from './ctgov-v2.parse.ts';
import { isJsonObject } from './json-fields.ts';
import { parseNciTrial } from './nci-cts.parse.ts';
import { recordError } from './trial-fields.ts';

/**
 * Parses a ClinicalTrials.gov API v2 study (it has `protocolSection`) or an NCI CTS API trial (it has `nci_id`,
 * or `nct_id` with `current_trial_status`, at the top level). A value of neither shape is a per-record error.
 *
 * `nct_id` alone is not enough: flat conversions of CT.gov records (shared/data ctgov-demo, TREC corpora) also
 * have `nct_id` and `brief_title`, and reading them as NCI trials would drop their status, criteria and ages
 * without a word. Every NCI CTS response carries nci_id; a response trimmed by `include` keeps the status.
 */
export function parseTrialJson(value: unknown, position: string): ParseOutcome {
  if (isJsonObject(value)) {
    if ('protocolSection' in value) return parseCtgovV2Study(value, position);
    if ('nci_id' in value || ('nct_id' in value && 'current_trial_status' in value)) {
      return parseNciTrial(value, position);
    }
    return recordError(
      position,
      '(record)',
      'neither a ClinicalTrials.gov v2 study (no protocolSection) ' +
        'nor an NCI CTS trial (no nci_id or current_trial_status)',
    );
  }
  const kind = value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;
  return recordError(position, '(record)', `expected a trial object, found ${kind}`);
}
