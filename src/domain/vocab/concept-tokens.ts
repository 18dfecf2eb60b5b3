/**
 * Concept tokens: one index-time token per vocabulary concept, so that a search for a concept is one term in the
 * index instead of an OR of its phrases. "ALL" expands to 25 phrases, several of them built from common words
 * ("b all", "t all"); matching them phrase by phrase makes both databases check word positions in tens of thousands
 * of documents, and PostgreSQL rank each phrase separately (issue 3: the 500k benchmark).
 *
 * A document gets a concept's token once per occurrence of any of the concept's search phrases (its own phrases and
 * those of the groups it includes), found in the same token stream the index holds, so a search for the token finds
 * exactly the documents the OR of phrases found. The vocabulary is thus applied at index time too: a change to a
 * concept's phrases needs a new DERIVATION_VERSION (domain/trial-facts.ts) so every stored trial is re-indexed.
 */
import { CONCEPTS, type Concept, type Phrase } from './concepts.ts';

/** True when the shorter phrase occurs inside the longer one. */
function contains(longer: Phrase, shorter: Phrase): boolean {
  if (shorter.length > longer.length) return false;
  for (let at = 0; at + shorter.length <= longer.length; at += 1) {
    if (shorter.every((word, offset) => longer[at + offset] === word)) return true;
  }
  return false;
}

/** Phrases without repeats and without any phrase that already contains another (it could only match less). */
export function minimalPhrases(phrases: readonly Phrase[]): Phrase[] {
  const unique = [...new Map(phrases.map((p) => [p.join(' '), p])).values()];
  return unique.filter((p) => !unique.some((q) => q !== p && q.length < p.length && contains(p, q)));
}

/** What a search for the concept matches: any of these phrases. */
export function conceptSearchPhrases(concept: Concept): Phrase[] {
  return minimalPhrases([...concept.phrases, ...concept.includedPhrases]);
}

/**
 * The index token of a concept: a prefix no English word starts with, then the id's letters and digits. It is one
 * token to both databases' tokenisers and to searchTokens(), which leaves it unchanged.
 */
export function conceptToken(conceptId: string): string {
  return `zzc${conceptId.toLowerCase().replace(/[^a-z0-9]/g, '')}`;
}

interface Trigger {
  readonly phrase: Phrase;
  readonly concept: number;
}

/** Search phrases by their first word, each with the concept (index into TOKENS) it stands for. */
const TRIGGERS = new Map<string, Trigger[]>();
const TOKENS: string[] = [];
{
  const owners = new Map<string, string>();
  CONCEPTS.forEach((concept, index) => {
    const token = conceptToken(concept.id);
    const owner = owners.get(token);
    // Two ids that differ only in punctuation would share a token and match each other's documents.
    if (owner !== undefined) throw new Error(`Concepts ${owner} and ${concept.id} have the same index token ${token}.`);
    owners.set(token, concept.id);
    TOKENS.push(token);
    for (const phrase of conceptSearchPhrases(concept)) {
      const first = phrase[0];
      if (first === undefined) continue;
      TRIGGERS.set(first, [...(TRIGGERS.get(first) ?? []), { phrase, concept: index }]);
    }
  });
}

/**
 * The concept tokens of an indexed text (normalised tokens separated by whitespace, as indexText() returns it): each
 * concept's token as many times as its phrases occur, at most `maxPerConcept` times. A phrase may run across the
 * text's parts, as a phrase query does in both databases. Concepts in vocabulary order.
 */
export function conceptTokensOf(indexedText: string, maxPerConcept = 255): string[] {
  const words = indexedText.split(/\s+/).filter((word) => word !== '');
  const counts = new Map<number, number>();
  for (let at = 0; at < words.length; at += 1) {
    const triggers = TRIGGERS.get(words[at] ?? '');
    if (triggers === undefined) continue;
    for (const { phrase, concept } of triggers) {
      if (at + phrase.length > words.length) continue;
      let matches = true;
      for (let offset = 1; offset < phrase.length; offset += 1) {
        if (words[at + offset] !== phrase[offset]) {
          matches = false;
          break;
        }
      }
      if (matches) counts.set(concept, (counts.get(concept) ?? 0) + 1);
    }
  }
  const out: string[] = [];
  for (const concept of [...counts.keys()].sort((a, b) => a - b)) {
    const token = TOKENS[concept] ?? '';
    for (let n = Math.min(counts.get(concept) ?? 0, maxPerConcept); n > 0; n -= 1) out.push(token);
  }
  return out;
}
