/**
 * Compiles our query values into FTS5 MATCH expressions (https://sqlite.org/fts5.html#full_text_query_syntax).
 * Every token is re-normalised and double-quoted, so nothing a user typed is ever FTS5 syntax: `NEAR`, `*`, `^`,
 * `:` or a column name are just words, and a quote inside a token is escaped by doubling it.
 */
import type { TextQuery } from '../../domain/search-text.ts';
import { searchTokens } from '../../domain/search-text.ts';

/** FTS5 columns a filter can be restricted to. */
export type FtsColumn = 'title' | 'conditions' | 'interventions_keywords' | 'summary' | 'eligibility';

/** bm25 weights in column order (title, conditions, interventions_keywords, summary, eligibility). */
export const BM25_WEIGHTS = [10, 10, 5, 2, 1] as const;

function quoted(token: string): string {
  return `"${token.replaceAll('"', '""')}"`;
}

/**
 * A phrase: the tokens in order, joined by FTS5's `+`. Tokens pass through searchTokens() again (idempotent on
 * normalised tokens) so that a hand-made TextQuery cannot smuggle punctuation or an unnormalised spelling in.
 */
function phrase(tokens: readonly string[]): string | null {
  const words = tokens.flatMap((token) => searchTokens(token));
  return words.length === 0 ? null : words.map(quoted).join(' + ');
}

/** Every group must match anywhere; null when the query holds no searchable word. */
export function textMatch(text: TextQuery | null): string | null {
  if (text === null) return null;
  const phrases = text.groups.map(phrase).filter((p): p is string => p !== null);
  return phrases.length === 0 ? null : phrases.map((p) => `(${p})`).join(' AND ');
}

/**
 * Any of the values, each as a phrase within one column (`conditions : ("breast" + "cancer") OR ...`);
 * null when no value holds a searchable word.
 */
export function columnPhrasesMatch(column: FtsColumn, values: readonly string[]): string | null {
  const phrases = values.map((value) => phrase([value])).filter((p): p is string => p !== null);
  return phrases.length === 0 ? null : phrases.map((p) => `${column} : (${p})`).join(' OR ');
}
