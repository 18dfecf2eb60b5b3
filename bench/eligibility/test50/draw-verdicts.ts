// Draws the twelve trials of the test50 verdict set (VERDICTS.md in this folder) and prints them, with their
// eligibility texts when asked, so that anyone can repeat the draw. It lists, shuffles and prints and does nothing
// else: the verdicts are written by a person reading this output, and nothing here touches src/domain/eligibility
// (the code those verdicts judge).
//
//   npx tsx bench/eligibility/test50/draw-verdicts.ts [--texts]
//
// Everything below (rule, strata, seeds, lengths) was written into this header on 2026-11-30 at 04:37 UTC by the
// lead, before the shuffle first ran; the lead wrote this file and did not run it with --texts. test50 is the
// forty-ninth held-out set. Like test31 … test49 it writes no profiles of its own: its verdicts use the 53 profiles
// that exist (p01 … p29 of ../profiles.jsonl, p30 … p41 of ../test11/profiles.jsonl, p42 … p53 of
// ../test30/profiles.jsonl), none of which is changed.
//
// TEST49'S RULE, UNCHANGED: THE LONGER TEXTS, with new seeds. Every verdict draw up to test48 took candidates with
// 400–5,000 characters of criteria; test49's took 5,001–12,000 and drew all twelve leukaemia trials of that length.
// Counted on 2026-11-30 at 04:35 UTC by a script that printed only counts, the adult, unlabelled candidates of that
// length are now 0 naming a leukaemia or ALL and 10 naming another blood cancer; so this set is expected to hold ten
// trials, all from the second stratum (the set is what the rule gives; it is not filled from elsewhere).
//
// The trials it leaves out are those of labelFilesBefore('test50') from ../used-trials.ts: 96 label files (dev4 …
// test49's), which with ../used-before-dev4.txt name 1,383 trials (printed at 04:35 UTC).
// - candidates: each bundled demo record with eligibility text (the legacy XML tar first, then the modern files: the
//   CT.gov v2 JSON files and aact-fixtures-legacy-xml/; where a trial is in several, the tar's copy is kept), whose
//   criteria run to 5,001–12,000 characters, which admits someone of 18 or over (admitsAdults of ../dev3/records.ts),
//   and which is not among usedTrials(labelFilesBefore('test50'));
// - stratum "leukaemia" (seed 2026113501): candidates whose title or conditions match ../verdict-draw.ts's leukaemia
//   test (`leuka?emi`, or acute lymphoblastic/lymphocytic leukaemia, or upper-case ALL); all of them are taken;
// - stratum "other blood cancer" (seed 2026113502): candidates not in the leukaemia stratum whose title or conditions
//   match OTHER_BLOOD_CANCER of ../demo-draw.ts (lymphoma, hodgkin, myeloma, plasma cell, myelodysplast,
//   myeloproliferative, waldenstr, macroglobulinemi, haematological malignancy/neoplasm/cancer); taken in order
//   until the set has twelve trials.
// Each pool is put in NCT order, shuffled with mulberry32 + Fisher–Yates (../seeded-shuffle.ts) and taken from the
// front. No drawn trial is swapped or dropped; the set is what the rule gives.
import { labelFilesBefore } from '../used-trials.ts';
import { runWideVerdictDraw } from '../wide-verdict-draw.ts';

/** Label files of the sets made since the used-trials list was written (dev4 … test49): their trials are left out. */
const LATER_SETS = labelFilesBefore('test50');
export const STRATA = [
  { name: 'leukaemia', seed: 2026113501 },
  { name: 'other blood cancer', seed: 2026113502 },
] as const;
export const LENGTH = { min: 5001, max: 12000 } as const;

await runWideVerdictDraw(LATER_SETS, STRATA, LENGTH);
