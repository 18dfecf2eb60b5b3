// Checks dev5/criteria-labels.jsonl against the LCT records it quotes and the vocabulary of
// docs/eligibility-concepts.md, and prints its counts (README.md in this folder). It reads labels and records only and
// runs no eligibility code. Exit code 1 when any check fails.
//
//   npx tsx bench/eligibility/dev5/check.ts [--shared ../shared/data] [--labels <file>]
//
// --labels checks another copy (a path relative to bench/eligibility/, or absolute).
import { readCriteriaLabels } from '../labels.read.ts';
import { readLctTrials } from './draw.ts';
import { BASE_FIELDS, LABEL_VALUES, labelConceptProblems } from '../label-vocabulary.ts';

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

function tally(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

const sharedAt = process.argv.indexOf('--shared');
const sharedData = sharedAt >= 0 ? (process.argv[sharedAt + 1] ?? '../shared/data') : '../shared/data';
const labelsAt = process.argv.indexOf('--labels');
const labelsFile = labelsAt >= 0 ? (process.argv[labelsAt + 1] ?? '') : 'dev5/criteria-labels.jsonl';
const criteria = readCriteriaLabels(labelsFile);
const records = new Map(readLctTrials(sharedData).map((t) => [t.nctId, collapse(t.criteria)]));

const problems: string[] = [];
const seen = new Set<string>();
const byType = new Map<string, number>();
const bySection = new Map<string, number>();
const byTrial = new Map<string, number>();
let concepts = 0;
let withThreshold = 0;
let empty = 0;
for (const [i, c] of criteria.entries()) {
  const where = `row ${i + 1} (${c.trial})`;
  const record = records.get(c.trial);
  if (record === undefined) problems.push(`${where}: no such LCT record`);
  else if (!record.includes(collapse(c.text))) problems.push(`${where}: text not in record`);
  if (c.source !== 'lct') problems.push(`${where}: source should be lct`);
  if (c.section !== 'inclusion' && c.section !== 'exclusion') problems.push(`${where}: bad section`);
  if (typeof c.conditional !== 'boolean') problems.push(`${where}: conditional should be a boolean`);
  const key = `${c.trial} ${collapse(c.text)}`;
  if (seen.has(key)) problems.push(`${where}: text repeated within the trial`);
  seen.add(key);
  tally(bySection, c.section);
  tally(byTrial, c.trial);
  if (c.concepts.length === 0) empty += 1;
  for (const k of c.concepts) {
    concepts += 1;
    tally(byType, `${k.type} ${k.polarity}`);
    if (Object.keys(k).some((f) => !BASE_FIELDS.includes(f))) withThreshold += 1;
    for (const p of labelConceptProblems(k)) problems.push(`${where}: ${p}`);
  }
}

console.log(`${criteria.length} criteria, ${byTrial.size} trials, ${concepts} concepts (${withThreshold} with a threshold)`);
console.log(`sections: ${[...bySection].map(([s, n]) => `${s} ${n}`).join(', ')}; no concept: ${empty}; conditional: ${criteria.filter((c) => c.conditional).length}`);
console.log('type                 present absent');
for (const type of Object.keys(LABEL_VALUES)) {
  const present = byType.get(`${type} present`) ?? 0;
  const absent = byType.get(`${type} absent`) ?? 0;
  console.log(`${type.padEnd(20)} ${String(present).padStart(7)} ${String(absent).padStart(6)}`);
}
for (const p of problems) console.log(`PROBLEM ${p}`);
if (problems.length > 0) process.exit(1);
console.log('OK: every line parses, every text is in its record, every concept is in the vocabulary');
