// Prints the raw eligibility texts the labelled set was drawn from, chosen by seeded shuffles, so the draw can be
// repeated. It only samples and prints: the criteria were split and labelled by a person reading this output, and
// nothing here uses src/domain/eligibility (the code the labels judge).
//
//   npx tsx bench/eligibility/sample.ts [--shared ../shared/data] > var/eligibility-sample.txt
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readLegacyTrialTexts } from './demo-texts.ts';
import { shuffled } from './seeded-shuffle.ts';

/** Seeds and sizes of the draws; README.md quotes them. */
export const SAMPLING = {
  lctSeed: 20261127,
  lctOncology: 12,
  lctOther: 6,
  lctLeukaemia: 6,
  demoSeed: 6007,
  demoAll: 12,
  demoAdultSeed: 1511,
  demoAdult: 6,
  nsclcSeed: 4242,
  nsclc: 2,
} as const;

/**
 * Chosen by hand, not drawn: the only records found (by searching the texts for CAR T, MRD, BCR-ABL, inotuzumab and
 * Ph-negative) that carry the newer leukaemia vocabulary, which no random draw reached.
 */
export const PURPOSIVE = {
  lct: ['NCT03860038', 'NCT03920813', 'NCT03865589'],
  demo: ['NCT00495079'],
} as const;

const LEUKAEMIA = /leuka?emi|lymphoblastic/i;
const ONCOLOGY = /cancer|tumou?r|carcinoma|leuka?emia|lymphoma|myeloma|malignan|metasta|ecog|karnofsky/i;
// Words of the title or conditions; the abbreviation must be upper case ("All-trans retinoic acid" is not ALL).
const ACUTE_LYMPHOBLASTIC = /(acute lympho(blastic|cytic)|lymphoblastic) leuka?emia/i;
const ALL_ABBREVIATION = /\bALL\b/;

interface RawTrial {
  readonly nctId: string;
  readonly about: string;
  readonly criteria: string;
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
    });
}

/**
 * Modern CT.gov texts from the bundled NSCLC v2 file: negated CNS, infection and prior-line wording that the 1990s
 * leukaemia records rarely use.
 */
function readDemoNsclc(): RawTrial[] {
  const studies = JSON.parse(gunzipSync(readFileSync('data/demo/records/ctgov-v2_nsclcbench_100.json.gz')).toString('utf8')) as {
    protocolSection: {
      identificationModule: { nctId: string; briefTitle?: string };
      eligibilityModule?: { eligibilityCriteria?: string };
    };
  }[];
  return studies
    .map((s) => ({
      nctId: s.protocolSection.identificationModule.nctId,
      about: s.protocolSection.identificationModule.briefTitle ?? '',
      criteria: s.protocolSection.eligibilityModule?.eligibilityCriteria ?? '',
    }))
    .filter((t) => t.criteria !== '')
    .sort((a, b) => a.nctId.localeCompare(b.nctId));
}

function print(source: string, trials: readonly RawTrial[]): void {
  for (const t of trials) {
    process.stdout.write(`\n===== ${t.nctId} [${source}] ${t.about}\n${t.criteria}\n`);
  }
}

const sharedArg = process.argv.indexOf('--shared');
const sharedData = sharedArg >= 0 ? (process.argv[sharedArg + 1] ?? '../shared/data') : '../shared/data';

const lct = readLct(sharedData);
const oncology = lct.filter((t) => ONCOLOGY.test(t.criteria));
const other = lct.filter((t) => !ONCOLOGY.test(t.criteria));
const lctOncologyDrawn = shuffled(oncology, SAMPLING.lctSeed).slice(0, SAMPLING.lctOncology);
print('lct oncology', lctOncologyDrawn);
print('lct other', shuffled(other, SAMPLING.lctSeed).slice(0, SAMPLING.lctOther));
// A third draw, added after the first two, for leukaemia wording: trials whose criteria mention leukaemia, not drawn yet.
const lctLeukaemia = oncology.filter((t) => LEUKAEMIA.test(t.criteria) && !lctOncologyDrawn.includes(t));
process.stdout.write(`\n# lct trials whose criteria mention leukaemia: ${lctLeukaemia.length}\n`);
print('lct leukaemia', shuffled(lctLeukaemia, SAMPLING.lctSeed).slice(0, SAMPLING.lctLeukaemia));
print('lct purposive', lct.filter((t) => (PURPOSIVE.lct as readonly string[]).includes(t.nctId)));

const demoAll = await readLegacyTrialTexts((t) => ACUTE_LYMPHOBLASTIC.test(t.about) || ALL_ABBREVIATION.test(t.about));
const demo = demoAll.filter((t) => t.criteria.length >= 400 && t.criteria.length <= 4000);
process.stdout.write(`\n# demo ALL trials with 400-4000 characters of criteria: ${demo.length}\n`);
const drawn = shuffled(demo, SAMPLING.demoSeed).slice(0, SAMPLING.demoAll);
print('demo ALL', drawn);
// A second draw among trials that admit adults (upper age bound 18 or more), as the profiles are teenagers and adults.
const adult = demo.filter((t) => t.maximumAge >= 18 && !drawn.includes(t));
process.stdout.write(`\n# demo ALL trials admitting adults, not drawn above: ${adult.length}\n`);
print('demo ALL adult', shuffled(adult, SAMPLING.demoAdultSeed).slice(0, SAMPLING.demoAdult));
print('demo ALL purposive', demoAll.filter((t) => (PURPOSIVE.demo as readonly string[]).includes(t.nctId)));
print('demo NSCLC', shuffled(readDemoNsclc(), SAMPLING.nsclcSeed).slice(0, SAMPLING.nsclc));
