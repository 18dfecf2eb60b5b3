/**
 * Drug names recognised by their target gene, from pharmOncoX's drug → target patterns
 * (vocab/treatment-drug-targets.json, MIT). Used only for intervention names the hand-written vocabulary does not
 * know, mostly new investigational drugs ("Daraxonrasib", "Anti-CLDN18.2 Monoclonal Antibody").
 */
import data from '../vocab/treatment-drug-targets.json' with { type: 'json' };
import { searchTokens } from '../search-text.ts';
import { compileLexicon, hasPhrase } from './treatment-lexicon.ts';
import type { Lexicon } from './treatment-lexicon.ts';

/** The kinds a target can put a drug in; the order is the priority when a drug has targets of several kinds. */
const TARGET_KINDS = ['immunotherapy', 'chemotherapy', 'supportive-care', 'other', 'targeted'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

interface TargetPattern {
  readonly kind: TargetKind;
  readonly names: Lexicon;
  readonly regex: RegExp | null;
}

const KIND_OF_TARGET: ReadonlyMap<string, TargetKind | 'ignore'> = new Map(
  (['immunotherapy', 'chemotherapy', 'supportive-care', 'other', 'ignore'] as const).flatMap((kind) =>
    data.targetKinds[kind].map((symbol) => [symbol, kind] as const),
  ),
);

/** Picks the kind for a drug with several targets: any immune target makes it immunotherapy, and so on. */
function kindFor(symbols: readonly string[]): TargetKind | null {
  const kinds = symbols.map((symbol) => KIND_OF_TARGET.get(symbol) ?? 'targeted');
  return TARGET_KINDS.find((kind) => kinds.includes(kind)) ?? null;
}

/** Splits a pattern on its top-level "|" (not inside parentheses). */
function alternatives(pattern: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of pattern) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === '|' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  return [...parts, current];
}

const PLAIN_NAME = /^[A-Za-z0-9][A-Za-z0-9 .-]*$/;

function compile(pattern: string, symbols: readonly string[]): TargetPattern | null {
  const kind = kindFor(symbols);
  if (kind === null) return null;
  const parts = alternatives(pattern).filter((part) => part.trim() !== '');
  const plain = parts.filter((part) => PLAIN_NAME.test(part));
  const regexes = parts.filter((part) => !PLAIN_NAME.test(part));
  // pharmOncoX writes R regexes; the ones in this list are also valid JavaScript. "\\(" escapes are doubled in the TSV.
  const regex = regexes.length === 0 ? null : new RegExp(regexes.map((part) => part.replaceAll('\\\\', '\\')).join('|'));
  return { kind, names: compileLexicon(plain), regex };
}

/**
 * "<target> inhibitor" phrases by the kind their target gives (vocab treatment-classes.json, `targetInhibitors`):
 * "FGFR2 inhibitor" is targeted, "IDO1 inhibitor" immunotherapy. Targets of ignored (non-cancer) drugs have none.
 */
export function targetInhibitorPhrases(words: readonly string[]): ReadonlyMap<TargetKind, readonly string[]> {
  const symbols = new Set(data.entries.flatMap((entry) => entry.symbols));
  const phrases = new Map<TargetKind, string[]>();
  for (const symbol of symbols) {
    const kind = KIND_OF_TARGET.get(symbol) ?? 'targeted';
    if (kind === 'ignore') continue;
    phrases.set(kind, [...(phrases.get(kind) ?? []), ...words.map((word) => `${symbol} ${word}`)]);
  }
  return phrases;
}

const PATTERNS: readonly TargetPattern[] = data.entries.flatMap(({ pattern, symbols }) => compile(pattern, symbols) ?? []);

/** The treatment kind a drug name gets from its target, or null when no pattern knows it. */
export function drugTargetKind(name: string): TargetKind | null {
  const words = searchTokens(name);
  const hit = PATTERNS.find((entry) => hasPhrase(entry.names, words) || (entry.regex?.test(name) ?? false));
  return hit?.kind ?? null;
}
