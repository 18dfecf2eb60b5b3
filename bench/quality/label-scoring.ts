/** Per-class precision, recall and F1 for multi-label classification, with micro and macro averages. */

export interface LabelledItem {
  readonly id: string;
  readonly expected: ReadonlySet<string>;
  readonly predicted: ReadonlySet<string>;
}

export interface ClassFigures {
  readonly name: string;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  /** Items expected to have the class. */
  readonly support: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** One item's mistake on one class. */
export interface LabelError {
  readonly id: string;
  readonly name: string;
  readonly kind: 'false-positive' | 'false-negative';
}

const ratio = (a: number, b: number): number => (b === 0 ? Number.NaN : a / b);
const f1Of = (p: number, r: number): number => (Number.isNaN(p) || Number.isNaN(r) || p + r === 0 ? Number.NaN : (2 * p * r) / (p + r));

function figuresOf(name: string, tp: number, fp: number, fn: number): ClassFigures {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return { name, truePositives: tp, falsePositives: fp, falseNegatives: fn, support: tp + fn, precision, recall, f1: f1Of(precision, recall) };
}

export interface ScoreSheet {
  readonly classes: readonly ClassFigures[];
  /** Over every (item, class) decision. */
  readonly micro: ClassFigures;
  /** Unweighted mean over the classes with support; a class never predicted counts 0 for precision and F1. */
  readonly macro: { readonly precision: number; readonly recall: number; readonly f1: number };
  readonly errors: readonly LabelError[];
}

/** Scores predictions against labels for the given classes (any other class in an item is ignored). */
export function scoreLabels(items: readonly LabelledItem[], classes: readonly string[]): ScoreSheet {
  const errors: LabelError[] = [];
  const figures = classes.map((name) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const item of items) {
      const expected = item.expected.has(name);
      const predicted = item.predicted.has(name);
      if (expected && predicted) tp += 1;
      else if (predicted) {
        fp += 1;
        errors.push({ id: item.id, name, kind: 'false-positive' });
      } else if (expected) {
        fn += 1;
        errors.push({ id: item.id, name, kind: 'false-negative' });
      }
    }
    return figuresOf(name, tp, fp, fn);
  });
  const sum = (key: 'truePositives' | 'falsePositives' | 'falseNegatives'): number => figures.reduce((total, row) => total + row[key], 0);
  const supported = figures.filter((row) => row.support > 0);
  const mean = (values: readonly number[]): number =>
    values.length === 0 ? Number.NaN : values.reduce((a, b) => a + (Number.isNaN(b) ? 0 : b), 0) / values.length;
  return {
    classes: figures,
    micro: figuresOf('micro', sum('truePositives'), sum('falsePositives'), sum('falseNegatives')),
    macro: { precision: mean(supported.map((r) => r.precision)), recall: mean(supported.map((r) => r.recall)), f1: mean(supported.map((r) => r.f1)) },
    errors: errors.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.name < b.name ? -1 : 1)),
  };
}
