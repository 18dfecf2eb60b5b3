/**
 * Joins ready-made word postings (word-postings.ts) in memory: which trials match a query whose every phrase is a
 * listed word, and each one's relevance as the sum of the query's group terms in their order, the same float8 that
 * search-rank.ts's rankOf gives in SQL, bit for bit (a term is exactly 0 where its word is not ranked).
 */
import type { ScoredDocs } from '../shared/fact-index-query.ts';

/** A word's matches in ascending doc id order, with the word's relevance term in each (search-rank.ts). */
export interface PostingList {
  readonly docIds: Int32Array;
  readonly terms: Float64Array;
}

/** A query as the join reads it. */
export interface JoinPlan {
  /** The groups of each clause, by index into `groups`: a trial must match every clause (or, with `any`, one), by any of its groups. */
  readonly clauses: readonly (readonly number[])[];
  /** Every group's list in the query's order, which is the order terms are added in. */
  readonly groups: readonly PostingList[];
  readonly any: boolean;
}

/** Records of (int4 doc id, float8 value), 12 bytes each, big-endian, end to end: as PostgreSQL's int4send/float8send write them. */
export function pairsOf(bytes: Buffer | null): PostingList {
  const count = bytes === null ? 0 : bytes.byteLength / 12;
  const docIds = new Int32Array(count);
  const terms = new Float64Array(count);
  if (bytes !== null) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < count; i++) {
      docIds[i] = view.getInt32(i * 12);
      terms[i] = view.getFloat64(i * 12 + 4);
    }
  }
  return { docIds, terms };
}

/** int4send() values end to end (big-endian), as node-postgres returns a bytea: a Buffer; null when no row matched. */
export function int32sOf(bytes: Buffer | null): Int32Array {
  if (bytes === null) return new Int32Array(0);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values = new Int32Array(bytes.byteLength / 4);
  for (let i = 0; i < values.length; i++) values[i] = view.getInt32(i * 4);
  return values;
}

/** The doc ids in any of the lists, ascending, once each. */
function unionOf(lists: readonly PostingList[]): Int32Array {
  const [only] = lists;
  if (lists.length === 1 && only !== undefined) return only.docIds;
  const all = new Int32Array(lists.reduce((sum, list) => sum + list.docIds.length, 0));
  let at = 0;
  for (const list of lists) {
    all.set(list.docIds, at);
    at += list.docIds.length;
  }
  all.sort();
  let kept = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[kept++] = all[i] ?? 0;
  return all.subarray(0, kept);
}

/**
 * The trials matching the plan, with their relevance when `ranked`. The candidates are the trials of the clause with
 * the fewest postings (of every list, when any clause is enough), visited in doc id order so each list is walked once.
 */
export function joinPostings(plan: JoinPlan, ranked: boolean): ScoredDocs {
  const listsOf = (clause: readonly number[]): PostingList[] => clause.flatMap((group) => plan.groups[group] ?? []);
  const sizeOf = (clause: readonly number[]): number => listsOf(clause).reduce((sum, list) => sum + list.docIds.length, 0);
  const candidates = plan.any
    ? unionOf(plan.groups)
    : unionOf(listsOf(plan.clauses.reduce((best, clause) => (sizeOf(clause) < sizeOf(best) ? clause : best), plan.clauses[0] ?? [])));
  const cursors = new Int32Array(plan.groups.length);
  /** The group's term in the doc, or NaN when its list does not hold the doc; docs must come in ascending order. */
  const seek = (group: number, docId: number): number => {
    const list = plan.groups[group];
    if (list === undefined) return Number.NaN;
    let at = cursors[group] ?? 0;
    while (at < list.docIds.length && (list.docIds[at] ?? 0) < docId) at++;
    cursors[group] = at;
    return list.docIds[at] === docId ? (list.terms[at] ?? 0) : Number.NaN;
  };
  const docIds = new Int32Array(candidates.length);
  const scores = ranked ? new Float64Array(candidates.length) : null;
  let kept = 0;
  for (const docId of candidates) {
    // Under `any` each candidate came from some clause's list.
    if (!plan.any && !plan.clauses.every((clause) => clause.some((group) => !Number.isNaN(seek(group, docId))))) continue;
    docIds[kept] = docId;
    if (scores !== null) {
      let sum = 0;
      for (let group = 0; group < plan.groups.length; group++) {
        const term = seek(group, docId);
        // SQL adds the terms left to right from the first, as here.
        sum = group === 0 ? (Number.isNaN(term) ? 0 : term) : sum + (Number.isNaN(term) ? 0 : term);
      }
      scores[kept] = sum;
    }
    kept++;
  }
  return { docIds: docIds.slice(0, kept), scores: scores === null ? null : scores.slice(0, kept) };
}
