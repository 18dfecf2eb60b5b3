// Checks the expected verdicts of test14 (VERDICTS.md in this folder) against the profiles (the 29 shared ones of
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
// The checks live in ../verdict-check.ts, which every verdict set since test4 shares. As in test12 and test13, the
// profile files are checked to be the ones that were read (test11's own check keeps the field check of p30 … p41).
//
// The earlier sets are those of draw-verdicts.ts: labelFilesBefore('test12') (dev4 … test11) and the verdict and
// criteria files of test12 and test13, added here by hand because this set does not edit ../used-trials.ts and names
// no set after test12 through it.
//
//   npx tsx bench/eligibility/test14/check-verdicts.ts
import { labelFilesBefore } from '../used-trials.ts';
import { changedProfileFiles, checkVerdictSet } from '../verdict-check.ts';

const VERDICTS_FILE = 'test14/verdicts.jsonl';
/** test11's profiles, p30 … p41, used here as they stand (the shared 29 are read by the checker itself). */
const ADDED_PROFILES_FILE = 'test11/profiles.jsonl';
/** Trials no earlier set may share with this one: those before dev4, and the trials of these label files (dev4 … test13). */
const EARLIER_SETS = [
  ...labelFilesBefore('test12'),
  'test12/verdicts.jsonl',
  'test12/criteria-labels.jsonl',
  'test13/verdicts.jsonl',
  'test13/criteria-labels.jsonl',
];
/** The trials `draw-verdicts.ts` drew (its output, 2026-11-29), in NCT order. */
const DRAWN = [
  'NCT00002588',
  'NCT00002844',
  'NCT00003405',
  'NCT00003408',
  'NCT00003727',
  'NCT00003808',
  'NCT00005802',
  'NCT00005948',
  'NCT00006092',
  'NCT00006097',
  'NCT00006220',
  'NCT00497991',
];

await checkVerdictSet({
  file: VERDICTS_FILE,
  earlierSets: EARLIER_SETS,
  drawn: DRAWN,
  addedProfiles: ADDED_PROFILES_FILE,
  profileProblems: changedProfileFiles(),
});
