/**
 * System (3) of the TREC benchmark: the product's search as it is today (searchTrials over the SQLite store, FTS5
 * bm25 with weights 10/10/5/2/1), given the keyword query a user could type from the description: the vocabulary
 * concepts it names, each as a quoted phrase. The product ANDs every phrase, so a description naming several concepts
 * finds few trials or none; that gap is what this system shows. A questionnaire topic (TREC CT 2023) is searched by
 * its condition, the template ("type 2 diabetes"), as a user filling in that questionnaire would: its answers are
 * for eligibility, not for the search box, and ANDed they would find nothing.
 */
import { expandQuery } from '../../src/domain/query-expansion.ts';
import { EMPTY_QUERY, MAX_PAGE_SIZE } from '../../src/domain/query.ts';
import type { TrialStore } from '../../src/storage/store.ts';
import { affirmedText, sentencesOf } from './patient-query.ts';
import type { Topic } from './topics.read.ts';

/** The keyword query: each concept the description names (negated clauses dropped), as the words it was named by. */
export function productKeywordQuery(description: string): string | null {
  const seen = new Set<string>();
  const phrases: string[] = [];
  for (const sentence of sentencesOf(affirmedText(description, { dropNegated: true }))) {
    for (const clause of expandQuery(sentence).clauses) {
      if (clause.concept === null || seen.has(clause.concept)) continue;
      seen.add(clause.concept);
      phrases.push(`"${clause.text.replaceAll('"', '')}"`);
    }
  }
  return phrases.length === 0 ? null : phrases.join(' ');
}

/** The keyword query for a topic: a questionnaire's condition, else the description's concepts (null: none). */
export function topicKeywordQuery(topic: Topic): string | null {
  const template = topic.template?.trim() ?? '';
  return template !== '' ? template : productKeywordQuery(topic.text);
}

/** The product's first page of up to `limit` (at most 100) trial ids for the topic; [] when it names no concept. */
export async function productRank(store: TrialStore, topic: Topic, limit: number): Promise<string[]> {
  const q = topicKeywordQuery(topic);
  if (q === null) return [];
  const { searchTrials } = await import('../../src/search/search-trials.ts');
  // No postcode is searched, so the postcode table is empty.
  const result = await searchTrials({ store, postcodes: new Map() }, { ...EMPTY_QUERY, q, pageSize: Math.min(limit, MAX_PAGE_SIZE) });
  return result.trials.map((trial) => trial.id);
}
