import { createReadStream } from 'node:fs';
import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { extract as tarExtract } from 'tar-stream';
import { InvalidInput } from '../domain/errors.ts';
import type { ParseOutcome } from '../domain/trial.ts';
import { parseCtgovXml } from './ctgov-xml.parse.ts';

/**
 * The largest document we read into memory. Real `clinical_study` files with results reach about 1 MB
 * (NCT02465060, NCI-MATCH: 0.76 MB); anything far beyond is not a CT.gov record and is reported, not read.
 */
const MAX_RECORD_BYTES = 64 * 1024 * 1024;

const isXmlName = (name: string): boolean => name.toLowerCase().endsWith('.xml');
const isArchiveName = (name: string): boolean => /\.(tar\.gz|tgz)$/i.test(name);

/**
 * Reads ClinicalTrials.gov legacy XML records (public.xsd `clinical_study`, one per file, as in AllPublicXML)
 * from one .xml file, a folder (every *.xml below it, in name order so imports are repeatable) or a
 * .tar.gz / .tgz archive, which is streamed entry by entry so memory stays flat however large it is.
 *
 * Bad records come out as record errors naming the file or archive member. A truncated or corrupt archive
 * yields the records before the break, then one error for the archive. Throws InvalidInput (on first
 * iteration) when nothing is at `path` or it is a file of another kind.
 */
export function readXmlRecords(path: string): AsyncIterable<ParseOutcome> {
  return readPath(path);
}

async function* readPath(path: string): AsyncGenerator<ParseOutcome> {
  const info = await stat(path).catch(() => null);
  if (info === null) throw new InvalidInput(`No file or folder at ${path}.`, 'path');
  if (info.isDirectory()) {
    for await (const file of xmlFilesUnder(path)) yield await readXmlFile(file);
  } else if (isArchiveName(path)) {
    yield* readArchive(path);
  } else if (isXmlName(path)) {
    yield await readXmlFile(path);
  } else {
    throw new InvalidInput(`${path} is not an .xml file, a folder or a .tar.gz / .tgz archive.`, 'path');
  }
}

async function* xmlFilesUnder(dir: string): AsyncGenerator<string> {
  const entries: Dirent[] = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* xmlFilesUnder(path);
    else if (entry.isFile() && isXmlName(entry.name)) yield path;
  }
}

async function readXmlFile(path: string): Promise<ParseOutcome> {
  const { size } = await stat(path);
  if (size > MAX_RECORD_BYTES) return tooLarge(path, size);
  return parseCtgovXml(await readFile(path, 'utf8'), path);
}

function tooLarge(position: string, size: number): ParseOutcome {
  const reason = `${size} bytes is more than the ${MAX_RECORD_BYTES} a clinical_study document may have`;
  return { ok: false, error: { recordId: position, field: '(document)', reason } };
}

/**
 * Streams file → gunzip → tar. Each entry is read and parsed as it arrives and the next is not pulled until
 * the consumer asks, so backpressure reaches the file read. Errors anywhere in the chain end the loop.
 */
async function* readArchive(path: string): AsyncGenerator<ParseOutcome> {
  const file = createReadStream(path);
  const gunzip = createGunzip();
  const extract = tarExtract();
  const stop = (error: Error): void => {
    extract.destroy(error);
  };
  file.on('error', stop);
  gunzip.on('error', stop);
  file.pipe(gunzip).pipe(extract);
  let records = 0;
  let failure: unknown = null;
  try {
    for await (const entry of extract) {
      const { name, type, size } = entry.header;
      if (type !== 'file' || !isXmlName(name)) {
        entry.resume();
        continue;
      }
      const position = `${path}:${name}`;
      if (size > MAX_RECORD_BYTES) {
        entry.resume();
        records += 1;
        yield tooLarge(position, size);
        continue;
      }
      const xml = await readEntry(entry, name, size);
      records += 1;
      yield parseCtgovXml(xml, position);
    }
  } catch (error) {
    failure = error;
  } finally {
    file.destroy();
    gunzip.destroy();
    extract.destroy();
  }
  if (failure !== null) {
    const message = failure instanceof Error ? failure.message : 'unknown error';
    const reason = `the archive is truncated or corrupt after ${records} records: ${message}`;
    yield { ok: false, error: { recordId: path, field: '(archive)', reason } };
  }
}

/** An entry's bytes as text; an entry that ends short (the archive broke inside it) is an archive error. */
async function readEntry(entry: AsyncIterable<unknown>, name: string, size: number): Promise<string> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of entry) {
    if (!(chunk instanceof Uint8Array)) throw new Error(`member ${name} gave no bytes`);
    chunks.push(chunk);
    length += chunk.length;
  }
  if (length !== size) throw new Error(`member ${name} ends after ${length} of ${size} bytes`);
  return Buffer.concat(chunks, length).toString('utf8');
}
