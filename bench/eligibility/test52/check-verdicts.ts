// Checks the expected verdicts of test52 (VERDICTS.md in this folder) against the profiles (the 29 shared ones of
// ../profiles.jsonl, test11's 12 of ../test11/profiles.jsonl, p30 … p41, and test30's 12 of ../test30/profiles.jsonl,
// p42 … p53) and the bundled demo records, and prints how many of each verdict every trial received: first (from this
// file) for test30's 12 alone, then (from the shared checker) for all 53 and for the 24 added to the 29 (which the
// shared checker calls "new": new since the 29, p30 … p53). It exits with code 1 when a profile id is unknown or
// repeated across the three profile files, when any of the three files is not byte for byte the one these verdicts
// were read against, when the trials are not exactly the five draw-verdicts.ts drew, when a trial is absent from the
// bundled records or already belongs to an earlier labelled set, when a (profile, trial) pair appears twice or is
// missing from the 53 x 5 grid, when a likely pair carries a `because` or any other pair lacks one, or when a
// `because` is not one contiguous piece of its record's criteria once runs of whitespace are collapsed. Only label
// files and records are read; no eligibility matching or extraction code is imported or run.
//
// The checks live in ../verdict-check.ts, which every verdict set since test4 shares. test52 writes no profiles of its
// own: as in test12 … test29 and test31 … test51, the profile files are checked to be the ones that were read, here
// the two shared ones (PROFILE_FILE_HASHES) and test30's, whose SHA-256 is the one test30's check-verdicts.ts pins
// (test30 parsed those twelve lines with PatientProfileSchema; with the bytes unchanged that check still holds and is
// not repeated here).
//
// The earlier sets are those of draw-verdicts.ts: labelFilesBefore('test52') from ../used-trials.ts, that is every
// verdict and criteria file of dev4 … test51 that exists (100 files). The list stops before test52, so the criteria
// half made in this folder at the same time is not among them.
//
//   npx tsx bench/eligibility/test52/check-verdicts.ts
import { labelFilesBefore } from '../used-trials.ts';
import { checkSetOf53Profiles } from '../verdict-check.ts';

const VERDICTS_FILE = 'test52/verdicts.jsonl';
/** Trials no earlier set may share with this one: those before dev4, and the trials of these label files (dev4 … test51). */
const EARLIER_SETS = labelFilesBefore('test52');
/** The trials `draw-verdicts.ts` drew (its output, 2026-11-30), in NCT order. */
const DRAWN = [
  'NCT00002691',
  'NCT00003423',
  'NCT00499070',
  'NCT02465060',
  'NCT05882279',
];

await checkSetOf53Profiles(VERDICTS_FILE, EARLIER_SETS, DRAWN);
