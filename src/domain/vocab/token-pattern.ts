/**
 * A tiny pattern language over normalised search tokens, so vocabularies can say "breast, then within two words
 * a cancer word" as data instead of listing every wording. Slots are separated by spaces:
 *
 * - `word` one token (written in any spelling: it goes through searchTokens, so `leukaemia` matches `leukemia`);
 * - `(a|b|c)` one of several tokens; `@name` one of a named set of tokens (see {@link TokenSets}), also inside `( )`;
 * - a `?` suffix makes a slot optional; `~N` skips up to N tokens;
 * - a leading `!word` (or `!(a|b)`) requires that the token just before the match is not that word
 *   (`!non small cell lung` matches "small cell lung" but not inside "non small cell lung");
 * - a leading `^` anchors the match at the first token (MeSH's inverted headings: "Leukemia, Lymphoid, Acute").
 */
import { searchTokens } from '../search-text.ts';

/** Named token sets a pattern refers to as `@name`. */
export type TokenSets = Readonly<Record<string, readonly string[]>>;

type Slot =
  | { readonly kind: 'word'; readonly words: ReadonlySet<string>; readonly optional: boolean }
  | { readonly kind: 'gap'; readonly max: number };

export interface TokenPattern {
  readonly source: string;
  readonly anchored: boolean;
  readonly notAfter: ReadonlySet<string>;
  /** Words of the first required slot: a text holding none of them cannot match (a cheap pre-check). */
  readonly firstRequired: ReadonlySet<string>;
  readonly slots: readonly Slot[];
}

/** A match: tokens [start, end). */
export interface TokenSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * How pattern words are read: `normalised` patterns match searchTokens() output; `cased` patterns match
 * {@link casedForm} of the words as written (for abbreviations whose meaning is in their capitals).
 */
export type PatternMode = 'normalised' | 'cased';

function oneToken(word: string, source: string, mode: PatternMode): string {
  if (/[()|~!^@?\s]/.test(word)) throw new Error(`Pattern "${source}": "${word}" is not one word (a space inside "( )"?).`);
  const tokens = mode === 'normalised' ? searchTokens(word) : [word.normalize('NFKD').replace(/\p{M}+/gu, '')];
  const [token] = tokens;
  if (tokens.length !== 1 || token === undefined || !/^[\p{L}\p{N}]+$/u.test(token)) {
    throw new Error(`Pattern "${source}": "${word}" is not one search token.`);
  }
  return token;
}

/** The tokens a slot accepts: `word`, `@set` or `(a|@set|b)`. */
function wordsOf(body: string, sets: TokenSets, source: string, mode: PatternMode): Set<string> {
  const inner = body.startsWith('(') && body.endsWith(')') ? body.slice(1, -1) : body;
  return new Set(
    inner.split('|').flatMap((word) => {
      if (!word.startsWith('@')) return [oneToken(word, source, mode)];
      const set = sets[word.slice(1)];
      if (set === undefined) throw new Error(`Pattern "${source}": unknown set ${word}.`);
      return set.map((member) => oneToken(member, source, mode));
    }),
  );
}

/** Compiles a pattern; throws on a malformed one, so a bad vocabulary fails its tests, not a search. */
export function compilePattern(source: string, sets: TokenSets = {}, mode: PatternMode = 'normalised'): TokenPattern {
  const parts = source.trim().split(/\s+/);
  const anchored = parts[0] === '^';
  if (anchored) parts.shift();
  let notAfter = new Set<string>();
  const head = parts[0];
  if (head?.startsWith('!') === true) {
    parts.shift();
    notAfter = wordsOf(head.slice(1), sets, source, mode);
  }
  const slots: Slot[] = parts.map((part) => {
    const gap = /^~(\d+)$/.exec(part);
    if (gap !== null) return { kind: 'gap', max: Number(gap[1]) };
    const optional = part.endsWith('?');
    return { kind: 'word', words: wordsOf(optional ? part.slice(0, -1) : part, sets, source, mode), optional };
  });
  const first = slots.find((slot) => slot.kind === 'word' && !slot.optional);
  if (first?.kind !== 'word') throw new Error(`Pattern "${source}" has no required word.`);
  return { source, anchored, notAfter, firstRequired: first.words, slots };
}

/** The end of a match of slots[i..] starting at token position, or -1. Backtracks over gaps and optional slots. */
function matchFrom(slots: readonly Slot[], i: number, tokens: readonly string[], position: number): number {
  const slot = slots[i];
  if (slot === undefined) return position;
  if (slot.kind === 'gap') {
    for (let skip = 0; skip <= slot.max && position + skip <= tokens.length; skip += 1) {
      const end = matchFrom(slots, i + 1, tokens, position + skip);
      if (end >= 0) return end;
    }
    return -1;
  }
  const token = tokens[position];
  if (token !== undefined && slot.words.has(token)) {
    const end = matchFrom(slots, i + 1, tokens, position + 1);
    if (end >= 0) return end;
  }
  return slot.optional ? matchFrom(slots, i + 1, tokens, position) : -1;
}

/** The distinct words of a token list, kept per list: every pattern of a vocabulary is tried on the same list. */
const WORD_SETS = new WeakMap<readonly string[], ReadonlySet<string>>();
// The list asked about last and its words: callers try pattern after pattern on one list, so most lookups stop here.
let lastTokens: readonly string[] | null = null;
let lastWords: ReadonlySet<string> = new Set();

function wordSetOf(tokens: readonly string[]): ReadonlySet<string> {
  if (tokens === lastTokens) return lastWords;
  let words = WORD_SETS.get(tokens);
  if (words === undefined) {
    words = new Set(tokens);
    WORD_SETS.set(tokens, words);
  }
  lastTokens = tokens;
  lastWords = words;
  return words;
}

/** True when the tokens hold a word the pattern needs (a cheap test before trying every start). */
function mayMatch(pattern: TokenPattern, tokens: readonly string[]): boolean {
  const words = wordSetOf(tokens);
  const [small, large] = pattern.firstRequired.size <= words.size ? [pattern.firstRequired, words] : [words, pattern.firstRequired];
  for (const word of small) if (large.has(word)) return true;
  return false;
}

/**
 * The first place at or after token `from` where the pattern matches, or null: for callers that want one match,
 * so no list is built (this runs for every pattern of a vocabulary on every text).
 */
export function nextMatch(pattern: TokenPattern, tokens: readonly string[], from = 0): TokenSpan | null {
  if (from === 0 ? !mayMatch(pattern, tokens) : from >= tokens.length) return null;
  const last = pattern.anchored ? Math.min(1, tokens.length) : tokens.length;
  for (let start = from; start < last; start += 1) {
    const before = tokens[start - 1];
    if (before !== undefined && pattern.notAfter.has(before)) continue;
    const end = matchFrom(pattern.slots, 0, tokens, start);
    if (end > start) return { start, end };
  }
  return null;
}

/** Every place the pattern matches in the tokens, left to right, one match per start. */
export function findPattern(pattern: TokenPattern, tokens: readonly string[]): TokenSpan[] {
  const spans: TokenSpan[] = [];
  for (let span = nextMatch(pattern, tokens); span !== null; span = nextMatch(pattern, tokens, span.start + 1)) spans.push(span);
  return spans;
}

/**
 * A word as written, for case-sensitive patterns: kept as it is when it has no lower-case letter ("ALL", "B",
 * "BCP"), lower-cased otherwise ("All", "Ph"), so a pattern says "must be capitals" by writing capitals.
 */
export function casedForm(raw: string): string {
  return /\p{Ll}/u.test(raw) ? raw.toLowerCase() : raw;
}
