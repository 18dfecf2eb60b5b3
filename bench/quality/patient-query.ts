/**
 * Turns a patient description into a weighted BM25F query with the product's own domain modules. The description is
 * cut into clauses, each weighed by where it stands and what it says: a note names the main problem first, so later
 * sentences weigh less; a clause stating a diagnosis ("diagnosed with", "biopsy showed") weighs more; what the patient
 * is said not to have ("denies smoking, diabetes") and what their relatives had ("mother had breast cancer") is
 * dropped. The query is then the clauses' words (Porter-stemmed, in the product's normalisation) and the vocabulary
 * concepts expandQuery finds in them (each an OR of its synonyms, boosted), weighted by their clauses.
 *
 * TREC CT 2023 topics are questionnaires: their template (the condition) and the "definitive diagnosis" field are
 * the diagnosis clause; every other field is a clause in questionnaire order, a "no" or "none" answer dropped as a
 * negation would be.
 */
import { expandQuery } from '../../src/domain/query-expansion.ts';
import { searchTokens } from '../../src/domain/search-text.ts';
import { LUCENE_STOP_WORDS } from './bm25.ts';
import type { Phrase } from './bm25f.ts';
import { stem } from './porter-stem.ts';
import type { Topic } from './topics.read.ts';

export interface PatientQueryConfig {
  /** Weight of each word of the description, per occurrence in a clause of weight 1. */
  readonly wordWeight: number;
  /** Weight of each vocabulary concept named (its synonyms scored as one term), in a clause of weight 1. */
  readonly conceptWeight: number;
  /** Drop what follows a negation cue up to the end of its clause. */
  readonly dropNegated: boolean;
  /** Drop clauses about relatives ("family history of", "her mother had"). */
  readonly dropFamilyHistory: boolean;
  /** Sentence n (from 0) weighs 1 / (1 + positionDecay · n). */
  readonly positionDecay: number;
  /** Weight multiplier of a clause that states a diagnosis. */
  readonly diagnosisBoost: number;
  /** Weight of each pair of adjacent query words, as a phrase, in a clause of weight 1 (0: none). */
  readonly pairWeight: number;
  /** Words of case-report narrative that say nothing about which trial fits. */
  readonly narrativeStopWords: readonly string[];
  /**
   * Questionnaire topics: 'values' reads a field's answer only (its name is template wording repeated in every topic
   * of the template: "visual acuity", "comorbidities"), except that a yes answer makes the name the fact
   * ("suicidal ideation: yes") and a positive or negative one joins the name ("HER2: negative"); 'names' reads name
   * and answer together, as the first version did.
   */
  readonly questionnaireFields: 'values' | 'names';
  /** Extra multiplier of a questionnaire's condition clause (template and definitive diagnosis), on diagnosisBoost. */
  readonly conditionBoost: number;
}

/** A piece of the description and how much its words count. */
export interface WeightedClause {
  readonly text: string;
  readonly weight: number;
}

/** NegEx-style cues (Chapman et al. 2001), the commonest in admission notes. */
const NEGATION = /\b(denies|denied|no|not|without|negative for|free of|absence of|never)\b[^.;:]*/gi;
/** A relative's history (NegEx's "experiencer" context, Harkema et al. 2009's ConText), up to the end of the clause. */
const FAMILY = /\b(family history|mother|father|sister|brother|sibling|siblings|aunt|uncle|grandmother|grandfather|cousin|maternal|paternal|FHx)\b[^.;:]*/gi;
/** A clause that states what the patient has. */
const DIAGNOSIS = /\b(diagnos\w*|biops\w*|patholog\w*|histolog\w*|consistent with|found to (?:be|have)|confirmed|revealed)\b/i;

/** The description split into sentences and clauses that expandQuery can read one at a time. */
export function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.;!?])\s+|\n+/).map((sentence) => sentence.trim()).filter((sentence) => sentence !== '');
}

/** The description with negated clauses removed (when configured). */
export function affirmedText(text: string, config: Pick<PatientQueryConfig, 'dropNegated'>): string {
  return config.dropNegated ? text.replace(NEGATION, ' ') : text;
}

const ANSWERED_NO = /^(no|none|never|negative|n\/a)$/i;
const ANSWERED_YES = /^(yes|y|positive|present)$/i;
/** An answer that is absence: the field says nothing the patient has. */
const ABSENT = /^(no|none|never|n\/a|not applicable|unknown|nil)\b/i;
/** A marker's status: the field's name and the answer together are the fact ("HER2 negative"). */
const STATUS = /^(negative|positive|neg|pos|[+-])$/i;
/** Answers that only confirm the diagnosis ("yes (PCR)", "confirmed by biopsy"): the template already names it. */
const CONFIRMS = /^(yes|y|confirmed|positive|present)\b|\bconfirmed\b/i;

/** A questionnaire field's text under 'values': the answer, the name for yes, both for a marker's status; or null. */
function fieldFact(name: string, value: string): string | null {
  if (ABSENT.test(value)) return null;
  if (ANSWERED_YES.test(value)) return name;
  if (STATUS.test(value)) return `${name} ${value}`;
  return value;
}

/** A questionnaire topic's clauses: the condition (template and definitive diagnosis) first, then the fields. */
function questionnaireClauses(topic: Topic, config: PatientQueryConfig): WeightedClause[] {
  const fields = topic.fields ?? [];
  const diagnosis = fields.find((field) => field.name.toLowerCase() === 'definitive diagnosis');
  const values = config.questionnaireFields === 'values';
  const confirmsOnly = (value: string): boolean => (values ? CONFIRMS.test(value) || ABSENT.test(value) : ANSWERED_NO.test(value) || ANSWERED_YES.test(value));
  const named = diagnosis !== undefined && !confirmsOnly(diagnosis.value) ? diagnosis.value : '';
  const clauses: WeightedClause[] = [{ text: `${topic.template ?? ''} ${named}`.trim(), weight: config.diagnosisBoost * config.conditionBoost }];
  const facts = fields
    .filter((field) => field !== diagnosis)
    .map((field) => (values ? fieldFact(field.name, field.value) : ANSWERED_NO.test(field.value) ? null : ANSWERED_YES.test(field.value) ? field.name : `${field.name} ${field.value}`))
    .filter((text): text is string => text !== null);
  facts.forEach((text, n) => clauses.push({ text, weight: 1 / (1 + config.positionDecay * (n + 1)) }));
  return clauses.filter((clause) => clause.text !== '');
}

/** The description as weighted clauses: negations and relatives' history dropped, later sentences lighter. */
export function weightedClauses(topic: Topic, config: PatientQueryConfig): WeightedClause[] {
  if (topic.fields !== undefined) return questionnaireClauses(topic, config);
  return sentencesOf(topic.text).map((sentence, n) => {
    let text = affirmedText(sentence, config);
    if (config.dropFamilyHistory) text = text.replace(FAMILY, ' ');
    const weight = (DIAGNOSIS.test(text) ? config.diagnosisBoost : 1) / (1 + config.positionDecay * n);
    return { text, weight };
  });
}

/** The concepts the vocabulary finds in a text: id and the phrases that name it, OR-ed. */
export function conceptsOf(text: string): { id: string; phrases: readonly Phrase[] }[] {
  const found = new Map<string, readonly Phrase[]>();
  for (const sentence of sentencesOf(text)) {
    for (const clause of expandQuery(sentence).clauses) {
      if (clause.concept !== null && !found.has(clause.concept)) found.set(clause.concept, clause.anyOf);
    }
  }
  return [...found].map(([id, phrases]) => ({ id, phrases }));
}

const stopSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** The stop words (Lucene's, the narrative ones) and their stems, so that feedback words can be checked too. */
function stopSet(config: Pick<PatientQueryConfig, 'narrativeStopWords'>): ReadonlySet<string> {
  let stop = stopSets.get(config.narrativeStopWords);
  if (stop === undefined) {
    const words = [...LUCENE_STOP_WORDS, ...config.narrativeStopWords];
    stopSets.set(config.narrativeStopWords, (stop = new Set([...words, ...words.map(stem)])));
  }
  return stop;
}

/** True for a token (stemmed or not) worth searching for: not a stop word, a narrative word or a bare number. */
export function isQueryWord(token: string, config: Pick<PatientQueryConfig, 'narrativeStopWords'>): boolean {
  return !stopSet(config).has(token) && !/^\d+$/.test(token);
}

const stemPhrase = (phrase: Phrase): Phrase => phrase.map(stem);

/** A concept of the query: its id, its stemmed phrases and the weight of the heaviest clause naming it. */
export interface QueryConcept {
  readonly id: string;
  readonly phrases: readonly Phrase[];
  readonly clauseWeight: number;
}

/** The parts of a query: words and adjacent word pairs (key → summed clause weight), concepts. */
export interface QueryParts {
  readonly words: Map<string, number>;
  /** "stem stem" → summed clause weight: a sequential-dependence phrase (Metzler & Croft 2005). */
  readonly pairs: Map<string, number>;
  readonly concepts: QueryConcept[];
}

/** The query's words, word pairs and concepts, from the weighted clauses. */
export function patientQueryParts(topic: Topic, config: PatientQueryConfig): QueryParts {
  const words = new Map<string, number>();
  const pairs = new Map<string, number>();
  const concepts = new Map<string, QueryConcept>();
  for (const clause of weightedClauses(topic, config)) {
    let previous: string | null = null;
    for (const token of searchTokens(clause.text)) {
      if (!isQueryWord(token, config)) {
        previous = null;
        continue;
      }
      const key = stem(token);
      words.set(key, (words.get(key) ?? 0) + clause.weight);
      if (previous !== null && previous !== key) pairs.set(`${previous} ${key}`, (pairs.get(`${previous} ${key}`) ?? 0) + clause.weight);
      previous = key;
    }
    for (const concept of conceptsOf(clause.text)) {
      const seen = concepts.get(concept.id);
      if (seen === undefined || seen.clauseWeight < clause.weight) {
        concepts.set(concept.id, { id: concept.id, phrases: concept.phrases.map(stemPhrase), clauseWeight: clause.weight });
      }
    }
  }
  return { words, pairs, concepts: [...concepts.values()] };
}
