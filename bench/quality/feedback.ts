/**
 * Pseudo-relevance feedback in the manner of RM3 (Abdul-Jaleel et al., TREC 2004; Pyserini's BM25+RM3 is the
 * stronger published TREC CT 2021 baseline): the words most typical of the best-ranked trials of a first pass are
 * added to the query, weighted by how typical they are. It mends the patient description's vocabulary gap with the
 * trials' own words ("chest pain" → "angina", "coronary").
 */
import type { FieldedIndex, QueryTerm } from './bm25f.ts';

export interface FeedbackConfig {
  /** How many top trials of the first pass to read; 0 turns feedback off. */
  readonly feedbackDocs: number;
  /** How many words to add. */
  readonly feedbackTerms: number;
  /** Total weight of the added words, shared in proportion to their relevance-model probability. */
  readonly feedbackWeight: number;
}

/**
 * Expansion terms from the top documents: P(w|R) ∝ Σ_D P(w|D) · score(D), with P(w|D) the word's share of D's
 * tokens (all fields); words in `skip` (stop words, numbers) are never added.
 */
export function feedbackTerms<F extends string>(
  index: FieldedIndex<F>,
  top: readonly { readonly doc: number; readonly score: number }[],
  config: FeedbackConfig,
  skip: (token: string) => boolean,
): QueryTerm[] {
  if (config.feedbackDocs === 0 || top.length === 0) return [];
  const total = top.reduce((sum, entry) => sum + entry.score, 0) || 1;
  const model = new Map<string, number>();
  for (const { doc, score } of top) {
    const tokens = index.fieldNames.flatMap((field) => index.docs[doc]!.fields[field]);
    if (tokens.length === 0) continue;
    const weight = score / total / tokens.length;
    for (const token of tokens) if (!skip(token)) model.set(token, (model.get(token) ?? 0) + weight);
  }
  const best = [...model].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, config.feedbackTerms);
  const mass = best.reduce((sum, [, p]) => sum + p, 0) || 1;
  return best.map(([token, p]) => ({ phrases: [[token]], weight: (config.feedbackWeight * p) / mass }));
}
