/**
 * The concept rules: the patterns of concept-patterns.json compiled with the shared token-pattern language, and
 * the drugs of src/domain/vocab/drugs.json as prior-treatment rules.
 */
import patterns from './concept-patterns.json' with { type: 'json' };
import drugs from '../vocab/drugs.json' with { type: 'json' };
import { nameVariants } from '../vocab/concepts.ts';
import { compilePattern } from '../vocab/token-pattern.ts';
import type { TokenPattern } from '../vocab/token-pattern.ts';
import { CONCEPT_VALUES } from './criterion.ts';
import type { ConceptType, Polarity } from './criterion.ts';

export interface ConceptRule {
  readonly type: ConceptType;
  readonly value: string;
  /** `absent` when the words name the thing's absence ("CD19 negative"). */
  readonly polarity: Polarity;
  readonly pattern: TokenPattern;
  /** Matched against the words as written (capitals matter). */
  readonly cased: boolean;
  /** "Performance status 70-100": the scale is read from the numbers. */
  readonly inferScale: boolean;
  /**
   * A drug named by its own name that stands for a broad kind of treatment ("topotecan" for chemotherapy): having
   * had that kind does not mean having had this drug.
   */
  readonly namedDrug?: true;
}

interface RawConcept {
  type: string;
  value: string;
  polarity?: string;
  patterns?: string[];
  cased?: string[];
  inferScale?: boolean;
}

interface RawDrug {
  name: string;
  kind: string;
  brands?: string[];
  codes?: string[];
  otherNames?: string[];
  targets?: string[];
}

function checked(type: string, value: string): ConceptType {
  const values = CONCEPT_VALUES[type as ConceptType] as readonly string[] | undefined;
  if (values?.includes(value) !== true) throw new Error(`concept-patterns.json: ${type} / ${value} is not in docs/eligibility-concepts.md.`);
  return type as ConceptType;
}

/**
 * Writes out alternatives of several words, which the token-pattern language does not have: "(mrd|minimal
 * residual disease) positive" becomes "mrd positive" and "minimal residual disease positive".
 */
export function expandAlternatives(source: string): string[] {
  for (let open = source.indexOf('('); open >= 0; open = source.indexOf('(', open + 1)) {
    let depth = 0;
    let close = -1;
    const cuts: number[] = [];
    for (let at = open; at < source.length; at += 1) {
      const char = source[at];
      if (char === '(') depth += 1;
      else if (char === ')') depth -= 1;
      else if (char === '|' && depth === 1) cuts.push(at);
      if (depth === 0) {
        close = at;
        break;
      }
    }
    if (close < 0) throw new Error(`Pattern "${source}": unbalanced brackets.`);
    const body = source.slice(open + 1, close);
    if (!/[\s(]/.test(body)) continue;
    const optional = source[close + 1] === '?';
    const bounds = [open, ...cuts, close];
    const options = bounds.slice(0, -1).map((from, k) => source.slice(from + 1, bounds[k + 1]));
    if (optional) options.push('');
    const head = source.slice(0, open);
    const tail = source.slice(close + (optional ? 2 : 1));
    return options.flatMap((option) => expandAlternatives(`${head} ${option} ${tail}`.replace(/\s+/g, ' ').trim()));
  }
  return [source];
}

function patternRules(): ConceptRule[] {
  const sets = patterns.sets;
  return (patterns.concepts as RawConcept[]).flatMap((raw) => {
    const type = checked(raw.type, raw.value);
    const base = { type, value: raw.value, polarity: (raw.polarity ?? 'present') as Polarity, inferScale: raw.inferScale === true };
    return [
      ...(raw.patterns ?? []).flatMap(expandAlternatives).map((source) => ({ ...base, pattern: compilePattern(source, sets), cased: false })),
      ...(raw.cased ?? []).map((source) => ({ ...base, pattern: compilePattern(source, {}, 'cased'), cased: true })),
    ];
  });
}

function drugValue(drug: RawDrug): string {
  const named = (patterns.drugs.values as Record<string, string>)[drug.name];
  if (named !== undefined) return named;
  if (drug.kind === 'car-t') return 'car-t';
  if (drug.targets?.includes('ABL1') === true) return 'tki';
  // A cytotoxic drug named in a criterion ("intrathecal cytarabine") is chemotherapy, as the contract's labels read it.
  return drug.kind === 'chemotherapy' ? 'chemotherapy' : 'other-drug';
}

function drugRules(): ConceptRule[] {
  const skip = new Set<string>(patterns.drugs.skipKinds);
  return (drugs.drugs as RawDrug[])
    .filter((drug) => !skip.has(drug.kind))
    .flatMap((drug) => {
      const value = drugValue(drug);
      checked('prior-treatment', value);
      const names = [drug.name, ...(drug.brands ?? []), ...(drug.codes ?? []), ...(drug.otherNames ?? [])];
      const phrases = new Set(names.flatMap(nameVariants).map((phrase) => phrase.join(' ')));
      return [...phrases].map((phrase) => ({
        type: 'prior-treatment' as const,
        value,
        polarity: 'present' as const,
        pattern: compilePattern(phrase),
        cased: false,
        inferScale: false,
        ...(value === 'chemotherapy' || value === 'other-drug' ? { namedDrug: true as const } : {}),
      }));
    });
}

/** Every rule, patterns first. */
export const CONCEPT_RULES: readonly ConceptRule[] = [...patternRules(), ...drugRules()];

/** Rules by the words they cannot match without (their first required slot), normalised and cased apart. */
const BY_WORD = { plain: new Map<string, ConceptRule[]>(), cased: new Map<string, ConceptRule[]>() };
for (const rule of CONCEPT_RULES) {
  const index = rule.cased ? BY_WORD.cased : BY_WORD.plain;
  for (const word of rule.pattern.firstRequired) index.set(word, [...(index.get(word) ?? []), rule]);
}

/** The rules that might match a criterion's words: a cheap filter before trying each pattern. */
export function candidateRules(words: readonly string[], cased: readonly string[] | null): Set<ConceptRule> {
  const rules = new Set<ConceptRule>();
  for (const word of words) for (const rule of BY_WORD.plain.get(word) ?? []) rules.add(rule);
  if (cased !== null) for (const word of cased) for (const rule of BY_WORD.cased.get(word) ?? []) rules.add(rule);
  return rules;
}
