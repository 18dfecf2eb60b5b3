/**
 * The full-text fields of a trial, as every backend indexes them: SQLite as FTS5 columns, PostgreSQL as weighted
 * tsvectors. Normalised by the shared indexText(), so documents and queries agree on every word.
 *
 * Each field except eligibility gets the index-time synonym tokens of documentSynonymTokens() (the leukaemia behind
 * a capitalised "ALL", the sign behind "Ph+"), appended after its text so the positions of the words really written
 * do not move. Eligibility gets none: there "ALL" is mostly emphasis ("ALL of the following"). Every field then gets
 * the concept tokens of what it holds (vocab/concept-tokens.ts), appended last, which is what a concept search
 * looks for.
 *
 * How many concept tokens a field gets is how often a concept search counts it there (the term frequency both
 * backends rank by). In the interventions field, which also holds the keywords and arm labels, a concept counts
 * once: those are lists of labels, where a repeat enumerates variants rather than saying more about the subject. A
 * legacy PDQ record lists every stage of every leukaemia it takes as a keyword ("adult ALL in remission", "recurrent
 * adult ALL", "L1 adult ALL" ...), up to 35 mentions of ALL, which outweighed a title and conditions about ALL and put
 * pan-cancer trials on the first pages of the ALL topics (docs/topic-review-first-pages.md). Elsewhere every
 * occurrence counts: a brief and an official title both naming the disease, or a summary coming back to it, do say
 * the trial is about it. (Counting once in titles and conditions too was tried: ties then left the order to each
 * backend's length normalisation, and the two backends' top 10 agreed less.)
 */
import { documentSynonymTokens } from '../../domain/query-expansion.ts';
import { indexText } from '../../domain/search-text.ts';
import { conceptTokensOf } from '../../domain/vocab/concept-tokens.ts';
import type { Trial } from '../../domain/trial.ts';

/** The fields in the order of their ranking weights (title and conditions count most, eligibility least). */
export interface SearchFields {
  readonly title: string;
  readonly conditions: string;
  readonly interventions_keywords: string;
  readonly summary: string;
  readonly eligibility: string;
}

/** How many times a concept counts at most in a field: once among labels, every time elsewhere (up to the cap of 255). */
const ONCE = 1;
const EVERY_TIME = 255;

/** The indexed text with, as one more part, its concept tokens (none for most texts), each at most `perConcept` times. */
function withConcepts(indexed: string, perConcept: number): string {
  const tokens = conceptTokensOf(indexed, perConcept);
  return tokens.length === 0 ? indexed : `${indexed} \n ${tokens.join(' ')}`;
}

/** The texts with, as more parts, the synonym tokens each text calls for (read text by text: case is per text), then the concept tokens. */
function withSynonyms(parts: ReadonlyArray<string | null>, perConcept: number): string {
  const texts = parts.filter((part): part is string => part !== null && part !== '');
  const extra = texts.flatMap((text) => documentSynonymTokens(text));
  return withConcepts(indexText(extra.length === 0 ? texts : [...texts, extra.join(' ')]), perConcept);
}

/** The full-text fields of a trial. */
export function searchFields(trial: Trial): SearchFields {
  return {
    title: withSynonyms([trial.briefTitle, trial.officialTitle, trial.acronym], EVERY_TIME),
    conditions: withSynonyms(trial.conditions, EVERY_TIME),
    interventions_keywords: withSynonyms(
      [
        ...trial.interventions.flatMap((intervention) => [intervention.name, ...intervention.otherNames]),
        ...trial.keywords,
        ...trial.arms.map((arm) => arm.label),
      ],
      ONCE,
    ),
    summary: withSynonyms([trial.briefSummary, trial.detailedDescription], EVERY_TIME),
    eligibility: withConcepts(indexText([trial.eligibility.criteria]), EVERY_TIME),
  };
}
