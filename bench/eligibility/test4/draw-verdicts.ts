// Draws the eight trials of the test4 verdict set (VERDICTS.md in this folder) and prints their eligibility texts, so
// the draw can be repeated. It only lists, shuffles and prints: the verdicts were written by a person reading this
// output, and nothing here uses src/domain/eligibility (the code the labels judge).
//
//   npx tsx bench/eligibility/test4/draw-verdicts.ts [--texts]
//
// The rule, the strata and the seeds were fixed in this header before the shuffle was first run. It repeats the draw
// of test3's verdict trials (../test3/draw-verdicts.ts, ../test3/README.md "Verdicts"), which repeats test2's and
// dev4's, with new seeds, leaving out every trial already used:
// - candidates: every bundled demo record with eligibility text (the legacy XML tar, aact-fixtures-legacy-xml/, the
//   CT.gov v2 JSON files and aact-fixtures/; the tar wins when a trial is in several) whose title or conditions name
//   a leukaemia (`leuka?emi`) or ALL (acute lymphoblastic/lymphocytic leukaemia, or upper-case ALL), with 400–5,000
//   characters of criteria, admitting someone aged 18 or over (no upper age bound, or one of 18 or more), and in none
//   of: ../used-before-dev4.txt (the first set, dev3, test2), ../dev4/verdicts.jsonl, ../dev4/criteria-labels.jsonl,
//   ../dev5/criteria-labels.jsonl, ../test3/verdicts.jsonl, ../test3/criteria-labels.jsonl (only their trial ids are
//   read);
// - stratum "ALL" (2 trials, seed 2026112851): title or conditions say acute lymphoblastic/lymphocytic leukaemia or ALL;
// - stratum "other leukaemia" (4 trials, seed 2026112852): the other candidates;
// - stratum "Ph" (1 trial, seed 2026112853): candidates not drawn above whose criteria name Philadelphia, Ph+/-,
//   BCR-ABL, t(9;22) or a tyrosine kinase inhibitor (imatinib/STI571, dasatinib, nilotinib, bosutinib, ponatinib);
// - stratum "supportive" (1 trial, seed 2026112854): candidates not drawn above, with none of the Ph words, whose
//   title names supportive care, infection, mucositis, nausea, vomiting, fatigue, quality of life, exercise, anaemia,
//   pain, nutrition or fever.
// Each pool is sorted by NCT id, shuffled with mulberry32 + Fisher–Yates (../seeded-shuffle.ts) and taken in order
// (../verdict-draw.ts). A stratum with too few trials (the ALL pool may be nearly used up) is filled with the next
// trials of the "other leukaemia" order. Nothing drawn is swapped or dropped.
import { labelFilesBefore, usedTrials } from '../used-trials.ts';
import { runVerdictDraw } from '../verdict-draw.ts';

/** Label files of sets made after the used-trials list was written: their trials are left out too. */
const LATER_SETS = labelFilesBefore('test4');

export const STRATA = [
  { name: 'ALL', size: 2, seed: 2026112851 },
  { name: 'other leukaemia', size: 4, seed: 2026112852 },
  { name: 'Ph', size: 1, seed: 2026112853 },
  { name: 'supportive', size: 1, seed: 2026112854 },
] as const;

await runVerdictDraw(STRATA, usedTrials(LATER_SETS));
