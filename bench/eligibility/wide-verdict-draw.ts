/**
 * The wider verdict draw of test28 on, shared by its sets' draw-verdicts.ts (each header states the rule in full, with
 * its seeds, as written before its shuffle first ran): every remaining leukaemia candidate, then trials naming another
 * blood cancer, to twelve. Candidates and the leukaemia test are ./verdict-draw.ts's. It lists, shuffles and prints and
 * does nothing else; nothing here touches src/domain/eligibility.
 */
import { OTHER_BLOOD_CANCER } from './demo-draw.ts';
import type { Candidate } from './dev3/records.ts';
import { shuffled } from './seeded-shuffle.ts';
import { usedTrials } from './used-trials.ts';
import { isLeukaemia, title, USUAL_LENGTH, verdictCandidates, type CriteriaLength } from './verdict-draw.ts';

const SET_SIZE = 12;

/** The two strata, leukaemia first, each with the seed of its shuffle. */
export type WideStrata = readonly [{ readonly name: 'leukaemia'; readonly seed: number }, { readonly name: 'other blood cancer'; readonly seed: number }];


/**
 * Draws and prints a set: both strata's orders, the drawn trials, and with `--texts` their eligibility texts.
 * `laterSets` are the label files whose trials are left out besides ./used-before-dev4.txt; `length` bounds the
 * candidates' criteria (400–5,000 characters up to test48; test49 drew from the longer texts); `anyAge` keeps trials
 * for children only too (test51).
 */
export async function runWideVerdictDraw(laterSets: readonly string[], strata: WideStrata, length: CriteriaLength = USUAL_LENGTH, anyAge = false): Promise<void> {
  const pool = await verdictCandidates(usedTrials(laterSets), () => true, length, anyAge);
  // Printed only for a length other than the usual, so the earlier sets' printed draws stay byte for byte as they were.
  if (length !== USUAL_LENGTH) console.log(`criteria length ${length.min}-${length.max} characters${anyAge ? ', any age' : ''}`);
  const [leukaemiaStratum, otherStratum] = strata;
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

  console.log(`label files left out: ${laterSets.length}; candidates: ${pool.length}; drawn: ${drawn.length}`);
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
}
