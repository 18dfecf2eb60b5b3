/**
 * Ranking metrics as trec_eval computes them, for graded judgements (TREC Clinical Trials: 0 not relevant,
 * 1 excluded, 2 eligible). Unjudged trials count as not relevant; ideals and recall denominators come from every
 * judged trial of the topic, including those whose text we do not hold (trec_eval reads only the qrels).
 */

/** Judgements of one topic: trial id → label (0, 1 or 2). */
export type Judgements = ReadonlyMap<string, number>;
/** Judgements of every topic, by topic id. */
export type Qrels = ReadonlyMap<string, Judgements>;

/** The label at which a trial counts as relevant for P@k and recall: eligible (trec_eval `-l 2`). */
export const ELIGIBLE = 2;

/**
 * NDCG@k with the judgement label as gain (0/1/2) and the standard log2(rank + 1) discount; the ideal ranking is
 * every judged trial of the topic sorted by label. 0 when the topic has no trial with a positive label.
 */
export function ndcgAt(ranking: readonly string[], judgements: Judgements, k: number): number {
  const dcg = (gains: readonly number[]): number =>
    gains.slice(0, k).reduce((sum, gain, index) => sum + gain / Math.log2(index + 2), 0);
  const ideal = dcg([...judgements.values()].filter((label) => label > 0).sort((a, b) => b - a));
  if (ideal === 0) return 0;
  return dcg(ranking.map((id) => Math.max(0, judgements.get(id) ?? 0))) / ideal;
}

/** Precision at k over trials labelled at least `minLabel`; a ranking shorter than k still divides by k. */
export function precisionAt(ranking: readonly string[], judgements: Judgements, k: number, minLabel = ELIGIBLE): number {
  const hits = ranking.slice(0, k).filter((id) => (judgements.get(id) ?? 0) >= minLabel).length;
  return hits / k;
}

/**
 * Recall at k over trials labelled at least `minLabel`, the denominator being every such judged trial;
 * null when the topic has none (the topic is left out of the mean, as trec_eval does).
 */
export function recallAt(ranking: readonly string[], judgements: Judgements, k: number, minLabel = ELIGIBLE): number | null {
  const relevant = [...judgements.values()].filter((label) => label >= minLabel).length;
  if (relevant === 0) return null;
  const hits = ranking.slice(0, k).filter((id) => (judgements.get(id) ?? 0) >= minLabel).length;
  return hits / relevant;
}

/** The mean of the values that are numbers; NaN for none. */
export function meanOf(values: readonly (number | null)[]): number {
  const present = values.filter((value): value is number => value !== null);
  return present.length === 0 ? Number.NaN : present.reduce((sum, value) => sum + value, 0) / present.length;
}

/** Judgements restricted to the trials a corpus holds: the ideal a system over that corpus could reach. */
export function heldJudgements(judgements: Judgements, held: (id: string) => boolean): Judgements {
  return new Map([...judgements].filter(([id]) => held(id)));
}
