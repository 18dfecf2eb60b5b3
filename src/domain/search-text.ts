import spelling from './vocab/spelling-variants.json' with { type: 'json' };

const VARIANTS: ReadonlyMap<string, string> = new Map(Object.entries(spelling.variants));

/** The longest free-text query we accept; longer is a clear 400 rather than a slow search. */
export const MAX_QUERY_LENGTH = 4096;

/**
 * Splits text into normalised search tokens: accents folded, lower-cased, letters and digits only,
 * British spellings mapped to American. Documents and queries both go through this, for every backend.
 */
export function searchTokens(text: string): string[] {
  const folded = text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  const words = folded.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map((word) => VARIANTS.get(word) ?? word);
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
