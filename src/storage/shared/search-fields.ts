/**
 * The full-text fields of a trial, as every backend indexes them: SQLite as FTS5 columns, PostgreSQL as weighted
 * tsvectors. Normalised by the shared indexText(), so documents and queries agree on every word.
 *
 * Each field except eligibility gets the index-time synonym tokens of documentSynonymTokens() (the leukaemia behind
 * a capitalised "ALL", the sign behind "Ph+"), appended after its text so the positions of the words really written
 * do not move. Eligibility gets none: there "ALL" is mostly emphasis ("ALL of the following"). Every field then gets
 * the concept tokens of what it holds (vocab/concept-tokens.ts), appended last, which is what a concept search
 * looks for.
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

/** The indexed text with, as one more part, its concept tokens (none for most texts). */
function withConcepts(indexed: string): string {
  const tokens = conceptTokensOf(indexed);
  return tokens.length === 0 ? indexed : `${indexed} \n ${tokens.join(' ')}`;
}

/** The texts with, as more parts, the synonym tokens each text calls for (read text by text: case is per text), then the concept tokens. */
function withSynonyms(parts: ReadonlyArray<string | null>): string {
  const texts = parts.filter((part): part is string => part !== null && part !== '');
  const extra = texts.flatMap((text) => documentSynonymTokens(text));
  return withConcepts(indexText(extra.length === 0 ? texts : [...texts, extra.join(' ')]));
}

/** The full-text fields of a trial. */
export function searchFields(trial: Trial): SearchFields {
  return {
    title: withSynonyms([trial.briefTitle, trial.officialTitle, trial.acronym]),
    conditions: withSynonyms(trial.conditions),
    interventions_keywords: withSynonyms([
      ...trial.interventions.flatMap((intervention) => [intervention.name, ...intervention.otherNames]),
      ...trial.keywords,
      ...trial.arms.map((arm) => arm.label),
    ]),
    summary: withSynonyms([trial.briefSummary, trial.detailedDescription]),
    eligibility: withConcepts(indexText([trial.eligibility.criteria])),
  };
}
