/**
 * Finds concepts named in a run of tokens, longest match first: "acute lymphoblastic leukaemia" is one concept,
 * not three words; "Ph+ ALL" is Philadelphia-positive ALL, not "Ph+" and "ALL". Ambiguous abbreviations match on
 * the cased words, so "ALL" names the leukaemia and "all" does not.
 */
import type { CasedToken } from '../search-text.ts';
import type { Concept, Phrase } from './concepts.ts';
import { CONCEPTS } from './concepts.ts';
import { casedForm } from './token-pattern.ts';

interface Trigger {
  readonly phrase: Phrase;
  readonly concept: Concept;
  readonly cased: boolean;
}

/** A concept named by tokens [start, end). */
export interface ConceptMatch {
  readonly concept: Concept;
  readonly start: number;
  readonly end: number;
  /** True when it was named by an ambiguous abbreviation in capitals. */
  readonly cased: boolean;
}

function indexTriggers(concepts: readonly Concept[]): Map<string, Trigger[]> {
  const byFirst = new Map<string, Trigger[]>();
  const add = (trigger: Trigger): void => {
    const key = `${trigger.cased ? 'C' : 'N'}:${trigger.phrase[0] ?? ''}`;
    byFirst.set(key, [...(byFirst.get(key) ?? []), trigger]);
  };
  for (const concept of concepts) {
    for (const phrase of concept.phrases) add({ phrase, concept, cased: false });
    for (const phrase of concept.ambiguous) add({ phrase, concept, cased: true });
  }
  return byFirst;
}

const TRIGGERS = indexTriggers(CONCEPTS);

function startsWith(words: readonly string[], at: number, phrase: Phrase): boolean {
  return phrase.every((word, offset) => words[at + offset] === word);
}

/** Callers scan every position of one token list: derive its words once per list, not once per position. */
const WORDS = new WeakMap<readonly CasedToken[], readonly string[]>();

function wordsOf(tokens: readonly CasedToken[]): readonly string[] {
  let words = WORDS.get(tokens);
  if (words === undefined) {
    words = tokens.map((t) => t.token);
    WORDS.set(tokens, words);
  }
  return words;
}

/**
 * The longest concept named at a position, or null. `casedWords` is null when case says nothing (a query or
 * title in capitals throughout): then ambiguous abbreviations never match.
 */
export function conceptAt(tokens: readonly CasedToken[], at: number, casedWords: readonly string[] | null): ConceptMatch | null {
  const words = wordsOf(tokens);
  const plain = longestAt(TRIGGERS.get(`N:${words[at] ?? ''}`), words, at, null);
  return casedWords === null ? plain : longestAt(TRIGGERS.get(`C:${casedWords[at] ?? ''}`), casedWords, at, plain);
}

/** The longest of `triggers` that starts at `at` in `against`, if longer than `best`. (No closures: this is hot.) */
function longestAt(
  triggers: readonly Trigger[] | undefined,
  against: readonly string[],
  at: number,
  best: ConceptMatch | null,
): ConceptMatch | null {
  let found = best;
  for (const trigger of triggers ?? []) {
    const end = at + trigger.phrase.length;
    if (startsWith(against, at, trigger.phrase) && (found === null || end > found.end)) {
      found = { concept: trigger.concept, start: at, end, cased: trigger.cased };
    }
  }
  return found;
}

/** True when an ambiguous abbreviation in capitals can start at this cased word (cheap test before conceptAt). */
export function startsCasedConcept(casedWord: string | undefined): boolean {
  return casedWord !== undefined && TRIGGERS.has(`C:${casedWord}`);
}

/** The cased forms of the tokens, or null when the text is in capitals throughout. */
export function casedWordsOf(tokens: readonly CasedToken[], shouted: boolean): string[] | null {
  return shouted ? null : tokens.map((t) => casedForm(t.raw));
}

/** The concept with this id (a synonym group id, or `drug:<name>`). */
export function conceptById(id: string): Concept | undefined {
  return CONCEPTS.find((concept) => concept.id === id);
}
