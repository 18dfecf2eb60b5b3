/**
 * Lists of trigger phrases (negation-triggers.json) matched against a criterion's tokens. Phrases are written in
 * words and normalised like the text, so spelling and capitals do not matter.
 */
import { searchTokens } from '../search-text.ts';

export interface PhraseHit {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

/** Phrases indexed by their first word, longest first. */
export class PhraseList {
  private readonly byFirst = new Map<string, (readonly string[])[]>();

  constructor(phrases: readonly string[]) {
    for (const phrase of phrases) {
      const words = searchTokens(phrase);
      const first = words[0];
      if (first === undefined) throw new Error(`Empty trigger phrase "${phrase}".`);
      this.byFirst.set(first, [...(this.byFirst.get(first) ?? []), words]);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length);
  }

  /** The end of the longest phrase starting at `at`, or -1. */
  endAt(words: readonly string[], at: number): number {
    for (const phrase of this.byFirst.get(words[at] ?? '') ?? []) {
      if (phrase.every((word, k) => words[at + k] === word)) return at + phrase.length;
    }
    return -1;
  }

  /** Every place a phrase of the list occurs, left to right, not overlapping. */
  findAll(words: readonly string[]): PhraseHit[] {
    const hits: PhraseHit[] = [];
    for (let at = 0; at < words.length; at += 1) {
      const end = this.endAt(words, at);
      if (end > at) {
        hits.push({ start: at, end });
        at = end - 1;
      }
    }
    return hits;
  }

  /** True when any phrase of the list occurs. */
  occursIn(words: readonly string[]): boolean {
    for (let at = 0; at < words.length; at += 1) if (this.endAt(words, at) > at) return true;
    return false;
  }
}
