// Draws the twelve trials of the test9 verdict set (VERDICTS.md in this folder) and prints their eligibility texts,
// so the draw can be repeated. It only lists, shuffles and prints: the verdicts were written by a person reading this
// output, and nothing here uses src/domain/eligibility (the code the labels judge).
//
//   npx tsx bench/eligibility/test9/draw-verdicts.ts [--texts]
//
// The rule, the strata, the sizes and the seeds were fixed in this header before the shuffle was first run. It is
// test8's verdict draw (../test8/draw-verdicts.ts, itself test7's, test6's, test5's, test4's, test3's, test2's and
// dev4's) with four new seeds and the two test8 label files added to the trials left out:
// - candidates: every bundled demo record with eligibility text (the legacy XML tar, aact-fixtures-legacy-xml/, the
//   CT.gov v2 JSON files and aact-fixtures/; the tar wins when a trial is in several) whose title or conditions name
//   a leukaemia (`leuka?emi`) or ALL (acute lymphoblastic/lymphocytic leukaemia, or upper-case ALL), with 400–5,000
//   characters of criteria, admitting someone aged 18 or over (no upper age bound, or one of 18 or more), and in none
//   of: ../used-before-dev4.txt (the first set, dev3, test2), ../dev4/verdicts.jsonl, ../dev4/criteria-labels.jsonl,
//   ../dev5/criteria-labels.jsonl, and verdicts.jsonl and criteria-labels.jsonl of ../test3/, ../test4/, ../test5/,
//   ../test6/, ../test7/ and ../test8/ (only their trial ids are read, by ../used-trials.ts);
// - stratum "ALL" (2 trials, seed 2026112951): title or conditions say acute lymphoblastic/lymphocytic leukaemia or
//   ALL;
// - stratum "other leukaemia" (6 trials, seed 2026112952): the other candidates;
// - stratum "Ph" (2 trials, seed 2026112953): candidates not drawn above whose criteria name Philadelphia, Ph+/-,
//   BCR-ABL, t(9;22) or a tyrosine kinase inhibitor (imatinib/STI571, dasatinib, nilotinib, bosutinib, ponatinib);
// - stratum "supportive" (2 trials, seed 2026112954): candidates not drawn above, with none of the Ph words, whose
//   title names supportive care, infection, mucositis, nausea, vomiting, fatigue, quality of life, exercise, anaemia,
//   pain, nutrition or fever.
// Each pool is sorted by NCT id, shuffled with mulberry32 + Fisher–Yates (../seeded-shuffle.ts) and taken from the
// front (../verdict-draw.ts, unchanged). The ALL pool has been empty since test5 took its last two trials, so the ALL
// stratum is expected to be empty again, as it was for test6, test7 and test8: by the shared rule its two places are
// filled with the next trials of the "other leukaemia" order (those not already taken), after all four strata are
// taken, as ../verdict-draw.ts does. The same holds for any other short stratum (the supportive pool held only 3 for
// test8, and test8 took 2 of them, so it may be short now). If the candidates cannot fill twelve places at all, the
// set holds what the rule gives. Nothing drawn is swapped or dropped.
import { labelFilesBefore, usedTrials } from '../used-trials.ts';
import { runVerdictDraw } from '../verdict-draw.ts';

/** Label files of sets made after the used-trials list was written: their trials are left out too. */
const LATER_SETS = labelFilesBefore('test9');

export const STRATA = [
  { name: 'ALL', size: 2, seed: 2026112951 },
  { name: 'other leukaemia', size: 6, seed: 2026112952 },
  { name: 'Ph', size: 2, seed: 2026112953 },
  { name: 'supportive', size: 2, seed: 2026112954 },
] as const;

await runVerdictDraw(STRATA, usedTrials(LATER_SETS));
