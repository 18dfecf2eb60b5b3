// Checks test7/criteria-labels.jsonl (CRITERIA.md in this folder) against the LCT records it quotes, the draw it came
// from and the vocabulary of docs/eligibility-concepts.md, and prints its counts. It reads labels and records only,
// runs no eligibility code, and prints no label text (the set is held out). Exit code 1 on a problem.
//
//   npx tsx bench/eligibility/test7/check-criteria.ts [--shared ../shared/data] [--labels <file>]
//
// --labels checks another copy (a path relative to bench/eligibility/, or absolute).
import { runLctLabelCheck } from '../lct-label-check.ts';
import { readCriteriaLabels } from '../labels.read.ts';
import { DRAW, drawTest7, excludedTrials } from './draw-criteria.ts';

/** How many trials of the shuffled "lct oncology" order the labels take: the 29th took the count from 296 to 311. */
const ONCOLOGY_TAKEN = 29;
const LABELS = 'test7/criteria-labels.jsonl';

/** Besides the shared check: no drawn trial is in an earlier set, and the stop fell where the rule puts it. */
function drawProblems(drawn: readonly string[]): string[] {
  const problems: string[] = [];
  const earlier = excludedTrials();
  const reused = drawn.filter((t) => earlier.has(t)).length;
  if (reused > 0) problems.push(`${reused} drawn trial(s) belong to an earlier set`);
  const at = process.argv.indexOf('--labels');
  const labels = readCriteriaLabels(at >= 0 ? (process.argv[at + 1] ?? LABELS) : LABELS);
  const before = labels.filter((c) => c.trial !== drawn[drawn.length - 1]).length;
  if (before >= DRAW.criteriaTarget) problems.push(`the trials before the last already give ${before} criteria`);
  if (labels.length < DRAW.criteriaTarget) problems.push(`${labels.length} criteria, fewer than ${DRAW.criteriaTarget}`);
  return problems;
}

runLctLabelCheck({
  labelsFile: LABELS,
  drawn: (sharedData) => {
    const drawn = drawTest7(sharedData, ONCOLOGY_TAKEN).drawn.map((d) => d.trial.nctId);
    const problems = drawProblems(drawn);
    if (problems.length > 0) {
      for (const p of problems) console.log(`PROBLEM ${p}`);
      process.exit(1);
    }
    return drawn;
  },
});
