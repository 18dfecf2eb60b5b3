// Draws the trials of the second held-out criteria set (README.md in this folder) with seeded shuffles and prints
// their raw eligibility texts, so the draw can be repeated. It only samples and prints: the criteria were split and
// labelled by reading this output, and nothing here touches src/domain/eligibility (the code the labels judge).
//
//   npx tsx bench/eligibility/test2/sample2.ts [--shared ../shared/data] > var/eligibility-sample2.txt
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readLegacyTrialTexts } from '../demo-texts.ts';
import { shuffled } from '../seeded-shuffle.ts';

/** Seeds and sizes of the draws, fixed before any text was read; README.md quotes them. */
export const SAMPLING2 = {
  demoAllSeed: 271828,
  demoAll: 5,
  demoHaemSeed: 314159,
  demoHaem: 4,
  lctHaemSeed: 161803,
  lctHaem: 5,
  lctOncologySeed: 141421,
  lctOncology: 14,
  v2Seed: 173205,
  v2: 2,
} as const;

/** Characters of criteria text a drawn demo trial may have: long enough to hold a list, short enough to label whole. */
const DEMO_LENGTH = { min: 400, max: 4000 } as const;

const HAEM_WORDS = /leuka?emi|lymphoblastic|lymphoma|myeloma/i;
const ONCOLOGY = /cancer|tumou?r|carcinoma|leuka?emia|lymphoma|myeloma|malignan|metasta|ecog|karnofsky/i;
// Words of a legacy record's title or conditions; the abbreviation must be upper case ("All-trans retinoic acid").
const ACUTE_LYMPHOBLASTIC = /(acute lympho(blastic|cytic)|lymphoblastic) leuka?emia/i;
const ALL_ABBREVIATION = /\bALL\b/;
const HAEM_CONDITION = /leuka?emia|lymphoma|myeloma|myelodysplastic/i;

const V2_FILES = ['data/demo/records/ctgov-v2_nsclcbench_100.json.gz', 'data/demo/records/ctgov-v2_dgg32_50.json.gz'];
const LABELLED_FILES = ['bench/eligibility/criteria-labels.jsonl', 'bench/eligibility/verdicts.jsonl'];

interface RawTrial {
  readonly nctId: string;
  readonly about: string;
  readonly criteria: string;
}

/** Trials already in the first set (criteria or verdicts): this set must not share any. */
function alreadyLabelled(): Set<string> {
  const ids = new Set<string>();
  for (const file of LABELLED_FILES) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() !== '') ids.add((JSON.parse(line) as { trial: string }).trial);
    }
  }
  return ids;
}

function readLct(sharedData: string): RawTrial[] {
  const path = join(sharedData, 'eligibility-criteria-lct/ctgov_eligibility_criteria_1500.jsonl.gz');
  return gunzipSync(readFileSync(path))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const row = JSON.parse(line) as { nct_id: string; batch: string; eligibility_criteria: string };
      return { nctId: row.nct_id, about: row.batch, criteria: row.eligibility_criteria };
    })
    .sort((a, b) => a.nctId.localeCompare(b.nctId));
}

/** Oncology trials of the bundled v2 JSON files (lung-cancer set and the mixed 50), one entry per NCT id. */
function readDemoV2(): RawTrial[] {
  const byId = new Map<string, RawTrial>();
  for (const file of V2_FILES) {
    const studies = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as {
      protocolSection: {
        identificationModule: { nctId: string; briefTitle?: string };
        eligibilityModule?: { eligibilityCriteria?: string };
      };
    }[];
    for (const s of studies) {
      const nctId = s.protocolSection.identificationModule.nctId;
      const about = s.protocolSection.identificationModule.briefTitle ?? '';
      const criteria = s.protocolSection.eligibilityModule?.eligibilityCriteria ?? '';
      if (!byId.has(nctId)) byId.set(nctId, { nctId, about, criteria });
    }
  }
  return [...byId.values()].sort((a, b) => a.nctId.localeCompare(b.nctId));
}

function demoLength(t: RawTrial): boolean {
  return t.criteria.length >= DEMO_LENGTH.min && t.criteria.length <= DEMO_LENGTH.max;
}

function print(stratum: string, pool: number, trials: readonly RawTrial[]): void {
  process.stdout.write(`\n# stratum ${stratum}: ${trials.length} drawn of ${pool}\n`);
  for (const t of trials) {
    process.stdout.write(`\n===== ${t.nctId} [${stratum}] ${t.about}\n${t.criteria}\n`);
  }
}

const sharedArg = process.argv.indexOf('--shared');
const sharedData = sharedArg >= 0 ? (process.argv[sharedArg + 1] ?? '../shared/data') : '../shared/data';
const used = alreadyLabelled();
const fresh = (t: RawTrial): boolean => !used.has(t.nctId);

// 1. Leukaemia and lymphoma: legacy XML ALL trials, other legacy XML blood cancers, LCT texts naming one.
const legacy = await readLegacyTrialTexts((t) => HAEM_CONDITION.test(t.about) || ALL_ABBREVIATION.test(t.about));
const isAll = (t: RawTrial): boolean => ACUTE_LYMPHOBLASTIC.test(t.about) || ALL_ABBREVIATION.test(t.about);
const demoAll = legacy.filter((t) => isAll(t) && demoLength(t) && fresh(t));
print('demo ALL', demoAll.length, shuffled(demoAll, SAMPLING2.demoAllSeed).slice(0, SAMPLING2.demoAll));
const demoHaem = legacy.filter((t) => !isAll(t) && HAEM_CONDITION.test(t.about) && demoLength(t) && fresh(t));
print('demo haem', demoHaem.length, shuffled(demoHaem, SAMPLING2.demoHaemSeed).slice(0, SAMPLING2.demoHaem));

const lct = readLct(sharedData).filter(fresh);
const lctHaem = lct.filter((t) => HAEM_WORDS.test(t.criteria));
print('lct haem', lctHaem.length, shuffled(lctHaem, SAMPLING2.lctHaemSeed).slice(0, SAMPLING2.lctHaem));

// 2. Other oncology: LCT texts matching the oncology word list but naming no blood cancer, and bundled v2 records.
const lctOncology = lct.filter((t) => ONCOLOGY.test(t.criteria) && !HAEM_WORDS.test(t.criteria));
print('lct oncology', lctOncology.length, shuffled(lctOncology, SAMPLING2.lctOncologySeed).slice(0, SAMPLING2.lctOncology));
const v2 = readDemoV2().filter((t) => fresh(t) && demoLength(t) && ONCOLOGY.test(`${t.about} ${t.criteria}`));
print('demo v2', v2.length, shuffled(v2, SAMPLING2.v2Seed).slice(0, SAMPLING2.v2));
