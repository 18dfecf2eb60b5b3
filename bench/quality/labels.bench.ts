/**
 * Scores the cancer-type and treatment-type classifiers against the hand-labelled set (issue 4, item 8c;
 * bench/labels/README.md): precision, recall, F1 and support per class, micro and macro averages, and every error with
 * the classifier's reason, so that it can be fixed. Prints figures only.
 *
 * Usage: npx tsx bench/quality/labels.bench.ts [--set dev|heldout|heldout2|heldout3] [--labels <file.jsonl>] [--corpus demo|<path>]
 *
 * `--set dev` scores the development set (bench/labels/dev/), which may be tuned against; `--set heldout` (the
 * default) scores the held-out evaluation set (bench/labels/): a change to the classifiers or vocabularies made by
 * looking at its errors is tuning on it, and must be declared wherever the figures are quoted (bench/labels/README.md).
 * `--set heldout2` scores the second held-out set (bench/labels/heldout2/, 66 trials), a development set since the
 * classifiers were tuned on its errors (2026-11-27, fifth session). `--set heldout3` scores the third held-out set
 * (bench/labels/heldout3/, 70 trials labelled before that tuning): its errors are not printed, only its figures, so
 * that scoring it cannot turn into tuning on it.
 * `--labels` scores any other file in the same format, and overrides `--set`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config.ts';
import { cancerTypeAncestors, classifyCancerTypes } from '../../src/domain/classify/cancer-type.ts';
import { TREATMENT_KINDS, classifyTreatments } from '../../src/domain/classify/treatment-type.ts';
import type { Trial } from '../../src/domain/trial.ts';
import { readOptions } from './args.ts';
import { corpusPath, loadCorpus } from './corpus.ts';
import { LABEL_CANCER_PARENT, TRANSPLANT_CLASSES, labelClassOf, treatmentClasses, withLabelAncestors } from './label-classes.ts';
import type { LabelledItem, ScoreSheet } from './label-scoring.ts';
import { scoreLabels } from './label-scoring.ts';
import { figure, table } from './report.ts';

interface Label {
  readonly id: string;
  readonly cancerTypes: readonly string[];
  readonly treatments: readonly string[];
  readonly transplantKind: string | null;
}

/** The labelled sets by name: the held-out evaluation set and the development set. */
const SETS = {
  heldout: join(PROJECT_ROOT, 'bench', 'labels', 'cancer-treatment-labels.jsonl'),
  dev: join(PROJECT_ROOT, 'bench', 'labels', 'dev', 'cancer-treatment-labels.dev.jsonl'),
  heldout2: join(PROJECT_ROOT, 'bench', 'labels', 'heldout2', 'cancer-treatment-labels.heldout2.jsonl'),
  heldout3: join(PROJECT_ROOT, 'bench', 'labels', 'heldout3', 'cancer-treatment-labels.heldout3.jsonl'),
} as const;

const options = readOptions(process.argv.slice(2), { set: 'heldout', labels: '', corpus: 'demo' });
if (!(options.set in SETS)) throw new Error(`--set must be one of ${Object.keys(SETS).join(', ')}, not ${JSON.stringify(options.set)}.`);
const setName = options.set as keyof typeof SETS;
const labelsPath = options.labels === '' ? SETS[setName] : options.labels;
const heldOut = labelsPath === SETS.heldout || labelsPath === SETS.heldout3;
/** The set nobody has tuned on yet: its errors stay unseen. */
const errorsWithheld = labelsPath === SETS.heldout3;
const labels = (await readFile(labelsPath, 'utf8')).split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Label);
const loaded = await loadCorpus(corpusPath(options.corpus));
if (!('error' in loaded.store)) await loaded.store.close();
const byId = new Map<string, Trial>(loaded.trials.map((trial) => [trial.id, trial]));

const cancerItems: LabelledItem[] = [];
const treatmentItems: LabelledItem[] = [];
/** Why the classifier predicted each class, per trial, for the error list. */
const because = new Map<string, Map<string, string>>();
const missing: string[] = [];
for (const label of labels) {
  const trial = byId.get(label.id);
  if (trial === undefined) {
    missing.push(label.id);
    continue;
  }
  const reasons = new Map<string, string>();
  const cancer = classifyCancerTypes(trial);
  // The most specific predicted types: each mapped to its label class, whose label ancestors are added after.
  const above = new Set(cancer.flatMap((type) => cancerTypeAncestors(type.id)));
  const leaves = cancer.filter((type) => !above.has(type.id));
  for (const type of leaves) {
    const mapped = labelClassOf(type.id);
    if (mapped !== null && !reasons.has(mapped)) reasons.set(mapped, `${type.id}: ${type.because}`);
  }
  const predictedCancer = withLabelAncestors(leaves.map((type) => labelClassOf(type.id)).filter((id): id is string => id !== null));
  cancerItems.push({ id: label.id, expected: withLabelAncestors(label.cancerTypes), predicted: predictedCancer });

  const treatments = classifyTreatments(trial);
  const subs = new Set(treatments.flatMap((t) => (t.sub === undefined ? [] : [t.sub])));
  const kind = subs.size === 2 ? 'both' : ([...subs][0] ?? null);
  for (const t of treatments) {
    const name = t.sub === undefined ? t.kind : `transplant:${t.sub}`;
    if (!reasons.has(name)) reasons.set(name, t.because);
    if (!reasons.has(t.kind)) reasons.set(t.kind, t.because);
  }
  treatmentItems.push({ id: label.id, expected: treatmentClasses(label.treatments, label.transplantKind), predicted: treatmentClasses(treatments.map((t) => t.kind), kind) });
  because.set(label.id, reasons);
}

function printSheet(title: string, sheet: ScoreSheet, items: readonly LabelledItem[]): void {
  console.log(`\n${title}`);
  console.log(table(
    ['class', 'precision', 'recall', 'F1', 'support', 'predicted'],
    sheet.classes.map((row) => [row.name, figure(row.precision), figure(row.recall), figure(row.f1), String(row.support), String(row.truePositives + row.falsePositives)]),
  ));
  console.log(`micro: precision ${figure(sheet.micro.precision)}, recall ${figure(sheet.micro.recall)}, F1 ${figure(sheet.micro.f1)} (target: precision and recall >= 0.9)`);
  console.log(`macro over classes with support: precision ${figure(sheet.macro.precision)}, recall ${figure(sheet.macro.recall)}, F1 ${figure(sheet.macro.f1)}`);
  console.log(`errors (${sheet.errors.length})${errorsWithheld ? ': not listed for this set' : ':'}`);
  if (errorsWithheld) return;
  const byItem = new Map(items.map((item) => [item.id, item]));
  for (const error of sheet.errors) {
    const item = byItem.get(error.id);
    const said = [...(item?.predicted ?? [])].sort().join(', ');
    const why = error.kind === 'false-positive' ? `because ${because.get(error.id)?.get(error.name) ?? '(an ancestor of a predicted class)'}` : `classifier said: ${said || 'nothing'}`;
    console.log(`  ${error.id}  ${error.name.padEnd(28)} ${error.kind === 'false-positive' ? 'predicted, not labelled' : 'labelled, not predicted'}  ${why}`);
  }
}

console.log(`Classifier evaluation on ${labelsPath}: ${labels.length} labelled trials, ${labels.length - missing.length} found in corpus ${options.corpus}${missing.length > 0 ? ` (missing: ${missing.join(', ')})` : ''}`);
console.log(
  heldOut
    ? 'HELD-OUT EVALUATION SET: changes to the classifiers or vocabularies made by looking at these errors are tuning on it and must be declared where the figures are quoted.'
    : 'Not the held-out set: figures for issue 4 come from the held-out set (--set heldout); this one may be tuned against.',
);
printSheet('Cancer type (labels closed under the label hierarchy; classifier ids mapped by bench/quality/label-classes.ts)', scoreLabels(cancerItems, Object.keys(LABEL_CANCER_PARENT)), cancerItems);
printSheet('Treatment type (car-t implies immunotherapy; transplant sub-kinds as classes)', scoreLabels(treatmentItems, [...TREATMENT_KINDS, ...TRANSPLANT_CLASSES]), treatmentItems);
