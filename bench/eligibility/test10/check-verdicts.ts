// Checks the expected verdicts of test10 (VERDICTS.md in this folder) against the shared profiles and the bundled demo
// records, and prints how many of each verdict every trial received. It exits with code 1 when a profile id is
// unknown, when the trials are not exactly the twelve draw-verdicts.ts drew, when a trial is absent from the bundled
// records or already belongs to an earlier labelled set, when a (profile, trial) pair appears twice or is missing from
// the 29 x 12 grid, when a likely pair carries a `because` or any other pair lacks one, or when a `because` is not one
// contiguous piece of its record's criteria once runs of whitespace are collapsed. Only label files and records are
// read; no eligibility code is imported or run. (../dev3/check.ts does not fit this half: it also wants every
// `because` among this folder's criteria labels, which are the other half of the set.)
//
// The checks live in ../verdict-check.ts, which every verdict set since test4 shares.
//
//   npx tsx bench/eligibility/test10/check-verdicts.ts
import { checkVerdictSet } from '../verdict-check.ts';
import { labelFilesBefore } from '../used-trials.ts';

const VERDICTS_FILE = 'test10/verdicts.jsonl';
/** Trials no earlier set may share with this one: those before dev4, and the trials of these label files (dev4 … test9). */
const EARLIER_SETS = labelFilesBefore('test10');
/** The trials `draw-verdicts.ts` drew (its output, 2026-11-29), in NCT order. */
const DRAWN = [
  'NCT00001575',
  'NCT00001637',
  'NCT00002456',
  'NCT00002800',
  'NCT00003336',
  'NCT00003829',
  'NCT00004218',
  'NCT00004933',
  'NCT00005641',
  'NCT00005962',
  'NCT00006053',
  'NCT00462943',
];

await checkVerdictSet({ file: VERDICTS_FILE, earlierSets: EARLIER_SETS, drawn: DRAWN });
