// Draws the trials of test48's held-out criteria set (CRITERIA.md in this folder) from the bundled demo records and
// prints them; with --texts it also prints their raw eligibility texts, so that the draw can be repeated and read. It
// reads, filters, shuffles and prints, and nothing more: the criteria were split and labelled by reading this output,
// and nothing here loads src/domain/eligibility (the code the labels judge).
//
//   cd /work/main && npx tsx bench/eligibility/test48/draw-criteria.ts [--oncology N] [--texts]
//
// (run from the repository root: ../demo-texts.ts reads data/demo/records relative to it.)
//
// The rule, fixed on 2026-11-30 (at 03:13 UTC) before this script was first run (03:28:00 UTC); it is test47's rule
// (itself test46's, test45's, test44's, test43's, test42's, test41's, test40's, test39's, test38's, test37's, test36's,
// test35's, test34's, test33's, test32's, test31's, test30's, test29's, test28's, test27's, test26's, test25's,
// test24's, test23's, test22's, test21's, test20's, test19's, test18's, test17's, test16's, test15's and test14's) with
// new seeds and test47's labelled trials also left out:
// - source: the demo records as readDemoTrialTexts of ../demo-texts.ts returns them (the legacy XML tar first, then,
//   for ids the tar lacks, the API v2 JSON files and the AACT legacy XML fixtures; one text per NCT id, sorted by NCT
//   id), keeping those with 300 to 5,000 characters of criteria (both ends included, counted on the text as returned);
// - less every trial already labelled: usedTrials(labelFilesBefore('test48')) of ../used-trials.ts
//   (../used-before-dev4.txt, then the verdict and criteria files of dev4, dev5 and test3 to test47, read for their
//   trial ids only);
// - less every trial whose title or conditions (the record's `about`) name a leukaemia or ALL, by the very test of
//   ../verdict-draw.ts, whose candidates are exactly those trials (the verdict draws use them): /leuka?emi/i, or
//   /(acute lympho(blastic|cytic)|lymphoblastic) leuka?emia/i, or /\bALL\b/ (case-sensitive) on `about`;
// - stratum "haem": the criteria mention lymphoma, myeloma, myelodysplastic or lymphoblastic
//   (/lymphoma|myeloma|myelodysplastic|lymphoblastic/i on the criteria text); in NCT order, shuffled with seed
//   DRAW.haemSeed (2026113386) and the first DRAW.haem (4) taken, all of them when fewer remain;
// - stratum "oncology" (as test14 to test47): every other candidate whose criteria or title name a cancer:
//   CANCER_WORDS, /cancer|carcinoma|tumou?r|malignan|neoplasm|lymphoma|myeloma|sarcoma|melanoma|glioma|metasta/i
//   (case-insensitive, no word boundaries, so "adenocarcinoma", "malignancy", "metastatic" match), tested on the
//   criteria text and on the brief title (the part of `about` before its first " | "; the conditions are not tested);
//   in NCT order, shuffled with seed DRAW.oncologySeed (2026113385) and taken whole in that order, after the haem
//   trials, until the labelled criteria reach DRAW.criteriaTarget (300); the trial that reaches the target is the
//   last one taken. `--oncology N` prints the first N of that order (CRITERIA.md gives the N used and what was
//   printed);
// - shuffles are mulberry32 + Fisher–Yates (../seeded-shuffle.ts); no drawn trial is swapped or dropped.
import { drawDemo, runDemoDrawCli, type DemoDraw } from '../demo-draw.ts';
import { labelFilesBefore, usedTrials } from '../used-trials.ts';

export const DRAW = { haemSeed: 2026113386, haem: 4, oncologySeed: 2026113385, criteriaTarget: 300, cancerOnly: true } as const;

/** Label files whose trials this draw leaves out (relative to bench/eligibility/), besides used-before-dev4.txt. */
export const EARLIER_LABEL_FILES: readonly string[] = labelFilesBefore('test48');

/** Every trial labelled before this set. */
export function excludedTrials(): Set<string> {
  return usedTrials(EARLIER_LABEL_FILES);
}

/** The drawn trials in labelling order (the haem trials, then the first `oncology` of the oncology order). */
export function drawTest48(oncology: number): Promise<DemoDraw> {
  return drawDemo(DRAW, excludedTrials(), oncology);
}

if (import.meta.url === `file://${process.argv[1]}`) await runDemoDrawCli(DRAW, excludedTrials());
