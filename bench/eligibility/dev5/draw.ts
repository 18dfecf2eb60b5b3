// Draws the trials of the dev5 criteria set (README.md in this folder) from the LCT texts and prints their raw
// eligibility texts, so the draw can be repeated. It only reads, filters, shuffles and prints: the criteria were split
// and labelled by reading this output, and nothing here touches src/domain/eligibility (the code the labels judge).
//
//   npx tsx bench/eligibility/dev5/draw.ts [--shared ../shared/data] [--more N] [--texts]
//
// The rule, fixed on 2026-11-28 before the first shuffle was run:
// - pool: the 1,500 LCT texts, less every trial named in ../used-before-dev4.txt (var/eligibility-used-trials.txt when drawn) (all trials labelled so far,
//   held-out ones included), sorted by NCT id;
// - stratum "lct haem": the criteria mention leukaemia, lymphoblastic, lymphoma or myeloma (test2's word filter);
//   shuffled with seed DRAW.haemSeed, the first DRAW.haem taken (all of them when fewer remain);
// - stratum "lct oncology": the criteria match the first set's oncology word list but none of the blood-cancer words
//   (test2's filters); shuffled with seed DRAW.oncologySeed, the first DRAW.oncology taken;
// - shuffles are mulberry32 + Fisher–Yates (../seeded-shuffle.ts); no drawn trial is swapped or dropped;
// - labelling order: the haem trials in their shuffled order, then the oncology trials in theirs; if the criteria pass
//   300, labelling stops at a trial boundary and the README says where.
// Amendment, 2026-11-28 about 02:37 UTC, after reading the 17 drawn texts (about 150 criteria, short LCT lists) and before
// reading any other: to reach the aimed ~250 criteria, further "lct oncology" trials are taken whole, in the same
// shuffled order (the 15th, 16th, ... of that shuffle), until the labelled criteria reach 250 (`--more N` prints the
// next N). Seeds and pools are unchanged; nothing drawn before is swapped or dropped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { shuffled } from '../seeded-shuffle.ts';
import { usedTrials } from '../used-trials.ts';

export const DRAW = { haemSeed: 2026112802, haem: 3, oncologySeed: 2026112801, oncology: 14, criteriaTarget: 250 } as const;

/** The word filters of test2/sample2.ts (HAEM_WORDS, ONCOLOGY), which does not export them; same patterns. */
const HAEM_WORDS = /leuka?emi|lymphoblastic|lymphoma|myeloma/i;
const ONCOLOGY = /cancer|tumou?r|carcinoma|leuka?emia|lymphoma|myeloma|malignan|metasta|ecog|karnofsky/i;

const LCT_FILE = 'eligibility-criteria-lct/ctgov_eligibility_criteria_1500.jsonl.gz';

export interface LctTrial {
  readonly nctId: string;
  readonly batch: string;
  readonly criteria: string;
}

/** The LCT texts, sorted by NCT id. */
export function readLctTrials(sharedData: string): LctTrial[] {
  return gunzipSync(readFileSync(join(sharedData, LCT_FILE)))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const row = JSON.parse(line) as { nct_id: string; batch: string; eligibility_criteria: string };
      return { nctId: row.nct_id, batch: row.batch, criteria: row.eligibility_criteria };
    })
    .sort((a, b) => a.nctId.localeCompare(b.nctId));
}

/** The drawn trials in labelling order (haem, then oncology), with the pool sizes. */
export function drawDev5(
  sharedData: string,
  more = 0,
): { haemPool: number; oncologyPool: number; drawn: { stratum: string; trial: LctTrial }[] } {
  const used = usedTrials();
  const fresh = readLctTrials(sharedData).filter((t) => !used.has(t.nctId));
  const haemPool = fresh.filter((t) => HAEM_WORDS.test(t.criteria));
  const oncologyPool = fresh.filter((t) => ONCOLOGY.test(t.criteria) && !HAEM_WORDS.test(t.criteria));
  const haem = shuffled(haemPool, DRAW.haemSeed).slice(0, DRAW.haem);
  const oncology = shuffled(oncologyPool, DRAW.oncologySeed).slice(0, DRAW.oncology + more);
  return {
    haemPool: haemPool.length,
    oncologyPool: oncologyPool.length,
    drawn: [
      ...haem.map((trial) => ({ stratum: 'lct haem', trial })),
      ...oncology.map((trial, i) => ({ stratum: i < DRAW.oncology ? 'lct oncology' : 'lct oncology, extension', trial })),
    ],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sharedAt = process.argv.indexOf('--shared');
  const sharedData = sharedAt >= 0 ? (process.argv[sharedAt + 1] ?? '../shared/data') : '../shared/data';
  const moreAt = process.argv.indexOf('--more');
  const more = moreAt >= 0 ? Number(process.argv[moreAt + 1] ?? 0) : 0;
  const { haemPool, oncologyPool, drawn } = drawDev5(sharedData, more);
  console.log(`lct haem pool ${haemPool} (seed ${DRAW.haemSeed}); lct oncology pool ${oncologyPool} (seed ${DRAW.oncologySeed})`);
  for (const [i, d] of drawn.entries()) console.log(`${i + 1}. ${d.trial.nctId} [${d.stratum}] ${d.trial.criteria.length} chars`);
  if (process.argv.includes('--texts')) {
    for (const d of drawn) console.log(`\n===== ${d.trial.nctId} [${d.stratum}] ${d.trial.batch}\n${d.trial.criteria}`);
  }
}
