// Checks the second held-out verdict set (VERDICTS.md in this folder) for shape only: it parses the file with the
// first set's reader, and checks that every profile and trial id exists, that each (profile, trial) pair occurs exactly
// once with every profile judged on every trial, that no trial belongs to the first set, and that each `because` is
// words of its trial's record. It reads no Trialfinder code besides the label readers and the bundled-text reader.
//
//   npx tsx bench/eligibility/test2/check-verdicts.ts
import { readCriteriaLabels, readProfileLabels, readVerdictLabels, VERDICTS } from '../labels.read.ts';
import type { Verdict } from '../labels.read.ts';
import { readLegacyTrialTexts } from '../demo-texts.ts';

const FILE = 'test2/verdicts.jsonl';

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

const verdicts = readVerdictLabels(FILE);
const profiles = new Set(readProfileLabels().map((p) => p.id));
const trials = [...new Set(verdicts.map((v) => v.trial))].sort();
const firstSet = new Set([...readVerdictLabels().map((v) => v.trial), ...readCriteriaLabels().map((c) => c.trial)]);
const wanted = new Set(trials);
const texts = new Map(
  (await readLegacyTrialTexts((t) => wanted.has(t.nctId))).map((t) => [t.nctId, collapse(t.criteria)] as const),
);

const problems: string[] = [];
const seen = new Set<string>();
for (const [i, v] of verdicts.entries()) {
  const where = `line ${i + 1} (${v.profile}, ${v.trial})`;
  if (!profiles.has(v.profile)) problems.push(`${where}: unknown profile`);
  const text = texts.get(v.trial);
  if (text === undefined) problems.push(`${where}: trial not in the bundled legacy XML records`);
  if (firstSet.has(v.trial)) problems.push(`${where}: trial is in the first set, so not held out`);
  const key = `${v.profile} ${v.trial}`;
  if (seen.has(key)) problems.push(`${where}: duplicate pair`);
  seen.add(key);
  // The first set's convention: likely-eligible carries no reason, the other two quote the deciding criterion.
  if (v.verdict === 'likely-eligible' && v.because !== undefined) problems.push(`${where}: likely with a because`);
  if (v.verdict !== 'likely-eligible' && (v.because === undefined || v.because === '')) {
    problems.push(`${where}: no because`);
  }
  if (v.because !== undefined && text !== undefined && !text.includes(collapse(v.because))) {
    problems.push(`${where}: because is not words of the record`);
  }
}
for (const t of trials) {
  for (const p of profiles) if (!seen.has(`${p} ${t}`)) problems.push(`missing pair (${p}, ${t})`);
}

const count = (rows: readonly { verdict: Verdict }[]): string =>
  VERDICTS.map((name) => `${name} ${rows.filter((r) => r.verdict === name).length}`).join(', ');
process.stdout.write(`${FILE}: ${verdicts.length} pairs, ${trials.length} trials, ${profiles.size} profiles\n`);
process.stdout.write(`all: ${count(verdicts)}\n`);
for (const t of trials) process.stdout.write(`${t}: ${count(verdicts.filter((v) => v.trial === t))}\n`);
if (problems.length > 0) {
  process.stdout.write(`${problems.length} problem(s):\n${problems.join('\n')}\n`);
  process.exitCode = 1;
} else {
  process.stdout.write('ok: every id exists, one line per (profile, trial), full grid, none in the first set\n');
}
