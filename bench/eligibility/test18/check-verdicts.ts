// Checks the expected verdicts of test18 (VERDICTS.md in this folder) against the profiles (the 29 shared ones of
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
// The checks live in ../verdict-check.ts, which every verdict set since test4 shares. As in test12 … test17, the
// profile files are checked to be the ones that were read (test11's own check keeps the field check of p30 … p41).
//
// The earlier sets are those of draw-verdicts.ts: labelFilesBefore('test18') from ../used-trials.ts, that is every
// verdict and criteria file of dev4 … test17 that exists (32 files). The list stops before test18, so the criteria
// half made in this folder at the same time is not among them.
//
//   npx tsx bench/eligibility/test18/check-verdicts.ts
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { labelFilesBefore } from '../used-trials.ts';
import { checkVerdictSet } from '../verdict-check.ts';

const VERDICTS_FILE = 'test18/verdicts.jsonl';
/** test11's profiles, p30 … p41, used here as they stand (the shared 29 are read by the checker itself). */
const ADDED_PROFILES_FILE = 'test11/profiles.jsonl';
/** Trials no earlier set may share with this one: those before dev4, and the trials of these label files (dev4 … test17). */
const EARLIER_SETS = labelFilesBefore('test18');
/** The trials `draw-verdicts.ts` drew (its output, 2026-11-29), in NCT order. */
const DRAWN = [
  'NCT00002688',
  'NCT00002980',
  'NCT00002989',
  'NCT00003174',
  'NCT00003425',
  'NCT00003875',
  'NCT00004215',
  'NCT00004239',
  'NCT00004904',
  'NCT00005080',
  'NCT00005829',
  'NCT01339988',
];

/** SHA-256 of the two profile files when these verdicts were read (2026-11-29); neither may change. */
const PROFILE_FILES: Readonly<Record<string, string>> = {
  'profiles.jsonl': '4f5dd62bdc8827508ca8786b869bde58f83bded70837a45729fb3bf7d03270a5',
  'test11/profiles.jsonl': '2d6347dde3f5f3a2f7a70565819dac32706b3dbc7b290679b3b0b0755a0f6c48',
};

function profileFileProblems(): string[] {
  return Object.entries(PROFILE_FILES).flatMap(([file, expected]) => {
    const actual = createHash('sha256').update(readFileSync(join(import.meta.dirname, '..', file))).digest('hex');
    return actual === expected ? [] : [`${file}: changed since the verdicts were read (SHA-256 ${actual})`];
  });
}

await checkVerdictSet({
  file: VERDICTS_FILE,
  earlierSets: EARLIER_SETS,
  drawn: DRAWN,
  addedProfiles: ADDED_PROFILES_FILE,
  profileProblems: profileFileProblems(),
});
