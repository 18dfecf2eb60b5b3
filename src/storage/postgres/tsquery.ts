/**
 * Compiles our query values into tsquery text (https://www.postgresql.org/docs/15/datatype-textsearch.html#DATATYPE-TSQUERY),
 * passed as a bound parameter and cast with ::tsquery, never spliced into SQL. Every token is re-normalised by
 * searchTokens() and quoted as a lexeme, so nothing a user typed is ever tsquery syntax: `!`, `|`, `:*` or `<->`
 * are just characters of a word, and a word of letters and digits cannot even contain them.
 * Matching mirrors sqlite/fts.ts: every clause must match anywhere, by any of its phrases (`|`); a phrase of several
 * words is `<->`: `( ('a' <-> 'b') | ('c') ) & ( ... )`.
 */
import type { ExpandedTextQuery } from '../../domain/query-expansion.ts';
import { phraseTokens, textClauses, type PhraseTokens } from '../shared/text-clauses.ts';
import { isIndexable, quotedLexeme } from './tsvector.ts';

/** What a text filter compiles to: no filter, a filter nothing can pass, or a tsquery. */
export type CompiledText =
  | { readonly kind: 'none' }
  | { readonly kind: 'never' }
  /**
   * `tsquery` matches; `groups` holds the tsquery of every phrase of every clause, for ranking phrase by phrase as
   * SQLite's bm25 scores each phrase of an OR as a term of its own; `anyWord` is any word of the groups, which a
   * document must hold for any group to rank it above 0. `clauses` holds each clause's phrases that can match, as
   * tokens, in the order `groups` lists them (word-postings.ts answers some from ready-made lists); `any` says whether
   * one clause is enough.
   */
  | {
      readonly kind: 'match';
      readonly tsquery: string;
      readonly groups: readonly string[];
      readonly anyWord: string;
      readonly clauses: readonly (readonly PhraseTokens[])[];
      readonly any: boolean;
    };

const NONE: CompiledText = { kind: 'none' };
const NEVER: CompiledText = { kind: 'never' };

/**
 * Whether a phrase can match: none of its words is too long to be indexed (no document can hold such a word; SQLite
 * would index it, but no real record has one).
 */
const indexable = (words: PhraseTokens): boolean => words.every(isIndexable);

/** An indexable phrase as tsquery text. */
const phraseText = (words: PhraseTokens): string => words.map(quotedLexeme).join(' <-> ');

/** A phrase as tsquery text, or null when it cannot match. */
function phrase(words: PhraseTokens): string | null {
  return indexable(words) ? phraseText(words) : null;
}

/** Every distinct word of the phrases, any of them: `'a' | 'b'`. */
function anyWordOf(phrases: readonly PhraseTokens[]): string {
  return [...new Set(phrases.flat())].map(quotedLexeme).join(' | ');
}

/** Any of the phrases, or null when none can match. */
function anyOf(phrases: readonly PhraseTokens[]): string | null {
  const compiled = phrases.map(phrase).filter((p): p is string => p !== null);
  return compiled.length === 0 ? null : compiled.map((p) => `(${p})`).join(' | ');
}

/** Every clause must match anywhere in the document, each by any of its phrases. */
export function textTsQuery(text: ExpandedTextQuery | null): CompiledText {
  const clauses = textClauses(text);
  if (clauses.length === 0) return NONE;
  const compiled = clauses.map(anyOf);
  const any = text?.match === 'any';
  // A clause no index can hold (null) can never match: fatal when every clause must, skipped when any may.
  if (!any && compiled.includes(null)) return NEVER;
  const matching = compiled.filter((g): g is string => g !== null);
  if (matching.length === 0) return NEVER;
  const kept = clauses.map((clause) => clause.filter(indexable)).filter((clause) => clause.length > 0);
  const ranked = kept.flat();
  return {
    kind: 'match',
    tsquery: matching.map((g) => `(${g})`).join(any ? ' | ' : ' & '),
    groups: ranked.map(phraseText),
    anyWord: anyWordOf(ranked),
    clauses: kept,
    any,
  };
}

/**
 * Any of the values, each as a phrase within one field's vector. Values with no searchable word are dropped; when
 * none is left the filter matches nothing (never everything), as in SQLite.
 */
export function anyPhraseTsQuery(values: readonly string[]): CompiledText {
  const phrases = values.map((value) => phraseTokens([value])).filter((p) => p.length > 0);
  const compiled = anyOf(phrases);
  if (compiled === null) return NEVER;
  const kept = phrases.filter(indexable);
  return { kind: 'match', tsquery: compiled, groups: [compiled], anyWord: anyWordOf(kept), clauses: [kept], any: false };
}
