// Checks the expected verdicts of test27 (VERDICTS.md in this folder) against the profiles (the 29 shared ones of
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
// The checks live in ../verdict-check.ts, which every verdict set since test4 shares. As in test12 … test26, the
// profile files are checked to be the ones that were read (test11's own check keeps the field check of p30 … p41).
//
// The earlier sets are those of draw-verdicts.ts: labelFilesBefore('test27') from ../used-trials.ts, that is every
// verdict and criteria file of dev4 … test26 that exists (50 files). The list stops before test27, so the criteria
// half made in this folder at the same time is not among them.
//
//   npx tsx bench/eligibility/test27/check-verdicts.ts
import { labelFilesBefore } from '../used-trials.ts';
import { changedProfileFiles, checkVerdictSet } from '../verdict-check.ts';

const VERDICTS_FILE = 'test27/verdicts.jsonl';
/** test11's profiles, p30 … p41, used here as they stand (the shared 29 are read by the checker itself). */
const ADDED_PROFILES_FILE = 'test11/profiles.jsonl';
/** Trials no earlier set may share with this one: those before dev4, and the trials of these label files (dev4 … test26). */
const EARLIER_SETS = labelFilesBefore('test27');
/** The trials `draw-verdicts.ts` drew (its output, 2026-11-29), in NCT order. */
const DRAWN = [
  'NCT00001424',
  'NCT00002792',
  'NCT00002805',
  'NCT00002832',
  'NCT00002833',
  'NCT00003305',
  'NCT00004040',
  'NCT00004245',
  'NCT00005853',
  'NCT00008177',
  'NCT00495287',
  'NCT00499811',
];

await checkVerdictSet({
  file: VERDICTS_FILE,
  earlierSets: EARLIER_SETS,
  drawn: DRAWN,
  addedProfiles: ADDED_PROFILES_FILE,
  profileProblems: changedProfileFiles(),
});
