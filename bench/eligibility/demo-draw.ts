/**
 * The draw of a criteria set from the bundled demo records, shared by the criteria sets since test13 (each set's
 * draw-criteria.ts gives its seeds, the label files whose trials it leaves out, and whether its oncology stratum takes
 * only trials that name a cancer, as test14's on do). It reads, filters, shuffles and prints, and nothing more:
 * nothing here loads src/domain/eligibility (the code the labels judge). The rule itself is written out in each
 * set's draw-criteria.ts header.
 */
import { readDemoTrialTexts, type DemoTrialText } from './demo-texts.ts';
import { shuffled } from './seeded-shuffle.ts';

/** A set's draw: its seeds, sizes and target, and whether the oncology stratum takes only trials naming a cancer. */
export interface DemoDrawRule {
  readonly haemSeed: number;
  readonly haem: number;
  readonly oncologySeed: number;
  readonly criteriaTarget: number;
  readonly cancerOnly: boolean;
  /**
   * test49 on: the haem stratum is the trials whose title or conditions name a blood cancer (a leukaemia or ALL, or
   * OTHER_BLOOD_CANCER), which are then no longer left out; before, it was the trials whose criteria name a lymphoma,
   * myeloma, myelodysplasia or "lymphoblastic", and trials naming a leukaemia or ALL were left out of both strata.
   */
  readonly haemByTitle?: boolean;
}

/** Criteria length limits, in characters, both included. */
export const MIN_CHARS = 300;
export const MAX_CHARS = 5000;

// ./verdict-draw.ts keeps these private; the patterns are the same, applied to the same `about` (title | conditions).
const LEUKAEMIA = /leuka?emi/i;
const ACUTE_LYMPHOBLASTIC = /(acute lympho(blastic|cytic)|lymphoblastic) leuka?emia/i;
const ALL_ABBREVIATION = /\bALL\b/;

/** The verdict draws' test: the title or conditions name a leukaemia or ALL. */
export function namesLeukaemiaOrAll(t: DemoTrialText): boolean {
  return LEUKAEMIA.test(t.about) || ACUTE_LYMPHOBLASTIC.test(t.about) || ALL_ABBREVIATION.test(t.about);
}

const HAEM_WORDS = /lymphoma|myeloma|myelodysplastic|lymphoblastic/i;

/** The other blood cancers of ./wide-verdict-draw.ts, tested on `about` (title | conditions). */
export const OTHER_BLOOD_CANCER =
  /lymphoma|hodgkin|myeloma|plasma cell|myelodysplast|myeloproliferative|waldenstr|macroglobulinemi|h(a)?ematologic(al)? (malignan|neoplas|cancer)/i;

/** test49's haem test: the title or conditions name a leukaemia, ALL or another blood cancer. */
export function namesBloodCancer(t: DemoTrialText): boolean {
  return namesLeukaemiaOrAll(t) || OTHER_BLOOD_CANCER.test(t.about);
}

/** The oncology stratum's test (test14's on): the criteria or the brief title name a cancer. */
export const CANCER_WORDS = /cancer|carcinoma|tumou?r|malignan|neoplasm|lymphoma|myeloma|sarcoma|melanoma|glioma|metasta/i;

/** The brief title: `about` up to its first " | " (the conditions follow). */
export function briefTitle(t: DemoTrialText): string {
  const at = t.about.indexOf(' | ');
  return at >= 0 ? t.about.slice(0, at) : t.about;
}

/** The criteria or the brief title name a cancer. */
export function namesCancer(t: DemoTrialText): boolean {
  return CANCER_WORDS.test(t.criteria) || CANCER_WORDS.test(briefTitle(t));
}

export interface DrawnDemoTrial {
  readonly stratum: 'haem' | 'oncology';
  readonly trial: DemoTrialText;
}

export interface DemoDraw {
  readonly records: number;
  readonly inLength: number;
  readonly excluded: number;
  readonly leukaemia: number;
  /** Candidates outside the haem stratum that name no cancer (left out of the oncology stratum when cancerOnly). */
  readonly noCancer: number;
  readonly haemPool: number;
  readonly oncologyPool: number;
  readonly drawn: DrawnDemoTrial[];
}

/** The drawn trials in labelling order (the haem trials, then the first `oncology` of the oncology order). */
export async function drawDemo(rule: DemoDrawRule, used: ReadonlySet<string>, oncology: number): Promise<DemoDraw> {
  const all = await readDemoTrialTexts(() => true);
  const inLength = all.filter((t) => t.criteria.length >= MIN_CHARS && t.criteria.length <= MAX_CHARS);
  const fresh = inLength.filter((t) => !used.has(t.nctId));
  const candidates = rule.haemByTitle === true ? fresh : fresh.filter((t) => !namesLeukaemiaOrAll(t));
  const byId = (a: DemoTrialText, b: DemoTrialText): number => a.nctId.localeCompare(b.nctId);
  const isHaem = rule.haemByTitle === true ? namesBloodCancer : (t: DemoTrialText): boolean => HAEM_WORDS.test(t.criteria);
  const haemPool = candidates.filter(isHaem).sort(byId);
  const notHaem = candidates.filter((t) => !isHaem(t));
  const oncologyPool = (rule.cancerOnly ? notHaem.filter(namesCancer) : notHaem).sort(byId);
  const haem = shuffled(haemPool, rule.haemSeed).slice(0, rule.haem);
  const onc = shuffled(oncologyPool, rule.oncologySeed).slice(0, oncology);
  return {
    records: all.length,
    inLength: inLength.length,
    excluded: inLength.length - fresh.length,
    leukaemia: fresh.length - candidates.length,
    noCancer: notHaem.length - oncologyPool.length,
    haemPool: haemPool.length,
    oncologyPool: oncologyPool.length,
    drawn: [
      ...haem.map((trial) => ({ stratum: 'haem' as const, trial })),
      ...onc.map((trial) => ({ stratum: 'oncology' as const, trial })),
    ],
  };
}

/** A set's draw-criteria.ts as a command: `[--oncology N] [--texts]`; prints the pools and the drawn trials. */
export async function runDemoDrawCli(rule: DemoDrawRule, used: ReadonlySet<string>): Promise<void> {
  const at = process.argv.indexOf('--oncology');
  const oncology = at >= 0 ? Number(process.argv[at + 1] ?? 0) : 0;
  const d = await drawDemo(rule, used, oncology);
  console.log(`demo records with criteria ${d.records}; ${MIN_CHARS}-${MAX_CHARS} chars ${d.inLength}`);
  const leukaemia = rule.haemByTitle === true ? '' : `, ${d.leukaemia} naming a leukaemia or ALL`;
  console.log(`left out: ${d.excluded} already labelled (of ${used.size} used ids)${leukaemia}`);
  const others = rule.cancerOnly ? `; ${d.noCancer} others name no cancer` : '';
  console.log(`haem pool ${d.haemPool} (seed ${rule.haemSeed}, take ${rule.haem}); oncology pool ${d.oncologyPool} (seed ${rule.oncologySeed}${others})`);
  for (const [i, x] of d.drawn.entries()) {
    console.log(`${i + 1}. ${x.trial.nctId} [${x.stratum}] ${x.trial.criteria.length} chars  ${x.trial.about}`);
  }
  if (process.argv.includes('--texts')) {
    for (const [i, x] of d.drawn.entries()) console.log(`\n===== ${i + 1}. ${x.trial.nctId} [${x.stratum}]\n${x.trial.about}\n\n${x.trial.criteria}`);
  }
}
