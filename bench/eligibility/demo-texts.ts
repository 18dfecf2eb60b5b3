// Eligibility texts of the bundled CT.gov legacy XML records (data/demo/records), read straight from the tar, so the
// sampler and the bench see the very words the labels were made from. No Trialfinder importer is involved: the
// eligibility code under test must not shape its own test input.
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { extract } from 'tar-stream';

export const LEGACY_XML_TAR = 'data/demo/records/ctgov-legacy-xml_2023-02-03.tar.gz';

export interface LegacyTrialText {
  readonly nctId: string;
  /** Brief title and conditions, joined with " | ". */
  readonly about: string;
  /** `eligibility/criteria/textblock`, entities decoded, carriage returns dropped. */
  readonly criteria: string;
  /** `eligibility/maximum_age` in years; Infinity for "N/A" or missing. */
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

function toTrialText(xml: string, fallbackId: string): LegacyTrialText | null {
  const block = /<criteria>\s*<textblock>([\s\S]*?)<\/textblock>/.exec(xml);
  if (!block) return null;
  const maximum = /^(\d+) Years?$/.exec(elements(xml, 'maximum_age')[0] ?? '');
  return {
    nctId: elements(xml, 'nct_id')[0] ?? fallbackId,
    about: [...elements(xml, 'brief_title'), ...elements(xml, 'condition')].join(' | '),
    criteria: decode(block[1] ?? ''),
    maximumAge: maximum ? Number(maximum[1]) : Infinity,
  };
}

/**
 * Streams the legacy XML tar and returns the trials `keep` accepts, sorted by NCT id (so a seeded draw does not depend
 * on the order of the tar members).
 */
export async function readLegacyTrialTexts(
  keep: (trial: LegacyTrialText) => boolean,
  tarPath: string = LEGACY_XML_TAR,
): Promise<LegacyTrialText[]> {
  const found: LegacyTrialText[] = [];
  const tar = extract();
  tar.on('entry', (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: unknown) => {
      chunks.push(chunk as Buffer);
    });
    stream.on('end', () => {
      if (header.name.endsWith('.xml')) {
        const trial = toTrialText(Buffer.concat(chunks).toString('utf8'), header.name);
        if (trial && keep(trial)) found.push(trial);
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
  return found.sort((a, b) => a.nctId.localeCompare(b.nctId));
}
