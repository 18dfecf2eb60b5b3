// Eligibility texts of the bundled CT.gov records (data/demo/records), read straight from the files, so the sampler
// and the bench see the very words the labels were made from: the legacy XML tar, and (readDemoTrialTexts) the API v2
// JSON files and the AACT fixtures for trials the tar lacks. No Trialfinder importer is involved: the eligibility code
// under test must not shape its own test input.
import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGunzip, gunzipSync } from 'node:zlib';
import { extract } from 'tar-stream';

const RECORDS = 'data/demo/records';
const LEGACY_XML_NAME = 'ctgov-legacy-xml_2023-02-03.tar.gz';
export const LEGACY_XML_TAR = join(RECORDS, LEGACY_XML_NAME);
/** The API v2 JSON files: each an array of studies, a `{ studies }` page or one study. */
const V2_JSON_FILES = ['ctgov-v2_ctrdata_5.json.gz', 'ctgov-v2_dgg32_50.json.gz', 'ctgov-v2_nsclcbench_100.json.gz'];
const AACT_JSON_DIR = 'aact-fixtures';
const AACT_XML_DIR = 'aact-fixtures-legacy-xml';

export interface DemoTrialText {
  readonly nctId: string;
  /** Brief title and conditions, joined with " | ". */
  readonly about: string;
  /**
   * XML: `eligibility/criteria/textblock`, entities decoded, carriage returns dropped. API v2:
   * `eligibilityModule.eligibilityCriteria` as stored (its Markdown escapes such as `\>` kept, as the labels keep them).
   */
  readonly criteria: string;
  /** The maximum age in years; Infinity for "N/A" or missing. */
  readonly maximumAge: number;
}

/** XML text as written: the entities these records use decoded, carriage-return references dropped. */
export function decode(text: string): string {
  return text
    .replace(/&#xD;/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The decoded contents of every `<tag>` element, in order (these records' elements carry no attributes). */
export function elements(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => decode(m[1] ?? ''));
}

/** "21 Years" → 21; anything else (N/A, months, missing) → Infinity, as the draws read it. */
function maximumYears(text: string | undefined): number {
  const maximum = /^(\d+) Years?$/.exec(text ?? '');
  return maximum ? Number(maximum[1]) : Infinity;
}

function toTrialText(xml: string, fallbackId: string): DemoTrialText | null {
  const block = /<criteria>\s*<textblock>([\s\S]*?)<\/textblock>/.exec(xml);
  if (!block) return null;
  return {
    nctId: elements(xml, 'nct_id')[0] ?? fallbackId,
    about: [...elements(xml, 'brief_title'), ...elements(xml, 'condition')].join(' | '),
    criteria: decode(block[1] ?? ''),
    maximumAge: maximumYears(elements(xml, 'maximum_age')[0]),
  };
}

/** The studies of one parsed API v2 file, whichever of its three shapes it has. */
export function v2Studies(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  const studies = (json as { studies?: unknown[] }).studies;
  return studies ?? [json];
}

/** Every API v2 JSON file of the bundle (the three collections, then the AACT fixtures), relative to `records`. */
export function v2JsonFiles(records: string = RECORDS): string[] {
  const fixtures = readdirSync(join(records, AACT_JSON_DIR)).sort().map((f) => join(AACT_JSON_DIR, f));
  return [...V2_JSON_FILES, ...fixtures];
}

/** Reads one gzipped JSON file. */
export function readGzipJson(path: string): unknown {
  return JSON.parse(gunzipSync(readFileSync(path)).toString('utf8'));
}

const stringOr = (value: unknown, fallback: string): string => (typeof value === 'string' ? value : fallback);

function v2TrialText(study: unknown): DemoTrialText | null {
  const p = (study as { protocolSection?: Record<string, Record<string, unknown> | undefined> }).protocolSection;
  const criteria = p?.eligibilityModule?.eligibilityCriteria;
  const nctId = p?.identificationModule?.nctId;
  if (typeof criteria !== 'string' || typeof nctId !== 'string') return null;
  const conditions = p?.conditionsModule?.conditions;
  return {
    nctId,
    about: [stringOr(p?.identificationModule?.briefTitle, ''), ...(Array.isArray(conditions) ? conditions.map(String) : [])].join(' | '),
    criteria,
    maximumAge: maximumYears(stringOr(p?.eligibilityModule?.maximumAge, '')),
  };
}

/** The trials `keep` accepts among the API v2 JSON files and the AACT legacy XML fixtures, in file order. */
function readModernTrialTexts(keep: (trial: DemoTrialText) => boolean, records: string): DemoTrialText[] {
  const fromJson = v2JsonFiles(records).flatMap((file) => v2Studies(readGzipJson(join(records, file))).map(v2TrialText));
  const xmlFiles = readdirSync(join(records, AACT_XML_DIR)).filter((f) => f.endsWith('.xml')).sort();
  const fromXml = xmlFiles.map((f) => toTrialText(readFileSync(join(records, AACT_XML_DIR, f), 'utf8'), f.replace(/\.xml$/, '')));
  return [...fromJson, ...fromXml].filter((t): t is DemoTrialText => t !== null && keep(t));
}

/**
 * Streams the legacy XML tar and returns the trials `keep` accepts, sorted by NCT id (so a seeded draw does not depend
 * on the order of the tar members).
 */
/** Every `.xml` entry of a gzipped tar, in the tar's order, read by `read` (null skips it). */
export async function readTarXml<T>(tarPath: string, read: (xml: string, entryName: string) => T | null): Promise<T[]> {
  const found: T[] = [];
  const tar = extract();
  tar.on('entry', (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: unknown) => {
      chunks.push(chunk as Buffer);
    });
    stream.on('end', () => {
      if (header.name.endsWith('.xml')) {
        const item = read(Buffer.concat(chunks).toString('utf8'), header.name);
        if (item !== null) found.push(item);
      }
      next();
    });
    stream.resume();
  });
  const done = new Promise<void>((resolve, reject) => {
    tar.on('finish', resolve);
    tar.on('error', reject);
  });
  createReadStream(tarPath).pipe(createGunzip()).pipe(tar);
  await done;
  return found;
}

export async function readLegacyTrialTexts(
  keep: (trial: DemoTrialText) => boolean,
  tarPath: string = LEGACY_XML_TAR,
): Promise<DemoTrialText[]> {
  const found = await readTarXml(tarPath, (xml, name) => {
    const trial = toTrialText(xml, name);
    return trial && keep(trial) ? trial : null;
  });
  return found.sort((a, b) => a.nctId.localeCompare(b.nctId));
}

/**
 * Every bundled record's text that `keep` accepts, one per NCT id, sorted by id: the legacy XML tar first (so a trial
 * it holds reads exactly as `readLegacyTrialTexts` gives it, as the earlier labels were made from it), then, for ids
 * the tar lacks, the API v2 JSON files and the AACT legacy XML fixtures, the first record of an id winning.
 */
export async function readDemoTrialTexts(
  keep: (trial: DemoTrialText) => boolean,
  records: string = RECORDS,
): Promise<DemoTrialText[]> {
  const byId = new Map((await readLegacyTrialTexts(keep, join(records, LEGACY_XML_NAME))).map((t) => [t.nctId, t]));
  for (const trial of readModernTrialTexts(keep, records)) if (!byId.has(trial.nctId)) byId.set(trial.nctId, trial);
  return [...byId.values()].sort((a, b) => a.nctId.localeCompare(b.nctId));
}
