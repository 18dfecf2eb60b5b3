/**
 * Plain BM25 over one text field: the baseline issue 4 item 8 asks for (Robertson & Zaragoza 2009, with Lucene's
 * non-negative IDF, as Pyserini's published TREC CT figures use). Tokens are lower-cased words, not stemmed; only
 * Lucene's 33-word English stop list is dropped, the list behind the published Pyserini baselines, so our BM25 reads
 * the query the way the baseline we are compared with did.
 */

export interface Bm25Params {
  readonly k1: number;
  readonly b: number;
}

/** The baseline parameters (also Pyserini's for TREC CT). */
export const BASELINE_BM25: Bm25Params = { k1: 0.9, b: 0.4 };

/** Lucene's EnglishAnalyzer.ENGLISH_STOP_WORDS_SET. */
export const LUCENE_STOP_WORDS: ReadonlySet<string> = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(' '),
);

/** Lower-cased words (letters and digits, accents folded) without stop words. */
export function wordTokens(text: string): string[] {
  const folded = text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  return (folded.match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => !LUCENE_STOP_WORDS.has(word));
}

/** An inverted index of one field: postings are flat [doc, tf, doc, tf, ...] arrays. */
export interface Bm25Index {
  readonly ids: readonly string[];
  readonly lengths: Int32Array;
  readonly averageLength: number;
  readonly postings: ReadonlyMap<string, readonly number[]>;
}

/** Indexes documents already split into tokens. */
export function buildBm25Index(docs: readonly { readonly id: string; readonly tokens: readonly string[] }[]): Bm25Index {
  const postings = new Map<string, number[]>();
  const lengths = new Int32Array(docs.length);
  docs.forEach((doc, index) => {
    lengths[index] = doc.tokens.length;
    const counts = new Map<string, number>();
    for (const token of doc.tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
    for (const [token, tf] of counts) {
      const list = postings.get(token);
      if (list === undefined) postings.set(token, [index, tf]);
      else list.push(index, tf);
    }
  });
  const total = lengths.reduce((sum, length) => sum + length, 0);
  return { ids: docs.map((doc) => doc.id), lengths, averageLength: docs.length === 0 ? 0 : total / docs.length, postings };
}

/** Lucene's BM25 IDF, log(1 + (N - df + 0.5) / (df + 0.5)): never negative. */
export function bm25Idf(documents: number, df: number): number {
  return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
}

/**
 * BM25 score of every document for a bag of query tokens (a repeated token counts as often as it is repeated, as in
 * a Lucene boolean query): sum of idf · tf·(k1+1) / (tf + k1·(1 − b + b·dl/avgdl)).
 */
export function bm25Scores(index: Bm25Index, queryTokens: readonly string[], params: Bm25Params = BASELINE_BM25): Float64Array {
  const scores = new Float64Array(index.ids.length);
  const queryCounts = new Map<string, number>();
  for (const token of queryTokens) queryCounts.set(token, (queryCounts.get(token) ?? 0) + 1);
  for (const [token, qtf] of queryCounts) {
    const list = index.postings.get(token);
    if (list === undefined) continue;
    const idf = bm25Idf(index.ids.length, list.length / 2);
    for (let at = 0; at < list.length; at += 2) {
      const doc = list[at]!;
      const tf = list[at + 1]!;
      const norm = 1 - params.b + (params.b * index.lengths[doc]!) / index.averageLength;
      scores[doc] = scores[doc]! + qtf * idf * ((tf * (params.k1 + 1)) / (tf + params.k1 * norm));
    }
  }
  return scores;
}

/** Document ids by descending score, ties by id; only `candidates` (document indexes) when given; at most `limit`. */
export function rankByScore(ids: readonly string[], scores: Float64Array, limit: number, candidates?: Iterable<number>): string[] {
  const pool = candidates === undefined ? ids.map((_, index) => index) : [...candidates];
  return pool
    .sort((a, b) => scores[b]! - scores[a]! || (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0))
    .slice(0, limit)
    .map((index) => ids[index]!);
}
