// Draws the twelve trials of the test52 verdict set (VERDICTS.md in this folder) and prints them, with their
// eligibility texts when asked, so that anyone can repeat the draw. It lists, shuffles and prints and does nothing
// else: the verdicts are written by a person reading this output, and nothing here touches src/domain/eligibility
// (the code those verdicts judge).
//
//   npx tsx bench/eligibility/test52/draw-verdicts.ts [--texts]
//
// Everything below (rule, strata, seeds, lengths) was written into this header on 2026-11-30 at 05:08 UTC by the
// lead, before the shuffle first ran; the lead wrote this file and did not run it with --texts. test52 is the
// fifty-first held-out set. Like test31 … test51 it writes no profiles of its own: its verdicts use the 53 profiles
// that exist (p01 … p29 of ../profiles.jsonl, p30 … p41 of ../test11/profiles.jsonl, p42 … p53 of
// ../test30/profiles.jsonl), none of which is changed.
//
// TEST51'S RULE, UNCHANGED, with new seeds: whatever blood-cancer trials are left, of any length of criteria (1 to
// 20,000 characters) and any age limits. Counted on 2026-11-30 at 05:08 UTC by a script that printed only counts and
// lengths, the unlabelled candidates are 0 naming a leukaemia or ALL and 5 naming another blood cancer (3 admitting
// adults; criteria of 140 to 18,995 characters); so this set is expected to hold those five trials and no more (the
// set is what the rule gives; it is not filled from elsewhere). After it, no blood-cancer trial of the bundled records
// is left unlabelled.
//
// The trials it leaves out are those of labelFilesBefore('test52') from ../used-trials.ts: the label files of dev4 …
// test51, which with ../used-before-dev4.txt name 1,432 trials (printed at 05:08 UTC).
// - candidates: each bundled demo record with eligibility text (the legacy XML tar first, then the modern files: the
//   CT.gov v2 JSON files and aact-fixtures-legacy-xml/; where a trial is in several, the tar's copy is kept), whose
//   criteria run to 1–20,000 characters, of any age limits, and which is not among
//   usedTrials(labelFilesBefore('test52'));
// - stratum "leukaemia" (seed 2026113521): candidates whose title or conditions match ../verdict-draw.ts's leukaemia
//   test (`leuka?emi`, or acute lymphoblastic/lymphocytic leukaemia, or upper-case ALL); all of them are taken;
// - stratum "other blood cancer" (seed 2026113522): candidates not in the leukaemia stratum whose title or conditions
//   match OTHER_BLOOD_CANCER of ../demo-draw.ts (lymphoma, hodgkin, myeloma, plasma cell, myelodysplast,
//   myeloproliferative, waldenstr, macroglobulinemi, haematological malignancy/neoplasm/cancer); taken in order
//   until the set has twelve trials.
// Each pool is put in NCT order, shuffled with mulberry32 + Fisher–Yates (../seeded-shuffle.ts) and taken from the
// front. No drawn trial is swapped or dropped; the set is what the rule gives. The criteria half of test52 takes no
// blood-cancer trial (its draw-criteria.ts), so the halves cannot share one.
import { labelFilesBefore } from '../used-trials.ts';
import { runWideVerdictDraw } from '../wide-verdict-draw.ts';

/** Label files of the sets made since the used-trials list was written (dev4 … test51): their trials are left out. */
const LATER_SETS = labelFilesBefore('test52');
export const STRATA = [
  { name: 'leukaemia', seed: 2026113521 },
  { name: 'other blood cancer', seed: 2026113522 },
] as const;
export const LENGTH = { min: 1, max: 20000 } as const;

await runWideVerdictDraw(LATER_SETS, STRATA, LENGTH, true);
