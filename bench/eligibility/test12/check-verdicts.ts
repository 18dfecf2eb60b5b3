// Checks the expected verdicts of test12 (VERDICTS.md in this folder) against the profiles (the 29 shared ones of
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
// The checks live in ../verdict-check.ts, which every verdict set since test4 shares. test11's check also checked the
// fields and values of its new profiles against docs/eligibility-concepts.md; those profiles are unchanged and that
// check stays with test11, so this file checks instead that both profile files are the ones that were read.
//
//   npx tsx bench/eligibility/test12/check-verdicts.ts
import { labelFilesBefore } from '../used-trials.ts';
import { changedProfileFiles, checkVerdictSet } from '../verdict-check.ts';

const VERDICTS_FILE = 'test12/verdicts.jsonl';
/** test11's profiles, p30 … p41, used here as they stand (the shared 29 are read by the checker itself). */
const ADDED_PROFILES_FILE = 'test11/profiles.jsonl';
/** Trials no earlier set may share with this one: those before dev4, and the trials of these label files (dev4 … test11). */
const EARLIER_SETS = labelFilesBefore('test12');
/** The trials `draw-verdicts.ts` drew (its output, 2026-11-29), in NCT order. */
const DRAWN = [
  'NCT00002788',
  'NCT00003255',
  'NCT00003874',
  'NCT00003960',
  'NCT00003970',
  'NCT00004052',
  'NCT00004114',
  'NCT00004258',
  'NCT00004878',
  'NCT00006083',
  'NCT00006240',
  'NCT00008216',
];

await checkVerdictSet({
  file: VERDICTS_FILE,
  earlierSets: EARLIER_SETS,
  drawn: DRAWN,
  addedProfiles: ADDED_PROFILES_FILE,
  profileProblems: changedProfileFiles(),
});
