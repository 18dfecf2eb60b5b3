/**
 * The re-ranking task behind sigir-rerank.bench.ts: each topic's judged candidate pool ranked by plain BM25 and by
 * the pipeline over BIRCO's trial texts, with NDCG@k and P@k per system.
 */
import { classifyCancerTypes } from '../../src/domain/classify/cancer-type.ts';
import type { BircoTrial } from './birco.read.ts';
import type { Bm25Index } from './bm25.ts';
import { bm25Scores, buildBm25Index, rankByScore, wordTokens } from './bm25.ts';
import { buildFieldedIndex } from './bm25f.ts';
import type { Qrels } from './metrics.ts';
import { meanOf, ndcgAt, precisionAt } from './metrics.ts';
import type { PipelineConfig, PipelineCorpus } from './pipeline.ts';
import { PIPELINE_CONFIG, pipelineRank } from './pipeline.ts';
import type { Topic } from './topics.read.ts';
import { TRIAL_FIELDS, pipelineTokens } from './trial-fields.ts';

export interface RerankCorpus {
  readonly position: ReadonlyMap<string, number>;
  readonly bm25: Bm25Index;
  readonly pipeline: PipelineCorpus;
}

/** Both systems' indexes over BIRCO texts. The pipeline sees each text as the summary field; age and sex unknown. */
export function rerankCorpus(trials: readonly BircoTrial[]): RerankCorpus {
  const empty = (): string[] => [];
  const docs = trials.map((trial) => ({
    id: trial.id,
    fields: { title: empty(), conditions: empty(), interventions: empty(), summary: pipelineTokens(trial.text), inclusion: empty(), exclusion: empty() },
  }));
  const facts = trials.map((trial) => ({
    minAgeYears: null,
    maxAgeYears: null,
    sex: null,
    cancerTypes: new Set(classifyCancerTypes({ conditions: [], briefTitle: trial.text, officialTitle: null, keywords: [] }).map((t) => t.id)),
  }));
  return {
    position: new Map(trials.map((trial, index) => [trial.id, index])),
    bm25: buildBm25Index(trials.map((trial) => ({ id: trial.id, tokens: wordTokens(trial.text) }))),
    pipeline: { index: buildFieldedIndex(docs, TRIAL_FIELDS), facts },
  };
}

export interface SystemFigures {
  readonly system: string;
  readonly ndcg: number;
  readonly precision: number;
}

export interface RerankResult {
  readonly scored: number;
  /** Judged trials without a BIRCO text, left out of the pools. */
  readonly missing: number;
  readonly systems: readonly SystemFigures[];
}

/** Ranks every judged topic's pool with both systems and averages NDCG@k and P@k (eligible). */
export function runRerank(corpus: RerankCorpus, topics: readonly Topic[], qrels: Qrels, k: number, config: PipelineConfig = PIPELINE_CONFIG): RerankResult {
  const ndcg: number[][] = [[], []];
  const precision: number[][] = [[], []];
  let scored = 0;
  let missing = 0;
  for (const topic of topics) {
    const judgements = qrels.get(topic.id);
    if (judgements === undefined) continue;
    const pool = new Set<number>();
    for (const id of judgements.keys()) {
      const at = corpus.position.get(id);
      if (at === undefined) missing += 1;
      else pool.add(at);
    }
    if (pool.size === 0) continue;
    scored += 1;
    const rankings = [
      rankByScore(corpus.bm25.ids, bm25Scores(corpus.bm25, wordTokens(topic.text)), k, pool),
      pipelineRank(topic, corpus.pipeline, { limit: k, candidates: pool, config }),
    ];
    rankings.forEach((ranking, system) => {
      ndcg[system]!.push(ndcgAt(ranking, judgements, k));
      precision[system]!.push(precisionAt(ranking, judgements, k));
    });
  }
  const names = ['BM25 (k1 0.9, b 0.4)', 'pipeline'];
  return { scored, missing, systems: names.map((system, i) => ({ system, ndcg: meanOf(ndcg[i]!), precision: meanOf(precision[i]!) })) };
}
