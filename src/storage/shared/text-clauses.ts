/**
 * The free text of a query as both adapters compile it: an AND of clauses, each an OR of phrases, each phrase a list
 * of normalised tokens. Tokens pass through searchTokens() again (idempotent on normalised tokens) so that a
 * hand-made query cannot smuggle punctuation, operators or an unnormalised spelling into FTS5 or tsquery syntax.
 */
import type { ExpandedTextQuery } from '../../domain/query-expansion.ts';
import { searchTokens } from '../../domain/search-text.ts';
import { conceptToken } from '../../domain/vocab/concept-tokens.ts';

/** A phrase: normalised tokens in order. */
export type PhraseTokens = readonly string[];

/** One clause: any of its phrases. Never empty. */
export type ClauseTokens = readonly PhraseTokens[];

/** A phrase's tokens, normalised; empty when it holds no searchable word. */
export function phraseTokens(tokens: readonly string[]): string[] {
  return tokens.flatMap((token) => searchTokens(token));
}

/**
 * The clauses with their phrases normalised. A clause that stands for a vocabulary concept is its concept token
 * alone (vocab/concept-tokens.ts): every document holding one of the concept's phrases holds it. A phrase with no
 * searchable word is dropped, and so is a clause left with no phrase (as a word of punctuation alone is no
 * condition); [] when nothing searchable is left.
 */
export function textClauses(text: ExpandedTextQuery | null): ClauseTokens[] {
  if (text === null) return [];
  return text.clauses
    .map((clause): PhraseTokens[] => {
      if (clause.concept !== null) return [[conceptToken(clause.concept)]];
      const phrases = clause.anyOf.map(phraseTokens).filter((phrase) => phrase.length > 0);
      return [...new Map(phrases.map((phrase) => [phrase.join(' '), phrase])).values()];
    })
    .filter((clause) => clause.length > 0);
}
