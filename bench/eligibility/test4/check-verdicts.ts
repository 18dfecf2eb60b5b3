// Checks this folder's verdicts (VERDICTS.md) against the shared profiles and the bundled records: every profile id
// exists, the trials are exactly the eight drawn by draw-verdicts.ts, every trial is a bundled record that no earlier
// set used, one line per (profile, trial) and the full grid, `because` present exactly when the verdict is not
// likely-eligible, and every `because` a contiguous span of its record's criteria (whitespace collapsed). It reads
// labels and records only and runs no eligibility code. dev3/check.ts is not used because it also wants each
// `because` among this folder's labelled criteria, which are another set's. Exit code 1 when any check fails.
//
// The checks themselves are in ../verdict-check.ts, shared by every verdict set since test4.
//
//   npx tsx bench/eligibility/test4/check-verdicts.ts
import { checkVerdictSet } from '../verdict-check.ts';
import { labelFilesBefore } from '../used-trials.ts';

const VERDICTS_FILE = 'test4/verdicts.jsonl';
/** Trials of every earlier set (none may be in this one): those before dev4, and these label files' trials. */
const EARLIER_SETS = labelFilesBefore('test4');
/** The trials `draw-verdicts.ts` drew (its output, 2026-11-28), in NCT order. */
const DRAWN = [
  'NCT00002532',
  'NCT00002704',
  'NCT00003239',
  'NCT00003289',
  'NCT00003658',
  'NCT00003694',
  'NCT00005805',
  'NCT00008307',
];

await checkVerdictSet({ file: VERDICTS_FILE, earlierSets: EARLIER_SETS, drawn: DRAWN });
