// Scoring of extracted concepts and verdicts against the labels: pure functions, no I/O.
import type { LabelledConcept, Verdict } from './labels.read.ts';
import { VERDICTS } from './labels.read.ts';

/** A concept as the extractor returns it; only the fields docs/eligibility-concepts.md names are read. */
export type PredictedConcept = Readonly<Record<string, unknown>>;

/** The measured part of a concept, in one flat shape for comparison. */
export interface ThresholdFields {
  readonly min?: number;
  readonly max?: number;
  readonly comparator?: string;
  readonly threshold?: number;
  readonly unit?: string;
  readonly withinDays?: number;
  readonly withinYears?: number;
}

export interface ConceptKey {
  readonly type: string;
  readonly value: string;
  readonly polarity: string;
}

/**
 * Two spellings of one fact are one key: "Ph-negative" may be labelled `ph-negative / present` or
 * `ph-positive / absent` (the contract's polarity section uses the second, its vocabulary has the first), likewise
 * MRD. Both sides are brought to the positive value before comparing.
 */
const NEGATIVE_VALUES: Readonly<Record<string, string>> = { 'ph-negative': 'ph-positive', 'mrd-negative': 'mrd-positive' };

export function canonicalKey(type: string, value: string, polarity: string): ConceptKey {
  const positive = NEGATIVE_VALUES[value];
  if (positive !== undefined) return { type, value: positive, polarity: polarity === 'present' ? 'absent' : 'present' };
  return { type, value, polarity };
}

function keyString(k: ConceptKey): string {
  return `${k.type}|${k.value}|${k.polarity}`;
}

function numberField(source: Readonly<Record<string, unknown>>, ...names: string[]): number | undefined {
  for (const name of names) {
    const v = source[name];
    if (typeof v === 'number') return v;
  }
  return undefined;
}

function stringField(source: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const v = source[name];
  return typeof v === 'string' ? v : undefined;
}

/**
 * Reads the measured fields from a predicted concept, flat (`comparator`, `threshold`, `unit`, `min`, ...) or nested
 * under `threshold` (`{ comparator, value, unit, min, max }`): the contract leaves the nesting open.
 */
export function predictedThreshold(concept: PredictedConcept): ThresholdFields {
  const nested = concept.threshold;
  const inner: Readonly<Record<string, unknown>> =
    typeof nested === 'object' && nested !== null && !Array.isArray(nested) ? (nested as Record<string, unknown>) : {};
  return {
    min: numberField(concept, 'min') ?? numberField(inner, 'min'),
    max: numberField(concept, 'max') ?? numberField(inner, 'max'),
    comparator: stringField(concept, 'comparator') ?? stringField(inner, 'comparator'),
    threshold: numberField(concept, 'threshold') ?? numberField(inner, 'value', 'threshold'),
    unit: stringField(concept, 'unit') ?? stringField(inner, 'unit'),
    withinDays: numberField(concept, 'withinDays') ?? numberField(inner, 'withinDays'),
    withinYears: numberField(concept, 'withinYears') ?? numberField(inner, 'withinYears'),
  };
}

export function labelledThreshold(c: LabelledConcept): ThresholdFields {
  return {
    min: c.min,
    max: c.max,
    comparator: c.comparator,
    threshold: c.threshold,
    unit: c.unit,
    withinDays: c.withinDays,
    withinYears: c.withinYears,
  };
}

const THRESHOLD_FIELDS = ['min', 'max', 'comparator', 'threshold', 'unit', 'withinDays', 'withinYears'] as const;

export function hasThreshold(t: ThresholdFields): boolean {
  return THRESHOLD_FIELDS.some((f) => t[f] !== undefined);
}

/** Exact agreement on every measured field the label sets (and none extra). */
export function sameThreshold(gold: ThresholdFields, predicted: ThresholdFields): boolean {
  return THRESHOLD_FIELDS.every((f) => gold[f] === predicted[f]);
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface CriterionScore {
  /** Per concept type. */
  readonly byType: Map<string, Counts>;
  /** Per type and polarity of the labelled (or predicted, for false positives) concept. */
  readonly byTypePolarity: Map<string, Counts>;
  readonly thresholdsLabelled: number;
  readonly thresholdsExact: number;
  readonly errors: { kind: 'missed' | 'spurious' | 'threshold'; concept: string }[];
}

function bump(map: Map<string, Counts>, key: string, field: keyof Counts): void {
  const c = map.get(key) ?? { tp: 0, fp: 0, fn: 0 };
  c[field] += 1;
  map.set(key, c);
}

/**
 * Matches predicted to labelled concepts of one criterion: a match needs type, value and polarity to agree (after
 * `canonicalKey`); each concept is used once. Thresholds are then compared on the matched pairs only.
 */
export function scoreCriterion(gold: readonly LabelledConcept[], predicted: readonly PredictedConcept[]): CriterionScore {
  const byType = new Map<string, Counts>();
  const byTypePolarity = new Map<string, Counts>();
  const errors: CriterionScore['errors'] = [];
  const pool = predicted.map((p) => ({
    key: canonicalKey(String(p.type), String(p.value), String(p.polarity)),
    threshold: predictedThreshold(p),
    used: false,
  }));
  let thresholdsLabelled = 0;
  let thresholdsExact = 0;
  for (const g of gold) {
    const key = canonicalKey(g.type, g.value, g.polarity);
    const goldThreshold = labelledThreshold(g);
    const candidates = pool.filter((p) => !p.used && keyString(p.key) === keyString(key));
    // Prefer a candidate with the same threshold, so two bilirubin limits in one criterion pair up sensibly.
    const match = candidates.find((p) => sameThreshold(goldThreshold, p.threshold)) ?? candidates[0];
    if (match) {
      match.used = true;
      bump(byType, g.type, 'tp');
      bump(byTypePolarity, `${g.type} ${g.polarity}`, 'tp');
      if (hasThreshold(goldThreshold)) {
        thresholdsLabelled += 1;
        if (sameThreshold(goldThreshold, match.threshold)) thresholdsExact += 1;
        else errors.push({ kind: 'threshold', concept: `${keyString(key)} ${JSON.stringify(goldThreshold)} got ${JSON.stringify(match.threshold)}` });
      }
    } else {
      bump(byType, g.type, 'fn');
      bump(byTypePolarity, `${g.type} ${g.polarity}`, 'fn');
      if (hasThreshold(goldThreshold)) thresholdsLabelled += 1;
      errors.push({ kind: 'missed', concept: keyString(key) });
    }
  }
  for (const p of pool.filter((q) => !q.used)) {
    bump(byType, p.key.type, 'fp');
    bump(byTypePolarity, `${p.key.type} ${p.key.polarity}`, 'fp');
    errors.push({ kind: 'spurious', concept: keyString(p.key) });
  }
  return { byType, byTypePolarity, thresholdsLabelled, thresholdsExact, errors };
}

export function addCounts(into: Map<string, Counts>, from: ReadonlyMap<string, Counts>): void {
  for (const [k, c] of from) {
    const t = into.get(k) ?? { tp: 0, fp: 0, fn: 0 };
    t.tp += c.tp;
    t.fp += c.fp;
    t.fn += c.fn;
    into.set(k, t);
  }
}

export interface Prf {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly support: number;
}

/** Precision, recall and F1; an empty denominator gives NaN (printed as "-"), never a flattering 1. */
export function prf(c: Counts): Prf {
  const precision = c.tp / (c.tp + c.fp);
  const recall = c.tp / (c.tp + c.fn);
  const f1 = (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1: Number.isFinite(f1) ? f1 : c.tp === 0 && c.tp + c.fp + c.fn > 0 ? 0 : NaN, support: c.tp + c.fn };
}

export interface VerdictScore {
  readonly perClass: Map<Verdict, Prf>;
  readonly macroF1: number;
  /** confusion.get(expected).get(predicted) */
  readonly confusion: Map<Verdict, Map<string, number>>;
  readonly accuracy: number;
}

/** Per-class precision/recall/F1 over (expected, predicted) pairs; a predicted value outside the three counts as wrong. */
export function scoreVerdicts(pairs: readonly { expected: Verdict; predicted: string }[]): VerdictScore {
  const confusion = new Map<Verdict, Map<string, number>>(VERDICTS.map((v) => [v, new Map<string, number>()]));
  for (const { expected, predicted } of pairs) {
    const row = confusion.get(expected)!;
    row.set(predicted, (row.get(predicted) ?? 0) + 1);
  }
  const perClass = new Map<Verdict, Prf>();
  for (const v of VERDICTS) {
    const tp = pairs.filter((p) => p.expected === v && p.predicted === v).length;
    const fp = pairs.filter((p) => p.expected !== v && p.predicted === v).length;
    const fn = pairs.filter((p) => p.expected === v && p.predicted !== v).length;
    perClass.set(v, prf({ tp, fp, fn }));
  }
  const f1s = [...perClass.values()].map((p) => (Number.isNaN(p.f1) ? 0 : p.f1));
  const correct = pairs.filter((p) => p.expected === p.predicted).length;
  return { perClass, macroF1: f1s.reduce((a, b) => a + b, 0) / f1s.length, confusion, accuracy: correct / pairs.length };
}
