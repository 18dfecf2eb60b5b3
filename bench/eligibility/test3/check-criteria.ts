// Checks test3/criteria-labels.jsonl (README.md in this folder, "Criteria") against the LCT records it quotes, the
// draw it came from and the vocabulary of docs/eligibility-concepts.md, and prints its counts. It reads labels and
// records only and runs no eligibility code; it prints no label text (the set is held out). Exit code 1 on a problem.
//
//   npx tsx bench/eligibility/test3/check-criteria.ts [--shared ../shared/data] [--labels <file>]
//
// --labels checks another copy (a path relative to bench/eligibility/, or absolute).
import { runLctLabelCheck } from '../lct-label-check.ts';
import { drawTest3 } from './draw-criteria.ts';

/** How many "lct oncology" trials of the shuffled order the labels take (the README's stop at 250 criteria). */
const ONCOLOGY_TAKEN = 21;

runLctLabelCheck({
  labelsFile: 'test3/criteria-labels.jsonl',
  drawn: (sharedData) => drawTest3(sharedData, ONCOLOGY_TAKEN).drawn.map((d) => d.trial.nctId),
});
