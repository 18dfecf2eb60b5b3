/**
 * The few index-time tokens query expansion needs: what searchTokens() drops from a document but a query can
 * still mean. Case: "ALL" in capitals is the leukaemia, so a record saying only "Ph+ ALL" gets "acute
 * lymphoblastic leukemia". Signs: "Ph+" and "Ph-" both index as "ph", so the record gets "ph positive" (and the
 * canonical "philadelphia chromosome positive") or "ph negative".
 */
import type { CasedToken } from '../search-text.ts';
import { casedSearchTokens, isShouted, searchTokens, spellOutSigns } from '../search-text.ts';
import { casedWordsOf, conceptAt, startsCasedConcept } from './concept-index.ts';
import { shortTextMemo } from '../short-text-memo.ts';

/** Words after which an all-capitals "ALL" is emphasis, not leukaemia ("ALL of the following"). */
const EMPHASIS_NEXT = new Set(['of', 'the', 'other', 'these', 'those', 'that', 'this', 'must', 'are', 'is', 'will']);
const SIGN_WORDS = new Set(['positive', 'negative']);

/** Positions of tokens that spellOutSigns() inserted (they are not in the text as written). */
function insertedPositions(spelled: readonly CasedToken[], written: readonly CasedToken[]): Set<number> {
  const inserted = new Set<number>();
  let w = 0;
  spelled.forEach((token, s) => {
    if (written[w]?.raw === token.raw) w += 1;
    else inserted.add(s);
  });
  return inserted;
}

/**
 * Extra normalised tokens to index beside a document text (titles, conditions, keywords, summaries; not
 * eligibility criteria, where "ALL" is often emphasis). Empty for most texts. Append them as one more part of
 * indexText(), after the text, so positions within the text are unchanged. Kept for short texts (short-text-memo.ts),
 * so the result is read-only.
 */
export const documentSynonymTokens: (text: string) => readonly string[] = shortTextMemo(synonymTokens);

function synonymTokens(text: string): string[] {
  const spelledText = spellOutSigns(text);
  const spelled = casedSearchTokens(spelledText);
  // Most texts have no sign to spell out: then nothing was inserted, and the text need not be read twice.
  const inserted = spelledText === text ? new Set<number>() : insertedPositions(spelled, casedSearchTokens(text));
  const cased = casedWordsOf(spelled, isShouted(text));
  // Only signs and ambiguous abbreviations in capitals add tokens (plain names are indexed as they are written).
  if (inserted.size === 0 && (cased === null || !cased.some(startsCasedConcept))) return [];
  const out: string[] = [];
  spelled.forEach((token, at) => {
    if (inserted.has(at) && SIGN_WORDS.has(token.token) && at > 0) {
      const marker = spelled.slice(at - 1, at + 1);
      out.push(...marker.map((t) => t.token));
      const match = conceptAt(marker, 0, null);
      if (match !== null && match.end === 2) out.push(...(match.concept.phrases[0] ?? []));
      return;
    }
    if (cased === null || !startsCasedConcept(cased[at])) return;
    const match = conceptAt(spelled, at, cased);
    if (match === null || !match.cased || match.end !== at + 1) return;
    if (EMPHASIS_NEXT.has(spelled[at + 1]?.token ?? '')) return;
    out.push(...(match.concept.phrases[0] ?? searchTokens(token.raw)));
  });
  return out;
}
