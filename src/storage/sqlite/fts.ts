/**
 * Compiles our query values into FTS5 MATCH expressions (https://sqlite.org/fts5.html#full_text_query_syntax).
 * Every token is re-normalised and double-quoted, so nothing a user typed is ever FTS5 syntax: `NEAR`, `*`, `^`,
 * `:` or a column name are just words, and a quote inside a token is escaped by doubling it.
 */
import type { ExpandedTextQuery } from '../../domain/query-expansion.ts';
import { phraseTokens, textClauses, type PhraseTokens } from '../shared/text-clauses.ts';

/** The FTS5 table's columns, in their order (migrations/0001-initial.ts). */
const FTS_COLUMNS = ['title', 'conditions', 'interventions_keywords', 'summary', 'eligibility'] as const;

/** FTS5 columns a filter can be restricted to. */
export type FtsColumn = (typeof FTS_COLUMNS)[number];

/**
 * bm25 weights in column order (title, conditions, interventions_keywords, summary, eligibility). The summary and
 * the eligibility criteria match but do not rank (docs/decisions/0008): what a trial is about is in its title,
 * conditions and treatments, and ranking from those alone lets PostgreSQL rank from a vector small enough to stay
 * in the row.
 */
export const BM25_WEIGHTS = [10, 10, 5, 0, 0] as const;

/** The columns that rank (weight above 0), as an FTS5 column filter. */
const RANKED_COLUMNS = `{${FTS_COLUMNS.filter((_, i) => BM25_WEIGHTS[i] !== 0).join(' ')}}`;

function quoted(token: string): string {
  return `"${token.replaceAll('"', '""')}"`;
}

/** A phrase: the tokens in order, joined by FTS5's `+`. */
function phrase(tokens: PhraseTokens): string {
  return tokens.map(quoted).join(' + ');
}

/**
 * Every clause must match anywhere, a clause by any of its phrases: `(("a" + "b") OR ("c")) AND (("d"))`; null when
 * the query holds no searchable word.
 */
export function textMatch(text: ExpandedTextQuery | null): string | null {
  const clauses = textClauses(text);
  if (clauses.length === 0) return null;
  const joiner = text?.match === 'any' ? ' OR ' : ' AND ';
  return clauses.map((clause) => `(${clause.map((p) => `(${phrase(p)})`).join(' OR ')})`).join(joiner);
}

/**
 * For a text of one clause of one phrase, that phrase within the ranking columns alone; null for any other text.
 * bm25 gives exactly 0 to a match in the unranked columns alone, so only these matches need scoring, and for "cancer"
 * or "chemotherapy" they are a half to a third of all the matches at 500,000 trials. Scored this way the phrase's
 * inverse document frequency counts ranking-column matches, a constant factor for the one phrase: the order is the
 * same as scoring every match. With several phrases each would change by its own factor, so other texts are scored
 * whole.
 */
export function rankedColumnsMatch(text: ExpandedTextQuery | null): string | null {
  const clauses = textClauses(text);
  const only = clauses.length === 1 && clauses[0]?.length === 1 ? clauses[0][0] : undefined;
  return only === undefined ? null : `${RANKED_COLUMNS} : (${phrase(only)})`;
}

/**
 * Any of the values, each as a phrase within one column (`conditions : ("breast" + "cancer") OR ...`);
 * null when no value holds a searchable word.
 */
export function columnPhrasesMatch(column: FtsColumn, values: readonly string[]): string | null {
  const phrases = values.map((value) => phraseTokens([value])).filter((p) => p.length > 0);
  return phrases.length === 0 ? null : phrases.map((p) => `${column} : (${phrase(p)})`).join(' OR ');
}
