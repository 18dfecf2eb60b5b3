// Which labels are development data and which are held out (issue 6 item 7), and the record of the first split.
//
//   npx tsx bench/eligibility/split.ts          checks split.json's record of the first split against its rule
//   npx tsx bench/eligibility/split.ts --write  (re)writes split.json
//
// Since 2026-11-27 (evening) the parts are by file, not by trial: every label in this folder's criteria-labels.jsonl
// and verdicts.jsonl is `dev`, with the folders the bench lists as development sets, and one folder is held out
// (HELD_OUT_DIR: test2/ until 2026-11-28, then test4/ to test52/ in turn, test53/ next; same line formats, same profiles.jsonl). The bench lists
// errors from dev only and refuses to list the held-out set's.
//
// The first split (2026-11-27, retired after its test figures were reported) is kept in split.json as history, with
// its rule: trials ranked by SHA-256 of SPLIT_SALT + NCT id, taken in that order into `dev` while dev held less than
// 60% of the group's rows, first the 17 trials with verdicts (weighed by verdict pairs), then the other labelled trials
// (weighed by criteria, while dev held less than 60% of all labelled criteria); the rest were `test`.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LABELS_DIR, readCriteriaLabels, readVerdictLabels } from './labels.read.ts';

export const SPLIT_SALT = 'trialfinder eligibility split 2026-11-27:';
export const DEV_SHARE = 0.6;
export const SPLIT_FILE = 'split.json';

/** The parts scored today: the development labels, and the held-out files under HELD_OUT_DIR. */
export type Part = 'dev' | 'held-out';
/** The parts of the first, retired split; both are dev now. */
export type FirstSplitPart = 'dev' | 'test';

/**
 * The held-out folder, relative to this folder. Never open its files for anything but scoring. test2/ to test52/
 * were held out in turn and are development sets now (README.md, "Sixth round" to "Fiftieth round"). test53/ does not
 * exist yet: the bundled records hold no unlabelled blood-cancer trial, so its draw needs a rule of its own (new
 * profiles or new records) before its first run; until then the bench scores development data only.
 */
export const HELD_OUT_DIR = 'test53';
/** The label files inside a set's folder. */
export const SET_FILES = { criteria: 'criteria-labels.jsonl', verdicts: 'verdicts.jsonl' } as const;

function rank(ids: Iterable<string>): string[] {
  const key = (id: string): string => createHash('sha256').update(SPLIT_SALT + id).digest('hex');
  return [...new Set(ids)].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The first split's rule applied to these trial ids (kept so its record in split.json can be checked). */
export function computeFirstSplit(verdictTrials: readonly string[], criteriaTrials: readonly string[]): Record<string, FirstSplitPart> {
  const out: Record<string, FirstSplitPart> = {};
  const count = (rows: readonly string[]): Map<string, number> => {
    const weight = new Map<string, number>();
    for (const id of rows) weight.set(id, (weight.get(id) ?? 0) + 1);
    return weight;
  };
  /** Takes trials in hash order into dev while `taken` (rows already in dev) is under `target`. */
  const assign = (ids: Iterable<string>, weight: ReadonlyMap<string, number>, taken: number, target: number): void => {
    for (const id of rank(ids)) {
      out[id] = taken < target ? 'dev' : 'test';
      if (out[id] === 'dev') taken += weight.get(id) ?? 0;
    }
  };
  const withVerdicts = new Set(verdictTrials);
  assign(withVerdicts, count(verdictTrials), 0, verdictTrials.length * DEV_SHARE);
  const criteriaWeight = count(criteriaTrials);
  const devCriteria = criteriaTrials.filter((id) => out[id] === 'dev').length;
  assign(criteriaTrials.filter((id) => !withVerdicts.has(id)), criteriaWeight, devCriteria, criteriaTrials.length * DEV_SHARE);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

interface SplitFile {
  readonly firstSplit: { readonly trials: Readonly<Record<string, FirstSplitPart>> };
}

/** Reads split.json's record of the first split: trial id → the part it was in then (history only). */
export function readFirstSplit(): (trial: string) => FirstSplitPart | undefined {
  const raw = JSON.parse(readFileSync(join(LABELS_DIR, SPLIT_FILE), 'utf8')) as SplitFile;
  return (trial) => raw.firstSplit.trials[trial];
}

function main(): void {
  const split = computeFirstSplit(readVerdictLabels().map((v) => v.trial), readCriteriaLabels().map((c) => c.trial));
  const file = {
    about: `Parts of this folder's labels. Since 2026-11-27 every label in criteria-labels.jsonl and verdicts.jsonl is dev (tuning may read its errors); ${HELD_OUT_DIR}/${SET_FILES.criteria} and ${HELD_OUT_DIR}/${SET_FILES.verdicts} are held out: scored beside dev, errors never listed. Written by split.ts.`,
    parts: {
      dev: 'criteria-labels.jsonl, verdicts.jsonl (the first split\'s dev and test parts together)',
      'held-out': `${HELD_OUT_DIR}/${SET_FILES.criteria}, ${HELD_OUT_DIR}/${SET_FILES.verdicts}, when present`,
    },
    firstSplit: {
      about: `History: the first dev/test split, by whole trial: SHA-256 of "${SPLIT_SALT}" + NCT id, taken into dev in that order, first the trials with verdicts while dev held under ${DEV_SHARE * 100}% of the verdict pairs, then the other labelled trials while dev held under ${DEV_SHARE * 100}% of all labelled criteria. Its test part was held out until its figures were reported (README.md), then retired into dev.`,
      trials: split,
    },
  };
  const text = `${JSON.stringify(file, null, 2)}\n`;
  if (process.argv.includes('--write')) writeFileSync(join(LABELS_DIR, SPLIT_FILE), text);
  let current: string;
  try {
    current = readFileSync(join(LABELS_DIR, SPLIT_FILE), 'utf8');
  } catch {
    current = '';
  }
  const parts = Object.values(split);
  process.stdout.write(`first split: ${parts.filter((p) => p === 'dev').length} dev, ${parts.filter((p) => p === 'test').length} test trials; split.json ${current === text ? 'agrees with the rule' : 'DIFFERS from the rule'}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
