// Draws the trials of test12's held-out criteria set (CRITERIA.md in this folder) from the LCT texts and prints them;
// with --texts it also prints their raw eligibility texts, so that the draw can be repeated and read. It reads,
// filters, shuffles and prints, and nothing more: the criteria were split and labelled by reading this output, and
// nothing here loads src/domain/eligibility (the code the labels judge).
//
//   npx tsx bench/eligibility/test12/draw-criteria.ts [--shared ../shared/data] [--oncology N] [--texts]
//
// The rule, fixed on 2026-11-29 (about 13:25 UTC) before this script was first run:
// - pool: the 1,500 LCT texts, less every trial named in ../used-before-dev4.txt (the sets labelled before dev4) and
//   every trial of the label files of the sets made since dev4 and before test12 (labelFilesBefore('test12') of
//   ../used-trials.ts: the verdicts.jsonl and criteria-labels.jsonl, where a folder has them, of dev4, dev5 and test3
//   to test11, read for their trial ids only), sorted by NCT id;
// - stratum "lct haem": the criteria mention leukaemia, lymphoblastic, lymphoma or myeloma (test2's word filter);
//   shuffled with seed DRAW.haemSeed (2026112996) and the first DRAW.haem taken, all of them when fewer remain (the
//   pool is expected to be empty, as test4 to test10 found it);
// - stratum "lct oncology": the criteria match the first set's oncology word list and none of the blood-cancer words
//   (test2's filters); shuffled with seed DRAW.oncologySeed (2026112995) and taken whole in that order, after the
//   haem trials, until the labelled criteria reach DRAW.criteriaTarget (300); the trial that reaches the target is the
//   last one taken. `--oncology N` prints the first N of that order (CRITERIA.md gives the N used and how many texts
//   were printed);
// - shuffles are mulberry32 + Fisher–Yates (../seeded-shuffle.ts); no drawn trial is swapped or dropped.
// The code of the draw is shared by every criteria set since test4: ../lct-draw.ts.
import { labelFilesBefore, usedTrials } from '../used-trials.ts';
import { drawLct, runLctDrawCli, type LctDraw } from '../lct-draw.ts';

export const DRAW = { haemSeed: 2026112996, haem: 3, oncologySeed: 2026112995, criteriaTarget: 300 } as const;

/** Label files of the sets labelled since dev4, whose trials this draw leaves out (relative to bench/eligibility/). */
export const EARLIER_LABEL_FILES: readonly string[] = labelFilesBefore('test12');

/** Every trial labelled before this set. */
export function excludedTrials(): Set<string> {
  return usedTrials(EARLIER_LABEL_FILES);
}

/** The drawn trials in labelling order (haem, then the first `oncology` of the oncology order), with pool sizes. */
export function drawTest12(sharedData: string, oncology: number): LctDraw {
  return drawLct(DRAW, excludedTrials(), sharedData, oncology);
}

if (import.meta.url === `file://${process.argv[1]}`) runLctDrawCli(DRAW, excludedTrials, drawTest12);
