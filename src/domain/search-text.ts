import general from './vocab/spelling-variants.general.json' with { type: 'json' };
import medical from './vocab/spelling-variants.json' with { type: 'json' };

// General English pairs (generated from an npm data package) first, so the hand-made medical list wins on a clash.
const VARIANTS: ReadonlyMap<string, string> = new Map([
  ...Object.entries(general.variants),
  ...Object.entries(medical.variants),
]);

/** The longest free-text query we accept; longer is a clear 400 rather than a slow search. */
export const MAX_QUERY_LENGTH = 4096;

/**
 * Splits text into normalised search tokens: accents folded, lower-cased, letters and digits only,
 * British spellings mapped to American. Documents and queries both go through this, for every backend.
 */
export function searchTokens(text: string): string[] {
  const words = foldAccents(text).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map((word) => VARIANTS.get(word) ?? word);
}

/** Pure ASCII text has no accents to fold: skipping NFKD there saves most of the cost of indexing. */
// eslint-disable-next-line no-control-regex -- the range deliberately starts at NUL: every ASCII character.
const ASCII = /^[\x00-\x7f]*$/;
const ASCII_WORD = /^[a-z0-9]+$/;

function foldAccents(text: string): string {
  return ASCII.test(text) ? text : text.normalize('NFKD').replace(/\p{M}+/gu, '');
}

/** A search token beside the word as written (accents folded, case kept), for rules where case carries meaning. */
export interface CasedToken {
  readonly token: string;
  readonly raw: string;
}

/**
 * The tokens of {@link searchTokens}, each with the word as written, so "ALL" (the leukaemia) can be told from
 * "all". The token sequence is exactly searchTokens(text) for ordinary text; a word that lower-cases into several
 * tokens keeps its raw form on each.
 */
export function casedSearchTokens(text: string): CasedToken[] {
  const words = foldAccents(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  const tokens: CasedToken[] = [];
  for (const raw of words) {
    const lower = raw.toLowerCase();
    // The common case, an ASCII word, is one token; anything else takes the general path.
    if (ASCII_WORD.test(lower)) tokens.push({ token: VARIANTS.get(lower) ?? lower, raw });
    else for (const token of searchTokens(raw)) tokens.push({ token, raw });
  }
  return tokens;
}

/** True when text has letters but none in lower case: "ALL" in a shouted title says nothing about leukaemia. */
export function isShouted(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

/** The dashes NEGATIVE_MARKERS ends with: a text without any cannot match it. */
const NEGATIVE_SIGN = /[-\u2212\u2013]/u;
/** Markers whose trailing minus sign means "negative" (elsewhere a trailing hyphen is usually "B- and T-cell"). */
const NEGATIVE_MARKERS = /\b(ph|abl1?|her2|erbb2|er|pr|hr|egfr|alk|flt3|kit|cd\d{1,3}[a-z]?|pd-?l1)[-\u2212\u2013](?![\p{L}\p{N}])/giu;

/**
 * Spells out the signs that tokenising would drop: "Ph+" becomes "Ph positive", "HER2-" becomes "HER2 negative".
 * searchTokens() itself keeps dropping them (its output is what every index already holds); query expansion and
 * the classifier call this first so that "Ph+" and "Ph-" are not the same word.
 */
export function spellOutSigns(text: string): string {
  // Most texts hold no sign at all; the tests first spare them three Unicode-aware scans (every text is read here).
  const positive = text.includes('+')
    ? text
        .replace(/(\p{L}[\p{L}\p{N}-]*)\s?\+(?=[^\p{L}\p{N}+]|$)/gu, '$1 positive ')
        .replace(/(\p{L}[\p{L}\p{N}-]*)\s?\+(?=[\p{L}\p{N}])/gu, '$1 positive ')
    : text;
  return NEGATIVE_SIGN.test(positive) ? positive.replace(NEGATIVE_MARKERS, '$1 negative ') : positive;
}

/** Text as the full-text index stores it: normalised tokens joined by spaces. */
export function indexText(parts: ReadonlyArray<string | null | undefined>): string {
  return parts
    .filter((part): part is string => typeof part === 'string' && part !== '')
    .map((part) => searchTokens(part).join(' '))
    .join(' \n ');
}

/**
 * A free-text query as plain values: every group must match; a group of several tokens is a phrase
 * (the user wrote it in double quotes). Nothing the user types is ever passed to a query language.
 */
export interface TextQuery {
  readonly groups: readonly (readonly string[])[];
}

/** Reads user text into a {@link TextQuery}; returns null when it holds no searchable word. */
export function parseTextQuery(raw: string): TextQuery | null {
  const groups: string[][] = [];
  const seen = new Set<string>();
  const add = (tokens: string[]): void => {
    const key = tokens.join(' ');
    if (tokens.length === 0 || seen.has(key)) return;
    seen.add(key);
    groups.push(tokens);
  };
  // Text between double quotes (straight or curly) is a phrase; an unclosed quote runs to the end.
  const pieces = raw.split(/["“”]/);
  pieces.forEach((piece, index) => {
    const tokens = searchTokens(piece);
    if (index % 2 === 1) add(tokens);
    else for (const token of tokens) add([token]);
  });
  return groups.length === 0 ? null : { groups };
}
