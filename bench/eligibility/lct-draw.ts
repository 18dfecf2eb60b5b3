// The draw of an LCT criteria set as test4 to test8 draw theirs (each set's draw-criteria.ts gives its seeds, its
// target and the label files whose trials it leaves out, and states the rule in its header): the 1,500 LCT texts less
// the excluded trials, sorted by NCT id; stratum "lct haem" (criteria naming a blood cancer, test2's word filter),
// shuffled and its first `haem` taken; stratum "lct oncology" (the first set's oncology words and no blood-cancer
// word), shuffled and taken whole in that order. It reads, filters, shuffles and prints; nothing here loads
// src/domain/eligibility.
import { shuffled } from './seeded-shuffle.ts';
import { readLctTrials, type LctTrial } from './dev5/draw.ts';

export interface LctDrawRule {
  readonly haemSeed: number;
  readonly haem: number;
  readonly oncologySeed: number;
  readonly criteriaTarget: number;
}

/** test2's word filters (test2/sample2.ts keeps them private; the patterns are the same). */
const HAEM_WORDS = /leuka?emi|lymphoblastic|lymphoma|myeloma/i;
const ONCOLOGY = /cancer|tumou?r|carcinoma|leuka?emia|lymphoma|myeloma|malignan|metasta|ecog|karnofsky/i;

export interface DrawnTrial {
  readonly stratum: 'lct haem' | 'lct oncology';
  readonly trial: LctTrial;
}

export interface LctDraw {
  readonly haemPool: number;
  readonly oncologyPool: number;
  readonly drawn: DrawnTrial[];
}

/** The drawn trials in labelling order (haem, then the first `oncology` of the oncology order), with pool sizes. */
export function drawLct(rule: LctDrawRule, excluded: ReadonlySet<string>, sharedData: string, oncology: number): LctDraw {
  const fresh = readLctTrials(sharedData).filter((t) => !excluded.has(t.nctId));
  const haemPool = fresh.filter((t) => HAEM_WORDS.test(t.criteria));
  const oncologyPool = fresh.filter((t) => ONCOLOGY.test(t.criteria) && !HAEM_WORDS.test(t.criteria));
  const haem = shuffled(haemPool, rule.haemSeed).slice(0, rule.haem);
  const onc = shuffled(oncologyPool, rule.oncologySeed).slice(0, oncology);
  return {
    haemPool: haemPool.length,
    oncologyPool: oncologyPool.length,
    drawn: [
      ...haem.map((trial) => ({ stratum: 'lct haem' as const, trial })),
      ...onc.map((trial) => ({ stratum: 'lct oncology' as const, trial })),
    ],
  };
}

/** The command line of a set's draw-criteria.ts: `[--shared ../shared/data] [--oncology N] [--texts]`. */
export function runLctDrawCli(rule: LctDrawRule, excluded: () => ReadonlySet<string>, draw: (sharedData: string, oncology: number) => LctDraw): void {
  const arg = (name: string): string | undefined => {
    const at = process.argv.indexOf(name);
    return at >= 0 ? process.argv[at + 1] : undefined;
  };
  const sharedData = arg('--shared') ?? '../shared/data';
  const oncology = Number(arg('--oncology') ?? 0);
  const { haemPool, oncologyPool, drawn } = draw(sharedData, oncology);
  console.log(`excluded ${excluded().size} trials`);
  console.log(`lct haem pool ${haemPool} (seed ${rule.haemSeed}); lct oncology pool ${oncologyPool} (seed ${rule.oncologySeed})`);
  for (const [i, d] of drawn.entries()) console.log(`${i + 1}. ${d.trial.nctId} [${d.stratum}] ${d.trial.criteria.length} chars`);
  if (process.argv.includes('--texts')) {
    for (const d of drawn) console.log(`\n===== ${d.trial.nctId} [${d.stratum}] ${d.trial.batch}\n${d.trial.criteria}`);
  }
}
