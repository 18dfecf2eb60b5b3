// Draws the twelve trials of the test49 verdict set (VERDICTS.md in this folder) and prints them, with their
// eligibility texts when asked, so that anyone can repeat the draw. It lists, shuffles and prints and does nothing
// else: the verdicts are written by a person reading this output, and nothing here touches src/domain/eligibility
// (the code those verdicts judge).
//
//   npx tsx bench/eligibility/test49/draw-verdicts.ts [--texts]
//
// Everything below (rule, strata, seeds, lengths) was written into this header on 2026-11-30 at 04:18 UTC by the
// lead, before the shuffle first ran; the lead wrote this file and did not run it with --texts. test49 is the
// forty-eighth held-out set. Like test31 … test48 it writes no profiles of its own: its verdicts use the 53 profiles
// that exist (p01 … p29 of ../profiles.jsonl, p30 … p41 of ../test11/profiles.jsonl, p42 … p53 of
// ../test30/profiles.jsonl), none of which is changed.
//
// A NEW RULE: THE LONGER TEXTS. Every verdict draw up to test48 took candidates with 400–5,000 characters of criteria.
// Within that length the leukaemia pool was empty from test32 on and the other blood cancers were used up by test48,
// while the bundled records still hold leukaemia trials whose criteria are longer. This draw keeps test28's two strata
// and seeds of its own, and changes one thing: a candidate's criteria run to 5,001–12,000 characters (both ends
// included, counted on the text as the candidates are built). Counted on 2026-11-30 at 04:10 UTC by a script that
// printed only counts, the adult, unlabelled candidates of that length were 12 naming a leukaemia or ALL and 10 naming
// another blood cancer; so the twelve places are expected to go to the leukaemia stratum. The upper bound keeps one
// trial's text readable in one sitting; the one blood-cancer text longer still is left for another rule.
//
// The trials it leaves out are those of labelFilesBefore('test49') from ../used-trials.ts: 94 label files (dev4 …
// test48's), which with ../used-before-dev4.txt name 1,355 trials (printed at 04:16 UTC).
// - candidates: each bundled demo record with eligibility text (the legacy XML tar first, then the modern files: the
//   CT.gov v2 JSON files and aact-fixtures-legacy-xml/; where a trial is in several, the tar's copy is kept), whose
//   criteria run to 5,001–12,000 characters, which admits someone of 18 or over (admitsAdults of ../dev3/records.ts),
//   and which is not among usedTrials(labelFilesBefore('test49'));
// - stratum "leukaemia" (seed 2026113391): candidates whose title or conditions match ../verdict-draw.ts's leukaemia
//   test (`leuka?emi`, or acute lymphoblastic/lymphocytic leukaemia, or upper-case ALL); all of them are taken;
// - stratum "other blood cancer" (seed 2026113392): candidates not in the leukaemia stratum whose title or conditions
//   match OTHER_BLOOD_CANCER of ../demo-draw.ts (lymphoma, hodgkin, myeloma, plasma cell, myelodysplast,
//   myeloproliferative, waldenstr, macroglobulinemi, haematological malignancy/neoplasm/cancer); taken in order
//   until the set has twelve trials.
// Each pool is put in NCT order, shuffled with mulberry32 + Fisher–Yates (../seeded-shuffle.ts) and taken from the
// front. No drawn trial is swapped or dropped; the set is what the rule gives.
import { labelFilesBefore } from '../used-trials.ts';
import { runWideVerdictDraw } from '../wide-verdict-draw.ts';

/** Label files of the sets made since the used-trials list was written (dev4 … test48): their trials are left out. */
const LATER_SETS = labelFilesBefore('test49');
export const STRATA = [
  { name: 'leukaemia', seed: 2026113391 },
  { name: 'other blood cancer', seed: 2026113392 },
] as const;
export const LENGTH = { min: 5001, max: 12000 } as const;

await runWideVerdictDraw(LATER_SETS, STRATA, LENGTH);
