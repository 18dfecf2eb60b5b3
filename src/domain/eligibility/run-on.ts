/**
 * Splits text that lost its list markers into items: sentences, and in old NCI PDQ records (whose bullets were
 * flattened into one line, "No distant metastases Size of initial lesion suitable ...") the places where a new
 * capitalised item starts after a lower-case word. Every character of the input lands in exactly one piece.
 */
import { ITEM_STARTS_NOT, NOT_SENTENCE_ENDS } from './criteria-headings.ts';

/** A piece of text boundary: sentence ends (". " or "; " before a capital, digit or bracket). */
const SENTENCE_END = /[.;](?=\s+["'(]?[A-Z0-9])/g;

function cutAt(text: string, cuts: readonly number[]): string[] {
  const pieces: string[] = [];
  let from = 0;
  for (const cut of cuts) {
    pieces.push(text.slice(from, cut).trim());
    from = cut;
  }
  pieces.push(text.slice(from).trim());
  return pieces.filter((piece) => piece !== '');
}

/** Sentences of a paragraph; abbreviations ("e.g.", "vs.") and decimals do not end one. */
export function splitSentences(text: string): string[] {
  const cuts: number[] = [];
  for (const match of text.matchAll(SENTENCE_END)) {
    const lastWord = /\S+$/.exec(text.slice(0, match.index + 1))?.[0] ?? '';
    if (NOT_SENTENCE_ENDS.has(lastWord) || /^[A-Z]\.$/.test(lastWord)) continue;
    cuts.push(match.index + 1);
  }
  return cutAt(text, cuts);
}

/** Words that lead into what an item is about without naming it: "No previously diagnosed ...". */
const LEAD_WORDS: ReadonlySet<string> = new Set(['no', 'not', 'without', 'any', 'prior', 'previous', 'previously', 'known', 'history', 'of', 'diagnosed', 'documented', 'concurrent', 'active', 'current', 'other']);

/** Words that open an item even before another capitalised word: "... Hodgkin's disease Pathological Stage IIIAS ...". */
const OPENS_ITEMS: ReadonlySet<string> = new Set(['Pathological', 'Pathologic', 'Clinical', 'Histologically', 'Histological', 'Cytologically']);

/**
 * Items of a flattened NCI list: a cut before a capitalised word ("Size") or a letter-and-number code ("L-3", "CD22") that
 * follows a lower-case word, a number or a closing bracket, unless the capitalised word is a name that rarely starts an item ("Karnofsky") or
 * begins a run of capitalised words (a proper name: "Radiation Therapy Oncology Group").
 */
export function splitFlattenedList(text: string): string[] {
  const cuts: number[] = [];
  const words = [...text.matchAll(/\S+/g)];
  for (let i = 1; i < words.length; i += 1) {
    const word = words[i]?.[0] ?? '';
    const previous = words[i - 1]?.[0] ?? '';
    const next = words[i + 1]?.[0] ?? '';
    // A capitalised word, a letter-and-number code ("L-3 and B-cell leukemia included", "CD22 positive acute
    // lymphocytic leukemia"), or an abbreviation joined to a word ("AIDS-related NHL eligible").
    if (!/^(?:[A-Z][a-z]|[A-Z]-\d|[A-Z]{2,4}\d{1,3}\b|[A-Z]{2,5}-[a-z])/.test(word) || ITEM_STARTS_NOT.has(word.replace(/[^A-Za-z'-]+$/, ''))) continue;
    // A run of capitalised words is a name, unless its first word opens items ("Pathological Stage IIIA ...").
    if (!/[a-z0-9%)\]]$/.test(previous) || (/^[A-Z][a-z]/.test(next) && !OPENS_ITEMS.has(word)) || /^(of|or|and|and\/or|with|to|the|for|in)$/.test(previous)) continue;
    if (itemGoesOn(text.slice(0, words[i]?.index ?? 0))) continue;
    // "No previously diagnosed Kaposi's sarcoma": an item of lead words alone has not yet named what it is about.
    if (negatedLeadOnly(text.slice(cuts.at(-1) ?? 0, words[i]?.index ?? 0), word)) continue;
    cuts.push(words[i]?.index ?? 0);
  }
  return cutAt(text, cuts);
}

/**
 * Whether an item's words so far are only a lead that has not yet named what it is about: "No previously diagnosed"
 * before "Kaposi's sarcoma", or "No severe symptomatic" before an abbreviation ("CNS disease").
 */
export function negatedLeadOnly(piece: string, next: string): boolean {
  const words = piece.trim().split(/\s+/);
  if (words.every((w) => LEAD_WORDS.has(w.toLowerCase()))) return true;
  return /^[A-Z]{2,5}\b/.test(next) && /^(?:no|not|without)$/i.test(words[0] ?? '') && words.length <= 4 && words.slice(1).every((w) => /^[a-z-]+$/.test(w));
}

/**
 * Whether an item's words so far cannot end there: inside brackets, or a few words after "except" ("(including any
 * other AIDS-associated malignancy) except stable cutaneous Kaposi's sarcoma"). A capitalised word then goes on it.
 */
export function itemGoesOn(before: string): boolean {
  return (before.match(/\(/g) ?? []).length > (before.match(/\)/g) ?? []).length || /\b(?:except|excluding|other than)(?:\s+[a-z][\w'-]*){0,2}\s*$/.test(before);
}

/** An inline enumeration: "... the following: 1) at least ..., and 2) clearly ..." → its lead and its items. */
export interface Enumeration {
  readonly lead: string;
  readonly items: readonly string[];
}

const INLINE_MARKER = /(?:^|\s)\(?(\d{1,2}|[a-hA-H]|i{1,3}|iv|v)\)\s/g;
const FIRST_MARKERS: ReadonlySet<string> = new Set(['1', 'a', 'A', 'i']);

/** Reads an inline enumeration starting at "1)", "a)" or "i)"; null when the text holds fewer than two markers. */
export function inlineEnumeration(text: string): Enumeration | null {
  const markers = [...text.matchAll(INLINE_MARKER)];
  const first = markers.findIndex((m) => FIRST_MARKERS.has(m[1] ?? ''));
  if (first < 0 || markers.length - first < 2) return null;
  const used = markers.slice(first);
  const lead = text.slice(0, used[0]?.index ?? 0).trim();
  const items = used.map((marker, k) => {
    const start = marker.index + marker[0].length;
    const end = used[k + 1]?.index ?? text.length;
    return text.slice(start, end).trim();
  });
  return { lead, items: items.filter((item) => item !== '') };
}
