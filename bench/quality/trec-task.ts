/**
 * The ad-hoc task behind trec.bench.ts: every topic searched over the whole corpus by each system, scored with
 * NDCG@k (gains 0/1/2), P@k and recall@100 over eligible trials, on topics with at least one judged trial the corpus
 * holds; unjudged trials count as not relevant.
 */
import { classifyCancerTypes } from '../../src/domain/classify/cancer-type.ts';
import type { Trial } from '../../src/domain/trial.ts';
import type { TrialStore } from '../../src/storage/store.ts';
import type { Bm25Index } from './bm25.ts';
import { bm25Scores, buildBm25Index, rankByScore, wordTokens } from './bm25.ts';
import { buildFieldedIndex } from './bm25f.ts';
import type { Judgements, Qrels } from './metrics.ts';
import { heldJudgements, meanOf, ndcgAt, precisionAt, recallAt } from './metrics.ts';
import type { PipelineConfig, PipelineCorpus } from './pipeline.ts';
import { PIPELINE_CONFIG, pipelineRank } from './pipeline.ts';
import { productRank } from './product-search.ts';
import type { Topic } from './topics.read.ts';
import { TRIAL_FIELDS, singleFieldText, trialFieldTokens } from './trial-fields.ts';

/** The depth every system ranks to: recall is measured at 100. */
export const RANK_DEPTH = 100;

export interface SearchCorpus {
  readonly ids: ReadonlySet<string>;
  readonly bm25: Bm25Index;
  readonly pipeline: PipelineCorpus;
  readonly store: TrialStore | null;
}

/** Indexes trials for plain BM25 (one field) and the pipeline (five fields and the trial's facts). */
export function searchCorpus(trials: readonly Trial[], store: TrialStore | null): SearchCorpus {
  const docs = trials.map((trial) => ({ id: trial.id, fields: trialFieldTokens(trial) }));
  const facts = trials.map((trial) => ({
    minAgeYears: trial.eligibility.minAgeYears,
    maxAgeYears: trial.eligibility.maxAgeYears,
    sex: trial.eligibility.sex,
    cancerTypes: new Set(classifyCancerTypes(trial).map((type) => type.id)),
    criteria: trial.eligibility.criteria,
  }));
  const bm25 = buildBm25Index(trials.map((trial) => ({ id: trial.id, tokens: wordTokens(singleFieldText(trial)) })));
  return {
    ids: new Set(trials.map((trial) => trial.id)),
    bm25,
    pipeline: { index: buildFieldedIndex(docs, TRIAL_FIELDS), facts, plain: bm25 },
    store,
  };
}

export interface TrecFigures {
  readonly system: string;
  readonly ndcg: number;
  /** NDCG with the ideal made of the judged trials the corpus holds: what a perfect ranker over it would reach. */
  readonly ndcgHeld: number;
  readonly precision: number;
  readonly recall: number;
  /** Topics for which the system returned no trial. */
  readonly empty: number;
}

export interface TrecResult {
  readonly topics: number;
  readonly qualifying: number;
  /** Qualifying topics with at least one eligible judged trial (the recall denominator's topics). */
  readonly withEligible: number;
  readonly systems: readonly TrecFigures[];
}

type Ranker = (topic: Topic) => Promise<string[]>;

/** Runs every system over every qualifying topic. */
export async function runTrec(corpus: SearchCorpus, topics: readonly Topic[], qrels: Qrels, k: number, config: PipelineConfig = PIPELINE_CONFIG): Promise<TrecResult> {
  const systems: [string, Ranker][] = [
    ['BM25 (k1 0.9, b 0.4)', (topic) => Promise.resolve(rankByScore(corpus.bm25.ids, bm25Scores(corpus.bm25, wordTokens(topic.text)), RANK_DEPTH))],
    ['pipeline', (topic) => Promise.resolve(pipelineRank(topic, corpus.pipeline, { limit: RANK_DEPTH, config }))],
  ];
  const store = corpus.store;
  if (store !== null) systems.push(['product search (SQLite FTS: AND of concepts; a questionnaire by its condition)', (topic) => productRank(store, topic, RANK_DEPTH)]);
  const judged = topics
    .map((topic) => ({ topic, judgements: qrels.get(topic.id) }))
    .filter((entry): entry is { topic: Topic; judgements: Judgements } => entry.judgements !== undefined)
    .filter((entry) => [...entry.judgements.keys()].some((id) => corpus.ids.has(id)));
  const figures: TrecFigures[] = [];
  for (const [system, rank] of systems) {
    const ndcg: number[] = [];
    const ndcgHeld: number[] = [];
    const precision: number[] = [];
    const recall: (number | null)[] = [];
    let empty = 0;
    for (const { topic, judgements } of judged) {
      const ranking = await rank(topic);
      if (ranking.length === 0) empty += 1;
      ndcg.push(ndcgAt(ranking, judgements, k));
      ndcgHeld.push(ndcgAt(ranking, heldJudgements(judgements, (id) => corpus.ids.has(id)), k));
      precision.push(precisionAt(ranking, judgements, k));
      recall.push(recallAt(ranking, judgements, RANK_DEPTH));
    }
    figures.push({ system, ndcg: meanOf(ndcg), ndcgHeld: meanOf(ndcgHeld), precision: meanOf(precision), recall: meanOf(recall), empty });
  }
  const withEligible = judged.filter(({ judgements }) => [...judgements.values()].some((label) => label >= 2)).length;
  return { topics: topics.length, qualifying: judged.length, withEligible, systems: figures };
}
