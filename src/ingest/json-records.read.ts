/**
 * Reads trial records from a JSON file of any shape the registries hand out, streaming, so memory stays flat
 * however large the file: one ClinicalTrials.gov API v2 study, a list of studies (the site's download), an API
 * page `{ "studies": [...], "nextPageToken": ... }`, NCI CTS API trials as a list or a response
 * `{ "total": N, "data": [...] }`, JSON lines of any of these, and gzip of all of them.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InvalidInput } from '../domain/errors.ts';
import type { ParseOutcome } from '../domain/trial.ts';
import { isJsonObject } from './json-fields.ts';
import { JsonRecordSplitter, jsonTokenBatches } from './json-records.tokens.ts';
import { parseTrialJson } from './trial-json.parse.ts';
import { recordError } from './trial-fields.ts';

export interface JsonRecordsOptions {
  /** Read as JSON lines whatever the content looks like (the file is named .jsonl or .ndjson). */
  readonly jsonLines?: boolean;
}

/**
 * How far ahead we read to find the end of the first line. A longer first line is read as a stream of
 * concatenated JSON values: the same records, but a broken line then ends the file instead of being skipped.
 */
const FIRST_LINE_LIMIT = 1024 * 1024;
const JSON_LINES_NAME = /\.(jsonl|ndjson)(\.gz)?$/i;

/**
 * Streams the trial records of a JSON file, each parsed to a trial or a per-record error. Bad content never
 * throws: invalid or truncated JSON yields the good records before the break, then one error whose recordId
 * is the path and position. A file that cannot be read (missing, a directory, unreadable) throws InvalidInput.
 */
export function readJsonRecords(path: string): AsyncIterable<ParseOutcome> {
  return readFile(path);
}

async function* readFile(path: string): AsyncGenerator<ParseOutcome, void, undefined> {
  const info = await stat(path).catch((error: unknown) => {
    throw new InvalidInput(`Cannot read ${path}: ${messageOf(error)}`, 'path');
  });
  if (!info.isFile()) throw new InvalidInput(`Cannot read ${path}: not a file`, 'path');
  const stream = createReadStream(path);
  try {
    yield* readJsonRecordsFromBytes(stream, path, { jsonLines: JSON_LINES_NAME.test(path) });
  } finally {
    stream.destroy();
  }
}

/**
 * Like {@link readJsonRecords} for bytes from anywhere (an HTTP body, a test): `origin` names the source in
 * error records. Gzip is recognised by its magic bytes, JSON lines by `options.jsonLines` or by a first line
 * that is a whole JSON object. An error thrown by `chunks` with a system call (I/O) is rethrown as InvalidInput.
 */
export async function* readJsonRecordsFromBytes(
  chunks: AsyncIterable<Uint8Array>,
  origin: string,
  options: JsonRecordsOptions = {},
): AsyncGenerator<ParseOutcome, void, undefined> {
  let raw: Peeked | null = null;
  let gunzipped: Peeked | null = null;
  const progress: Progress = { records: 0 };
  try {
    raw = await Peeked.open(chunks, (_chunk, total) => total >= 2);
    const isGzip = raw.head[0] === 0x1f && raw.head[1] === 0x8b;
    const bytes = isGzip ? gunzip(raw.all()) : raw.all();
    gunzipped = await Peeked.open(bytes, firstLineSniffer(FIRST_LINE_LIMIT));
    const jsonLines = options.jsonLines === true || startsWithJsonLine(gunzipped.head);
    const body = withoutByteOrderMark(gunzipped.all());
    yield* jsonLines ? readLines(body, origin, progress) : readStream(body, origin, progress);
  } catch (error) {
    if (isIoError(error)) throw new InvalidInput(`Cannot read ${origin}: ${messageOf(error)}`, 'path');
    if (!isZlibError(error)) throw error;
    yield breakError(origin, progress.records, `gzip data is corrupt or truncated (${messageOf(error)})`);
  } finally {
    await gunzipped?.close();
    await raw?.close();
  }
}

/** Records read so far, for naming the place where a file breaks. */
interface Progress {
  records: number;
}

/** Streams concatenated JSON through the token splitter. */
async function* readStream(
  bytes: AsyncIterable<Uint8Array>,
  origin: string,
  progress: Progress,
): AsyncGenerator<ParseOutcome> {
  const splitter = new JsonRecordSplitter();
  let before = 0;
  for await (const batch of jsonTokenBatches(bytes)) {
    for (const value of splitter.push(batch.tokens)) {
      progress.records += 1;
      yield parseSafely(value, `${origin} record #${progress.records}`);
    }
    if (batch.syntaxError !== null) {
      // Offsets count uncompressed bytes; the parser reports no finer position than the chunk it was reading.
      const where = `between bytes ${before} and ${batch.bytesRead}`;
      yield breakError(origin, progress.records, `not valid JSON ${where} (${batch.syntaxError})`);
      return;
    }
    before = batch.bytesRead;
  }
  if (splitter.incomplete) {
    yield breakError(origin, progress.records, 'the file ends in the middle of a JSON value (truncated?)');
  } else if (!splitter.sawValue) {
    yield recordError(origin, '(file)', 'the file is empty: it holds no JSON value');
  }
}

function breakError(origin: string, count: number, what: string): ParseOutcome {
  const position = count === 0 ? `${origin} before the first record` : `${origin} after record #${count}`;
  return recordError(position, '(file)', `${what}; records after this point were not read`);
}

/** JSON lines: one value per line, so a bad line is one error and reading goes on with the next. */
async function* readLines(
  bytes: AsyncIterable<Uint8Array>,
  origin: string,
  progress: Progress,
): AsyncGenerator<ParseOutcome> {
  let lineNumber = 0;
  let sawValue = false;
  for await (const line of linesOf(bytes)) {
    lineNumber += 1;
    const text = line.trim();
    if (text === '') continue;
    sawValue = true;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield recordError(`${origin} line ${lineNumber}`, '(file)', `not valid JSON (${messageOf(error)})`);
      continue;
    }
    const records = recordsOfValue(value);
    for (const [index, record] of records.entries()) {
      progress.records += 1;
      const line = `${origin} line ${lineNumber}`;
      yield parseSafely(record, records.length === 1 ? line : `${line} #${index + 1}`);
    }
  }
  if (!sawValue) yield recordError(origin, '(file)', 'the file is empty: it holds no JSON value');
}

/** The records a whole JSON value holds, by the same rules as the streaming splitter. */
function recordsOfValue(value: unknown): readonly unknown[] {
  if (Array.isArray(value)) return value as unknown[];
  if (isJsonObject(value)) {
    const lists = ['studies', 'data', 'trials'].map((key) => value[key]).filter((list) => Array.isArray(list));
    if (lists.length > 0) return lists.flat() as unknown[];
  }
  return [value];
}

/** The parsers never throw by design; this keeps a bug in one record from ending the whole file. */
function parseSafely(value: unknown, position: string): ParseOutcome {
  try {
    return parseTrialJson(value, position);
  } catch (error) {
    return recordError(position, '(record)', `could not be parsed: ${messageOf(error)}`);
  }
}

/** Lines as text, split at LF bytes (safe in UTF-8, where 0x0A is never part of another character). */
async function* linesOf(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let parts: Buffer[] = [];
  for await (const chunk of bytes) {
    const buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (let newline = buffer.indexOf(LINE_FEED); newline !== -1; newline = buffer.indexOf(LINE_FEED, start)) {
      parts.push(buffer.subarray(start, newline));
      yield Buffer.concat(parts).toString('utf8');
      parts = [];
      start = newline + 1;
    }
    if (start < buffer.length) parts.push(buffer.subarray(start));
  }
  if (parts.length > 0) yield Buffer.concat(parts).toString('utf8');
}

/** True when the first line is a complete JSON object: JSON lines, even without a .jsonl name. */
function startsWithJsonLine(head: Buffer): boolean {
  const newline = head.indexOf(LINE_FEED);
  if (newline === -1) return false;
  const first = head.subarray(0, newline).toString('utf8').replace(/^\uFEFF/, '').trim();
  if (!first.startsWith('{') || !first.endsWith('}')) return false;
  try {
    return isJsonObject(JSON.parse(first));
  } catch {
    return false;
  }
}

async function* withoutByteOrderMark(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let first = true;
  for await (const chunk of bytes) {
    if (first && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) yield chunk.subarray(3);
    else yield chunk;
    first = false;
  }
}

function gunzip(bytes: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  const inflater = createGunzip();
  // pipeline passes a source or inflater error to the inflater, whose iteration then throws it to us.
  pipeline(Readable.from(bytes, { objectMode: false }), inflater, () => undefined);
  return inflater;
}

/**
 * An async byte source whose first bytes have been read ahead (to sniff gzip or JSON lines) and are
 * replayed by `all()`. An error met while reading ahead is thrown by `all()` after the bytes read before it,
 * so the records before a break still come out. `close()` ends the source even if `all()` was never read.
 */
class Peeked {
  private constructor(
    readonly head: Buffer,
    private readonly iterator: AsyncIterator<Uint8Array>,
    private finished: boolean,
    private readonly failure: { readonly error: unknown } | null = null,
  ) {}

  /** Reads ahead until `enough(chunk, bytesSoFar)` holds for a chunk read, or the source ends. */
  static async open(
    source: AsyncIterable<Uint8Array>,
    enough: (chunk: Uint8Array, bytesSoFar: number) => boolean,
  ): Promise<Peeked> {
    const iterator = source[Symbol.asyncIterator]();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await iterator.next();
      } catch (error) {
        return new Peeked(Buffer.concat(chunks), iterator, true, { error });
      }
      if (next.done === true) return new Peeked(Buffer.concat(chunks), iterator, true);
      chunks.push(next.value);
      total += next.value.byteLength;
      if (enough(next.value, total)) return new Peeked(Buffer.concat(chunks), iterator, false);
    }
  }

  async *all(): AsyncGenerator<Uint8Array, void, undefined> {
    if (this.head.length > 0) yield this.head;
    if (this.failure !== null) throw this.failure.error;
    while (!this.finished) {
      const next = await this.iterator.next();
      if (next.done === true) this.finished = true;
      else yield next.value;
    }
  }

  async close(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    await this.iterator.return?.();
  }
}

/**
 * Decides, chunk by chunk, when enough is read to tell JSON lines: at once when the content starts with
 * anything but "{" (a list, a scalar), else at the end of the first line or at the look-ahead limit.
 */
function firstLineSniffer(limit: number): (chunk: Uint8Array, total: number) => boolean {
  let first: number | null = null;
  return (chunk, total) => {
    let from = 0;
    if (first === null) {
      from = chunk.findIndex((byte) => !SKIPPED_AT_START.has(byte));
      if (from === -1) return total >= limit;
      first = chunk[from] ?? null;
    }
    if (first !== OPEN_BRACE) return true;
    return chunk.indexOf(LINE_FEED, from) !== -1 || total >= limit;
  };
}

const OPEN_BRACE = 0x7b;
const LINE_FEED = 0x0a;
/** JSON whitespace and the UTF-8 byte order mark. */
const SKIPPED_AT_START: ReadonlySet<number> = new Set([0x20, 0x09, 0x0a, 0x0d, 0xef, 0xbb, 0xbf]);

/** Node reports file-system failures with the failing system call (open, read ...). */
function isIoError(error: unknown): boolean {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

/** zlib failures carry a Z_* code (Z_DATA_ERROR for corrupt data, Z_BUF_ERROR for a truncated file). */
function isZlibError(error: unknown): boolean {
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  return typeof code === 'string' && code.startsWith('Z_');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
