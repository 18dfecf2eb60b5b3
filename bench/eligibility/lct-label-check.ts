/**
 * The check of a set of labelled LCT criteria, shared by dev5/check.ts and the check-criteria.ts of test3 onwards: every line
 * parses, every text is in its LCT record (whitespace runs collapsed), no text repeats within a trial, every concept
 * is in the vocabulary; with `drawn`, every trial is one of the draw's, in its order, and every drawn trial has
 * labels. Prints counts and no label text; exits 1 on a problem. Reads labels and records only, runs no eligibility
 * code. Command-line options: `--shared <data folder>`, `--labels <file>` (relative to bench/eligibility/, or
 * absolute) to check another copy.
 */
import { checkCriteriaRows, collapse, option, printTypeTable } from './criteria-rows.ts';
import { readLctTrials } from './dev5/draw.ts';
import { readCriteriaLabels } from './labels.read.ts';

export interface LctLabelCheck {
  /** The set's file, relative to bench/eligibility/. */
  readonly labelsFile: string;
  /** The drawn trials in labelling order, when the check should hold the labels to them. */
  readonly drawn?: (sharedData: string) => readonly string[];
}

export function runLctLabelCheck({ labelsFile, drawn: drawnOf }: LctLabelCheck): void {
  const sharedData = option('--shared', '../shared/data');
  const criteria = readCriteriaLabels(option('--labels', labelsFile));
  const records = new Map(readLctTrials(sharedData).map((t) => [t.nctId, collapse(t.criteria)]));
  const drawn = drawnOf?.(sharedData);

  const problems: string[] = [];
  const { byType, thresholdsByType, bySection, byTrial, concepts, empty } = checkCriteriaRows(criteria, records, drawn, 'lct', problems);

  const withThreshold = [...thresholdsByType.values()].reduce((a, b) => a + b, 0);
  console.log(`${criteria.length} criteria, ${byTrial.size} trials, ${concepts} concepts (${withThreshold} with a threshold)`);
  console.log(`sections: ${[...bySection].map(([s, n]) => `${s} ${n}`).join(', ')}; no concept: ${empty}; conditional: ${criteria.filter((c) => c.conditional).length}`);
  if (drawn !== undefined) console.log(`thresholds: ${[...thresholdsByType].map(([t, n]) => `${t} ${n}`).join(', ')}`);
  printTypeTable(byType);
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
