// Draws the trials of the dev3 verdict set (README.md in this folder) and prints their eligibility texts, so the draw
// can be repeated. It only lists, shuffles and prints: the verdicts were written by a person reading this output, and
// nothing here uses src/domain/eligibility (the code the labels judge).
//
//   npx tsx bench/eligibility/dev3/draw.ts --skip NCT00003528,NCT00005977,NCT00002700,NCT00003437 [--texts]
//
// --skip lists drawn trials found, by id only, in the held-out set (README.md); --texts prints the chosen texts.
//
// The rule was fixed before the shuffle was run (README.md, "How the trials were drawn"):
// - stratum A (modern records, taken whole, no draw): every record of the bundled API v2 JSON files and of the AACT
//   legacy XML fixtures whose title or conditions name a leukaemia, whose sex is "All", that admits adults (upper age
//   bound 18 or more, or none) and has at least 50 characters of criteria;
// - stratum B (drawn): the legacy XML tar's ALL trials (title or conditions say acute lymphoblastic/lymphocytic
//   leukaemia, or upper-case ALL), sex "All", admitting adults, 400–4,000 characters of criteria that name at least
//   two terms of the newer vocabulary (VOCABULARY below); shuffled with mulberry32 + Fisher–Yates, seed DRAW.seed,
//   and taken in that order, skipping trials already labelled here or held out, until DRAW.total trials in all
//   (first 10; raised to 12 after reading the first 10 texts and before any verdict was written, README.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { admitsAdults, legacyRecords, modernRecords, sexAll, type Candidate } from './records.ts';
import { shuffled } from '../seeded-shuffle.ts';

export const DRAW = { seed: 20261128, total: 12 } as const;

const LEUKAEMIA = /leuka?emi|lymphoblastic/i;
const ACUTE_LYMPHOBLASTIC = /(acute lympho(blastic|cytic)|lymphoblastic) leuka?emia/i;
const ALL_ABBREVIATION = /\bALL\b/;
/** Newer leukaemia-trial vocabulary; a stratum-B trial must name at least two of these groups. */
const VOCABULARY: readonly RegExp[] = [
  /\bCNS\b|central nervous system/i,
  /\bECOG\b|Zubrod|performance status/i,
  /\bULN\b|upper limit of normal/i,
  /creatinine clearance/i,
  /ejection fraction/i,
  /Philadelphia|\bPh[+-]|BCR-ABL|t\(9;22\)/i,
  /imatinib|STI ?571|dasatinib|nilotinib|ponatinib|tyrosine kinase/i,
  /\bMRD\b|minimal residual/i,
  /blinatumomab|inotuzumab|\bCAR\b|chimeric antigen/i,
  /\bHIV\b|hepatitis/i,
];

/**
 * Trials never to draw: those with labels in bench/eligibility/ (criteria-labels.jsonl, verdicts.jsonl) and the ids
 * the brief named as held out in test2/. Held-out membership of a drawn trial beyond these was checked by id only,
 * outside this script (README.md), and such a trial is passed with --skip.
 */
const HELD_OUT_NAMED = [
  'NCT00001830', 'NCT00002514', 'NCT00002766', 'NCT00002816', 'NCT00003619', 'NCT00003687',
  'NCT00003870', 'NCT00003997', 'NCT00004232', 'NCT00004858', 'NCT00005823', 'NCT00006462',
];

function labelledTrials(): Set<string> {
  const ids = new Set<string>(HELD_OUT_NAMED);
  for (const file of ['criteria-labels.jsonl', 'verdicts.jsonl']) {
    const text = readFileSync(join(import.meta.dirname, '..', file), 'utf8');
    for (const m of text.matchAll(/"trial":\s*"(NCT\d{8})"/g)) ids.add(m[1]!);
  }
  return ids;
}

function byId(a: Candidate, b: Candidate): number {
  return a.nctId.localeCompare(b.nctId);
}

async function main(): Promise<void> {
  const printTexts = process.argv.includes('--texts');
  const skipAt = process.argv.indexOf('--skip');
  const skip = new Set(skipAt >= 0 ? (process.argv[skipAt + 1] ?? '').split(',') : []);
  const used = labelledTrials();

  const stratumA = modernRecords()
    .filter((c) => LEUKAEMIA.test(c.about) && sexAll(c) && admitsAdults(c) && c.criteria.trim().length >= 50)
    .filter((c) => !used.has(c.nctId))
    .sort(byId);

  const pool = (await legacyRecords())
    .filter((c) => ACUTE_LYMPHOBLASTIC.test(c.about) || ALL_ABBREVIATION.test(c.about))
    .filter((c) => sexAll(c) && admitsAdults(c))
    .filter((c) => c.criteria.length >= 400 && c.criteria.length <= 4000)
    .filter((c) => VOCABULARY.filter((re) => re.test(c.criteria)).length >= 2)
    .filter((c) => !used.has(c.nctId))
    .sort(byId);
  const order = shuffled(pool, DRAW.seed);
  const stratumB = order.filter((c) => !skip.has(c.nctId)).slice(0, Math.max(0, DRAW.total - stratumA.length));

  console.log(`stratum A (modern, all taken): ${stratumA.length}: ${stratumA.map((c) => c.nctId).join(' ')}`);
  console.log(`stratum B pool: ${pool.length}; shuffled order (seed ${DRAW.seed}): ${order.map((c) => c.nctId).join(' ')}`);
  console.log(`skipped (held out, checked by id): ${skip.size}`);
  console.log(`stratum B drawn: ${stratumB.length}: ${stratumB.map((c) => c.nctId).join(' ')}`);
  if (!printTexts) return;
  for (const c of [...stratumA, ...stratumB]) {
    console.log(`\n===== ${c.nctId} (${c.source}) sex ${c.sex}, age ${c.minimumAge} to ${c.maximumAge}\n${c.about}\n`);
    console.log(c.criteria);
  }
}

await main();
