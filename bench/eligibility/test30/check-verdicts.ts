// Checks the expected verdicts of test30 (VERDICTS.md in this folder) against the profiles (the 29 shared ones of
// ../profiles.jsonl, test11's 12 of ../test11/profiles.jsonl, p30 … p41, and this set's own 12 of profiles.jsonl in
// this folder, p42 … p53) and the bundled demo records, and prints how many of each verdict every trial received: first
// (from this file) for this set's 12 alone, then (from the shared checker) for all 53 and for the 24 added to the 29
// (which the shared checker calls "new": new since the 29, p30 … p53). It exits with code 1 when a profile id is
// unknown or repeated across the three profile files, when any of the three files is not byte for byte the one these
// verdicts were read against, when a line of this set's profiles.jsonl does not parse with PatientProfileSchema or is
// not an adult, when the trials are not exactly the twelve draw-verdicts.ts drew, when a trial is absent from the
// bundled records or already belongs to an earlier labelled set, when a (profile, trial) pair appears twice or is
// missing from the 53 x 12 grid, when a likely pair carries a `because` or any other pair lacks one, or when a `because`
// is not one contiguous piece of its record's criteria once runs of whitespace are collapsed. Only label files,
// records and the profile schema are read; no eligibility matching or extraction code is imported or run.
//
// The checks live in ../verdict-check.ts, which every verdict set since test4 shares. As in test12 … test29, the
// shared profile files are checked to be the ones that were read; this file adds the hash of this set's own profile
// file and, as test11's check does for p30 … p41, a check of p42 … p53's fields and values: here with the zod schema
// itself (PatientProfileSchema of src/domain/eligibility/profile.ts, the profile contract, which imports only zod, the
// value lists of criterion.ts and the InvalidInput error class), not with a copy of its lists.
//
// The earlier sets are those of draw-verdicts.ts: labelFilesBefore('test30') from ../used-trials.ts, that is every
// verdict and criteria file of dev4 … test29 that exists (56 files). The list stops before test30, so the criteria
// half made in this folder at the same time is not among them.
//
//   npx tsx bench/eligibility/test30/check-verdicts.ts
import { PatientProfileSchema } from '../../../src/domain/eligibility/profile.ts';
import { readProfileLabels, readVerdictLabels, VERDICTS, type Verdict } from '../labels.read.ts';
import { labelFilesBefore } from '../used-trials.ts';
import { changedProfileFiles, checkVerdictSet, PROFILE_FILE_HASHES } from '../verdict-check.ts';

const VERDICTS_FILE = 'test30/verdicts.jsonl';
/** This set's own profiles, p42 … p53, written before the draw. */
const OWN_PROFILES_FILE = 'test30/profiles.jsonl';
/** test11's profiles, p30 … p41, and this set's, p42 … p53 (the shared 29 are read by the checker itself). */
const ADDED_PROFILE_FILES = ['test11/profiles.jsonl', OWN_PROFILES_FILE];
/** SHA-256 of this set's profiles.jsonl as written on 2026-11-29 at 21:37:09 UTC, before the draw first ran. */
const OWN_PROFILES_HASH = '1228eb3ec069646dc64e370a30d87fc92aa18bbfc994ad359c300ae31ca76117';
/** Trials no earlier set may share with this one: those before dev4, and the trials of these label files (dev4 … test29). */
const EARLIER_SETS = labelFilesBefore('test30');
/** The trials `draw-verdicts.ts` drew (its output, 2026-11-29), in NCT order. */
const DRAWN = [
  'NCT00002348',
  'NCT00002495',
  'NCT00002520',
  'NCT00003311',
  'NCT00003389',
  'NCT00003957',
  'NCT00005589',
  'NCT00005824',
  'NCT00006244',
  'NCT00006466',
  'NCT00491127',
  'NCT00496340',
];

/** Problems with this set's own profiles: each must parse with the profile schema and be an adult. */
function ownProfileProblems(): string[] {
  return readProfileLabels(OWN_PROFILES_FILE).flatMap(({ id, profile }) => {
    const parsed = PatientProfileSchema.safeParse(profile);
    const problems = parsed.success
      ? []
      : parsed.error.issues.map((issue) => `${OWN_PROFILES_FILE} ${id} ${issue.path.map(String).join('.')}: ${issue.message}`);
    if (typeof profile.age !== 'number' || profile.age < 18) problems.push(`${OWN_PROFILES_FILE} ${id}: not an adult`);
    return problems;
  });
}

// The counts for this set's own profiles alone (the shared checker counts p30 … p53 together), printed first so that
// the shared checker's verdict ("ok: …" or the problems) stays the last line.
const own = new Set(readProfileLabels(OWN_PROFILES_FILE).map((p) => p.id));
const ownVerdicts = readVerdictLabels(VERDICTS_FILE).filter((v) => own.has(v.profile));
console.log(`this set's own profiles alone (${[...own].join(' ')}):`);
console.log('trial        likely  might  not');
for (const t of DRAWN) {
  const n = (verdict: Verdict): number => ownVerdicts.filter((v) => v.trial === t && v.verdict === verdict).length;
  console.log(`${t}  ${VERDICTS.map((v) => String(n(v)).padStart(v === 'likely-eligible' ? 6 : 5)).join('  ')}`);
}
console.log(`all          ${VERDICTS.map((v) => ownVerdicts.filter((x) => x.verdict === v).length).join(' / ')}`);

await checkVerdictSet({
  file: VERDICTS_FILE,
  earlierSets: EARLIER_SETS,
  drawn: DRAWN,
  addedProfiles: ADDED_PROFILE_FILES,
  profileProblems: [
    ...changedProfileFiles({ ...PROFILE_FILE_HASHES, [OWN_PROFILES_FILE]: OWN_PROFILES_HASH }),
    ...ownProfileProblems(),
  ],
});
