/**
 * The draw of a verdict set's trials as test2's verdict trials were drawn (test2/VERDICTS.md), shared by dev4/draw.ts
 * and test3/draw-verdicts.ts, whose headers give each draw's rule and seeds. It only lists, shuffles and prints: the
 * verdicts are written by a person reading its output, and nothing here uses src/domain/eligibility.
 *
 * Candidates: every bundled demo record with eligibility text (the legacy XML tar first, then the modern files) whose
 * title or conditions name a leukaemia or ALL, with 400–5,000 characters of criteria, admitting someone aged 18 or
 * over, and not among `used`. Strata in order: ALL, other leukaemia, Ph (criteria naming Ph, BCR-ABL, t(9;22) or a
 * TKI), supportive (a supportive-care title, none of the Ph words); each pool sorted by NCT id, shuffled with its seed
 * and taken in order; a short stratum is filled from the "other leukaemia" order.
 */
import { admitsAdults, legacyRecords, modernRecords, type Candidate } from './dev3/records.ts';
import { shuffled } from './seeded-shuffle.ts';

export interface Stratum {
  readonly name: string;
  readonly size: number;
  readonly seed: number;
}

const LEUKAEMIA = /leuka?emi/i;
const ACUTE_LYMPHOBLASTIC = /(acute lympho(blastic|cytic)|lymphoblastic) leuka?emia/i;
const ALL_ABBREVIATION = /\bALL\b/;
const PH_WORDS = /Philadelphia|\bPh ?[+-]|BCR-?ABL|t\(9;22\)|imatinib|STI ?571|dasatinib|nilotinib|bosutinib|ponatinib|tyrosine kinase inhibitor/i;
const SUPPORTIVE_TITLE =
  /supportive|infection|mucositis|nausea|vomiting|fatigue|quality of life|exercise|an(a)?emi|\bpain|nutrition|fever/i;

/** Title only: the text before the first " | " of `about` (brief title, then conditions). */
export function title(c: Candidate): string {
  return c.about.split(' | ')[0] ?? '';
}

function isAll(c: Candidate): boolean {
  return ACUTE_LYMPHOBLASTIC.test(c.about) || ALL_ABBREVIATION.test(c.about);
}

/** A trial whose title or conditions name a leukaemia or ALL: the candidates of this draw, a stratum of the wider one. */
export function isLeukaemia(c: Candidate): boolean {
  return LEUKAEMIA.test(c.about) || isAll(c);
}

function byId(a: Candidate, b: Candidate): number {
  return a.nctId.localeCompare(b.nctId);
}

/** How many characters of criteria a candidate may have, both ends included. */
export interface CriteriaLength {
  readonly min: number;
  readonly max: number;
}

/** The length every verdict draw up to test48 used. */
export const USUAL_LENGTH: CriteriaLength = { min: 400, max: 5000 };

/**
 * The verdict draws' candidates in NCT order: one text per trial (the tar's copy where a modern file repeats it), with
 * criteria of `length` characters (400–5,000 unless a draw says otherwise), admitting an adult (unless `anyAge`, as
 * test51 on), not among `used`, and kept by `keep`.
 */
export async function verdictCandidates(
  used: ReadonlySet<string>,
  keep: (c: Candidate) => boolean = () => true,
  length: CriteriaLength = USUAL_LENGTH,
  anyAge = false,
): Promise<Candidate[]> {
  const byTrial = new Map<string, Candidate>();
  // The tar first, so it wins when a trial is also in a modern file.
  for (const c of [...(await legacyRecords()), ...modernRecords()]) if (!byTrial.has(c.nctId)) byTrial.set(c.nctId, c);
  return [...byTrial.values()]
    .filter(keep)
    .filter((c) => c.criteria.length >= length.min && c.criteria.length <= length.max)
    .filter((c) => anyAge || admitsAdults(c))
    .filter((c) => !used.has(c.nctId))
    .sort(byId);
}

/** Draws and prints the trials (their texts too with `--texts` on the command line). */
export async function runVerdictDraw(strata: readonly [Stratum, Stratum, Stratum, Stratum], used: ReadonlySet<string>): Promise<void> {
  const pool = await verdictCandidates(used, isLeukaemia);
  const [allStratum, otherStratum, phStratum, supportiveStratum] = strata;
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
  const wanted = strata.reduce((n, s) => n + s.size, 0);
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
