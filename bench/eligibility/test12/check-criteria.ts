// Checks test12/criteria-labels.jsonl (CRITERIA.md in this folder) against the LCT records it quotes, the draw it came
// from and the vocabulary of docs/eligibility-concepts.md, and prints its counts. It reads labels and records only,
// runs no eligibility code, and prints no label text (the set is held out). Exit code 1 on a problem.
//
//   npx tsx bench/eligibility/test12/check-criteria.ts [--shared ../shared/data] [--labels <file>]
//
// --labels checks another copy (a path relative to bench/eligibility/, or absolute).
import { checkDrawnLctSet } from '../lct-label-check.ts';
import { DRAW, drawTest12, excludedTrials } from './draw-criteria.ts';

/** How many trials of the shuffled "lct oncology" order the labels take: the 25th took the count from 292 to 302. */
const ONCOLOGY_TAKEN = 25;
const LABELS = 'test12/criteria-labels.jsonl';

checkDrawnLctSet({
  labelsFile: LABELS,
  oncologyTaken: ONCOLOGY_TAKEN,
  criteriaTarget: DRAW.criteriaTarget,
  excluded: excludedTrials,
  draw: (sharedData, oncology) => drawTest12(sharedData, oncology).drawn.map((d) => d.trial.nctId),
});
