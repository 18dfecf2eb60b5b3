// The dev/test split of the labelled set, by whole trial (never by criterion): issue 6 item 7.
//
//   npx tsx bench/eligibility/split.ts          prints the split the rule gives and whether split.json agrees
//   npx tsx bench/eligibility/split.ts --write  (re)writes split.json from the rule
//
// Rule: trials are ranked by SHA-256 of SPLIT_SALT + NCT id and taken in that order into `dev` while dev holds less
// than 60% of the group's rows; the rest are `test`. Two groups, ranked apart, so both parts get verdict pairs: the
// 17 trials that carry verdicts (weighed by verdict pairs; their criteria labels go the same way), then the other
// trials of criteria-labels.jsonl, taken while dev holds less than 60% of all labelled criteria. A trial is in one part
// everywhere. Only `dev` is looked at when tuning; `test` is reported, never read for errors.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LABELS_DIR, readCriteriaLabels, readVerdictLabels } from './labels.read.ts';

export const SPLIT_SALT = 'trialfinder eligibility split 2026-11-27:';
export const DEV_SHARE = 0.6;
export const SPLIT_FILE = 'split.json';

export type Part = 'dev' | 'test';

function rank(ids: Iterable<string>): string[] {
  const key = (id: string): string => createHash('sha256').update(SPLIT_SALT + id).digest('hex');
  return [...new Set(ids)].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The split the rule gives for these trial ids. */
export function computeSplit(verdictTrials: readonly string[], criteriaTrials: readonly string[]): Record<string, Part> {
  const out: Record<string, Part> = {};
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

/** Reads split.json: trial id → part. Throws when a trial is missing from it. */
export function readSplit(): (trial: string) => Part {
  const raw = JSON.parse(readFileSync(join(LABELS_DIR, SPLIT_FILE), 'utf8')) as { trials: Record<string, Part> };
  return (trial) => {
    const part = raw.trials[trial];
    if (part !== 'dev' && part !== 'test') throw new Error(`${SPLIT_FILE}: no part for trial ${trial}; run npx tsx bench/eligibility/split.ts --write`);
    return part;
  };
}

function main(): void {
  const split = computeSplit(readVerdictLabels().map((v) => v.trial), readCriteriaLabels().map((c) => c.trial));
  const file = {
    about: `Dev/test split of this folder's labels by whole trial: SHA-256 of "${SPLIT_SALT}" + NCT id, taken into dev in that order, first the trials with verdicts while dev holds under ${DEV_SHARE * 100}% of the verdict pairs, then the other labelled trials while dev holds under ${DEV_SHARE * 100}% of all labelled criteria. Written by split.ts; only dev is used for tuning.`,
    trials: split,
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
  process.stdout.write(`${parts.filter((p) => p === 'dev').length} dev, ${parts.filter((p) => p === 'test').length} test trials; split.json ${current === text ? 'agrees with the rule' : 'DIFFERS from the rule'}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
