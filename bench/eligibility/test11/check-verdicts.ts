// Checks the expected verdicts of test11 (VERDICTS.md in this folder) against the profiles (the 29 shared ones of
// ../profiles.jsonl and the 12 new ones of this folder's profiles.jsonl) and the bundled demo records, and prints how
// many of each verdict every trial received, for all 41 profiles and for the 12 new ones alone. It exits with code 1
// when a profile id is unknown or repeated across the two profile files, when a new profile has a field or value that
// docs/eligibility-concepts.md ("A patient profile") does not name, when the trials are not exactly the twelve
// draw-verdicts.ts drew, when a trial is absent from the bundled records or already belongs to an earlier labelled set,
// when a (profile, trial) pair appears twice or is missing from the 41 x 12 grid, when a likely pair carries a
// `because` or any other pair lacks one, or when a `because` is not one contiguous piece of its record's criteria once
// runs of whitespace are collapsed. Only label files and records are read; no eligibility code is imported or run.
//
// The checks live in ../verdict-check.ts, which every verdict set since test4 shares; this file adds the check of the
// new profiles' fields and values.
//
//   npx tsx bench/eligibility/test11/check-verdicts.ts
import { readProfileLabels } from '../labels.read.ts';
import { labelFilesBefore } from '../used-trials.ts';
import { checkVerdictSet } from '../verdict-check.ts';

const VERDICTS_FILE = 'test11/verdicts.jsonl';
const NEW_PROFILES_FILE = 'test11/profiles.jsonl';
/** Trials no earlier set may share with this one: those before dev4, and the trials of these label files (dev4 … test10). */
const EARLIER_SETS = labelFilesBefore('test11');
/** The trials `draw-verdicts.ts` drew (its output, 2026-11-29), in NCT order. */
const DRAWN = [
  'NCT00001941',
  'NCT00002534',
  'NCT00002553',
  'NCT00002719',
  'NCT00002789',
  'NCT00003171',
  'NCT00003187',
  'NCT00003395',
  'NCT00003415',
  'NCT00003735',
  'NCT00005986',
  'NCT00006451',
];

/** Field names and values of a profile, as docs/eligibility-concepts.md ("Types and values", "A patient profile") gives them. */
const CANCER_TYPES = ['all', 'b-all', 't-all', 'ph-positive', 'ph-negative', 'ph-like', 'bcr-abl1', 'cd19-positive', 'cd22-positive', 'aml', 'cml', 'cll', 'lymphoma', 'myeloma', 'mds', 'other-leukaemia', 'solid-tumour'];
const DISEASE_STATES = ['newly-diagnosed', 'first-remission', 'second-or-later-remission', 'remission', 'mrd-positive', 'mrd-negative', 'relapsed', 'refractory', 'prior-lines'];
const TREATMENTS = ['allogeneic-transplant', 'autologous-transplant', 'transplant', 'car-t', 'tki', 'imatinib', 'dasatinib', 'nilotinib', 'bosutinib', 'ponatinib', 'asciminib', 'blinatumomab', 'inotuzumab', 'rituximab', 'chemotherapy', 'radiotherapy', 'investigational-agent', 'other-drug'];
const INFECTIONS = ['hiv', 'hepatitis-b', 'hepatitis-c', 'active-infection'];
const SCALES: Readonly<Record<string, number>> = { ecog: 5, who: 5, karnofsky: 100, lansky: 100 };
const NUMBERS: Readonly<Record<string, number>> = { age: 120, priorLines: 30, bilirubinXUln: 100, creatinineClearanceMlMin: 500, altAstXUln: 100, ejectionFractionPercent: 100 };
const BOOLEANS = ['cnsInvolvement', 'pregnant', 'breastfeeding', 'otherCancer'];
const LISTS: Readonly<Record<string, readonly string[]>> = { cancerType: CANCER_TYPES, diseaseState: DISEASE_STATES, priorTreatments: TREATMENTS, infections: INFECTIONS };

function profileProblems(id: string, profile: Readonly<Record<string, unknown>>): string[] {
  const problems: string[] = [];
  for (const [field, value] of Object.entries(profile)) {
    const where = `${NEW_PROFILES_FILE} ${id} ${field}`;
    if (field in NUMBERS) {
      if (typeof value !== 'number' || value < 0 || value > (NUMBERS[field] ?? 0)) problems.push(`${where}: not a number in range`);
      if (field === 'priorLines' && !Number.isInteger(value)) problems.push(`${where}: not whole`);
    } else if (field === 'sex') {
      if (value !== 'female' && value !== 'male') problems.push(`${where}: not female or male`);
    } else if (BOOLEANS.includes(field)) {
      if (typeof value !== 'boolean') problems.push(`${where}: not true or false`);
    } else if (field in LISTS) {
      const allowed = LISTS[field] ?? [];
      if (!Array.isArray(value) || value.some((v) => !allowed.includes(v as string)) || new Set(value).size !== value.length) {
        problems.push(`${where}: not a list of distinct allowed values`);
      }
    } else if (field === 'performanceStatus') {
      const ps = value as { scale?: unknown; value?: unknown };
      const top = typeof ps?.scale === 'string' ? SCALES[ps.scale] : undefined;
      if (top === undefined || typeof ps.value !== 'number' || ps.value < 0 || ps.value > top || Object.keys(ps).length !== 2) {
        problems.push(`${where}: not {scale, value} on a known scale`);
      }
    } else {
      problems.push(`${where}: unknown field`);
    }
  }
  if (typeof profile.age !== 'number' || profile.age < 18) problems.push(`${NEW_PROFILES_FILE} ${id}: not an adult`);
  return problems;
}

await checkVerdictSet({
  file: VERDICTS_FILE,
  earlierSets: EARLIER_SETS,
  drawn: DRAWN,
  addedProfiles: NEW_PROFILES_FILE,
  profileProblems: readProfileLabels(NEW_PROFILES_FILE).flatMap((p) => profileProblems(p.id, p.profile)),
});
