/**
 * The check of a set of labelled LCT criteria, shared by dev5/check.ts and the check-criteria.ts of test3 onwards: every line
 * parses, every text is in its LCT record (whitespace runs collapsed), no text repeats within a trial, every concept
 * is in the vocabulary; with `drawn`, every trial is one of the draw's, in its order, and every drawn trial has
 * labels. Prints counts and no label text; exits 1 on a problem. Reads labels and records only, runs no eligibility
 * code. Command-line options: `--shared <data folder>`, `--labels <file>` (relative to bench/eligibility/, or
 * absolute) to check another copy.
 */
import { readLctTrials } from './dev5/draw.ts';
import { BASE_FIELDS, LABEL_VALUES, labelConceptProblems } from './label-vocabulary.ts';
import { readCriteriaLabels } from './labels.read.ts';

export interface LctLabelCheck {
  /** The set's file, relative to bench/eligibility/. */
  readonly labelsFile: string;
  /** The drawn trials in labelling order, when the check should hold the labels to them. */
  readonly drawn?: (sharedData: string) => readonly string[];
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

function tally(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

export function runLctLabelCheck({ labelsFile, drawn: drawnOf }: LctLabelCheck): void {
  const sharedData = option('--shared', '../shared/data');
  const criteria = readCriteriaLabels(option('--labels', labelsFile));
  const records = new Map(readLctTrials(sharedData).map((t) => [t.nctId, collapse(t.criteria)]));
  const drawn = drawnOf?.(sharedData);

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
    if (drawn !== undefined && !drawn.includes(c.trial)) problems.push(`${where}: trial not in the draw`);
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
  if (drawn !== undefined) {
    for (const trial of drawn) if (!byTrial.has(trial)) problems.push(`drawn trial ${trial} has no label`);
    if ([...byTrial.keys()].join(' ') !== drawn.join(' ')) problems.push('trials are not in draw order');
  }

  const withThreshold = [...thresholdsByType.values()].reduce((a, b) => a + b, 0);
  console.log(`${criteria.length} criteria, ${byTrial.size} trials, ${concepts} concepts (${withThreshold} with a threshold)`);
  console.log(`sections: ${[...bySection].map(([s, n]) => `${s} ${n}`).join(', ')}; no concept: ${empty}; conditional: ${criteria.filter((c) => c.conditional).length}`);
  if (drawn !== undefined) console.log(`thresholds: ${[...thresholdsByType].map(([t, n]) => `${t} ${n}`).join(', ')}`);
  console.log('type                 present absent');
  for (const type of Object.keys(LABEL_VALUES)) {
    const present = byType.get(`${type} present`) ?? 0;
    const absent = byType.get(`${type} absent`) ?? 0;
    console.log(`${type.padEnd(20)} ${String(present).padStart(7)} ${String(absent).padStart(6)}`);
  }
  for (const p of problems) console.log(`PROBLEM ${p}`);
  if (problems.length > 0) process.exit(1);
  console.log(`OK: every line parses, every text is in its record, ${drawn === undefined ? '' : 'every trial is drawn, '}every concept is in the vocabulary`);
}

export interface DrawnLctSet {
  /** The set's file, relative to bench/eligibility/. */
  readonly labelsFile: string;
  /** How many trials of the shuffled "lct oncology" order the labels take. */
  readonly oncologyTaken: number;
  /** The draw's target: the trials before the last must give fewer criteria, and all of them at least this many. */
  readonly criteriaTarget: number;
  /** The trials of the sets before it. */
  readonly excluded: () => ReadonlySet<string>;
  /** The set's draw: the drawn trials' ids for `oncology` oncology trials. */
  readonly draw: (sharedData: string, oncology: number) => readonly string[];
}

/**
 * The check of a set drawn by ../lct-draw.ts (test4 onwards): {@link runLctLabelCheck} held to the draw, and besides
 * it, no drawn trial in an earlier set and the stop where the rule puts it.
 */
export function checkDrawnLctSet(set: DrawnLctSet): void {
  runLctLabelCheck({
    labelsFile: set.labelsFile,
    drawn: (sharedData) => {
      const drawn = set.draw(sharedData, set.oncologyTaken);
      const problems: string[] = [];
      const earlier = set.excluded();
      const reused = drawn.filter((t) => earlier.has(t)).length;
      if (reused > 0) problems.push(`${reused} drawn trial(s) belong to an earlier set`);
      const labels = readCriteriaLabels(option('--labels', set.labelsFile));
      const before = labels.filter((c) => c.trial !== drawn[drawn.length - 1]).length;
      if (before >= set.criteriaTarget) problems.push(`the trials before the last already give ${before} criteria`);
      if (labels.length < set.criteriaTarget) problems.push(`${labels.length} criteria, fewer than ${set.criteriaTarget}`);
      if (problems.length > 0) {
        for (const p of problems) console.log(`PROBLEM ${p}`);
        process.exit(1);
      }
      return drawn;
    },
  });
}
