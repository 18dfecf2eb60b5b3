/**
 * The filters the fact index cannot evaluate, evaluated in SQLite's own indexes (FTS5 and the open-site position
 * index) as sets of doc ids for shared/fact-index-query.ts: the free text with each match's relevance, the
 * condition and intervention phrases, and the distance limit.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { StoreQuery } from '../../domain/query.ts';
import type { MatchSets, ScoredDocs } from '../shared/fact-index-query.ts';
import { boundingBox, distanceLimit } from '../shared/nearest-site.ts';
import { MILES_BETWEEN } from './connection.ts';
import type { ExpandedTextQuery } from '../../domain/query-expansion.ts';
import { BM25_WEIGHTS, columnPhrasesMatch, rankedColumnsMatch, textMatch, type FtsColumn } from './fts.ts';

const NOTHING = new Int32Array(0);

/** Every FTS5 match in rowid order: FTS5 lists matches so, and plucked numbers cost far less than a row array each. */
function matching(raw: BetterSqlite3.Database, match: string): Int32Array {
  return Int32Array.from(raw.prepare('SELECT rowid FROM trials_fts WHERE trials_fts MATCH ? ORDER BY rowid').pluck().all(match) as number[]);
}

/**
 * The relevance of every FTS5 match of `match`, in the rowid order of {@link matching}: bm25 is lower for better
 * matches, so it is negated (higher is better).
 */
function relevance(raw: BetterSqlite3.Database, match: string): Float64Array {
  const bm25 = raw
    .prepare(`SELECT bm25(trials_fts, ${BM25_WEIGHTS.join(', ')}) FROM trials_fts WHERE trials_fts MATCH ? ORDER BY rowid`)
    .pluck()
    .all(match) as number[];
  const scores = new Float64Array(bm25.length);
  for (let i = 0; i < bm25.length; i++) scores[i] = -(bm25[i] ?? 0);
  return scores;
}

/**
 * Every match of the text with its relevance. The ids and the scores come from two statements read in one
 * transaction, so both see the same rows in the same order; two plucked lists of numbers cost about half what one
 * [rowid, bm25] array per match did (220,000 matches of "cancer" at 500,000 trials: 413 → 269 ms, medians of 5).
 * Where fts.ts can confine the scoring to the ranking columns, only those matches are scored and the others keep 0,
 * as bm25 gives them ("chemotherapy": 71,891 of 212,799 matches scored).
 */
function scored(raw: BetterSqlite3.Database, text: ExpandedTextQuery, match: string): ScoredDocs {
  const ranking = rankedColumnsMatch(text);
  return raw.transaction((): ScoredDocs => {
    const docIds = matching(raw, match);
    if (ranking === null) return { docIds, scores: relevance(raw, match) };
    const rankedIds = matching(raw, ranking);
    const rankedScores = relevance(raw, ranking);
    // Both lists ascend by rowid, and every ranking-column match is a match: one merge pass.
    const scores = new Float64Array(docIds.length);
    let at = 0;
    for (let i = 0; i < rankedIds.length; i++) {
      const docId = rankedIds[i] ?? 0;
      while (at < docIds.length && (docIds[at] ?? 0) < docId) at++;
      if (docIds[at] === docId) scores[at] = rankedScores[i] ?? 0;
    }
    return { docIds, scores };
  })();
}

/** Any of the values as a phrase in one column; values with no searchable word match nothing (never everything). */
function phrases(raw: BetterSqlite3.Database, column: FtsColumn, values: readonly string[]): Int32Array | null {
  if (values.length === 0) return null;
  const match = columnPhrasesMatch(column, values);
  return match === null ? NOTHING : matching(raw, match);
}

/** Trials with an open site within the limit: the bounding box by index, then the exact distance. */
function within(raw: BetterSqlite3.Database, query: StoreQuery): Int32Array | null {
  const limit = distanceLimit(query);
  if (limit === null) return null;
  const box = boundingBox(limit.near, limit.miles);
  const lon = box.lon === null ? '' : ' AND longitude BETWEEN @lonMin AND @lonMax';
  const statement = raw.prepare(`SELECT DISTINCT doc_id FROM trial_sites
    WHERE open = 1 AND latitude BETWEEN @latMin AND @latMax${lon}
      AND ${MILES_BETWEEN}(latitude, longitude, @lat, @lon) <= @miles`);
  const parameters = {
    latMin: box.lat[0],
    latMax: box.lat[1],
    ...(box.lon === null ? {} : { lonMin: box.lon[0], lonMax: box.lon[1] }),
    lat: limit.near.lat,
    lon: limit.near.lon,
    miles: limit.miles,
  };
  return Int32Array.from(statement.pluck().all(parameters) as number[]);
}

/** The sets of the query; the text matches carry their relevance when `ranked` (a page in relevance order). */
export function sqliteMatchSets(raw: BetterSqlite3.Database, query: StoreQuery, ranked: boolean): MatchSets {
  const text = textMatch(query.text);
  return {
    text: text === null || query.text === null ? null : ranked ? scored(raw, query.text, text) : { docIds: matching(raw, text), scores: null },
    condition: phrases(raw, 'conditions', query.conditions),
    intervention: phrases(raw, 'interventions_keywords', query.interventions),
    within: within(raw, query),
  };
}
