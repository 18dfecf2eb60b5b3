// Draws the eight trials of the test3 verdict set (README.md in this folder, section "Verdicts") and prints their
// eligibility texts, so the draw can be repeated. It only lists, shuffles and prints: the verdicts were written by a
// person reading this output, and nothing here uses src/domain/eligibility (the code the labels judge).
//
//   npx tsx bench/eligibility/test3/draw-verdicts.ts [--texts]
//
// The rule, the strata and the seeds were fixed in this header before the shuffle was first run. It repeats the draw
// of test2's verdict trials (../test2/VERDICTS.md) and of dev4 (../dev4/draw.ts), with new seeds, leaving out every
// trial already used:
// - candidates: every bundled demo record with eligibility text (the legacy XML tar, aact-fixtures-legacy-xml/, the
//   CT.gov v2 JSON files and aact-fixtures/; the tar wins when a trial is in several) whose title or conditions name
//   a leukaemia (`leuka?emi`) or ALL (acute lymphoblastic/lymphocytic leukaemia, or upper-case ALL), with 400–5,000
//   characters of criteria, admitting someone aged 18 or over (no upper age bound, or one of 18 or more), and in none
//   of: var/eligibility-used-trials.txt (the first set, dev3, test2), ../dev4/verdicts.jsonl,
//   ../dev4/criteria-labels.jsonl, ../dev5/criteria-labels.jsonl;
// - stratum "ALL" (2 trials, seed 2026112831): title or conditions say acute lymphoblastic/lymphocytic leukaemia or ALL;
// - stratum "other leukaemia" (4 trials, seed 2026112832): the other candidates;
// - stratum "Ph" (1 trial, seed 2026112833): candidates not drawn above whose criteria name Philadelphia, Ph+/-,
//   BCR-ABL, t(9;22) or a tyrosine kinase inhibitor (imatinib/STI571, dasatinib, nilotinib, bosutinib, ponatinib);
// - stratum "supportive" (1 trial, seed 2026112834): candidates not drawn above, with none of the Ph words, whose
//   title names supportive care, infection, mucositis, nausea, vomiting, fatigue, quality of life, exercise, anaemia,
//   pain, nutrition or fever.
// Each pool is sorted by NCT id, shuffled with mulberry32 + Fisher–Yates (../seeded-shuffle.ts) and taken in order.
// A stratum with too few trials (the ALL pool may be nearly used up) is filled with the next trials of the "other
// leukaemia" order. Nothing drawn is swapped or dropped.
import { readFileSync } from 'node:fs';
import { admitsAdults, legacyRecords, modernRecords, type Candidate } from '../dev3/records.ts';
import { shuffled } from '../seeded-shuffle.ts';

const USED_TRIALS = 'var/eligibility-used-trials.txt';
/** Label files of sets made after the used-trials list was written: their trials are left out too. */
const LATER_SETS = [
  'bench/eligibility/dev4/verdicts.jsonl',
  'bench/eligibility/dev4/criteria-labels.jsonl',
  'bench/eligibility/dev5/criteria-labels.jsonl',
];

export const STRATA = [
  { name: 'ALL', size: 2, seed: 2026112831 },
  { name: 'other leukaemia', size: 4, seed: 2026112832 },
  { name: 'Ph', size: 1, seed: 2026112833 },
  { name: 'supportive', size: 1, seed: 2026112834 },
] as const;

const LEUKAEMIA = /leuka?emi/i;
const ACUTE_LYMPHOBLASTIC = /(acute lympho(blastic|cytic)|lymphoblastic) leuka?emia/i;
const ALL_ABBREVIATION = /\bALL\b/;
const PH_WORDS = /Philadelphia|\bPh ?[+-]|BCR-?ABL|t\(9;22\)|imatinib|STI ?571|dasatinib|nilotinib|bosutinib|ponatinib|tyrosine kinase inhibitor/i;
const SUPPORTIVE_TITLE =
  /supportive|infection|mucositis|nausea|vomiting|fatigue|quality of life|exercise|an(a)?emi|\bpain|nutrition|fever/i;

/** Title only: the text before the first " | " of `about` (brief title, then conditions). */
function title(c: Candidate): string {
  return c.about.split(' | ')[0] ?? '';
}

function isAll(c: Candidate): boolean {
  return ACUTE_LYMPHOBLASTIC.test(c.about) || ALL_ABBREVIATION.test(c.about);
}

function byId(a: Candidate, b: Candidate): number {
  return a.nctId.localeCompare(b.nctId);
}

/** Every trial an earlier set labelled: the used-trials list plus the `trial` of each line of the later sets. */
function usedTrials(): Set<string> {
  const used = new Set(readFileSync(USED_TRIALS, 'utf8').split(/\s+/).filter((id) => /^NCT\d{8}$/.test(id)));
  for (const file of LATER_SETS) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() !== '') used.add((JSON.parse(line) as { trial: string }).trial);
    }
  }
  return used;
}

async function candidates(): Promise<Candidate[]> {
  const used = usedTrials();
  const byTrial = new Map<string, Candidate>();
  // The tar first, so it wins when a trial is also in a modern file.
  for (const c of [...(await legacyRecords()), ...modernRecords()]) if (!byTrial.has(c.nctId)) byTrial.set(c.nctId, c);
  return [...byTrial.values()]
    .filter((c) => LEUKAEMIA.test(c.about) || isAll(c))
    .filter((c) => c.criteria.length >= 400 && c.criteria.length <= 5000)
    .filter(admitsAdults)
    .filter((c) => !used.has(c.nctId))
    .sort(byId);
}

async function main(): Promise<void> {
  const pool = await candidates();
  const [allStratum, otherStratum, phStratum, supportiveStratum] = STRATA;
  const drawn: { stratum: string; trial: Candidate }[] = [];
  const taken = new Set<string>();

  const allOrder = shuffled(pool.filter(isAll), allStratum.seed);
  const otherOrder = shuffled(pool.filter((c) => !isAll(c)), otherStratum.seed);
  const take = (stratum: string, order: readonly Candidate[], size: number): void => {
    for (const c of order.filter((x) => !taken.has(x.nctId)).slice(0, size)) {
      drawn.push({ stratum, trial: c });
      taken.add(c.nctId);
    }
  };
  const report = (name: string, seed: number, order: readonly Candidate[]): void => {
    console.log(`stratum ${name}: pool ${order.length}, seed ${seed}; order: ${order.map((c) => c.nctId).join(' ')}`);
  };

  report(allStratum.name, allStratum.seed, allOrder);
  take(allStratum.name, allOrder, allStratum.size);
  report(otherStratum.name, otherStratum.seed, otherOrder);
  take(otherStratum.name, otherOrder, otherStratum.size);
  const phOrder = shuffled(pool.filter((c) => !taken.has(c.nctId) && PH_WORDS.test(c.criteria)), phStratum.seed);
  report(phStratum.name, phStratum.seed, phOrder);
  take(phStratum.name, phOrder, phStratum.size);
  const supportiveOrder = shuffled(
    pool.filter((c) => !taken.has(c.nctId) && !PH_WORDS.test(c.criteria) && SUPPORTIVE_TITLE.test(title(c))),
    supportiveStratum.seed,
  );
  report(supportiveStratum.name, supportiveStratum.seed, supportiveOrder);
  take(supportiveStratum.name, supportiveOrder, supportiveStratum.size);
  // Fill any short stratum from the "other leukaemia" order, as the rule says.
  const wanted = STRATA.reduce((n, s) => n + s.size, 0);
  if (drawn.length < wanted) {
    console.log(`short by ${wanted - drawn.length}: filled from the other-leukaemia order`);
    take(`${otherStratum.name} (fill)`, otherOrder, wanted - drawn.length);
  }

  console.log(`candidates: ${pool.length}; drawn: ${drawn.length}`);
  for (const { stratum, trial: c } of drawn) {
    console.log(`${c.nctId}  ${stratum.padEnd(16)} sex ${c.sex}, age ${c.minimumAge} to ${c.maximumAge}, ${c.criteria.length} chars  ${title(c)}`);
  }
  if (!process.argv.includes('--texts')) return;
  for (const { trial: c } of drawn) {
    console.log(`\n===== ${c.nctId} (${c.source}) sex ${c.sex}, age ${c.minimumAge} to ${c.maximumAge}\n${c.about}\n`);
    console.log(c.criteria);
  }
}

await main();
