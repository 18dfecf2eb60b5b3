// Draws the twelve trials of the test48 verdict set (VERDICTS.md in this folder) and prints them, with their
// eligibility texts when asked, so that anyone can repeat the draw. It lists, shuffles and prints and does nothing
// else: the verdicts were written by a person reading this output, and nothing here touches src/domain/eligibility
// (the code those verdicts judge).
//
//   npx tsx bench/eligibility/test48/draw-verdicts.ts [--texts]
//
// Everything below (rule, strata, seeds) was written into this header on 2026-11-30 at 03:13 UTC, before the shuffle
// first ran. test48 is the forty-seventh held-out set. Like test31 … test47 it writes no profiles of its own:
// its verdicts use the 53 profiles that exist, all written before this draw: the 29 of ../profiles.jsonl (p01 … p29),
// the 12 of ../test11/profiles.jsonl (p30 … p41) and the 12 of ../test30/profiles.jsonl (p42 … p53: adults with
// lymphoma, Hodgkin lymphoma, myeloma, MDS and Waldenström's), none of which is changed.
//
// THE WIDER RULE OF test28, UNCHANGED. The verdict draw of dev4 … test27 (../verdict-draw.ts) took only trials whose
// title or conditions name a leukaemia or ALL; test28's draw took the six such candidates that were left and filled
// its other six places from the other blood cancers, and its VERDICTS.md recorded that the leukaemia pool was then
// empty. This draw applies test28's rule as it stands, with new seeds: it keeps every leukaemia candidate left (none
// is expected) and fills the rest of the twelve places from the other blood cancers (lymphoma, Hodgkin, myeloma and
// plasma-cell disorders, myelodysplastic and myeloproliferative syndromes, Waldenström's macroglobulinaemia, and
// trials for haematological malignancies in general). The rule is self-contained here; ../verdict-draw.ts is not
// used, but the candidates are built exactly as it builds them.
//
// The trials it leaves out are those of labelFilesBefore('test48') from ../used-trials.ts, whose list of sets runs to
// test48. Checked at 03:13 UTC, before this draw first ran, it returns 92 label files: those of dev4 … test46 that
// test47's draw left out (90) and test47's verdicts.jsonl and criteria-labels.jsonl; together with
// ../used-before-dev4.txt they name 1330 trials.
// - candidates: each bundled demo record with eligibility text (the legacy XML tar first, then the modern files: the
//   CT.gov v2 JSON files and aact-fixtures-legacy-xml/; where a trial is in several, the tar's copy is kept), whose
//   criteria run to 400–5,000 characters, which admits someone of 18 or over (no upper age bound, or one of at least
//   18: admitsAdults of ../dev3/records.ts), and which is not among usedTrials(labelFilesBefore('test48')). The list
//   stops before test48 itself, so the criteria half being made in this folder at the same time is not read;
// - stratum "leukaemia" (seed 2026113381): candidates whose title or conditions match ../verdict-draw.ts's leukaemia
//   test (`leuka?emi`, or acute lymphoblastic/lymphocytic leukaemia, or upper-case ALL); ALL of them are taken;
// - stratum "other blood cancer" (seed 2026113382): candidates not in the leukaemia stratum whose title or conditions
//   match /lymphoma|hodgkin|myeloma|plasma cell|myelodysplast|myeloproliferative|waldenstr|macroglobulinemi|
//   h(a)?ematologic(al)? (malignan|neoplas|cancer)/i; taken in order until the set has twelve trials.
// Each pool is put in NCT order, shuffled with mulberry32 + Fisher–Yates (../seeded-shuffle.ts) and taken from the
// front. If the leukaemia stratum alone held twelve or more, all would still be taken (the set is what the rule
// gives); if the two pools cannot fill twelve places, the set is what the rule gives. No drawn trial is swapped or
// dropped.
import { labelFilesBefore } from '../used-trials.ts';
import { runWideVerdictDraw } from '../wide-verdict-draw.ts';

/** Label files of the sets made since the used-trials list was written (dev4 … test47): their trials are left out. */
const LATER_SETS = labelFilesBefore('test48');
export const STRATA = [
  { name: 'leukaemia', seed: 2026113381 },
  { name: 'other blood cancer', seed: 2026113382 },
] as const;

// The draw itself is ../wide-verdict-draw.ts, shared since 2026-11-29 (22:30 UTC) by test28 … test33, whose
// drawn trials and printed output it leaves as they were; test34 … test48 call it as test33 does.
await runWideVerdictDraw(LATER_SETS, STRATA);
