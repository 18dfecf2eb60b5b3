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
import { BM25_WEIGHTS, columnPhrasesMatch, textMatch, type FtsColumn } from './fts.ts';

const NOTHING = new Int32Array(0);

/** Every FTS5 match with its relevance: bm25 is lower for better matches, so it is negated (higher is better). */
function scored(raw: BetterSqlite3.Database, match: string): ScoredDocs {
  const rows = raw
    .prepare(`SELECT rowid, bm25(trials_fts, ${BM25_WEIGHTS.join(', ')}) FROM trials_fts WHERE trials_fts MATCH ?`)
    .raw(true)
    .all(match) as Array<[number, number]>;
  const docIds = new Int32Array(rows.length);
  const scores = new Float64Array(rows.length);
  rows.forEach(([docId, bm25], i) => {
    docIds[i] = docId;
    scores[i] = -bm25;
  });
  return { docIds, scores };
}

function matching(raw: BetterSqlite3.Database, match: string): Int32Array {
  return Int32Array.from(raw.prepare('SELECT rowid FROM trials_fts WHERE trials_fts MATCH ?').pluck().all(match) as number[]);
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
    text: text === null ? null : ranked ? scored(raw, text) : { docIds: matching(raw, text), scores: null },
    condition: phrases(raw, 'conditions', query.conditions),
    intervention: phrases(raw, 'interventions_keywords', query.interventions),
    within: within(raw, query),
  };
}
