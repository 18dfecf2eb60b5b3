/**
 * Query expansion: the user's text becomes an AND of clauses, each clause an OR of phrases, so that "Gleevec"
 * finds records that say imatinib and "ALL" finds records that say acute lymphoblastic leukaemia.
 *
 * A clause is written as the phrases it means, and a quoted phrase still finds exactly what was typed. Adapters
 * search a concept's clause by its concept token (vocab/concept-tokens.ts), which every document holding one of
 * the clause's phrases carries: the same matches as the OR of phrases, as one index term. Two things the phrases
 * cannot see are what the index threw away: case ("ALL" vs "all") and signs ("Ph+" vs "Ph-");
 * {@link documentSynonymTokens} gives the adapters those few extra index-time tokens.
 *
 * "ALL" (and other ambiguous abbreviations such as MM) names the leukaemia only when written in capitals in a
 * query that is not in capitals throughout, or when it is the whole query ("all" alone). "all trials for all
 * ages" stays plain words. Qualified forms are synonyms in their own right whatever the case: "b-all", "t-all",
 * "ph+ all".
 */
import type { TextQuery } from './search-text.ts';
import { casedSearchTokens, isShouted, searchTokens, spellOutSigns } from './search-text.ts';
import { casedWordsOf, conceptAt, conceptById } from './vocab/concept-index.ts';
import { conceptSearchPhrases } from './vocab/concept-tokens.ts';
import type { Phrase } from './vocab/concepts.ts';

/** One clause: any of its phrases must match (a phrase is normalised tokens, in order). */
export interface ExpandedClause {
  readonly anyOf: readonly Phrase[];
  /** The concept it stands for (a synonym group id or `drug:<name>`), null for a plain word or quoted phrase. */
  readonly concept: string | null;
  /** The user's words it came from, for explaining the search and highlighting. */
  readonly text: string;
}

/**
 * A free-text query as plain values: every clause must match (or, with `match: 'any'`, at least one, ranked by how
 * well). Both backends can express it: SQLite FTS5 as `(("a" + "b") OR "c") AND (...)`, PostgreSQL as
 * `('a' <-> 'b' | 'c') & (...)`. No clause is ever empty.
 */
export interface ExpandedTextQuery {
  readonly clauses: readonly ExpandedClause[];
  /** `all` (the default): every clause must match. `any`: one is enough; trials matching more rank higher. */
  readonly match?: TextMatchMode;
}

export type TextMatchMode = 'all' | 'any';

/**
 * Past this many clauses a query reads as a description (a pasted letter, a patient's history) rather than a
 * search: requiring every word would find nothing, so such text matches any clause and relevance decides.
 */
export const LONG_QUERY_CLAUSES = 8;

/** The query as it should match: long descriptions become any-of, ranked; short searches keep every word. */
export function withMatchMode(query: ExpandedTextQuery): ExpandedTextQuery {
  return query.clauses.length > LONG_QUERY_CLAUSES ? { ...query, match: 'any' } : query;
}

/** The concept "all" alone stands for: a one-word query "all" on a cancer-trials site means the leukaemia. */
const LONE_ALL_CONCEPT = 'acute-lymphoblastic-leukaemia';

function conceptClause(id: string, text: string): ExpandedClause {
  const concept = conceptById(id);
  if (concept === undefined) throw new Error(`No concept ${id}.`);
  return { anyOf: conceptSearchPhrases(concept), concept: concept.id, text };
}

/** Clauses for unquoted text: concepts by longest match, other words one clause each. */
function freeTextClauses(text: string, shouted: boolean): ExpandedClause[] {
  const tokens = casedSearchTokens(spellOutSigns(text));
  const cased = casedWordsOf(tokens, shouted);
  const clauses: ExpandedClause[] = [];
  let next = 0;
  tokens.forEach((token, at) => {
    if (at < next) return;
    const match = conceptAt(tokens, at, cased);
    if (match === null) {
      clauses.push({ anyOf: [[token.token]], concept: null, text: token.raw });
      return;
    }
    const words = tokens.slice(match.start, match.end).map((t) => t.raw).join(' ');
    clauses.push(conceptClause(match.concept.id, words));
    next = match.end;
  });
  return clauses;
}

/** Reads user text into an {@link ExpandedTextQuery}; no clauses when it holds no searchable word. */
export function expandQuery(raw: string): ExpandedTextQuery {
  const words = searchTokens(raw);
  if (words.length === 1 && words[0] === 'all' && !/["“”]/.test(raw)) {
    return { clauses: [conceptClause(LONE_ALL_CONCEPT, raw.trim())] };
  }
  // A query in capitals throughout says nothing by its capitals ("ALL TRIALS FOR ALL"), unless it is one word ("MM").
  const shouted = isShouted(raw) && words.length > 1;
  const clauses: ExpandedClause[] = [];
  // Text between double quotes (straight or curly) is a literal phrase, as in parseTextQuery.
  raw.split(/["“”]/).forEach((piece, index) => {
    if (index % 2 === 0) clauses.push(...freeTextClauses(piece, shouted));
    else {
      const tokens = searchTokens(piece);
      if (tokens.length > 0) clauses.push({ anyOf: [tokens], concept: null, text: piece.trim() });
    }
  });
  const seen = new Set<string>();
  return {
    clauses: clauses.filter((clause) => {
      const key = clause.anyOf.map((p) => p.join(' ')).sort().join('|');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  };
}

/** A plain {@link TextQuery} as an expanded one (each group a one-phrase clause), so adapters need one compiler. */
export function fromTextQuery(query: TextQuery | null): ExpandedTextQuery {
  return { clauses: (query?.groups ?? []).map((group) => ({ anyOf: [group], concept: null, text: group.join(' ') })) };
}

export { documentSynonymTokens } from './vocab/document-synonyms.ts';
