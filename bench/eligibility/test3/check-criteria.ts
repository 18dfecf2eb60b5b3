// Checks test3/criteria-labels.jsonl (README.md in this folder, "Criteria") against the LCT records it quotes, the
// draw it came from and the vocabulary of docs/eligibility-concepts.md, and prints its counts. It reads labels and
// records only and runs no eligibility code; it prints no label text (the set is held out). Exit code 1 on a problem.
//
//   npx tsx bench/eligibility/test3/check-criteria.ts [--shared ../shared/data] [--labels <file>]
//
// --labels checks another copy (a path relative to bench/eligibility/, or absolute).
import { readCriteriaLabels } from '../labels.read.ts';
import { readLctTrials } from '../dev5/draw.ts';
import { BASE_FIELDS, LABEL_VALUES, labelConceptProblems } from '../label-vocabulary.ts';
import { drawTest3 } from './draw-criteria.ts';

/** How many "lct oncology" trials of the shuffled order the labels take (the README's stop at 250 criteria). */
const ONCOLOGY_TAKEN = 21;

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

function tally(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

const sharedAt = process.argv.indexOf('--shared');
const sharedData = sharedAt >= 0 ? (process.argv[sharedAt + 1] ?? '../shared/data') : '../shared/data';
const labelsAt = process.argv.indexOf('--labels');
const labelsFile = labelsAt >= 0 ? (process.argv[labelsAt + 1] ?? '') : 'test3/criteria-labels.jsonl';
const criteria = readCriteriaLabels(labelsFile);
const records = new Map(readLctTrials(sharedData).map((t) => [t.nctId, collapse(t.criteria)]));
const drawn = drawTest3(sharedData, ONCOLOGY_TAKEN).drawn.map((d) => d.trial.nctId);

const problems: string[] = [];
const seen = new Set<string>();
const byType = new Map<string, number>();
const thresholdsByType = new Map<string, number>();
const bySection = new Map<string, number>();
const byTrial = new Map<string, number>();
let concepts = 0;
let empty = 0;
for (const [i, c] of criteria.entries()) {
  const where = `row ${i + 1} (${c.trial})`;
  const record = records.get(c.trial);
  if (record === undefined) problems.push(`${where}: no such LCT record`);
  else if (!record.includes(collapse(c.text))) problems.push(`${where}: text not in record`);
  if (!drawn.includes(c.trial)) problems.push(`${where}: trial not in the draw`);
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
    if (Object.keys(k).some((f) => !BASE_FIELDS.includes(f))) tally(thresholdsByType, k.type);
    for (const p of labelConceptProblems(k)) problems.push(`${where}: ${p}`);
  }
}
for (const trial of drawn) if (!byTrial.has(trial)) problems.push(`drawn trial ${trial} has no label`);
const drawOrder = [...byTrial.keys()];
if (drawOrder.join(' ') !== drawn.join(' ')) problems.push('trials are not in draw order');

const withThreshold = [...thresholdsByType.values()].reduce((a, b) => a + b, 0);
console.log(`${criteria.length} criteria, ${byTrial.size} trials, ${concepts} concepts (${withThreshold} with a threshold)`);
console.log(`sections: ${[...bySection].map(([s, n]) => `${s} ${n}`).join(', ')}; no concept: ${empty}; conditional: ${criteria.filter((c) => c.conditional).length}`);
console.log(`thresholds: ${[...thresholdsByType].map(([t, n]) => `${t} ${n}`).join(', ')}`);
console.log('type                 present absent');
for (const type of Object.keys(LABEL_VALUES)) {
  const present = byType.get(`${type} present`) ?? 0;
  const absent = byType.get(`${type} absent`) ?? 0;
  console.log(`${type.padEnd(20)} ${String(present).padStart(7)} ${String(absent).padStart(6)}`);
}
for (const p of problems) console.log(`PROBLEM ${p}`);
if (problems.length > 0) process.exit(1);
console.log('OK: every line parses, every text is in its record, every trial is drawn, every concept is in the vocabulary');
