/**
 * Turns a patient description into a weighted BM25F query with the product's own domain modules: its words (in the
 * product's normalisation), the vocabulary concepts expandQuery finds sentence by sentence (each an OR of its
 * synonyms, boosted), and nothing the patient is said not to have ("denies smoking, diabetes").
 */
import { expandQuery } from '../../src/domain/query-expansion.ts';
import { searchTokens } from '../../src/domain/search-text.ts';
import { LUCENE_STOP_WORDS } from './bm25.ts';
import type { QueryTerm } from './bm25f.ts';

export interface PatientQueryConfig {
  /** Weight of each word of the description, per occurrence. */
  readonly wordWeight: number;
  /** Weight of each vocabulary concept named (its synonyms scored as one term). */
  readonly conceptWeight: number;
  /** Drop what follows a negation cue up to the end of its clause. */
  readonly dropNegated: boolean;
  /** Words of case-report narrative that say nothing about which trial fits. */
  readonly narrativeStopWords: readonly string[];
}

/** NegEx-style cues (Chapman et al. 2001), the commonest in admission notes. */
const NEGATION = /\b(denies|denied|no|not|without|negative for|free of|absence of|never)\b[^.;:]*/gi;

/** The description split into sentences and clauses that expandQuery can read one at a time. */
export function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.;!?])\s+|\n+/).map((sentence) => sentence.trim()).filter((sentence) => sentence !== '');
}

/** The description with negated clauses removed (when configured). */
export function affirmedText(text: string, config: Pick<PatientQueryConfig, 'dropNegated'>): string {
  return config.dropNegated ? text.replace(NEGATION, ' ') : text;
}

/** The concepts the vocabulary finds in the description: id and the phrases that name it, OR-ed. */
export function conceptsOf(text: string): { id: string; phrases: readonly (readonly string[])[] }[] {
  const found = new Map<string, readonly (readonly string[])[]>();
  for (const sentence of sentencesOf(text)) {
    for (const clause of expandQuery(sentence).clauses) {
      if (clause.concept !== null && !found.has(clause.concept)) found.set(clause.concept, clause.anyOf);
    }
  }
  return [...found].map(([id, phrases]) => ({ id, phrases }));
}

const stopSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** True for a token worth searching for: not a stop word, a narrative word or a bare number. */
export function isQueryWord(token: string, config: Pick<PatientQueryConfig, 'narrativeStopWords'>): boolean {
  let stop = stopSets.get(config.narrativeStopWords);
  if (stop === undefined) stopSets.set(config.narrativeStopWords, (stop = new Set([...LUCENE_STOP_WORDS, ...config.narrativeStopWords])));
  return !stop.has(token) && !/^\d+$/.test(token);
}

/** The weighted query terms for a patient description. */
export function patientQueryTerms(text: string, config: PatientQueryConfig): QueryTerm[] {
  const affirmed = affirmedText(text, config);
  const counts = new Map<string, number>();
  for (const token of searchTokens(affirmed)) {
    if (!isQueryWord(token, config)) continue;
    counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  const words: QueryTerm[] = [...counts].map(([token, n]) => ({ phrases: [[token]], weight: n * config.wordWeight }));
  const concepts: QueryTerm[] = config.conceptWeight === 0 ? [] : conceptsOf(affirmed).map((concept) => ({ phrases: concept.phrases, weight: config.conceptWeight }));
  return [...words, ...concepts];
}
