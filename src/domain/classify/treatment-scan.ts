/**
 * Finds treatment kinds named in one piece of text (an intervention name, an arm description, a title), with the
 * precision rules that matter in registry text: assessments and comparators are neutral, negated mentions do not
 * count, nor do treatments that are only the setting ("patients receiving chemotherapy"), an exact drug name beats a drug-name stem of another kind, and a transplant says whose cells it uses.
 */
import { searchTokens } from '../search-text.ts';
import { shortTextMemo } from '../short-text-memo.ts';
import type { TransplantKind, TreatmentKind } from './treatment-kinds.ts';
import { findPhrases, hasPhrase } from './treatment-lexicon.ts';
import type { PhraseMatch } from './treatment-lexicon.ts';
import { AFTERWARD, ALLOGENEIC, AUTOLOGOUS, AUTOLOGOUS_CLOSE, BACKGROUND, KIND_UNSTATED, COMPANION, KIND_LEXICONS, NEGATION, NEUTRAL } from './treatment-vocab.ts';
import type { Scope } from './treatment-vocab.ts';

export interface KindHit {
  readonly kind: TreatmentKind;
  readonly sub?: TransplantKind;
  /** The matched words, normalised. */
  readonly phrase: string;
  /** A support drug given alongside cancer treatment (counts only in trials that give none). */
  readonly companion?: boolean;
  /** A supplement's kind (`other`: given against the cancer), dropped when the trial is supportive care. */
  readonly unlessSupportive?: boolean;
  /**
   * Named a few words after "after", "following", "undergone" ...: a treatment the patients had before the trial's
   * own, which counts only when an intervention of the trial gives that kind too.
   */
  readonly afterward?: boolean;
  /** Given by a category name ("antibody therapy"), which counts only when the trial names no agent it stands for. */
  readonly category?: boolean;
}

export interface ScanResult {
  readonly hits: readonly KindHit[];
  /** True when the text names an assessment, placebo or comparator. */
  readonly neutral: boolean;
}

const inside = (inner: PhraseMatch, outer: PhraseMatch): boolean =>
  outer.start <= inner.start && inner.end <= outer.end && outer.end - outer.start > inner.end - inner.start;
const overlaps = (a: PhraseMatch, b: PhraseMatch): boolean => a.start < b.end && b.start < a.end;

function negated(words: readonly string[], match: PhraseMatch): boolean {
  const negates = (index: number, set: ReadonlySet<string>): boolean => {
    const word = words[index];
    if (word === undefined || !set.has(word)) return false;
    if (words[index + 1] === 'to') return false; // "prior to surgery" is before surgery
    // "with or without radiotherapy", "with and without G-CSF"
    return !(word === 'without' && (words[index - 1] === 'or' || words[index - 1] === 'and'));
  };
  if (negates(match.start - 1, NEGATION.adjacent)) return true;
  if (NEGATION.pairs.some((pair) => pair.length > 0 && pair.length <= match.start && pair.every((word, i) => words[match.start - pair.length + i] === word))) return true;
  for (let index = Math.max(0, match.start - 3); index < match.start; index += 1) {
    if (negates(index, NEGATION.near)) return true;
  }
  for (let index = Math.max(0, match.start - NEGATION.historyWithin); index < match.start; index += 1) {
    if (negates(index, NEGATION.history)) return true;
  }
  const next = words[match.end];
  return next !== undefined && NEGATION.after.has(next);
}

/** True when the words around a phrase make that treatment the trial's setting ("patients receiving chemotherapy"). */
function background(words: readonly string[], kind: TreatmentKind, match: PhraseMatch): boolean {
  if (BACKGROUND.notFor.has(kind)) return false;
  if (match.start >= 2 && BACKGROUND.beforePairs.has(`${words[match.start - 2]} ${words[match.start - 1]}`)) return true;
  return BACKGROUND.before.has(words[match.start - 1] ?? '') || BACKGROUND.after.has(words[match.end] ?? '');
}

/**
 * True when an "after" word stands up to `AFTERWARD.within` words before the phrase with no stop word between
 * ("IL-12 after high-dose therapy and autologous stem cell support"): the patients had that treatment first.
 */
function afterward(words: readonly string[], match: PhraseMatch): boolean {
  for (let index = match.start - 1; index >= Math.max(0, match.start - AFTERWARD.within); index -= 1) {
    const word = words[index] ?? '';
    if (AFTERWARD.words.has(word)) return true;
    if (AFTERWARD.stop.has(word)) return false;
  }
  return false;
}

/** A support drug the trial randomises ("with or without G-CSF", "with and without filgrastim"). */
function randomised(words: readonly string[], match: PhraseMatch): boolean {
  return words[match.start - 1] === 'without' && (words[match.start - 2] === 'or' || words[match.start - 2] === 'and');
}

/** A phrase found in a text, of one kind. */
interface Listed {
  readonly kind: TreatmentKind;
  readonly match: PhraseMatch;
}

/** Words that join two treatments into one list ("surgery or mastectomy", "chemotherapy and radiotherapy"). */
const JOINING: ReadonlySet<string> = new Set(['or', 'and']);

/**
 * True when joining words, and only they, stand between two phrases; or nothing does and both are of one kind, as an
 * abbreviation right after its phrase ("total body irradiation (TBI) and high-dose chemotherapy").
 */
function joined(words: readonly string[], first: Listed, next: Listed): boolean {
  const between = words.slice(first.match.end, next.match.start);
  if (between.length === 0) return first.kind === next.kind;
  return between.length <= 2 && between.every((word) => JOINING.has(word));
}

/**
 * The phrases that name what the text gives: not negated, not the setting ("patients receiving chemotherapy"), and
 * not joined in a list to one that is ("who have undergone breast-conserving surgery or mastectomy").
 */
function givenOnly<T extends Listed>(words: readonly string[], sorted: readonly T[]): T[] {
  const kept: T[] = [];
  let previous: (Listed & { readonly why: 'negated' | 'background' | null }) | null = null;
  for (const item of sorted) {
    let why: 'negated' | 'background' | null = negated(words, item.match) ? 'negated' : background(words, item.kind, item.match) ? 'background' : null;
    if (why === null && previous?.why != null && joined(words, previous, item)) {
      // A transplant in the setting is still a transplant trial (BACKGROUND.notFor); negation carries to anything.
      if (previous.why === 'negated' || !BACKGROUND.notFor.has(item.kind)) why = previous.why;
    }
    if (why === null) kept.push(item);
    previous = { kind: item.kind, match: item.match, why };
  }
  return kept;
}

/** Donor or own cells, from the words around a transplant phrase (four before, two after; one for "rescue"). */
function transplantKinds(words: readonly string[], match: PhraseMatch): TransplantKind[] {
  const around = words.slice(Math.max(0, match.start - 4), match.end + 2);
  const phrase = words.slice(match.start, match.end);
  const close = hasPhrase(KIND_UNSTATED, phrase) ? [] : words.slice(Math.max(0, match.start - 1), match.end + 1);
  const kinds: TransplantKind[] = [];
  if (hasPhrase(ALLOGENEIC, around)) kinds.push('allogeneic');
  if (hasPhrase(AUTOLOGOUS, around) || hasPhrase(AUTOLOGOUS_CLOSE, close)) kinds.push('autologous');
  return kinds;
}

const NOTHING_FOUND: ScanResult = Object.freeze({ hits: Object.freeze([]), neutral: false });

/** The scans of short texts, kept per scope (short-text-memo.ts): names, labels and keywords recur across trials. */
const KEPT: Readonly<Record<Scope, (text: string) => ScanResult>> = {
  named: shortTextMemo((text) => scanned(text, 'named')),
  described: shortTextMemo((text) => scanned(text, 'described')),
  fallback: shortTextMemo((text) => scanned(text, 'fallback')),
};

/** Every treatment kind `text` names within the lists `scope` allows. */
export function scanText(text: string | null, scope: Scope): ScanResult {
  if (text === null || text.trim() === '') return NOTHING_FOUND;
  return KEPT[scope](text);
}

function scanned(text: string, scope: Scope): ScanResult {
  const words = searchTokens(text);
  const neutralSpans = findPhrases(NEUTRAL, words);
  const found: { kind: TreatmentKind; match: PhraseMatch; companion: boolean }[] = [
    ...KIND_LEXICONS.flatMap(({ kind, lexicons }) =>
      findPhrases(lexicons[scope], words).map((match) => ({ kind, match, companion: false })),
    ),
    ...(scope === 'fallback' ? [] : findPhrases(COMPANION, words)).map((match) => ({
      kind: 'supportive-care' as const,
      match,
      companion: true,
    })),
  ];
  // A phrase inside a longer one of another kind or of an assessment is part of that one: "ablation" in "bone
  // marrow ablation with stem cell support", "infection" in "HIV infection", "pain" in the companion "pain therapy". A
  // stem loses to an exact name.
  const candidates = found
    .filter(({ match }) => !neutralSpans.some((span) => inside(match, span)))
    .filter(({ kind, match, companion }) => !found.some((o) => (o.kind !== kind || (o.companion && !companion)) && inside(match, o.match)))
    .filter(({ kind, match }) => !match.stem || !found.some((o) => o.kind !== kind && !o.match.stem && overlaps(o.match, match)))
    .sort((a, b) => a.match.start - b.match.start);
  const hits = givenOnly(words, candidates)
    .flatMap(({ kind, match, companion }): KindHit[] => {
      const phrase = words.slice(match.start, match.end).join(' ');
      if (companion) return [randomised(words, match) ? { kind, phrase } : { kind, phrase, companion }];
      const before = afterward(words, match) ? { afterward: true } : {};
      if (kind !== 'stem-cell-transplant') return [{ kind, phrase, ...before }];
      const subs = transplantKinds(words, match);
      return subs.length === 0 ? [{ kind, phrase, ...before }] : subs.map((sub) => ({ kind, sub, phrase, ...before }));
    });
  return { hits, neutral: neutralSpans.length > 0 };
}
