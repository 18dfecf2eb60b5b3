// Draws the trials of test3's held-out criteria set (README.md in this folder, "Criteria") from the LCT texts and
// prints them, with --texts their raw eligibility texts, so the draw can be repeated. It only reads, filters,
// shuffles and prints: the criteria were split and labelled by reading this output, and nothing here touches
// src/domain/eligibility (the code the labels judge).
//
//   npx tsx bench/eligibility/test3/draw-criteria.ts [--shared ../shared/data] [--oncology N] [--texts]
//
// The rule, fixed on 2026-11-28 (about 02:53 UTC) before the first shuffle was run:
// - pool: the 1,500 LCT texts, less every trial named in ../used-before-dev4.txt (var/eligibility-used-trials.txt when drawn) (all trials labelled before
//   dev5, held-out ones included) and every trial of dev5/criteria-labels.jsonl, sorted by NCT id;
// - stratum "lct haem": the criteria mention leukaemia, lymphoblastic, lymphoma or myeloma (test2's word filter);
//   shuffled with seed DRAW.haemSeed, the first DRAW.haem taken (all of them when fewer remain);
// - stratum "lct oncology": the criteria match the first set's oncology word list but none of the blood-cancer words
//   (test2's filters); shuffled with seed DRAW.oncologySeed and taken whole in that order, after the haem trials,
//   until the labelled criteria reach DRAW.criteriaTarget (the stop falls at a trial boundary: the trial that reaches
//   the target is the last one); `--oncology N` prints the first N of that order (the README gives the N used);
// - shuffles are mulberry32 + Fisher–Yates (../seeded-shuffle.ts); no drawn trial is swapped or dropped.
import { shuffled } from '../seeded-shuffle.ts';
import { usedTrials } from '../used-trials.ts';
import { readLctTrials, type LctTrial } from '../dev5/draw.ts';

export const DRAW = { haemSeed: 2026112842, haem: 3, oncologySeed: 2026112841, criteriaTarget: 250 } as const;

/** The word filters of test2/sample2.ts (HAEM_WORDS, ONCOLOGY), which does not export them; same patterns. */
const HAEM_WORDS = /leuka?emi|lymphoblastic|lymphoma|myeloma/i;
const ONCOLOGY = /cancer|tumou?r|carcinoma|leuka?emia|lymphoma|myeloma|malignan|metasta|ecog|karnofsky/i;

const DEV5_LABELS = 'dev5/criteria-labels.jsonl';

/** Trials labelled before: those before dev4 (../used-before-dev4.txt) and dev5's labels. */
export function excludedTrials(): Set<string> {
  return usedTrials([DEV5_LABELS]);
}

export interface DrawnTrial {
  readonly stratum: 'lct haem' | 'lct oncology';
  readonly trial: LctTrial;
}

/** The drawn trials in labelling order (haem, then the first `oncology` of the oncology order), with pool sizes. */
export function drawTest3(
  sharedData: string,
  oncology: number,
): { haemPool: number; oncologyPool: number; drawn: DrawnTrial[] } {
  const excluded = excludedTrials();
  const fresh = readLctTrials(sharedData).filter((t) => !excluded.has(t.nctId));
  const haemPool = fresh.filter((t) => HAEM_WORDS.test(t.criteria));
  const oncologyPool = fresh.filter((t) => ONCOLOGY.test(t.criteria) && !HAEM_WORDS.test(t.criteria));
  const haem = shuffled(haemPool, DRAW.haemSeed).slice(0, DRAW.haem);
  const onc = shuffled(oncologyPool, DRAW.oncologySeed).slice(0, oncology);
  return {
    haemPool: haemPool.length,
    oncologyPool: oncologyPool.length,
    drawn: [
      ...haem.map((trial) => ({ stratum: 'lct haem' as const, trial })),
      ...onc.map((trial) => ({ stratum: 'lct oncology' as const, trial })),
    ],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sharedAt = process.argv.indexOf('--shared');
  const sharedData = sharedAt >= 0 ? (process.argv[sharedAt + 1] ?? '../shared/data') : '../shared/data';
  const oncologyAt = process.argv.indexOf('--oncology');
  const oncology = oncologyAt >= 0 ? Number(process.argv[oncologyAt + 1] ?? 0) : 0;
  const { haemPool, oncologyPool, drawn } = drawTest3(sharedData, oncology);
  console.log(`excluded ${excludedTrials().size} trials`);
  console.log(`lct haem pool ${haemPool} (seed ${DRAW.haemSeed}); lct oncology pool ${oncologyPool} (seed ${DRAW.oncologySeed})`);
  for (const [i, d] of drawn.entries()) console.log(`${i + 1}. ${d.trial.nctId} [${d.stratum}] ${d.trial.criteria.length} chars`);
  if (process.argv.includes('--texts')) {
    for (const d of drawn) console.log(`\n===== ${d.trial.nctId} [${d.stratum}] ${d.trial.batch}\n${d.trial.criteria}`);
  }
}
