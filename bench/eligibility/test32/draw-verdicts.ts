// Draws the twelve trials of the test32 verdict set (VERDICTS.md in this folder) and prints them, with their
// eligibility texts when asked, so that anyone can repeat the draw. It lists, shuffles and prints and does nothing
// else: the verdicts were written by a person reading this output, and nothing here touches src/domain/eligibility
// (the code those verdicts judge).
//
//   npx tsx bench/eligibility/test32/draw-verdicts.ts [--texts]
//
// Everything below (rule, strata, seeds) was written into this header on 2026-11-29 at 22:04 UTC, before the shuffle
// first ran. test32 is the thirty-first held-out set. Like test31 it writes no profiles of its own: its verdicts use the
// 53 profiles that exist, all written before this draw: the 29 of ../profiles.jsonl (p01 … p29), the 12 of
// ../test11/profiles.jsonl (p30 … p41) and the 12 of ../test30/profiles.jsonl (p42 … p53: adults with lymphoma,
// Hodgkin lymphoma, myeloma, MDS and Waldenström's), none of which is changed.
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
// The trials it leaves out are those of labelFilesBefore('test32') from ../used-trials.ts, whose list of sets runs to
// test31 and names test32. Checked at 22:04 UTC, before this draw first ran, it returns 60 label files: those of
// dev4 … test30 that test31's draw left out (58) and test31's verdicts.jsonl and criteria-labels.jsonl; together with
// ../used-before-dev4.txt they name 959 trials.
// - candidates: each bundled demo record with eligibility text (the legacy XML tar first, then the modern files: the
//   CT.gov v2 JSON files and aact-fixtures-legacy-xml/; where a trial is in several, the tar's copy is kept), whose
//   criteria run to 400–5,000 characters, which admits someone of 18 or over (no upper age bound, or one of at least
//   18: admitsAdults of ../dev3/records.ts), and which is not among usedTrials(labelFilesBefore('test32')). The list
//   stops before test32 itself, so the criteria half being made in this folder at the same time is not read;
// - stratum "leukaemia" (seed 2026113221): candidates whose title or conditions match ../verdict-draw.ts's leukaemia
//   test (`leuka?emi`, or acute lymphoblastic/lymphocytic leukaemia, or upper-case ALL); ALL of them are taken;
// - stratum "other blood cancer" (seed 2026113222): candidates not in the leukaemia stratum whose title or conditions
//   match /lymphoma|hodgkin|myeloma|plasma cell|myelodysplast|myeloproliferative|waldenstr|macroglobulinemi|
//   h(a)?ematologic(al)? (malignan|neoplas|cancer)/i; taken in order until the set has twelve trials.
// Each pool is put in NCT order, shuffled with mulberry32 + Fisher–Yates (../seeded-shuffle.ts) and taken from the
// front. If the leukaemia stratum alone held twelve or more, all would still be taken (the set is what the rule gives);
// if the two pools cannot fill twelve places, the set is what the rule gives. No drawn trial is swapped or dropped.
import { admitsAdults, legacyRecords, modernRecords, type Candidate } from '../dev3/records.ts';
import { shuffled } from '../seeded-shuffle.ts';
import { labelFilesBefore, usedTrials } from '../used-trials.ts';

/** Label files of the sets made since the used-trials list was written (dev4 … test31): their trials are left out. */
const LATER_SETS = labelFilesBefore('test32');
const SET_SIZE = 12;
export const STRATA = [
  { name: 'leukaemia', seed: 2026113221 },
  { name: 'other blood cancer', seed: 2026113222 },
] as const;

// The leukaemia test of ../verdict-draw.ts, copied as it stands.
const LEUKAEMIA = /leuka?emi/i;
const ACUTE_LYMPHOBLASTIC = /(acute lympho(blastic|cytic)|lymphoblastic) leuka?emia/i;
const ALL_ABBREVIATION = /\bALL\b/;
const OTHER_BLOOD_CANCER =
  /lymphoma|hodgkin|myeloma|plasma cell|myelodysplast|myeloproliferative|waldenstr|macroglobulinemi|h(a)?ematologic(al)? (malignan|neoplas|cancer)/i;

/** Title only: the text before the first " | " of `about` (brief title, then conditions). */
function title(c: Candidate): string {
  return c.about.split(' | ')[0] ?? '';
}

function isLeukaemia(c: Candidate): boolean {
  return LEUKAEMIA.test(c.about) || ACUTE_LYMPHOBLASTIC.test(c.about) || ALL_ABBREVIATION.test(c.about);
}

function byId(a: Candidate, b: Candidate): number {
  return a.nctId.localeCompare(b.nctId);
}

async function candidates(used: ReadonlySet<string>): Promise<Candidate[]> {
  const byTrial = new Map<string, Candidate>();
  // The tar first, so it wins when a trial is also in a modern file.
  for (const c of [...(await legacyRecords()), ...modernRecords()]) if (!byTrial.has(c.nctId)) byTrial.set(c.nctId, c);
  return [...byTrial.values()]
    .filter((c) => c.criteria.length >= 400 && c.criteria.length <= 5000)
    .filter(admitsAdults)
    .filter((c) => !used.has(c.nctId))
    .sort(byId);
}

const pool = await candidates(usedTrials(LATER_SETS));
const [leukaemiaStratum, otherStratum] = STRATA;
const leukaemiaOrder = shuffled(pool.filter(isLeukaemia), leukaemiaStratum.seed);
const otherOrder = shuffled(
  pool.filter((c) => !isLeukaemia(c) && OTHER_BLOOD_CANCER.test(c.about)),
  otherStratum.seed,
);
const report = (name: string, seed: number, order: readonly Candidate[]): void => {
  console.log(`stratum ${name}: pool ${order.length}, seed ${seed}; order: ${order.map((c) => c.nctId).join(' ')}`);
};
report(leukaemiaStratum.name, leukaemiaStratum.seed, leukaemiaOrder);
report(otherStratum.name, otherStratum.seed, otherOrder);

const drawn: { stratum: string; trial: Candidate }[] = leukaemiaOrder.map((trial) => ({ stratum: leukaemiaStratum.name, trial }));
for (const trial of otherOrder.slice(0, Math.max(0, SET_SIZE - drawn.length))) drawn.push({ stratum: otherStratum.name, trial });

console.log(`label files left out: ${LATER_SETS.length}; candidates: ${pool.length}; drawn: ${drawn.length}`);
for (const { stratum, trial: c } of drawn) {
  console.log(`${c.nctId}  ${stratum.padEnd(18)} sex ${c.sex}, age ${c.minimumAge} to ${c.maximumAge}, ${c.criteria.length} chars  ${title(c)}`);
}
console.log(`in NCT order: ${drawn.map((d) => d.trial.nctId).sort().join(' ')}`);
if (process.argv.includes('--texts')) {
  for (const { trial: c } of drawn) {
    console.log(`\n===== ${c.nctId} (${c.source}) sex ${c.sex}, age ${c.minimumAge} to ${c.maximumAge}\n${c.about}\n`);
    console.log(c.criteria);
  }
}
