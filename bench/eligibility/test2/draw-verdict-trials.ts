// Draws the trials of the second held-out verdict set (VERDICTS.md in this folder) with a seeded shuffle and prints
// their full eligibility text, ages and sex, so the draw can be repeated. It only samples and prints: the verdicts
// were written by reading this output, and nothing here touches src/domain/eligibility (the code the labels judge).
//
//   npx tsx bench/eligibility/test2/draw-verdict-trials.ts > var/eligibility-verdict-draw2.txt
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode, elements, LEGACY_XML_TAR as LEGACY_TAR, readTarXml } from '../demo-texts.ts';
import { shuffled } from '../seeded-shuffle.ts';

/** Seed, strata and sizes (VERDICTS.md quotes them); the first two strata were fixed before any text was read. */
export const VERDICT_DRAW2 = {
  seed: 51_502_026,
  /** ALL trials (title or condition) that admit an 18-year-old or older. */
  allAdult: 7,
  /** Other leukaemia trials (title or condition names a leukaemia, not ALL) that admit an 18-year-old or older. */
  otherLeukaemiaAdult: 3,
  /** Added after the first two strata were read (see the end of this file): criteria naming Ph / BCR-ABL / a TKI. */
  phPositive: 1,
  /** Added likewise: a supportive-care title (infection, mucositis, fatigue, exercise and the like). */
  supportiveCare: 1,
} as const;

/** Characters of criteria text a candidate may have. */
const LENGTH = { min: 400, max: 5000 } as const;

const RECORDS = 'data/demo/records';
const LEGACY_DIR = join(RECORDS, 'aact-fixtures-legacy-xml');
const V2_FILES = ['ctgov-v2_nsclcbench_100.json.gz', 'ctgov-v2_dgg32_50.json.gz', 'ctgov-v2_ctrdata_5.json.gz'];
const V2_DIR = join(RECORDS, 'aact-fixtures');
const LABELLED_FILES = ['bench/eligibility/criteria-labels.jsonl', 'bench/eligibility/verdicts.jsonl'];

// The abbreviation must be upper case: "All-trans retinoic acid" is not ALL.
const ACUTE_LYMPHOBLASTIC = /(acute lympho(blastic|cytic)|lymphoblastic) leuka?emia/i;
const ALL_ABBREVIATION = /\bALL\b/;
const LEUKAEMIA = /leuka?emi/i;

interface Candidate {
  readonly nctId: string;
  readonly source: string;
  readonly title: string;
  readonly conditions: readonly string[];
  readonly criteria: string;
  /** Bounds in years as the record states them; null when the record gives none ("N/A"). */
  readonly minimumAge: number | null;
  readonly maximumAge: number | null;
  readonly minimumAgeText: string;
  readonly maximumAgeText: string;
  readonly sex: string;
}

/** "18 Years", "6 Months", "N/A" → years (months and weeks as fractions), null when not stated. */
function years(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(year|month|week|day)s?$/i.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]);
  const unit = (m[2] ?? '').toLowerCase();
  const perYear = unit === 'year' ? 1 : unit === 'month' ? 12 : unit === 'week' ? 52 : 365;
  return n / perYear;
}

function fromXml(xml: string, source: string): Candidate | null {
  const block = /<criteria>\s*<textblock>([\s\S]*?)<\/textblock>/.exec(xml);
  const nctId = elements(xml, 'nct_id')[0];
  if (!block || nctId === undefined) return null;
  const minimumAgeText = elements(xml, 'minimum_age')[0] ?? 'N/A';
  const maximumAgeText = elements(xml, 'maximum_age')[0] ?? 'N/A';
  return {
    nctId,
    source,
    title: elements(xml, 'brief_title')[0] ?? '',
    conditions: elements(xml, 'condition'),
    criteria: decode(block[1] ?? ''),
    minimumAge: years(minimumAgeText),
    maximumAge: years(maximumAgeText),
    minimumAgeText,
    maximumAgeText,
    sex: elements(xml, 'gender')[0] ?? 'not stated',
  };
}

async function readLegacyTar(): Promise<Candidate[]> {
  return readTarXml(LEGACY_TAR, (xml) => fromXml(xml, 'legacy-xml tar'));
}

function readLegacyDir(): Candidate[] {
  return readdirSync(LEGACY_DIR)
    .filter((f) => f.endsWith('.xml'))
    .map((f) => fromXml(readFileSync(join(LEGACY_DIR, f), 'utf8'), 'aact-fixtures-legacy-xml'))
    .filter((c): c is Candidate => c !== null);
}

interface V2Study {
  protocolSection: {
    identificationModule: { nctId: string; briefTitle?: string };
    conditionsModule?: { conditions?: string[] };
    eligibilityModule?: { eligibilityCriteria?: string; minimumAge?: string; maximumAge?: string; sex?: string };
  };
}

function fromV2(s: V2Study, source: string): Candidate {
  const p = s.protocolSection;
  const e = p.eligibilityModule ?? {};
  return {
    nctId: p.identificationModule.nctId,
    source,
    title: p.identificationModule.briefTitle ?? '',
    conditions: p.conditionsModule?.conditions ?? [],
    criteria: e.eligibilityCriteria ?? '',
    minimumAge: years(e.minimumAge ?? ''),
    maximumAge: years(e.maximumAge ?? ''),
    minimumAgeText: e.minimumAge ?? 'N/A',
    maximumAgeText: e.maximumAge ?? 'N/A',
    sex: e.sex ?? 'not stated',
  };
}

function readV2(): Candidate[] {
  const out: Candidate[] = [];
  const files = [
    ...V2_FILES.map((f) => join(RECORDS, f)),
    ...readdirSync(V2_DIR)
      .filter((f) => f.endsWith('.json.gz'))
      .map((f) => join(V2_DIR, f)),
  ];
  for (const file of files) {
    const json = gunzipSync(readFileSync(file)).toString('utf8');
    const parsed = JSON.parse(json) as V2Study | V2Study[] | { studies: V2Study[] };
    const studies = Array.isArray(parsed) ? parsed : 'studies' in parsed ? parsed.studies : [parsed];
    for (const s of studies) out.push(fromV2(s, file));
  }
  return out;
}

/** Trials of the first set (criteria or verdicts): this set must not share any. */
function alreadyLabelled(): Set<string> {
  const ids = new Set<string>();
  for (const file of LABELLED_FILES) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() !== '') ids.add((JSON.parse(line) as { trial: string }).trial);
    }
  }
  return ids;
}

const about = (c: Candidate): string => [c.title, ...c.conditions].join(' | ');
const isAll = (c: Candidate): boolean => ACUTE_LYMPHOBLASTIC.test(about(c)) || ALL_ABBREVIATION.test(about(c));
/** Admits someone aged 18 or over: no upper age bound, or one of 18 or more. */
const admitsAdults = (c: Candidate): boolean => c.maximumAge === null || c.maximumAge >= 18;

function print(stratum: string, pool: readonly Candidate[], drawn: readonly Candidate[]): void {
  process.stdout.write(`\n# stratum ${stratum}: ${drawn.length} drawn of ${pool.length}\n`);
  process.stdout.write(`# pool: ${pool.map((c) => c.nctId).join(' ')}\n`);
  for (const c of drawn) {
    process.stdout.write(
      `\n===== ${c.nctId} [${stratum}] (${c.source})\ntitle: ${c.title}\nconditions: ${c.conditions.join('; ')}\n` +
        `ages: ${c.minimumAgeText} to ${c.maximumAgeText}; sex: ${c.sex}; criteria: ${c.criteria.length} characters\n` +
        `${c.criteria}\n`,
    );
  }
}

const used = alreadyLabelled();
const byId = new Map<string, Candidate>();
// The tar wins over the fixtures and v2 files when one trial is in several (the first set read the tar).
for (const c of [...(await readLegacyTar()), ...readLegacyDir(), ...readV2()]) {
  if (!byId.has(c.nctId)) byId.set(c.nctId, c);
}
const candidates = [...byId.values()]
  .filter((c) => LEUKAEMIA.test(about(c)) || isAll(c))
  .filter((c) => c.criteria.length >= LENGTH.min && c.criteria.length <= LENGTH.max)
  .filter((c) => !used.has(c.nctId))
  .filter(admitsAdults)
  .sort((a, b) => a.nctId.localeCompare(b.nctId));

const allPool = candidates.filter(isAll);
const otherPool = candidates.filter((c) => !isAll(c));
// One shuffle per stratum, the second seeded one above the first, so each can be repeated on its own.
print('ALL, admits adults', allPool, shuffled(allPool, VERDICT_DRAW2.seed).slice(0, VERDICT_DRAW2.allAdult));
print(
  'other leukaemia, admits adults',
  otherPool,
  shuffled(otherPool, VERDICT_DRAW2.seed + 1).slice(0, VERDICT_DRAW2.otherLeukaemiaAdult),
);

// Added after the two strata above had been drawn and read, because they held no Ph-positive and no supportive-care
// trial, both of which the profiles are meant to exercise (VERDICTS.md says so). Candidates are the same; trials
// already drawn are left out; each stratum has its own seed.
const drawn = new Set([
  ...shuffled(allPool, VERDICT_DRAW2.seed).slice(0, VERDICT_DRAW2.allAdult),
  ...shuffled(otherPool, VERDICT_DRAW2.seed + 1).slice(0, VERDICT_DRAW2.otherLeukaemiaAdult),
].map((c) => c.nctId));
const PH_WORDS = /philadelphia|\bPh\+|\bPh-positive|bcr-?abl|t\(9;22\)|imatinib|dasatinib|nilotinib/i;
const SUPPORTIVE_TITLE =
  /supportive|infection|mucositis|nausea|vomiting|fatigue|quality of life|exercise|anemia|pain|nutrition|fever/i;
const phPool = candidates.filter((c) => !drawn.has(c.nctId) && PH_WORDS.test(c.criteria));
print(
  'Ph-positive words in criteria',
  phPool,
  shuffled(phPool, VERDICT_DRAW2.seed + 2).slice(0, VERDICT_DRAW2.phPositive),
);
const supportivePool = candidates.filter(
  (c) => !drawn.has(c.nctId) && !PH_WORDS.test(c.criteria) && SUPPORTIVE_TITLE.test(c.title),
);
print(
  'supportive care (title)',
  supportivePool,
  shuffled(supportivePool, VERDICT_DRAW2.seed + 3).slice(0, VERDICT_DRAW2.supportiveCare),
);
