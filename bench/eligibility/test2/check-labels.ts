// Checks the second held-out criteria set (README.md in this folder) without running any eligibility code: every line
// must parse with the bench's own reader, every quoted text must occur in its trial's record (whitespace runs
// collapsed on both sides), and every type, value and unit must be one of docs/eligibility-concepts.md. Prints counts
// for the README and exits 1 on any failure.
//
//   npx tsx bench/eligibility/test2/check-labels.ts [--shared ../shared/data] [--labels test2/criteria-labels.jsonl]
//
// --labels names another file (relative to bench/eligibility/), to try the checks on a copy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readLegacyTrialTexts } from '../demo-texts.ts';
import { readCriteriaLabels, type LabelledConcept, type LabelledCriterion } from '../labels.read.ts';
import { BASE_FIELDS, LABEL_COMPARATORS, LABEL_UNITS, LABEL_VALUES, THRESHOLD_FIELDS } from '../label-vocabulary.ts';

const V2_FILES = ['data/demo/records/ctgov-v2_nsclcbench_100.json.gz', 'data/demo/records/ctgov-v2_dgg32_50.json.gz'];
const FIRST_SET = ['bench/eligibility/criteria-labels.jsonl', 'bench/eligibility/verdicts.jsonl'];


const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

interface SourceText {
  readonly source: 'lct' | 'demo';
  readonly text: string;
}

function readLct(sharedData: string, ids: ReadonlySet<string>, into: Map<string, SourceText>): void {
  const path = join(sharedData, 'eligibility-criteria-lct/ctgov_eligibility_criteria_1500.jsonl.gz');
  for (const line of gunzipSync(readFileSync(path)).toString('utf8').split('\n')) {
    if (line.trim() === '') continue;
    const row = JSON.parse(line) as { nct_id: string; eligibility_criteria: string };
    if (ids.has(row.nct_id)) into.set(row.nct_id, { source: 'lct', text: collapse(row.eligibility_criteria) });
  }
}

function readV2(ids: ReadonlySet<string>, into: Map<string, SourceText>): void {
  for (const file of V2_FILES) {
    const studies = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as {
      protocolSection: { identificationModule: { nctId: string }; eligibilityModule?: { eligibilityCriteria?: string } };
    }[];
    for (const s of studies) {
      const id = s.protocolSection.identificationModule.nctId;
      const text = s.protocolSection.eligibilityModule?.eligibilityCriteria;
      if (ids.has(id) && text !== undefined && !into.has(id)) into.set(id, { source: 'demo', text: collapse(text) });
    }
  }
}

function firstSetTrials(): Set<string> {
  const ids = new Set<string>();
  for (const file of FIRST_SET) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() !== '') ids.add((JSON.parse(line) as { trial: string }).trial);
    }
  }
  return ids;
}

function conceptProblems(c: LabelledConcept): string[] {
  const problems: string[] = [];
  const values = LABEL_VALUES[c.type];
  if (!values) return [`unknown type ${c.type}`];
  if (!values.includes(c.value)) problems.push(`unknown ${c.type} value ${c.value}`);
  const allowed = [...BASE_FIELDS, ...(THRESHOLD_FIELDS[c.type] ?? [])];
  for (const key of Object.keys(c)) {
    if (!allowed.includes(key)) problems.push(`${c.type}/${c.value}: field ${key} not allowed`);
  }
  if (c.comparator !== undefined && !LABEL_COMPARATORS.includes(c.comparator)) problems.push(`bad comparator ${c.comparator}`);
  if (c.unit !== undefined && !LABEL_UNITS.includes(c.unit)) problems.push(`bad unit ${c.unit}`);
  const hasComparator = c.comparator !== undefined;
  if (hasComparator !== (c.threshold !== undefined) || hasComparator !== (c.unit !== undefined)) {
    problems.push(`${c.value}: comparator, threshold and unit go together`);
  }
  for (const key of ['min', 'max', 'threshold', 'withinDays', 'withinYears'] as const) {
    const n = c[key];
    if (n !== undefined && (typeof n !== 'number' || !Number.isFinite(n) || n < 0)) problems.push(`bad ${key}`);
  }
  if (c.min !== undefined && c.max !== undefined && c.min > c.max) problems.push(`${c.value}: min above max`);
  return problems;
}

function count<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) out.set(key(item), (out.get(key(item)) ?? 0) + 1);
  return new Map([...out.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

const sharedArg = process.argv.indexOf('--shared');
const sharedData = sharedArg >= 0 ? (process.argv[sharedArg + 1] ?? '../shared/data') : '../shared/data';
const labelsArg = process.argv.indexOf('--labels');
const labelsFile = labelsArg >= 0 ? (process.argv[labelsArg + 1] ?? '') : 'test2/criteria-labels.jsonl';

const labels: LabelledCriterion[] = readCriteriaLabels(labelsFile);
const ids = new Set(labels.map((l) => l.trial));
const sources = new Map<string, SourceText>();
readLct(sharedData, ids, sources);
readV2(ids, sources);
for (const t of await readLegacyTrialTexts((t) => ids.has(t.nctId))) {
  if (!sources.has(t.nctId)) sources.set(t.nctId, { source: 'demo', text: collapse(t.criteria) });
}

const failures: string[] = [];
const seen = new Set<string>();
const reused = firstSetTrials();
labels.forEach((l, i) => {
  const where = `line ${i + 1} (${l.trial})`;
  const record = sources.get(l.trial);
  if (!record) failures.push(`${where}: trial not found in any source`);
  else {
    if (record.source !== l.source) failures.push(`${where}: source ${l.source}, found in ${record.source}`);
    if (l.text !== collapse(l.text)) failures.push(`${where}: text has uncollapsed whitespace`);
    if (!record.text.includes(l.text)) failures.push(`${where}: text not in record: ${l.text.slice(0, 80)}`);
  }
  if (l.section !== 'inclusion' && l.section !== 'exclusion') failures.push(`${where}: bad section`);
  if (typeof l.conditional !== 'boolean') failures.push(`${where}: conditional must be a boolean`);
  if (seen.has(`${l.trial} ${l.text}`)) failures.push(`${where}: same text twice in one trial`);
  seen.add(`${l.trial} ${l.text}`);
  if (reused.has(l.trial)) failures.push(`${where}: trial is already in the first set`);
  for (const c of l.concepts) for (const p of conceptProblems(c)) failures.push(`${where}: ${p}`);
});

const concepts = labels.flatMap((l) => l.concepts);
const print = (title: string, counts: Map<string, number>): void => {
  process.stdout.write(`${title}: ${[...counts].map(([k, n]) => `${k} ${n}`).join(', ')}\n`);
};
process.stdout.write(`${labels.length} criteria, ${ids.size} trials, ${concepts.length} concepts\n`);
print('criteria by source', count(labels, (l) => l.source));
print('trials by source', count([...ids], (id) => sources.get(id)?.source ?? 'missing'));
print('criteria by section', count(labels, (l) => l.section));
process.stdout.write(`criteria with no concept: ${labels.filter((l) => l.concepts.length === 0).length}; ` +
  `conditional: ${labels.filter((l) => l.conditional).length}\n`);
print('concepts by type/polarity', count(concepts, (c) => `${c.type}/${c.polarity}`));
print('concepts with a threshold', count(
  concepts.filter((c) => ['min', 'max', 'threshold', 'withinDays', 'withinYears'].some((k) => k in c)),
  (c) => c.type,
));
if (failures.length > 0) {
  process.stdout.write(`${failures.length} FAILURES\n${failures.join('\n')}\n`);
  process.exitCode = 1;
} else {
  process.stdout.write('OK: every line parses, every text is in its record, every concept is in the vocabulary\n');
}
