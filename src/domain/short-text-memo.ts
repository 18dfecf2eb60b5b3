/**
 * Keeps the results of a pure function of a text for short texts. Registry records repeat their short texts across
 * trials (intervention names, arm labels, keywords, condition names: "Cyclophosphamide", "Placebo", "Acute
 * Lymphoblastic Leukemia"), so an import that classifies or indexes each of them once per process instead of once
 * per trial saves work; long texts (summaries, criteria) are mostly one trial's own and are not kept. Results are
 * frozen, since one result is handed to every later caller; the store is emptied when it is full.
 */
export interface ShortTextMemoOptions {
  /** Texts longer than this are computed every time (default 160 characters). */
  readonly maxChars?: number;
  /** How many results are kept at most (default 50,000). */
  readonly maxEntries?: number;
}

export function shortTextMemo<R extends object>(compute: (text: string) => R, options: ShortTextMemoOptions = {}): (text: string) => R {
  const maxChars = options.maxChars ?? 160;
  const maxEntries = options.maxEntries ?? 50_000;
  const kept = new Map<string, R>();
  return (text) => {
    if (text.length > maxChars) return compute(text);
    const found = kept.get(text);
    if (found !== undefined) return found;
    const result = deepFreeze(compute(text));
    if (kept.size >= maxEntries) kept.clear();
    kept.set(text, result);
    return result;
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
