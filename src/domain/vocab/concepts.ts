/**
 * Loads the synonym and drug vocabularies (synonyms.json, drugs.json) into concepts: groups of phrases that mean
 * the same thing to a searcher. Every phrase is a list of normalised search tokens (searchTokens), so vocabulary
 * authors may write British spellings, hyphens or capitals freely.
 */
import drugs from './drugs.json' with { type: 'json' };
import synonyms from './synonyms.json' with { type: 'json' };
import { casedSearchTokens, searchTokens } from '../search-text.ts';
import { casedForm } from './token-pattern.ts';

export type Phrase = readonly string[];

export interface Concept {
  /** Synonym group id, or `drug:<name>` for a drug. */
  readonly id: string;
  readonly kind: string;
  /** Phrases that name the concept in a query and are searched for in documents. */
  readonly phrases: readonly Phrase[];
  /** Phrases of included groups (ALL includes B-ALL): searched for, but they name their own group in a query. */
  readonly includedPhrases: readonly Phrase[];
  /** Abbreviations that name the concept only in capitals ("ALL"), as cased words; never searched as bare words. */
  readonly ambiguous: readonly Phrase[];
}

interface RawGroup {
  id: string;
  kind: string;
  terms: string[];
  abbreviations?: string[];
  ambiguous?: string[];
  includes?: string[];
}

interface RawDrug {
  name: string;
  kind: string;
  brands?: string[];
  codes?: string[];
  otherNames?: string[];
}

/**
 * The ways a name with digits is written: "STI-571", "STI571" and "STI 571" are one drug, and tokenising keeps
 * them apart ("sti 571" vs "sti571"), so each such name gives its written, joined and letter/digit-split forms.
 */
export function nameVariants(name: string): Phrase[] {
  const written = searchTokens(name);
  if (written.length === 0) return [];
  // Only code-like names: "CD19 positive acute lymphoblastic leukaemia" is a phrase, not a code.
  if (!/\d/.test(name) || written.length > 3 || written.join('').length > 16) return [written];
  const joined = written.join('');
  const split = joined.match(/\p{L}+|\p{N}+/gu) ?? [joined];
  return [written, [joined], split];
}

function unique(phrases: readonly Phrase[]): Phrase[] {
  const seen = new Map<string, Phrase>();
  for (const phrase of phrases) if (phrase.length > 0) seen.set(phrase.join(' '), phrase);
  return [...seen.values()];
}

function groupConcept(group: RawGroup, byId: ReadonlyMap<string, RawGroup>): Concept {
  const own = (g: RawGroup): Phrase[] => [...g.terms, ...(g.abbreviations ?? [])].flatMap(nameVariants);
  const included = (group.includes ?? []).flatMap((id) => {
    const child = byId.get(id);
    if (child === undefined) throw new Error(`synonyms.json: ${group.id} includes unknown group ${id}.`);
    return own(child);
  });
  return {
    id: group.id,
    kind: group.kind,
    phrases: unique(own(group)),
    includedPhrases: unique(included),
    ambiguous: (group.ambiguous ?? []).map((abbr) => casedSearchTokens(abbr).map((t) => casedForm(t.raw))),
  };
}

function drugConcept(drug: RawDrug): Concept {
  const names = [drug.name, ...(drug.brands ?? []), ...(drug.codes ?? []), ...(drug.otherNames ?? [])];
  return { id: `drug:${drug.name}`, kind: `drug (${drug.kind})`, phrases: unique(names.flatMap(nameVariants)), includedPhrases: [], ambiguous: [] };
}

const groups = synonyms.groups as RawGroup[];
const byId = new Map(groups.map((group) => [group.id, group]));

/** Every concept: synonym groups first, then drugs. */
export const CONCEPTS: readonly Concept[] = [
  ...groups.map((group) => groupConcept(group, byId)),
  ...(drugs.drugs as RawDrug[]).map(drugConcept),
];
