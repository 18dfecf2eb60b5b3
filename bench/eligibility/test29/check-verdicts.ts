// Checks the expected verdicts of test29 (VERDICTS.md in this folder) against the profiles (the 29 shared ones of
// ../profiles.jsonl and test11's 12 of ../test11/profiles.jsonl, p30 … p41; this set writes none of its own) and the
// bundled demo records, and prints how many of each verdict every trial received, for all 41 profiles and for test11's
// 12 alone (the shared checker calls them "new": they are new since the 29, not new in this set). It exits with code 1
// when a profile id is unknown or repeated across the two profile files, when either profile file is not byte for
// byte the one these verdicts were read against, when the trials are not exactly the twelve draw-verdicts.ts drew,
// when a trial is absent from the bundled records or already belongs to an earlier labelled set, when a (profile,
// trial) pair appears twice or is missing from the 41 x 12 grid, when a likely pair carries a `because` or any other
// pair lacks one, or when a `because` is not one contiguous piece of its record's criteria once runs of whitespace
// are collapsed. Only label files and records are read; no eligibility code is imported or run.
//
// The checks live in ../verdict-check.ts, which every verdict set since test4 shares. As in test12 … test28, the
// profile files are checked to be the ones that were read (test11's own check keeps the field check of p30 … p41).
//
// The earlier sets are those of draw-verdicts.ts: labelFilesBefore('test29') from ../used-trials.ts, that is every
// verdict and criteria file of dev4 … test28 that exists (54 files). The list stops before test29, so the criteria
// half made in this folder at the same time is not among them.
//
//   npx tsx bench/eligibility/test29/check-verdicts.ts
import { labelFilesBefore } from '../used-trials.ts';
import { changedProfileFiles, checkVerdictSet } from '../verdict-check.ts';

const VERDICTS_FILE = 'test29/verdicts.jsonl';
/** test11's profiles, p30 … p41, used here as they stand (the shared 29 are read by the checker itself). */
const ADDED_PROFILES_FILE = 'test11/profiles.jsonl';
/** Trials no earlier set may share with this one: those before dev4, and the trials of these label files (dev4 … test28). */
const EARLIER_SETS = labelFilesBefore('test29');
/** The trials `draw-verdicts.ts` drew (its output, 2026-11-29), in NCT order. */
const DRAWN = [
  'NCT00001571',
  'NCT00001839',
  'NCT00002652',
  'NCT00002682',
  'NCT00002725',
  'NCT00003269',
  'NCT00004039',
  'NCT00005040',
  'NCT00005959',
  'NCT00006264',
  'NCT00006478',
  'NCT00006721',
];

await checkVerdictSet({
  file: VERDICTS_FILE,
  earlierSets: EARLIER_SETS,
  drawn: DRAWN,
  addedProfiles: ADDED_PROFILES_FILE,
  profileProblems: changedProfileFiles(),
});
