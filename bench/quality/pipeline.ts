/**
 * "pipeline": the product's cancer-aware ranking as the benchmark runs it until the product search reads patient
 * descriptions itself. A patient description becomes a weighted BM25F query (patient-query.ts: clauses weighed by
 * position and by whether they state a diagnosis, negations dropped, Porter stems, adjacent word pairs as phrases,
 * vocabulary concepts) over the product's full-text fields with the criteria split into inclusion and exclusion;
 * words that name conditions in the corpus weigh more; trials whose age bounds exclude the patient, open to the
 * other sex only, or whose exclusion criteria alone name the patient's diagnosis are demoted (never removed);
 * trials of the patient's cancer type are boosted; RM3-style feedback words are added in a second pass. A second
 * stage, when configured, reads the description into the product's eligibility profile and demotes the best-ranked
 * trials whose criteria rule the patient out (patient-eligibility.ts).
 *
 * Every parameter is in PIPELINE_CONFIG, with the topic sets it was tuned on: TREC CT 2021 and the SIGIR 2016 dev
 * split, and for the questionnaire overrides the odd-numbered TREC CT 2023 topics. The even-numbered TREC CT 2023
 * topics and the SIGIR 2016 test split are held out.
 */
import { classifyCancerTypes } from '../../src/domain/classify/cancer-type.ts';
import type { Sex } from '../../src/domain/trial.ts';
import type { Bm25Index } from './bm25.ts';
import { bm25Scores, rankByScore, wordTokens } from './bm25.ts';
import { trialsNamingCondition } from './condition-names.ts';
import type { Bm25fParams, FieldedIndex, QueryTerm } from './bm25f.ts';
import { bm25fScores, termFieldFrequencies } from './bm25f.ts';
import type { CriteriaSource } from './patient-eligibility.ts';
import { excludesPatient, patientProfile, profileSaysAnything } from './patient-eligibility.ts';
import { extractPatientFacts } from './patient-facts.ts';
import type { FeedbackConfig } from './feedback.ts';
import { feedbackTerms } from './feedback.ts';
import type { PatientQueryConfig, QueryConcept } from './patient-query.ts';
import { isQueryWord, patientQueryParts, weightedClauses } from './patient-query.ts';
import type { Topic } from './topics.read.ts';
import type { TrialField } from './trial-fields.ts';

export interface PipelineConfig extends PatientQueryConfig, FeedbackConfig {
  readonly tunedOn: string;
  /** The topic sets never used for tuning, scored only to report. */
  readonly heldOut: string;
  readonly bm25f: Bm25fParams<TrialField>;
  /**
   * γ in weight · (1 + γ · c), c being the share of the trials holding a query word that hold it in their title or
   * conditions: words that name conditions ("astrocytoma") outweigh narrative ones ("weakness", "admission").
   */
  readonly conditionPrior: number;
  /** Score multiplier for a trial of the patient's most specific cancer type. */
  readonly cancerTypeBoost: number;
  /** Score multiplier for a trial whose age bounds exclude the patient. */
  readonly ageMismatch: number;
  /** Score multiplier for a trial open only to the other sex. */
  readonly sexMismatch: number;
  /**
   * Score multiplier for a trial whose exclusion criteria name a concept of the patient's diagnosis clause that its
   * title, conditions and inclusion criteria do not name ("Exclusion: prior malignancy" for a cancer patient).
   */
  readonly exclusionMismatch: number;
  /**
   * Score multiplier for a trial, among the first stage's best `eligibilityDepth`, whose parsed criteria rule the
   * patient out (patient-eligibility.ts); 1: no eligibility stage.
   */
  readonly eligibilityMismatch: number;
  readonly eligibilityDepth: number;
  /**
   * Reciprocal-rank fusion (Cormack, Clarke & Büttcher 2009) of this configuration's ranking with those of the
   * variants listed (each a set of overrides, e.g. another query formulation): score Σ 1 / (fusionK + rank).
   * Empty: no fusion.
   */
  readonly fusion: readonly Partial<Omit<PipelineConfig, 'fusion' | 'tunedOn' | 'heldOut'>>[];
  readonly fusionK: number;
  /**
   * Weight, in the reciprocal-rank fusion, of plain single-field BM25 over the description as written (the
   * benchmark's baseline, `PipelineCorpus.plain`); 0: not fused.
   */
  readonly baselineFusion: number;
  /**
   * Questionnaire topics: score multiplier for a trial whose title and conditions do not name the questionnaire's
   * condition (its template's words, or a name of it from condition-names.ts); 1: no such demotion.
   */
  readonly conditionMismatch: number;
  /**
   * Overrides for questionnaire topics (TREC CT 2023: a template naming the condition and answered fields). Every
   * trial of the condition matches the template, so what ranks them is the answers: the condition clause is not
   * boosted, word pairs (mostly field-name pairs) are not scored, and the exclusion demotion is off (a questionnaire
   * has no diagnosis sentence to check exclusions against). The ranking is fused with a plain reading of the same
   * answers (PLAIN_VARIANT) and with plain BM25 over the questionnaire as written (the baseline, strong on these
   * topics), trials whose title and conditions do not name the questionnaire's condition are demoted (TREC CT 2023's
   * assessors judged almost only trials of the condition relevant), and trials whose criteria rule the patient out
   * are demoted, gently: TREC CT 2023 judges them 1, between eligible (2) and not relevant (0). Chosen on the
   * odd-numbered 2023 topics only.
   */
  readonly questionnaire: Partial<Omit<PipelineConfig, 'questionnaire' | 'tunedOn' | 'heldOut'>>;
}

/**
 * A plain reading of the same clauses for fusion: words only, every field alike, with plain BM25's k1 and b, no
 * prior, feedback or boosts. TREC CT 2023's questionnaires name a condition that every trial of it matches; the
 * words of the answers then rank them, and reading them in the criteria as much as in the titles finds trials the
 * weighted query misses.
 */
const PLAIN_VARIANT = {
  wordWeight: 1,
  conceptWeight: 0,
  pairWeight: 0,
  conditionPrior: 0,
  feedbackDocs: 0,
  cancerTypeBoost: 1,
  ageMismatch: 1,
  sexMismatch: 1,
  diagnosisBoost: 1,
  conditionBoost: 1,
  positionDecay: 0,
  bm25f: {
    k1: 0.9,
    fields: {
      title: { weight: 1, b: 0.4 },
      conditions: { weight: 1, b: 0.4 },
      interventions: { weight: 1, b: 0.4 },
      summary: { weight: 1, b: 0.4 },
      inclusion: { weight: 1, b: 0.4 },
      exclusion: { weight: 1, b: 0.4 },
    },
  },
} as const satisfies Partial<PipelineConfig>;

export const PIPELINE_CONFIG: PipelineConfig = {
  tunedOn: 'TREC CT 2021 (official topics and qrels; also re-ranked over its BIRCO texts), the SIGIR 2016 dev split (BIRCO, 9 queries) and the odd-numbered TREC CT 2023 topics (questionnaire reading only)',
  heldOut: 'the even-numbered TREC CT 2023 topics and the SIGIR 2016 test split',
  bm25f: {
    k1: 1.2,
    fields: {
      title: { weight: 10, b: 0.75 },
      conditions: { weight: 10, b: 0.75 },
      interventions: { weight: 5, b: 0.75 },
      summary: { weight: 2, b: 0.75 },
      inclusion: { weight: 1, b: 0.75 },
      exclusion: { weight: 0.3, b: 0.75 },
    },
  },
  wordWeight: 1,
  conceptWeight: 3,
  pairWeight: 2,
  dropNegated: true,
  dropFamilyHistory: false,
  positionDecay: 1,
  diagnosisBoost: 3,
  conditionPrior: 1,
  questionnaireFields: 'names',
  conditionBoost: 1,
  narrativeStopWords: ['patient', 'year', 'old', 'yo', 'presents', 'presented', 'history', 'man', 'woman', 'male', 'female', 'he', 'she', 'his', 'her', 'who', 'has', 'had', 'was', 'were', 'been', 'also', 'which', 'after', 'days', 'day', 'ago'],
  feedbackDocs: 10,
  feedbackTerms: 10,
  feedbackWeight: 6,
  cancerTypeBoost: 1.5,
  ageMismatch: 0.5,
  sexMismatch: 0.5,
  exclusionMismatch: 0.5,
  eligibilityMismatch: 1,
  eligibilityDepth: 100,
  fusion: [],
  fusionK: 60,
  baselineFusion: 0,
  conditionMismatch: 1,
  questionnaire: { diagnosisBoost: 1, pairWeight: 0, exclusionMismatch: 1, fusion: [PLAIN_VARIANT], baselineFusion: 1, conditionMismatch: 0.5, eligibilityMismatch: 0.8 },
};

/** What the pipeline knows of a trial beyond its text; nulls when the source does not say. */
export interface TrialFacts extends CriteriaSource {
  readonly minAgeYears: number | null;
  readonly maxAgeYears: number | null;
  readonly sex: Sex | null;
  /** Most specific cancer types with ancestors, as classifyCancerTypes gives them. */
  readonly cancerTypes: ReadonlySet<string>;
}

export interface PipelineCorpus {
  readonly index: FieldedIndex<TrialField>;
  readonly facts: readonly TrialFacts[];
  /** The baseline's single-field index (bm25.ts), for `baselineFusion`; absent, that fusion is skipped. */
  readonly plain?: Bm25Index;
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

const conditionShares = new WeakMap<FieldedIndex<TrialField>, Map<string, number>>();

/** The share of the trials holding `token` that hold it in their title or conditions (0 for an unknown word). */
function conditionShare(index: FieldedIndex<TrialField>, token: string): number {
  let cache = conditionShares.get(index);
  if (cache === undefined) conditionShares.set(index, (cache = new Map<string, number>()));
  let share = cache.get(token);
  if (share === undefined) {
    const rows = termFieldFrequencies(index, { phrases: [[token]] });
    const title = index.fieldNames.indexOf('title');
    const conditions = index.fieldNames.indexOf('conditions');
    let named = 0;
    for (const row of rows.values()) if (row[title]! > 0 || row[conditions]! > 0) named += 1;
    cache.set(token, (share = rows.size === 0 ? 0 : named / rows.size));
  }
  return share;
}

export interface PipelineOptions {
  readonly limit: number;
  /** Rank only these documents (by index): a re-ranking pool. */
  readonly candidates?: ReadonlySet<number>;
  readonly config?: PipelineConfig;
}

/** What one topic asks of the corpus: the query terms and the patient's facts. */
interface PatientRequest {
  readonly terms: readonly QueryTerm[];
  /** The concepts of the patient's diagnosis clause(s): the heaviest clause weight. */
  readonly diagnosisConcepts: readonly QueryConcept[];
  readonly ageYears: number | null;
  readonly sex: 'female' | 'male' | null;
  readonly cancers: ReadonlySet<string>;
}

function patientRequest(topic: Topic, corpus: PipelineCorpus, config: PipelineConfig): PatientRequest {
  const { words, pairs, concepts } = patientQueryParts(topic, config);
  const wordTerms = [...words].map(([token, weight]) => ({
    phrases: [[token]],
    weight: weight * config.wordWeight * (1 + config.conditionPrior * conditionShare(corpus.index, token)),
  }));
  const pairTerms = config.pairWeight === 0 ? [] : [...pairs].map(([pair, weight]) => ({ phrases: [pair.split(' ')], weight: weight * config.pairWeight }));
  const conceptTerms = config.conceptWeight === 0 ? [] : concepts.map((concept) => ({ phrases: concept.phrases, weight: concept.clauseWeight * config.conceptWeight }));
  const heaviest = Math.max(0, ...concepts.map((concept) => concept.clauseWeight));
  const patient = extractPatientFacts(topic.text);
  const affirmed = weightedClauses(topic, config).map((clause) => clause.text).join('. ');
  return {
    terms: [...wordTerms, ...pairTerms, ...conceptTerms],
    diagnosisConcepts: concepts.filter((concept) => concept.clauseWeight === heaviest),
    ageYears: patient.ageYears,
    sex: patient.sex,
    cancers: patientCancerTypes(affirmed),
  };
}

/** Trials (by index) whose exclusion criteria name a diagnosis concept their other fields do not. */
function excludedByCriteria(corpus: PipelineCorpus, concepts: readonly QueryConcept[]): Set<number> {
  const fields = corpus.index.fieldNames;
  const exclusion = fields.indexOf('exclusion');
  const positive = (['title', 'conditions', 'inclusion'] as const).map((field) => fields.indexOf(field));
  const excluded = new Set<number>();
  for (const concept of concepts) {
    for (const [doc, row] of termFieldFrequencies(corpus.index, concept)) {
      if (row[exclusion]! > 0 && positive.every((f) => row[f]! === 0)) excluded.add(doc);
    }
  }
  return excluded;
}

/** Scores with the patient's facts applied: demotions for age, sex and exclusions, a boost for the cancer type. */
function scorePass(request: PatientRequest, corpus: PipelineCorpus, terms: readonly QueryTerm[], config: PipelineConfig, candidates?: ReadonlySet<number>): Float64Array {
  const scores = bm25fScores(corpus.index, terms, config.bm25f, candidates);
  const excluded = config.exclusionMismatch === 1 ? new Set<number>() : excludedByCriteria(corpus, request.diagnosisConcepts);
  corpus.facts.forEach((facts, doc) => {
    if (scores[doc] === 0) return;
    let factor = 1;
    if (request.ageYears !== null && ageExcludes(facts, request.ageYears)) factor *= config.ageMismatch;
    if (request.sex !== null && facts.sex !== null && facts.sex !== 'all' && facts.sex !== request.sex) factor *= config.sexMismatch;
    if ([...request.cancers].some((type) => facts.cancerTypes.has(type))) factor *= config.cancerTypeBoost;
    if (excluded.has(doc)) factor *= config.exclusionMismatch;
    scores[doc] = scores[doc]! * factor;
  });
  return scores;
}

/** The depth to which each fused ranking is read. */
const FUSION_DEPTH = 1000;

/**
 * Trial ids for a patient description, best first: the first stage (one configuration's scores, or the fusion of
 * the configured variants' rankings), then the eligibility stage.
 */
export function pipelineRank(topic: Topic, corpus: PipelineCorpus, options: PipelineOptions): string[] {
  const given = options.config ?? PIPELINE_CONFIG;
  const config: PipelineConfig = topic.fields === undefined ? given : { ...given, ...given.questionnaire };
  const ids = corpus.index.docs.map((doc) => doc.id);
  const fuse = config.fusion.length > 0 || (config.baselineFusion > 0 && corpus.plain !== undefined);
  const scores = fuse ? fusedScores(topic, corpus, config, options.candidates) : singleScores(topic, corpus, config, options.candidates);
  if (config.conditionMismatch !== 1 && topic.template !== undefined) demoteOtherConditions(topic.template, corpus, scores, config.conditionMismatch);
  if (config.eligibilityMismatch !== 1) demoteIneligible(topic, corpus, scores, config, options.candidates);
  return rankByScore(ids, scores, options.limit, options.candidates);
}

/** Reciprocal-rank fusion of the configuration's ranking and its variants', each read to FUSION_DEPTH. */
function fusedScores(topic: Topic, corpus: PipelineCorpus, config: PipelineConfig, candidates?: ReadonlySet<number>): Float64Array {
  const fused = new Float64Array(corpus.index.docs.length);
  for (const variant of [{}, ...config.fusion]) {
    const scores = singleScores(topic, corpus, { ...config, ...variant, fusion: [] }, candidates);
    topDocs(corpus, scores, FUSION_DEPTH, candidates).forEach((doc, rank) => {
      fused[doc] = fused[doc]! + 1 / (config.fusionK + rank + 1);
    });
  }
  if (config.baselineFusion > 0 && corpus.plain !== undefined) {
    const scores = bm25Scores(corpus.plain, wordTokens(topic.text));
    topDocs(corpus, scores, FUSION_DEPTH, candidates).forEach((doc, rank) => {
      fused[doc] = fused[doc]! + config.baselineFusion / (config.fusionK + rank + 1);
    });
  }
  return fused;
}

/** Scores of trials not naming the questionnaire's condition in their title or conditions, multiplied (in place). */
function demoteOtherConditions(condition: string, corpus: PipelineCorpus, scores: Float64Array, factor: number): void {
  const named = trialsNamingCondition(condition, corpus.index);
  if (named.size === 0) return;
  scores.forEach((score, doc) => {
    if (score > 0 && !named.has(doc)) scores[doc] = score * factor;
  });
}

/** The best `limit` documents (by index) in rankByScore's order (ties by trial id). */
function topDocs(corpus: PipelineCorpus, scores: Float64Array, limit: number, candidates?: ReadonlySet<number>): number[] {
  const ids = corpus.index.docs.map((doc) => doc.id);
  const position = new Map(ids.map((id, doc) => [id, doc]));
  return rankByScore(ids, scores, limit, candidates).map((id) => position.get(id)!);
}

/** One configuration's scores; a second pass with feedback terms when configured. */
function singleScores(topic: Topic, corpus: PipelineCorpus, config: PipelineConfig, candidates?: ReadonlySet<number>): Float64Array {
  const request = patientRequest(topic, corpus, config);
  const scores = scorePass(request, corpus, request.terms, config, candidates);
  if (config.feedbackDocs === 0) return scores;
  const docs = corpus.index.docs.map((_, doc) => String(doc));
  const top = rankByScore(docs, scores, config.feedbackDocs, candidates)
    .map((doc) => ({ doc: Number(doc), score: scores[Number(doc)]! }))
    .filter((entry) => entry.score > 0);
  const skip = (token: string): boolean => !isQueryWord(token, config);
  return scorePass(request, corpus, [...request.terms, ...feedbackTerms(corpus.index, top, config, skip)], config, candidates);
}

/**
 * The re-ranking stage: among the best `eligibilityDepth` trials, those whose criteria rule the patient out are
 * demoted (scores changed in place). Trials further down are left alone: parsing every trial's criteria for every
 * topic would cost seconds, and a demotion only matters near the top.
 */
function demoteIneligible(topic: Topic, corpus: PipelineCorpus, scores: Float64Array, config: PipelineConfig, candidates?: ReadonlySet<number>): void {
  const profile = patientProfile(topic.text);
  if (!profileSaysAnything(profile)) return;
  for (const doc of topDocs(corpus, scores, config.eligibilityDepth, candidates)) {
    if (scores[doc]! > 0 && excludesPatient(profile, corpus.facts[doc]!)) scores[doc] = scores[doc]! * config.eligibilityMismatch;
  }
}
