// Readers for the bundled records the dev3 set was drawn from (data/demo/records): the legacy XML tar, the API v2
// JSON files and the AACT fixtures. Shared by draw.ts and check.ts, so both see the same words. No Trialfinder importer
// and nothing under src/domain/eligibility is used: the code the labels judge must not shape their input.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decode, elements, LEGACY_XML_TAR as LEGACY_TAR, readGzipJson, readTarXml, v2JsonFiles, v2Studies } from '../demo-texts.ts';

const RECORDS = 'data/demo/records';

export interface Candidate {
  readonly nctId: string;
  readonly source: string;
  readonly about: string;
  readonly criteria: string;
  readonly sex: string;
  readonly minimumAge: string;
  readonly maximumAge: string;
}

/** The decoded, trimmed contents of every `<tag>` element. */
const all = (xml: string, tag: string): string[] => elements(xml, tag).map((text) => text.trim());

function fromXml(xml: string, source: string): Candidate | null {
  const block = /<criteria>\s*<textblock>([\s\S]*?)<\/textblock>/.exec(xml);
  if (!block) return null;
  return {
    nctId: all(xml, 'nct_id')[0] ?? '',
    source,
    about: [...all(xml, 'brief_title'), ...all(xml, 'condition')].join(' | '),
    criteria: decode(block[1] ?? ''),
    sex: all(xml, 'gender')[0] ?? '',
    minimumAge: all(xml, 'minimum_age')[0] ?? 'N/A',
    maximumAge: all(xml, 'maximum_age')[0] ?? 'N/A',
  };
}

/** A string field of a parsed JSON object, or the fallback when it is missing or not a string. */
function text(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function fromV2(study: unknown, source: string): Candidate | null {
  const p = (study as { protocolSection?: Record<string, Record<string, unknown> | undefined> }).protocolSection;
  const eligibility = p?.eligibilityModule;
  if (!p || typeof eligibility?.eligibilityCriteria !== 'string') return null;
  const conditions = (p.conditionsModule?.conditions as string[] | undefined) ?? [];
  return {
    nctId: text(p.identificationModule?.nctId, ''),
    source,
    about: [text(p.identificationModule?.briefTitle, ''), ...conditions].join(' | '),
    criteria: eligibility.eligibilityCriteria,
    sex: text(eligibility.sex, ''),
    minimumAge: text(eligibility.minimumAge, 'N/A'),
    maximumAge: text(eligibility.maximumAge, 'N/A'),
  };
}

export function admitsAdults(c: Candidate): boolean {
  const max = /^(\d+) Years?$/i.exec(c.maximumAge);
  return max === null ? !/(Months?|Weeks?|Days?)$/i.test(c.maximumAge) : Number(max[1]) >= 18;
}

export function sexAll(c: Candidate): boolean {
  return /^all$/i.test(c.sex);
}

export function modernRecords(): Candidate[] {
  const out: Candidate[] = [];
  for (const file of v2JsonFiles(RECORDS)) {
    for (const study of v2Studies(readGzipJson(join(RECORDS, file)))) {
      const c = fromV2(study, file);
      if (c) out.push(c);
    }
  }
  for (const file of readdirSync(join(RECORDS, 'aact-fixtures-legacy-xml'))) {
    const c = fromXml(readFileSync(join(RECORDS, 'aact-fixtures-legacy-xml', file), 'utf8'), `aact-fixtures-legacy-xml/${file}`);
    if (c) out.push(c);
  }
  return out;
}

export async function legacyRecords(): Promise<Candidate[]> {
  return readTarXml(LEGACY_TAR, (xml) => fromXml(xml, 'ctgov-legacy-xml_2023-02-03.tar.gz'));
}

