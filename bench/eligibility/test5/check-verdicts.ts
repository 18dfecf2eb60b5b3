// Checks test5's expected verdicts (VERDICTS.md here) against the shared profiles and the bundled demo records, and
// prints how many of each verdict every trial got. It fails (exit code 1) when a profile id is unknown, when the
// trials are not exactly the twelve that draw-verdicts.ts drew, when a trial is missing from the bundled records or
// belongs to an earlier labelled set, when a (profile, trial) pair is repeated or missing from the 29 x 12 grid, when
// a likely pair has a `because` or another pair lacks one, or when a `because` is not a contiguous piece of its
// record's criteria once runs of whitespace are collapsed. It reads label files and records only; no eligibility code
// is imported or run. (../dev3/check.ts is not used: it also wants every `because` among this folder's criteria
// labels, which belong to the other half of the set.)
//
// The checks themselves are in ../verdict-check.ts, shared by every verdict set since test4.
//
//   npx tsx bench/eligibility/test5/check-verdicts.ts
import { checkVerdictSet } from '../verdict-check.ts';
import { labelFilesBefore } from '../used-trials.ts';

const VERDICTS_FILE = 'test5/verdicts.jsonl';
/** Trials of every earlier set (none may be in this one): those before dev4, and these label files' trials. */
const EARLIER_SETS = labelFilesBefore('test5');
/** The trials `draw-verdicts.ts` drew (its output, 2026-11-28), in NCT order. */
const DRAWN = [
  'NCT00002750',
  'NCT00002809',
  'NCT00003073',
  'NCT00003661',
  'NCT00003827',
  'NCT00004263',
  'NCT00005786',
  'NCT00005811',
  'NCT00005892',
  'NCT00006052',
  'NCT00006348',
  'NCT00462605',
];

await checkVerdictSet({ file: VERDICTS_FILE, earlierSets: EARLIER_SETS, drawn: DRAWN });
