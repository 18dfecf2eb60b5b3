/**
 * Streaming JSON, in two steps: stream-json's Parser turns bytes into tokens, and {@link JsonRecordSplitter}
 * turns tokens into record values, holding one record in memory at a time however big the file.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import Assembler from 'stream-json/Assembler.js';
import Parser from 'stream-json/Parser.js';

/** A stream-json token; with packed values only, `value` is set for keys, strings and numbers. */
export interface JsonToken {
  readonly name: string;
  readonly value?: string;
}

/** Tokens parsed from one chunk of input, and how far into the input the parser had got. */
export interface TokenBatch {
  readonly tokens: readonly JsonToken[];
  /** Bytes handed to the parser so far, this batch's chunk included. */
  readonly bytesRead: number;
  /** Set on the last batch when the input is not valid JSON (or ends mid-value). */
  readonly syntaxError: string | null;
}

/**
 * Parses concatenated JSON values (one value, or JSON lines, or values back to back) into token batches.
 * Tokens are collected as the parser emits them rather than read from its stream, because a stream that
 * fails drops what it had buffered, and the records before a break must still come out. A syntax error
 * ends the batches; errors of `chunks` itself (I/O, gzip) are thrown to the caller.
 */
export async function* jsonTokenBatches(
  chunks: AsyncIterable<Uint8Array>,
): AsyncGenerator<TokenBatch, void, undefined> {
  // jsonStreaming: several top-level values; streamValues false: whole strings and numbers, no chunk tokens.
  const parser = new Parser({ jsonStreaming: true, streamValues: false });
  let tokens: JsonToken[] = [];
  let failure: Error | null = null;
  let bytesRead = 0;
  parser.on('data', (token: JsonToken) => tokens.push(token));
  parser.on('error', (error: Error) => {
    failure ??= error;
  });
  const take = (): TokenBatch => {
    const batch = { tokens, bytesRead, syntaxError: failure?.message ?? null };
    tokens = [];
    return batch;
  };
  try {
    for await (const chunk of chunks) {
      bytesRead += chunk.length;
      await settled(parser, (done) => parser.write(chunk, done));
      yield take();
      if (failure !== null) return;
    }
    await settled(parser, (done) => parser.end(done));
    yield take();
  } finally {
    parser.destroy();
  }
}

/** Waits for a write or end to be processed (or to fail), then for the tokens it emitted to arrive. */
async function settled(parser: Parser, start: (done: () => void) => void): Promise<void> {
  await new Promise<void>((resolve) => {
    const finish = (): void => {
      parser.off('error', finish);
      resolve();
    };
    parser.once('error', finish);
    start(finish);
  });
  await nextTurn();
}

/** Keys under which API responses list their records: CT.gov v2 `studies`, NCI CTS v2 `data`, NCI v1 `trials`. */
const LIST_KEYS: ReadonlySet<string> = new Set(['studies', 'data', 'trials']);

const SCALARS: Readonly<Record<string, (token: JsonToken) => unknown>> = {
  stringValue: (token) => token.value,
  numberValue: (token) => Number(token.value),
  nullValue: () => null,
  trueValue: () => true,
  falseValue: () => false,
};

/**
 * Splits a token stream into records. A top-level list yields its elements; a top-level object whose
 * `studies` / `data` / `trials` member is a list (an API page) yields that list's elements and nothing else
 * of the object (nextPageToken, total); any other top-level value is itself a record. Several top-level
 * values (JSON lines) are split one after another.
 */
export class JsonRecordSplitter {
  /** Containers open around the current token, outside the record being assembled. */
  private depth = 0;
  /** The depth at which list elements are records (1 for a top-level list, 2 inside a page object). */
  private recordsAt: number | null = null;
  /** The record being assembled, when inside one. */
  private record: Assembler | null = null;
  /** The top-level object being assembled, when inside one (a record, or a page we discard). */
  private top: Assembler | null = null;
  private topKey: string | null = null;
  private topIsPage = false;
  /** Whether any token was seen: an input with none is empty. */
  sawValue = false;

  /** Feeds tokens, returning the records they completed. */
  push(tokens: readonly JsonToken[]): unknown[] {
    const records: unknown[] = [];
    for (const token of tokens) {
      const done = this.consume(token);
      if (done !== NOTHING) records.push(done.value);
    }
    return records;
  }

  /** True when the input stopped inside a value. */
  get incomplete(): boolean {
    return this.depth !== 0 || this.record !== null || this.top !== null;
  }

  private consume(token: JsonToken): typeof NOTHING | { value: unknown } {
    this.sawValue = true;
    const { name } = token;
    if (this.record !== null) {
      this.record.consume(token);
      if (!this.record.done) return NOTHING;
      const value: unknown = this.record.current;
      this.record = null;
      return { value };
    }
    if (this.recordsAt !== null && this.depth === this.recordsAt) {
      if (name === 'endArray') {
        this.depth -= 1;
        this.recordsAt = null;
        return NOTHING;
      }
      return this.startValue(token, (assembler) => (this.record = assembler));
    }
    if (this.top !== null) return this.consumeInTop(this.top, token);
    if (name === 'startArray') {
      this.depth = 1;
      this.recordsAt = 1;
      return NOTHING;
    }
    return this.startValue(token, (assembler) => {
      this.top = assembler;
      this.depth = 1;
    });
  }

  private consumeInTop(top: Assembler, token: JsonToken): typeof NOTHING | { value: unknown } {
    const { name } = token;
    if (this.depth === 1 && name === 'keyValue') this.topKey = token.value ?? null;
    if (this.depth === 1 && name === 'startArray' && this.topKey !== null && LIST_KEYS.has(this.topKey)) {
      this.depth = 2;
      this.recordsAt = 2;
      this.topIsPage = true;
      return NOTHING;
    }
    top.consume(token);
    if (name === 'startObject' || name === 'startArray') this.depth += 1;
    if (name === 'endObject' || name === 'endArray') this.depth -= 1;
    if (!top.done) return NOTHING;
    const isPage = this.topIsPage;
    this.top = null;
    this.topKey = null;
    this.topIsPage = false;
    return isPage ? NOTHING : { value: top.current as unknown };
  }

  /** A scalar is a complete value at once; a container starts an assembler handed to `hold`. */
  private startValue(token: JsonToken, hold: (assembler: Assembler) => void): typeof NOTHING | { value: unknown } {
    const scalar = SCALARS[token.name];
    if (scalar) return { value: scalar(token) };
    if (token.name !== 'startObject' && token.name !== 'startArray') return NOTHING;
    const assembler = new Assembler();
    assembler.consume(token);
    hold(assembler);
    return NOTHING;
  }
}

const NOTHING = Symbol('nothing');
