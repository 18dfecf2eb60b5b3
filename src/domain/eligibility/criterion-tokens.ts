/**
 * The words of one criterion as the concept reader sees them: normalised like search text (searchTokens: case,
 * accents, British spellings), with punctuation kept as tokens of its own (it ends a negation's scope) and signs
 * spelled out ("Ph+" is "ph positive", "CD19-" is "cd19 negative", as spellOutSigns does for search). Each token
 * keeps where it stands in the text, so thresholds can be read from the words after a concept.
 */
import { searchTokens } from '../search-text.ts';
import { casedForm } from '../vocab/token-pattern.ts';

export interface Token {
  /** The normalised word, or the punctuation mark itself. */
  readonly word: string;
  /** The word as written with its capitals (see casedForm), for abbreviations such as "ALL". */
  readonly cased: string;
  readonly start: number;
  readonly end: number;
}

/** Markers whose trailing minus means "negative" (elsewhere a trailing hyphen is "B- and T-cell"). */
const NEGATABLE = /^(?:ph1?|abl1?|bcr|cd\d{1,3}[a-z]?|hiv\d?|hbv|hcv|hbsag|mrd|her2|er|pr|egfr|alk|flt3|kit|pdl1)$/i;

const TOKEN = /(\d+(?:,\d{3})*(?:\.\d+)?)|([\p{L}\p{N}]+)([+\u207a]|[-\u2212\u2013](?![\p{L}\p{N}]))?|([.;:,()]|[<>≤≥=]+)/gu;

/** Splits a criterion into tokens. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // "t(9;22)": a translocation's brackets are part of its name, read as "t 9 22".
  const translocations = [...text.matchAll(/\bt\(\d{1,2}[;:,]\s?\d{1,2}\)/gi)].map((m) => [m.index, m.index + m[0].length] as const);
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    const end = start + match[0].length;
    const [, number, word, sign, mark] = match;
    if (number !== undefined) tokens.push({ word: number, cased: number, start, end });
    else if (mark !== undefined) {
      if ((mark === '(' || mark === ')') && translocations.some(([from, to]) => start >= from && end <= to)) continue;
      // "t(8;21)", "e.g.", "2:1": a clause mark only counts before a space or the end.
      if (/^[.;:]$/.test(mark) && end < text.length && !/\s/.test(text.charAt(end))) continue;
      // "e.g. CLL", "i.e. AML": the full stop after a lone letter is an abbreviation's.
      if (mark === '.' && /(?:^|[^\p{L}])\p{L}$/u.test(text.slice(Math.max(0, start - 2), start))) continue;
      tokens.push({ word: mark, cased: mark, start, end });
    }
    else if (word !== undefined) {
      const lower = word.toLowerCase();
      const normal = /^[a-z0-9]+$/.test(lower) ? (searchTokens(lower)[0] ?? lower) : searchTokens(word).join('');
      tokens.push({ word: normal, cased: casedForm(word), start, end: start + word.length });
      if (sign === '+' || sign === '\u207a') tokens.push({ word: 'positive', cased: 'positive', start, end });
      else if (sign !== undefined && NEGATABLE.test(word)) tokens.push({ word: 'negative', cased: 'negative', start, end });
    }
  }
  return tokens;
}

/** Marks that end a clause: a negation's scope stops here. */
export const CLAUSE_ENDS: ReadonlySet<string> = new Set(['.', ';', ':']);

/** True when a token is punctuation or a comparison sign rather than a word or a number. */
export function isMark(token: Token): boolean {
  return !/^[\p{L}\p{N}]/u.test(token.word);
}
