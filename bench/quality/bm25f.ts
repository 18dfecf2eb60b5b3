/**
 * BM25F over several fields (Robertson, Zaragoza & Taylor 2004; Zaragoza et al., TREC 2004): each field's term
 * frequency is normalised by that field's length, weighted, and summed before one saturation, so a word in the
 * title counts like several in the summary without a long criteria section drowning it. A query term is a group of
 * phrases scored as one term (tf and df of any of them: Indri's #syn), so that the many names of one drug count
 * once, not once per name.
 */
import { bm25Idf } from './bm25.ts';

export type Phrase = readonly string[];

/** A query term: phrases that mean the same thing, and how much the term weighs in the query. */
export interface QueryTerm {
  readonly phrases: readonly Phrase[];
  readonly weight: number;
}

export interface FieldParams {
  readonly weight: number;
  readonly b: number;
}

export interface Bm25fParams<F extends string> {
  readonly k1: number;
  readonly fields: Readonly<Record<F, FieldParams>>;
}

/** A document as token lists per field. */
export interface FieldedDoc<F extends string> {
  readonly id: string;
  readonly fields: Readonly<Record<F, readonly string[]>>;
}

export interface FieldedIndex<F extends string> {
  readonly docs: readonly FieldedDoc<F>[];
  readonly fieldNames: readonly F[];
  readonly averageLengths: Readonly<Record<F, number>>;
  /** token → flat [doc, tf in field 0, tf in field 1, ...] rows, one per document holding it, docs ascending. */
  readonly postings: ReadonlyMap<string, readonly number[]>;
}

/** Indexes fielded documents. */
export function buildFieldedIndex<F extends string>(docs: readonly FieldedDoc<F>[], fieldNames: readonly F[]): FieldedIndex<F> {
  const postings = new Map<string, number[]>();
  const totals = Object.fromEntries(fieldNames.map((field) => [field, 0])) as Record<F, number>;
  docs.forEach((doc, index) => {
    const counts = new Map<string, number[]>();
    fieldNames.forEach((field, f) => {
      totals[field] += doc.fields[field].length;
      for (const token of doc.fields[field]) {
        let row = counts.get(token);
        if (row === undefined) counts.set(token, (row = new Array<number>(fieldNames.length).fill(0)));
        row[f] = row[f]! + 1;
      }
    });
    for (const [token, row] of counts) {
      const list = postings.get(token);
      if (list === undefined) postings.set(token, [index, ...row]);
      else list.push(index, ...row);
    }
  });
  const averageLengths = Object.fromEntries(fieldNames.map((field) => [field, docs.length === 0 ? 0 : totals[field] / docs.length])) as Record<F, number>;
  return { docs, fieldNames, averageLengths, postings };
}

function occurrences(tokens: readonly string[], phrase: Phrase): number {
  let count = 0;
  const first = phrase[0];
  for (let at = tokens.indexOf(first ?? ''); at !== -1 && at + phrase.length <= tokens.length; at = tokens.indexOf(first ?? '', at + 1)) {
    if (phrase.every((word, offset) => tokens[at + offset] === word)) count += 1;
  }
  return count;
}

/** Documents that may hold the phrase: those holding its rarest token. */
function phraseCandidates<F extends string>(index: FieldedIndex<F>, phrase: Phrase): number[] {
  let best: readonly number[] | undefined;
  for (const token of phrase) {
    const list = index.postings.get(token) ?? [];
    if (best === undefined || list.length < best.length) best = list;
  }
  const stride = index.fieldNames.length + 1;
  const docs: number[] = [];
  for (let at = 0; at < (best ?? []).length; at += stride) docs.push(best![at]!);
  return docs;
}

/** Term frequency of a phrase in each field of every document holding it (doc → tf per field). */
function phraseFrequencies<F extends string>(index: FieldedIndex<F>, phrase: Phrase): Map<number, number[]> {
  const out = new Map<number, number[]>();
  if (phrase.length === 1) {
    const list = index.postings.get(phrase[0]!) ?? [];
    const stride = index.fieldNames.length + 1;
    for (let at = 0; at < list.length; at += stride) out.set(list[at]!, list.slice(at + 1, at + stride));
    return out;
  }
  for (const doc of phraseCandidates(index, phrase)) {
    const fields = index.docs[doc]!.fields;
    const row = index.fieldNames.map((field) => occurrences(fields[field], phrase));
    if (row.some((tf) => tf > 0)) out.set(doc, row);
  }
  return out;
}

/** Term frequency per field of a query term (its phrases summed) in every document holding it. */
export function termFieldFrequencies<F extends string>(index: FieldedIndex<F>, term: Pick<QueryTerm, 'phrases'>): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const phrase of term.phrases) {
    if (phrase.length === 0) continue;
    for (const [doc, row] of phraseFrequencies(index, phrase)) {
      const sum = out.get(doc);
      if (sum === undefined) out.set(doc, [...row]);
      else row.forEach((tf, f) => (sum[f] = sum[f]! + tf));
    }
  }
  return out;
}

/**
 * BM25F score of every document (or of `candidates` only; others stay 0): for each query term,
 * weight · idf · tf~·(k1+1) / (k1 + tf~), where tf~ = Σ_field w_f · tf_f / (1 − b_f + b_f · len_f / avglen_f).
 */
export function bm25fScores<F extends string>(
  index: FieldedIndex<F>,
  terms: readonly QueryTerm[],
  params: Bm25fParams<F>,
  candidates?: ReadonlySet<number>,
): Float64Array {
  const scores = new Float64Array(index.docs.length);
  for (const term of terms) {
    const tilde = new Map<number, number>();
    const matching = new Set<number>();
    for (const phrase of term.phrases) {
      if (phrase.length === 0) continue;
      for (const [doc, row] of phraseFrequencies(index, phrase)) {
        matching.add(doc);
        if (candidates !== undefined && !candidates.has(doc)) continue;
        let sum = 0;
        index.fieldNames.forEach((field, f) => {
          const tf = row[f]!;
          if (tf === 0) return;
          const { weight, b } = params.fields[field];
          const average = index.averageLengths[field] || 1;
          sum += (weight * tf) / (1 - b + (b * index.docs[doc]!.fields[field].length) / average);
        });
        if (sum > 0) tilde.set(doc, (tilde.get(doc) ?? 0) + sum);
      }
    }
    // The df is over the whole index, also when only a candidate pool is scored (as BM25 over a pool does).
    const idf = bm25Idf(index.docs.length, matching.size);
    for (const [doc, tf] of tilde) scores[doc] = scores[doc]! + term.weight * idf * ((tf * (params.k1 + 1)) / (params.k1 + tf));
  }
  return scores;
}
