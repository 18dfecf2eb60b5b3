// Draws the trials of test52's held-out criteria set (CRITERIA.md in this folder) from the bundled demo records and
// prints them; with --texts it also prints their raw eligibility texts, so that the draw can be repeated and read. It
// reads, filters, shuffles and prints, and nothing more: the criteria are split and labelled by reading this output,
// and nothing here loads src/domain/eligibility (the code the labels judge).
//
//   cd /work/main && npx tsx bench/eligibility/test52/draw-criteria.ts [--oncology N] [--texts]
//
// (run from the repository root: ../demo-texts.ts reads data/demo/records relative to it.)
//
// The rule, fixed on 2026-11-30 at 05:08 UTC by the lead before this script first ran (the lead wrote this file and did
// not run it with --texts). It is test51's rule, unchanged, with new seeds and test51's labelled trials also left
// out: test50's rule with no haem trial taken (DRAW.haem is 0), since test52's verdict half takes every blood-cancer
// trial left; the haem stratum is still computed and still left out of the oncology stratum, so the halves cannot
// share a trial.
// - source: the demo records as readDemoTrialTexts of ../demo-texts.ts returns them (the legacy XML tar first, then,
//   for ids the tar lacks, the API v2 JSON files and the AACT legacy XML fixtures; one text per NCT id, sorted by NCT
//   id), keeping those with 300 to 5,000 characters of criteria (both ends included, counted on the text as returned;
//   the verdict half of test52 takes the blood-cancer trials, so the halves cannot share a trial);
// - less every trial already labelled: usedTrials(labelFilesBefore('test52')) of ../used-trials.ts
//   (../used-before-dev4.txt, then the verdict and criteria files of dev4, dev5 and test3 to test51, read for their
//   trial ids only);
// - stratum "haem": the record's `about` (brief title | conditions) names a leukaemia or ALL by ../verdict-draw.ts's
//   test (/leuka?emi/i, /(acute lympho(blastic|cytic)|lymphoblastic) leuka?emia/i, or /\bALL\b/ case-sensitive) or
//   another blood cancer by OTHER_BLOOD_CANCER of ../demo-draw.ts (namesBloodCancer there); in NCT order, shuffled
//   with seed DRAW.haemSeed (2026113526) and the first DRAW.haem (0) taken: none (see above);
// - stratum "oncology" (as test14 to test51): every other candidate whose criteria or title name a cancer:
//   CANCER_WORDS, /cancer|carcinoma|tumou?r|malignan|neoplasm|lymphoma|myeloma|sarcoma|melanoma|glioma|metasta/i
//   (case-insensitive, no word boundaries), tested on the criteria text and on the brief title (the part of `about`
//   before its first " | "); in NCT order, shuffled with seed DRAW.oncologySeed (2026113525) and taken whole in that
//   order, after the haem trials (none), until the labelled criteria reach DRAW.criteriaTarget (300); the trial that
//   reaches the target is the last one taken. `--oncology N` prints the first N of that order (CRITERIA.md gives the
//   N used);
// - shuffles are mulberry32 + Fisher–Yates (../seeded-shuffle.ts); no drawn trial is swapped or dropped.
import { drawDemo, runDemoDrawCli, type DemoDraw } from '../demo-draw.ts';
import { labelFilesBefore, usedTrials } from '../used-trials.ts';

export const DRAW = {
  haemSeed: 2026113526,
  haem: 0,
  oncologySeed: 2026113525,
  criteriaTarget: 300,
  cancerOnly: true,
  haemByTitle: true,
} as const;

/** Label files whose trials this draw leaves out (relative to bench/eligibility/), besides used-before-dev4.txt. */
export const EARLIER_LABEL_FILES: readonly string[] = labelFilesBefore('test52');

/** Every trial labelled before this set. */
export function excludedTrials(): Set<string> {
  return usedTrials(EARLIER_LABEL_FILES);
}

/** The drawn trials in labelling order (the haem trials, then the first `oncology` of the oncology order). */
export function drawTest52(oncology: number): Promise<DemoDraw> {
  return drawDemo(DRAW, excludedTrials(), oncology);
}

if (import.meta.url === `file://${process.argv[1]}`) await runDemoDrawCli(DRAW, excludedTrials());
