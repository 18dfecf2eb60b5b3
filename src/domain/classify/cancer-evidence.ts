/**
 * Finds which cancer types one piece of trial text names, and the words that named it. Text goes through the
 * shared normalisation (searchTokens) with signs spelled out first, so "Ph+ ALL" reads "Ph positive ALL".
 */
import { casedSearchTokens, isShouted, spellOutSigns } from '../search-text.ts';
import type { TokenPattern, TokenSpan } from '../vocab/token-pattern.ts';
import { casedForm, findPattern, nextMatch } from '../vocab/token-pattern.ts';
import type { CancerTypeRules } from './cancer-type-vocab.ts';
import { CANCER_TYPE_RULES, NOT_A_DISEASE, NOT_ENROLLED } from './cancer-type-vocab.ts';

/** Where a piece of text comes from; conditions and titles decide, keywords only refine. */
export type TextKind = 'condition' | 'title' | 'keyword';

export interface TrialText {
  readonly kind: TextKind;
  readonly text: string;
}

/** One type named by one text. */
export interface Evidence {
  readonly id: string;
  readonly source: TrialText;
  /** The words that matched, as written. */
  readonly words: string;
  /** Why those words imply the type, when it is not plain naming (a fallback rule). */
  readonly note?: string;
}

/** A text read once for matching: normalised tokens, and cased words unless the text is all capitals. */
export interface ReadText {
  readonly source: TrialText;
  readonly tokens: readonly string[];
  readonly raws: readonly string[];
  readonly cased: readonly string[] | null;
  /** The rules whose match or abbreviation patterns could match here: the others are not tried. */
  readonly candidates: ReadonlySet<CancerTypeRules>;
}

/**
 * The rules by the words their patterns need first (each pattern's first required slot): a text holding none of a
 * rule's words cannot match it, so a text tries only the few rules its own words point to, not all of them.
 */
function rulesByFirstWord(patternsOf: (rules: CancerTypeRules) => readonly TokenPattern[]): Map<string, CancerTypeRules[]> {
  const index = new Map<string, CancerTypeRules[]>();
  for (const rules of CANCER_TYPE_RULES) {
    for (const word of new Set(patternsOf(rules).flatMap((pattern) => [...pattern.firstRequired]))) {
      const list = index.get(word);
      if (list === undefined) index.set(word, [rules]);
      else list.push(rules);
    }
  }
  return index;
}

const BY_WORD = rulesByFirstWord((rules) => rules.match);
const BY_CASED_WORD = rulesByFirstWord((rules) => rules.abbreviations);

function candidatesIn(tokens: readonly string[], cased: readonly string[] | null): Set<CancerTypeRules> {
  const found = new Set<CancerTypeRules>();
  for (const word of tokens) for (const rules of BY_WORD.get(word) ?? []) found.add(rules);
  for (const word of cased ?? []) for (const rules of BY_CASED_WORD.get(word) ?? []) found.add(rules);
  return found;
}

/** Stands for a masked word: not a search token, so no pattern matches it. */
const MASK = '-';

/** Replaces the words of gene, protein and virus names ("anaplastic lymphoma kinase") with a word no type has. */
function masked(words: readonly string[], tokens: readonly string[]): string[] {
  const out = [...words];
  for (const pattern of NOT_A_DISEASE) {
    for (const span of findPattern(pattern, tokens)) out.fill(MASK, span.start, span.end);
  }
  return out;
}

/** Conditions and keywords of at most this many words are names, whatever their case. */
const SHORT_NAME = 4;

function shouted(source: TrialText, words: number): boolean {
  return isShouted(source.text) && (source.kind === 'title' || words > SHORT_NAME);
}

export function readText(source: TrialText): ReadText {
  const tokens = casedSearchTokens(spellOutSigns(source.text));
  const normalised = tokens.map((t) => t.token);
  const plain = masked(normalised, normalised);
  // In a shouted title every word is in capitals, so capitals say nothing about "ALL"; but a short condition or
  // keyword in capitals ("B-ALL", "T-ALL") is an abbreviation, not shouting.
  const cased = shouted(source, normalised.length) ? null : masked(tokens.map((t) => casedForm(t.raw)), normalised);
  return { source, tokens: plain, raws: tokens.map((t) => t.raw), cased, candidates: candidatesIn(plain, cased) };
}

/**
 * The first span any pattern matches; with `enrolledIn`, only spans naming a cancer the patients have (see
 * {@link enrolled}). No callbacks: this runs for every cancer type on every text, and closures made per call cost
 * more than the matching under tsx.
 */
function firstSpan(
  patterns: readonly TokenPattern[],
  tokens: readonly string[] | null,
  enrolledIn: readonly string[] | null = null,
): TokenSpan | null {
  if (tokens === null) return null;
  for (const pattern of patterns) {
    for (let span = nextMatch(pattern, tokens); span !== null; span = nextMatch(pattern, tokens, span.start + 1)) {
      if (enrolledIn === null || enrolled(enrolledIn, span)) return span;
    }
  }
  return null;
}

/** False when the words just before a span make it a cancer to prevent ("risk of developing acute leukaemia"). */
function enrolled(tokens: readonly string[], span: TokenSpan): boolean {
  return !tokens.slice(Math.max(0, span.start - NOT_ENROLLED.within), span.start).some((token) => NOT_ENROLLED.before.has(token));
}

/** True when any pattern matches the text's normalised tokens. */
export function matchesAny(patterns: readonly TokenPattern[], text: ReadText): boolean {
  return firstSpan(patterns, text.tokens) !== null;
}

/** The evidence that the text names the type as one the trial's patients have, or null. */
export function evidenceFor(rules: CancerTypeRules, text: ReadText): Evidence | null {
  if (!text.candidates.has(rules) || matchesAny(rules.unless, text)) return null;
  const span = firstSpan(rules.match, text.tokens, text.tokens) ?? firstSpan(rules.abbreviations, text.cased, text.tokens);
  if (span === null) return null;
  return { id: rules.id, source: text.source, words: text.raws.slice(span.start, span.end).join(' ') };
}

/** A plain-English reason: `condition "Recurrent Adult ALL" names "ALL"`. */
export function describe(evidence: Evidence): string {
  const named = `${evidence.source.kind} "${evidence.source.text}" names "${evidence.words}"`;
  return evidence.note === undefined ? named : `${named}: ${evidence.note}`;
}
