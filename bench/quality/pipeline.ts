/**
 * "pipeline": the product's cancer-aware ranking as the benchmark runs it until the product search reads patient
 * descriptions itself. A patient description becomes a weighted BM25F query (patient-query.ts) over the product's
 * full-text fields; trials whose age bounds exclude the patient, or open to the other sex only, are demoted (never
 * removed); trials of the patient's cancer type are boosted. Only product domain modules read the text.
 *
 * Every parameter is in PIPELINE_CONFIG, with the topic sets it was tuned on. Tuning used only TREC CT 2021 and the
 * SIGIR 2016 dev split; TREC CT 2023 and the SIGIR 2016 test split are held out.
 */
import { classifyCancerTypes } from '../../src/domain/classify/cancer-type.ts';
import type { Sex } from '../../src/domain/trial.ts';
import { rankByScore } from './bm25.ts';
import type { Bm25fParams, FieldedIndex, QueryTerm } from './bm25f.ts';
import { bm25fScores } from './bm25f.ts';
import { extractPatientFacts } from './patient-facts.ts';
import type { FeedbackConfig } from './feedback.ts';
import { feedbackTerms } from './feedback.ts';
import type { PatientQueryConfig } from './patient-query.ts';
import { affirmedText, isQueryWord, patientQueryTerms } from './patient-query.ts';
import type { TrialField } from './trial-fields.ts';

export interface PipelineConfig extends PatientQueryConfig, FeedbackConfig {
  readonly tunedOn: string;
  readonly bm25f: Bm25fParams<TrialField>;
  /** Score multiplier for a trial of the patient's most specific cancer type. */
  readonly cancerTypeBoost: number;
  /** Score multiplier for a trial whose age bounds exclude the patient. */
  readonly ageMismatch: number;
  /** Score multiplier for a trial open only to the other sex. */
  readonly sexMismatch: number;
}

export const PIPELINE_CONFIG: PipelineConfig = {
  tunedOn: 'TREC CT 2021 (official topics and qrels) and the SIGIR 2016 dev split (BIRCO, 9 queries)',
  bm25f: {
    k1: 1.2,
    fields: {
      title: { weight: 10, b: 0.75 },
      conditions: { weight: 10, b: 0.75 },
      interventions: { weight: 5, b: 0.75 },
      summary: { weight: 2, b: 0.75 },
      criteria: { weight: 1, b: 0.75 },
    },
  },
  wordWeight: 1,
  conceptWeight: 3,
  dropNegated: true,
  narrativeStopWords: ['patient', 'year', 'old', 'yo', 'presents', 'presented', 'history', 'man', 'woman', 'male', 'female', 'he', 'she', 'his', 'her', 'who', 'has', 'had', 'was', 'were', 'been', 'also', 'which', 'after', 'days', 'day', 'ago'],
  feedbackDocs: 10,
  feedbackTerms: 10,
  feedbackWeight: 6,
  cancerTypeBoost: 1.5,
  ageMismatch: 0.5,
  sexMismatch: 0.5,
};

/** What the pipeline knows of a trial beyond its text; nulls when the source does not say. */
export interface TrialFacts {
  readonly minAgeYears: number | null;
  readonly maxAgeYears: number | null;
  readonly sex: Sex | null;
  /** Most specific cancer types with ancestors, as classifyCancerTypes gives them. */
  readonly cancerTypes: ReadonlySet<string>;
}

export interface PipelineCorpus {
  readonly index: FieldedIndex<TrialField>;
  readonly facts: readonly TrialFacts[];
}

const NOT_A_TYPE = new Set(['not-cancer', 'other-cancer', 'blood-cancers', 'solid-tumours']);

/** The patient's named cancer types (no roots, no fallbacks). */
export function patientCancerTypes(text: string): Set<string> {
  const types = classifyCancerTypes({ conditions: [], briefTitle: text, officialTitle: null, keywords: [] });
  return new Set(types.map((type) => type.id).filter((id) => !NOT_A_TYPE.has(id)));
}

/** Does a trial's age range (a whole-year maximum admitting up to the next birthday) leave the patient out? */
function ageExcludes(facts: TrialFacts, age: number): boolean {
  if (facts.minAgeYears !== null && age < facts.minAgeYears) return true;
  if (facts.maxAgeYears === null) return false;
  const before = Number.isInteger(facts.maxAgeYears) ? facts.maxAgeYears + 1 : facts.maxAgeYears + 1 / 12;
  return age >= before;
}

export interface PipelineOptions {
  readonly limit: number;
  /** Rank only these documents (by index): a re-ranking pool. */
  readonly candidates?: ReadonlySet<number>;
  readonly config?: PipelineConfig;
}

/** First-pass scores with the patient's facts applied: demotions for age and sex, a boost for the cancer type. */
function scorePass(topicText: string, corpus: PipelineCorpus, terms: readonly QueryTerm[], config: PipelineConfig, candidates?: ReadonlySet<number>): Float64Array {
  const scores = bm25fScores(corpus.index, terms, config.bm25f, candidates);
  const patient = extractPatientFacts(topicText);
  const cancers = patientCancerTypes(affirmedText(topicText, config));
  corpus.facts.forEach((facts, doc) => {
    if (scores[doc] === 0) return;
    let factor = 1;
    if (patient.ageYears !== null && ageExcludes(facts, patient.ageYears)) factor *= config.ageMismatch;
    if (patient.sex !== null && facts.sex !== null && facts.sex !== 'all' && facts.sex !== patient.sex) factor *= config.sexMismatch;
    if ([...cancers].some((type) => facts.cancerTypes.has(type))) factor *= config.cancerTypeBoost;
    scores[doc] = scores[doc]! * factor;
  });
  return scores;
}

/** Trial ids for a patient description, best first; a second pass with feedback terms when configured. */
export function pipelineRank(topicText: string, corpus: PipelineCorpus, options: PipelineOptions): string[] {
  const config = options.config ?? PIPELINE_CONFIG;
  const ids = corpus.index.docs.map((doc) => doc.id);
  const terms = patientQueryTerms(topicText, config);
  let scores = scorePass(topicText, corpus, terms, config, options.candidates);
  if (config.feedbackDocs > 0) {
    const top = rankByScore(ids.map((_, doc) => String(doc)), scores, config.feedbackDocs, options.candidates)
      .map((doc) => ({ doc: Number(doc), score: scores[Number(doc)]! }))
      .filter((entry) => entry.score > 0);
    const skip = (token: string): boolean => !isQueryWord(token, config);
    scores = scorePass(topicText, corpus, [...terms, ...feedbackTerms(corpus.index, top, config, skip)], config, options.candidates);
  }
  return rankByScore(ids, scores, options.limit, options.candidates);
}
