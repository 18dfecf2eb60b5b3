/**
 * Compiles our query values into tsquery text (https://www.postgresql.org/docs/15/datatype-textsearch.html#DATATYPE-TSQUERY),
 * passed as a bound parameter and cast with ::tsquery, never spliced into SQL. Every token is re-normalised by
 * searchTokens() and quoted as a lexeme, so nothing a user typed is ever tsquery syntax: `!`, `|`, `:*` or `<->`
 * are just characters of a word, and a word of letters and digits cannot even contain them.
 * Matching mirrors sqlite/fts.ts: every group must match anywhere; a group of several words is a phrase (`<->`).
 */
import type { TextQuery } from '../../domain/search-text.ts';
import { searchTokens } from '../../domain/search-text.ts';
import { isIndexable, quotedLexeme } from './tsvector.ts';

/** What a text filter compiles to: no filter, a filter nothing can pass, or a tsquery. */
export type CompiledText =
  | { readonly kind: 'none' }
  | { readonly kind: 'never' }
  /** `tsquery` matches; `groups` holds each group's own tsquery, for ranking group by group. */
  | { readonly kind: 'match'; readonly tsquery: string; readonly groups: readonly string[] };

const NONE: CompiledText = { kind: 'none' };
const NEVER: CompiledText = { kind: 'never' };

/**
 * A phrase as tsquery text; null when it holds no searchable word; false when one of its words is too long to be
 * indexed (no document can hold it; SQLite would index such a word, but no real record has one).
 */
function phrase(tokens: readonly string[]): string | null | false {
  const words = tokens.flatMap((token) => searchTokens(token));
  if (words.length === 0) return null;
  if (!words.every(isIndexable)) return false;
  return words.map(quotedLexeme).join(' <-> ');
}

/** Every group must match anywhere in the document. */
export function textTsQuery(text: TextQuery | null): CompiledText {
  if (text === null) return NONE;
  const phrases = text.groups.map(phrase).filter((p): p is string | false => p !== null);
  if (phrases.length === 0) return NONE;
  if (phrases.includes(false)) return NEVER;
  const groups = phrases.filter((p): p is string => p !== false);
  return { kind: 'match', tsquery: groups.map((p) => `(${p})`).join(' & '), groups };
}

/**
 * Any of the values, each as a phrase within one field's vector. Values with no searchable word are dropped; when
 * none is left the filter matches nothing (never everything), as in SQLite.
 */
export function anyPhraseTsQuery(values: readonly string[]): CompiledText {
  const phrases = values
    .map((value) => phrase([value]))
    .filter((p): p is string => typeof p === 'string');
  return phrases.length === 0 ? NEVER : { kind: 'match', tsquery: phrases.map((p) => `(${p})`).join(' | '), groups: phrases };
}
