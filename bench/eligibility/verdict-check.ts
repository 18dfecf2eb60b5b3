// The check every verdict set since test4 runs on its labels (each set's check-verdicts.ts names its file, the trials
// its draw drew and the sets before it). It reads label files and records only; no eligibility code is imported or
// run. It fails (exit code 1) when a profile id is unknown or given twice (a set may add profiles of its own), when the trials are not exactly the drawn ones, when a
// trial is missing from the bundled records or belongs to an earlier labelled set, when a (profile, trial) pair is
// repeated or missing from the profiles x trials grid, when a likely pair has a `because` or another pair lacks one,
// or when a `because` is not a contiguous piece of its record's criteria once runs of whitespace are collapsed.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readProfileLabels, readVerdictLabels, VERDICTS, type LabelledVerdict, type Verdict } from './labels.read.ts';
import { legacyRecords, modernRecords } from './dev3/records.ts';
import { usedTrials } from './used-trials.ts';

export interface VerdictSet {
  /** The verdicts file, relative to this folder ("test7/verdicts.jsonl"). */
  readonly file: string;
  /** Label files of the sets before it, whose trials it may not hold. */
  readonly earlierSets: readonly string[];
  /** The trials its draw drew, in NCT order. */
  readonly drawn: readonly string[];
  /**
   * Profiles added to ../profiles.jsonl (test11's from test11 on; a set's own besides from test30), files relative to
   * this folder; counted apart too.
   */
  readonly addedProfiles?: string | readonly string[];
  /** Problems found in the set's own profiles (fields and values), reported with the others. */
  readonly profileProblems?: readonly string[];
}

const NUMBER_WORDS: Readonly<Record<number, string>> = { 8: 'eight', 12: 'twelve' };

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function printCounts(verdicts: readonly LabelledVerdict[], trials: readonly string[]): void {
  console.log('trial        likely  might  not');
  for (const t of trials) {
    const n = (verdict: Verdict): number => verdicts.filter((v) => v.trial === t && v.verdict === verdict).length;
    console.log(`${t}  ${VERDICTS.map((v) => String(n(v)).padStart(v === 'likely-eligible' ? 6 : 5)).join('  ')}`);
  }
  const total = (verdict: Verdict): number => verdicts.filter((v) => v.verdict === verdict).length;
  console.log(`all          ${VERDICTS.map((v) => total(v)).join(' / ')}`);
}

/** Checks one set's verdicts and prints the counts per trial; sets the exit code on any problem. */
export async function checkVerdictSet(set: VerdictSet): Promise<void> {
  const problems: string[] = [...(set.profileProblems ?? [])];
  const verdicts = readVerdictLabels(set.file);
  const addedFiles = set.addedProfiles === undefined ? [] : typeof set.addedProfiles === 'string' ? [set.addedProfiles] : set.addedProfiles;
  const added = addedFiles.flatMap((file) => readProfileLabels(file).map((p) => p.id));
  const profiles = [...readProfileLabels().map((p) => p.id), ...added];
  if (new Set(profiles).size !== profiles.length) problems.push('a profile id is in two profile files, or twice in one');
  const trials = [...new Set(verdicts.map((v) => v.trial))].sort();

  // The tar first, as the draw reads it, so the quoted words are the ones the labeller read.
  const texts = new Map<string, string>();
  for (const r of [...(await legacyRecords()), ...modernRecords()]) {
    if (trials.includes(r.nctId) && !texts.has(r.nctId)) texts.set(r.nctId, collapse(r.criteria));
  }
  const howMany = NUMBER_WORDS[set.drawn.length] ?? String(set.drawn.length);
  if (trials.join(' ') !== set.drawn.join(' ')) problems.push(`trials are not the drawn ${howMany}: ${trials.join(' ')}`);
  const earlier = usedTrials(set.earlierSets);
  for (const trial of trials) {
    if (!texts.has(trial)) problems.push(`${trial}: no such record in data/demo/records`);
    if (earlier.has(trial)) problems.push(`${trial}: already in an earlier set`);
  }

  const seen = new Set<string>();
  for (const [i, v] of verdicts.entries()) {
    const where = `${set.file} row ${i + 1}`;
    if (!profiles.includes(v.profile)) problems.push(`${where}: unknown profile`);
    const pair = `${v.profile} ${v.trial}`;
    if (seen.has(pair)) problems.push(`${where}: pair repeated`);
    seen.add(pair);
    if (v.verdict === 'likely-eligible' && v.because !== undefined) problems.push(`${where}: likely with a because`);
    if (v.verdict !== 'likely-eligible' && v.because === undefined) problems.push(`${where}: no because`);
    const record = texts.get(v.trial);
    if (v.because !== undefined && record !== undefined && !record.includes(collapse(v.because))) {
      problems.push(`${where}: because not in record`);
    }
  }
  for (const p of profiles) for (const t of trials) if (!seen.has(`${p} ${t}`)) problems.push(`missing ${p} ${t}`);

  console.log(`${verdicts.length} verdicts, ${profiles.length} profiles${added.length > 0 ? ` (${added.length} new)` : ''} x ${trials.length} trials`);
  printCounts(verdicts, trials);
  if (added.length > 0) {
    console.log(`the new profiles alone (${added.join(' ')}):`);
    printCounts(verdicts.filter((v) => added.includes(v.profile)), trials);
  }
  if (problems.length > 0) {
    for (const p of problems) console.log(`problem: ${p}`);
    process.exitCode = 1;
    return;
  }
  console.log('ok: every id exists, the drawn trials, no trial of an earlier set, one line per pair, full grid, every because quoted from its record');
}

/** SHA-256 of the two profile files (the 29 shared profiles and test11's p30 … p41) as the sets since test12 read them. */
export const PROFILE_FILE_HASHES: Readonly<Record<string, string>> = {
  'profiles.jsonl': '4f5dd62bdc8827508ca8786b869bde58f83bded70837a45729fb3bf7d03270a5',
  'test11/profiles.jsonl': '2d6347dde3f5f3a2f7a70565819dac32706b3dbc7b290679b3b0b0755a0f6c48',
};

/** Problems when a profile file is not byte for byte the one a set's verdicts were read against. */
export function changedProfileFiles(hashes: Readonly<Record<string, string>> = PROFILE_FILE_HASHES): string[] {
  return Object.entries(hashes).flatMap(([file, expected]) => {
    const actual = createHash('sha256').update(readFileSync(join(import.meta.dirname, file))).digest('hex');
    return actual === expected ? [] : [`${file}: changed since the verdicts were read (SHA-256 ${actual})`];
  });
}

/** test30's profiles, p42 … p53, written before test30's draw and read unchanged by the sets after it. */
const TEST30_PROFILES_FILE = 'test30/profiles.jsonl';
/** SHA-256 of test30's profiles.jsonl as written on 2026-11-29 at 21:37:09 UTC (test30's VERDICTS.md). */
const TEST30_PROFILES_HASH = '1228eb3ec069646dc64e370a30d87fc92aa18bbfc994ad359c300ae31ca76117';

/**
 * Checks a verdict set read against all 53 profiles (the shared 29, test11's p30 … p41 and test30's p42 … p53), as the
 * sets since test31 are: test30's profiles' counts alone first, then the shared checker (its verdict, "ok: …" or the
 * problems, stays the last line), with every profile file checked to be the one that was read.
 */
export async function checkSetOf53Profiles(file: string, earlierSets: readonly string[], drawn: readonly string[]): Promise<void> {
  const ids = new Set(readProfileLabels(TEST30_PROFILES_FILE).map((p) => p.id));
  console.log(`test30's profiles alone (${[...ids].join(' ')}):`);
  printCounts(readVerdictLabels(file).filter((v) => ids.has(v.profile)), drawn);
  await checkVerdictSet({
    file,
    earlierSets,
    drawn,
    addedProfiles: ['test11/profiles.jsonl', TEST30_PROFILES_FILE],
    profileProblems: changedProfileFiles({ ...PROFILE_FILE_HASHES, [TEST30_PROFILES_FILE]: TEST30_PROFILES_HASH }),
  });
}

