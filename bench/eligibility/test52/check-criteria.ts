// Checks test52/criteria-labels.jsonl (CRITERIA.md in this folder) against the demo records it quotes, the draw it came
// from and the vocabulary of docs/eligibility-concepts.md, and prints its counts. It reads labels and records only,
// runs no eligibility code, and prints no label text (the set is held out). Exit code 1 on a problem.
//
//   cd /work/main && npx tsx bench/eligibility/test52/check-criteria.ts [--labels <file>]
//
// --labels checks another copy (a path relative to bench/eligibility/, or absolute). The check itself is
// ../demo-label-check.ts, shared by the demo-record criteria sets.
import { runDemoLabelCheck } from '../demo-label-check.ts';
import { DRAW, drawTest52, excludedTrials } from './draw-criteria.ts';

/** How many trials of the shuffled "oncology" order the labels take: the 12th took the count from 276 to 301. */
const ONCOLOGY_TAKEN = 12;

await runDemoLabelCheck({ labels: 'test52/criteria-labels.jsonl', oncologyTaken: ONCOLOGY_TAKEN, rule: DRAW, draw: drawTest52, used: excludedTrials() });
