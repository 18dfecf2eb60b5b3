// Draws the twelve trials of the test27 verdict set (VERDICTS.md in this folder) and prints them, with their
// eligibility texts when asked, so that anyone can repeat the draw. It lists, shuffles and prints and does nothing
// else: the verdicts were written by a person reading this output, and nothing here touches src/domain/eligibility
// (the code those verdicts judge).
//
//   npx tsx bench/eligibility/test27/draw-verdicts.ts [--texts]
//
// Everything below (rule, strata, sizes, seeds) was written into this header on 2026-11-29 at 18:46 UTC, before
// the shuffle first ran. test27 is the twenty-sixth held-out set. It writes no profiles of its own: its verdicts use
// the 29 profiles of ../profiles.jsonl and the 12 of ../test11/profiles.jsonl (p30 … p41), all written before this
// draw. The draw is test26's (../test26/draw-verdicts.ts, which repeats test25's and the verdict draws before it back
// to dev4's) with four fresh seeds. The trials it leaves out are those of labelFilesBefore('test27') from
// ../used-trials.ts, whose list of sets now runs to test26 and names test27. Checked at 18:45 UTC, before this draw
// first ran, it returns the label files that exist of dev4 … test26, verdicts then criteria: dev4 (both), dev5
// (criteria only), test3 … test10 (both), test11 (verdicts only), test12, test13, test14, test15, test16, test17,
// test18, test19, test20, test21, test22, test23, test24, test25 and test26 (both); 50 files.
// - candidates: each bundled demo record with eligibility text (the legacy XML tar, aact-fixtures-legacy-xml/, the
//   CT.gov v2 JSON files and aact-fixtures/; where a trial is in several, the tar's copy is kept) whose title or
//   conditions name a leukaemia (`leuka?emi`) or ALL (acute lymphoblastic/lymphocytic leukaemia, or upper-case ALL),
//   whose criteria run to 400–5,000 characters, and which admits someone of 18 or over (no upper age bound, or one
//   of at least 18); less the trials of ../used-before-dev4.txt (the first set, dev3, test2) and of every label file
//   of dev4, dev5, test3, test4, test5, test6, test7, test8, test9, test10, test11, test12, test13, test14, test15,
//   test16, test17, test18, test19, test20, test21, test22, test23, test24, test25 and test26 that exists
//   (verdicts.jsonl, then criteria-labels.jsonl; ../used-trials.ts reads only their trial ids). The list stops before
//   test27 itself, so the criteria half being made in this folder at the same time is not read by the draw;
// - stratum "ALL" (2 trials, seed 2026113171): title or conditions say acute lymphoblastic/lymphocytic leukaemia or
//   ALL;
// - stratum "other leukaemia" (6 trials, seed 2026113172): all other candidates;
// - stratum "Ph" (2 trials, seed 2026113173): candidates not yet drawn whose criteria name Philadelphia, Ph+/-,
//   BCR-ABL, t(9;22) or a tyrosine kinase inhibitor (imatinib/STI571, dasatinib, nilotinib, bosutinib, ponatinib);
// - stratum "supportive" (2 trials, seed 2026113174): candidates not yet drawn, without any of the Ph words, whose
//   title names supportive care, infection, mucositis, nausea, vomiting, fatigue, quality of life, exercise, anaemia,
//   pain, nutrition or fever.
// Each pool is put in NCT order, shuffled with mulberry32 + Fisher–Yates (../seeded-shuffle.ts) and taken from the
// front, by ../verdict-draw.ts used as it stands. The ALL pool has held nothing since test5 took its last two trials,
// the supportive pool was empty for test10 … test26, and the Ph pool was empty for test20 … test26, so all three are
// expected to come up empty: the shared rule then fills every missing place, once all four strata have been taken,
// with the next trials of the "other leukaemia" order not already taken. test26 had 30 candidates; less its own
// twelve verdict trials and any its criteria half took, at most 18 are expected. If the candidates cannot fill
// twelve places at all, the set is what the rule gives. No drawn trial is swapped or dropped.
import { labelFilesBefore, usedTrials } from '../used-trials.ts';
import { runVerdictDraw } from '../verdict-draw.ts';

/** Label files of the sets made since the used-trials list was written (dev4 … test26): their trials are left out. */
const LATER_SETS = labelFilesBefore('test27');

export const STRATA = [
  { name: 'ALL', size: 2, seed: 2026113171 },
  { name: 'other leukaemia', size: 6, seed: 2026113172 },
  { name: 'Ph', size: 2, seed: 2026113173 },
  { name: 'supportive', size: 2, seed: 2026113174 },
] as const;

await runVerdictDraw(STRATA, usedTrials(LATER_SETS));
