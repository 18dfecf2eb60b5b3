import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidInput } from '../domain/errors.ts';
import type { ParseOutcome } from '../domain/trial.ts';
import { readJsonRecords } from './json-records.read.ts';
import { readXmlRecords } from './xml-records.read.ts';

type Reader = (path: string) => AsyncIterable<ParseOutcome>;

/** Which reader takes a file, by its name: CT.gov legacy XML (one file or a tar.gz), or JSON in its forms. */
function readerFor(name: string): Reader | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.xml') || lower.endsWith('.tar.gz') || lower.endsWith('.tgz')) return readXmlRecords;
  if (/\.(json|jsonl|ndjson)(\.gz)?$/.test(lower)) return readJsonRecords;
  return null;
}

async function* filesUnder(dir: string): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (readerFor(entry.name) !== null) yield path;
  }
}

/**
 * Every source record under a path: a file of any supported format, or a folder of them (recursively, in
 * name order, so imports are repeatable). Throws InvalidInput for a path that does not exist or a file of
 * a format we do not read; bad records inside good files come out as per-record errors instead.
 */
export async function* readRecordsAt(path: string): AsyncGenerator<ParseOutcome> {
  const info = await stat(path).catch(() => null);
  if (info === null) throw new InvalidInput(`No file or folder at ${path}.`, 'path');
  if (info.isDirectory()) {
    for await (const file of filesUnder(path)) yield* (readerFor(file) as Reader)(file);
    return;
  }
  const reader = readerFor(path);
  if (reader === null) {
    throw new InvalidInput(
      `Cannot tell the format of ${path}: expected .json, .jsonl, .ndjson (optionally .gz), .xml, .tar.gz or .tgz.`,
      'path',
    );
  }
  yield* reader(path);
}
