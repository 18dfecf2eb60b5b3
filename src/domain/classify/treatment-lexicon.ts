/**
 * Phrase matching over normalised words, for the treatment vocabularies. A phrase is a run of whole words; a word
 * written "x*" matches any word starting with x and "*x" any word ending in x (drug-name stems such as "*tinib").
 * Words go through {@link searchTokens}, so "leukaemia" and "leukemia", "Ara-C" and "ara c" are the same.
 */
import { searchTokens } from '../search-text.ts';

type WordTest = { readonly exact: string } | { readonly prefix: string } | { readonly suffix: string };

interface Phrase {
  readonly words: readonly WordTest[];
  readonly stem: boolean;
}

/** A compiled list of phrases. */
export interface Lexicon {
  readonly byFirstWord: ReadonlyMap<string, readonly Phrase[]>;
  readonly stemFirst: readonly Phrase[];
}

/** Where a phrase matched: words [start, end) of the text. */
export interface PhraseMatch {
  readonly start: number;
  readonly end: number;
  /** True when some word matched by a stem rather than in full; exact matches win over stems. */
  readonly stem: boolean;
}

function compileWord(raw: string): WordTest[] {
  const starts = raw.startsWith('*');
  const ends = raw.endsWith('*') && !starts;
  const words = searchTokens(raw);
  if (words.length === 0) return [];
  if (starts) return [{ suffix: words.join('') }];
  if (ends) return [...words.slice(0, -1).map((exact) => ({ exact })), { prefix: words.at(-1) ?? '' }];
  return words.map((exact) => ({ exact }));
}

/** Compiles phrases written as in the vocabulary files. */
export function compileLexicon(phrases: readonly string[]): Lexicon {
  const byFirstWord = new Map<string, Phrase[]>();
  const stemFirst: Phrase[] = [];
  for (const text of phrases) {
    const words = text.split(/\s+/).flatMap(compileWord);
    const first = words[0];
    if (first === undefined) continue;
    const phrase = { words, stem: words.some((word) => !('exact' in word)) };
    if ('exact' in first) byFirstWord.set(first.exact, [...(byFirstWord.get(first.exact) ?? []), phrase]);
    else stemFirst.push(phrase);
  }
  return { byFirstWord, stemFirst };
}

function wordMatches(test: WordTest, word: string): boolean {
  if ('exact' in test) return word === test.exact;
  if ('prefix' in test) return word.length > test.prefix.length && word.startsWith(test.prefix);
  return word.length > test.suffix.length && word.endsWith(test.suffix);
}

function phraseAt(phrase: Phrase, words: readonly string[], start: number): boolean {
  if (start + phrase.words.length > words.length) return false;
  for (let offset = 0; offset < phrase.words.length; offset += 1) {
    const test = phrase.words[offset];
    if (test === undefined || !wordMatches(test, words[start + offset] ?? '')) return false;
  }
  return true;
}

/**
 * Every match in `words`, scanning left to right and taking the longest phrase at each position (an exact phrase
 * over a stem of the same length); the scan resumes after a match, so "stem cell transplantation" is one match,
 * not also "transplantation".
 */
export function findPhrases(lexicon: Lexicon, words: readonly string[]): PhraseMatch[] {
  const found: PhraseMatch[] = [];
  let index = 0;
  while (index < words.length) {
    const best = longestAt(lexicon.stemFirst, words, index, longestAt(lexicon.byFirstWord.get(words[index] ?? '') ?? [], words, index, null));
    if (best === null) index += 1;
    else {
      found.push(best);
      index = best.end;
    }
  }
  return found;
}

/** The longest of `phrases` at `index`, or `best` when none is longer (an exact phrase beats a stem of the same length). */
function longestAt(phrases: readonly Phrase[], words: readonly string[], index: number, best: PhraseMatch | null): PhraseMatch | null {
  for (const phrase of phrases) {
    if (!phraseAt(phrase, words, index)) continue;
    const end = index + phrase.words.length;
    if (best === null || end > best.end || (end === best.end && best.stem && !phrase.stem)) best = { start: index, end, stem: phrase.stem };
  }
  return best;
}

/** True when some phrase of the lexicon occurs anywhere in `words`. */
export function hasPhrase(lexicon: Lexicon, words: readonly string[]): boolean {
  return findPhrases(lexicon, words).length > 0;
}
