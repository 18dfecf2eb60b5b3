// Draws the trials of test16's held-out criteria set (CRITERIA.md in this folder) from the bundled demo records and
// prints them; with --texts it also prints their raw eligibility texts, so that the draw can be repeated and read. It
// reads, filters, shuffles and prints, and nothing more: the criteria were split and labelled by reading this output,
// and nothing here loads src/domain/eligibility (the code the labels judge).
//
//   cd /work/main && npx tsx bench/eligibility/test16/draw-criteria.ts [--oncology N] [--texts]
//
// (run from the repository root: ../demo-texts.ts reads data/demo/records relative to it.)
//
// The rule, fixed on 2026-11-29 (about 14:07 UTC) before this script was first run (14:07:50 UTC); it is test15's
// rule (itself test14's) with new seeds and test15's labelled trials also left out:
// - source: the demo records as readDemoTrialTexts of ../demo-texts.ts returns them (the legacy XML tar first, then,
//   for ids the tar lacks, the API v2 JSON files and the AACT legacy XML fixtures; one text per NCT id, sorted by NCT
//   id), keeping those with 300 to 5,000 characters of criteria (both ends included, counted on the text as returned);
// - less every trial already labelled: usedTrials(labelFilesBefore('test16')) of ../used-trials.ts
//   (../used-before-dev4.txt, then the verdict and criteria files of dev4, dev5 and test3 to test15, read for their
//   trial ids only);
// - less every trial whose title or conditions (the record's `about`) name a leukaemia or ALL, by the very test of
//   ../verdict-draw.ts, whose candidates are exactly those trials (the verdict draws use them): /leuka?emi/i, or
//   /(acute lympho(blastic|cytic)|lymphoblastic) leuka?emia/i, or /\bALL\b/ (case-sensitive) on `about`;
// - stratum "haem": the criteria mention lymphoma, myeloma, myelodysplastic or lymphoblastic
//   (/lymphoma|myeloma|myelodysplastic|lymphoblastic/i on the criteria text); in NCT order, shuffled with seed
//   DRAW.haemSeed (2026112966) and the first DRAW.haem (4) taken, all of them when fewer remain;
// - stratum "oncology" (as test14 and test15): every other candidate whose criteria or title name a cancer:
//   CANCER_WORDS, /cancer|carcinoma|tumou?r|malignan|neoplasm|lymphoma|myeloma|sarcoma|melanoma|glioma|metasta/i
//   (case-insensitive, no word boundaries, so "adenocarcinoma", "malignancy", "metastatic" match), tested on the
//   criteria text and on the brief title (the part of `about` before its first " | "; the conditions are not tested);
//   in NCT order, shuffled with seed DRAW.oncologySeed (2026112965) and taken whole in that order, after the haem
//   trials, until the labelled criteria reach DRAW.criteriaTarget (300); the trial that reaches the target is the
//   last one taken. `--oncology N` prints the first N of that order (CRITERIA.md gives the N used and what was
//   printed);
// - shuffles are mulberry32 + Fisher–Yates (../seeded-shuffle.ts); no drawn trial is swapped or dropped.
import { readDemoTrialTexts, type DemoTrialText } from '../demo-texts.ts';
import { shuffled } from '../seeded-shuffle.ts';
import { labelFilesBefore, usedTrials } from '../used-trials.ts';

export const DRAW = { haemSeed: 2026112966, haem: 4, oncologySeed: 2026112965, criteriaTarget: 300 } as const;

/** Criteria length limits, in characters, both included. */
export const MIN_CHARS = 300;
export const MAX_CHARS = 5000;

/** Label files whose trials this draw leaves out (relative to bench/eligibility/), besides used-before-dev4.txt. */
export const EARLIER_LABEL_FILES: readonly string[] = labelFilesBefore('test16');

/** Every trial labelled before this set. */
export function excludedTrials(): Set<string> {
  return usedTrials(EARLIER_LABEL_FILES);
}

// ../verdict-draw.ts keeps these private; the patterns are the same, applied to the same `about` (title | conditions).
const LEUKAEMIA = /leuka?emi/i;
const ACUTE_LYMPHOBLASTIC = /(acute lympho(blastic|cytic)|lymphoblastic) leuka?emia/i;
const ALL_ABBREVIATION = /\bALL\b/;

/** The verdict draws' test: the title or conditions name a leukaemia or ALL. */
export function namesLeukaemiaOrAll(t: DemoTrialText): boolean {
  return LEUKAEMIA.test(t.about) || ACUTE_LYMPHOBLASTIC.test(t.about) || ALL_ABBREVIATION.test(t.about);
}

const HAEM_WORDS = /lymphoma|myeloma|myelodysplastic|lymphoblastic/i;

/** The oncology stratum's test (test14's): the criteria or the brief title name a cancer. */
export const CANCER_WORDS = /cancer|carcinoma|tumou?r|malignan|neoplasm|lymphoma|myeloma|sarcoma|melanoma|glioma|metasta/i;

/** The brief title: `about` up to its first " | " (the conditions follow). */
export function briefTitle(t: DemoTrialText): string {
  const at = t.about.indexOf(' | ');
  return at >= 0 ? t.about.slice(0, at) : t.about;
}

/** The criteria or the brief title name a cancer. */
export function namesCancer(t: DemoTrialText): boolean {
  return CANCER_WORDS.test(t.criteria) || CANCER_WORDS.test(briefTitle(t));
}

export interface DrawnDemoTrial {
  readonly stratum: 'haem' | 'oncology';
  readonly trial: DemoTrialText;
}

export interface DemoDraw {
  readonly records: number;
  readonly inLength: number;
  readonly excluded: number;
  readonly leukaemia: number;
  /** Candidates outside the haem stratum that name no cancer (left out of the oncology stratum). */
  readonly noCancer: number;
  readonly haemPool: number;
  readonly oncologyPool: number;
  readonly drawn: DrawnDemoTrial[];
}

/** The drawn trials in labelling order (the haem trials, then the first `oncology` of the oncology order). */
export async function drawTest16(oncology: number): Promise<DemoDraw> {
  const all = await readDemoTrialTexts(() => true);
  const inLength = all.filter((t) => t.criteria.length >= MIN_CHARS && t.criteria.length <= MAX_CHARS);
  const used = excludedTrials();
  const fresh = inLength.filter((t) => !used.has(t.nctId));
  const candidates = fresh.filter((t) => !namesLeukaemiaOrAll(t));
  const byId = (a: DemoTrialText, b: DemoTrialText): number => a.nctId.localeCompare(b.nctId);
  const haemPool = candidates.filter((t) => HAEM_WORDS.test(t.criteria)).sort(byId);
  const notHaem = candidates.filter((t) => !HAEM_WORDS.test(t.criteria));
  const oncologyPool = notHaem.filter(namesCancer).sort(byId);
  const haem = shuffled(haemPool, DRAW.haemSeed).slice(0, DRAW.haem);
  const onc = shuffled(oncologyPool, DRAW.oncologySeed).slice(0, oncology);
  return {
    records: all.length,
    inLength: inLength.length,
    excluded: inLength.length - fresh.length,
    leukaemia: fresh.length - candidates.length,
    noCancer: notHaem.length - oncologyPool.length,
    haemPool: haemPool.length,
    oncologyPool: oncologyPool.length,
    drawn: [
      ...haem.map((trial) => ({ stratum: 'haem' as const, trial })),
      ...onc.map((trial) => ({ stratum: 'oncology' as const, trial })),
    ],
  };
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--oncology');
  const oncology = at >= 0 ? Number(process.argv[at + 1] ?? 0) : 0;
  const d = await drawTest16(oncology);
  console.log(`demo records with criteria ${d.records}; ${MIN_CHARS}-${MAX_CHARS} chars ${d.inLength}`);
  console.log(`left out: ${d.excluded} already labelled (of ${excludedTrials().size} used ids), ${d.leukaemia} naming a leukaemia or ALL`);
  console.log(`haem pool ${d.haemPool} (seed ${DRAW.haemSeed}, take ${DRAW.haem}); oncology pool ${d.oncologyPool} (seed ${DRAW.oncologySeed}; ${d.noCancer} others name no cancer)`);
  for (const [i, x] of d.drawn.entries()) {
    console.log(`${i + 1}. ${x.trial.nctId} [${x.stratum}] ${x.trial.criteria.length} chars  ${x.trial.about}`);
  }
  if (process.argv.includes('--texts')) {
    for (const [i, x] of d.drawn.entries()) console.log(`\n===== ${i + 1}. ${x.trial.nctId} [${x.stratum}]\n${x.trial.about}\n\n${x.trial.criteria}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
