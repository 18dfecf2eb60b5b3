/**
 * The filters the fact index cannot evaluate, evaluated in PostgreSQL's own indexes (the GIN text vectors and the
 * open-site position index) as sets of doc ids for shared/fact-index-query.ts: the free text with each match's
 * relevance, the condition and intervention phrases, and the distance limit. Each set comes back as one row holding
 * its values' binary forms end to end (bytea), far cheaper for the driver than a row per trial, and than text: a broad
 * word's 220,000 matches at 500,000 trials made two strings of several MB that split into 440,000 small strings per
 * concurrent search.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { StoreQuery } from '../../domain/query.ts';
import type { MatchSets, ScoredDocs } from '../shared/fact-index-query.ts';
import { boundingBox, distanceLimit } from '../shared/nearest-site.ts';
import { milesFrom } from './filters.ts';
import type { Database } from './schema.ts';
import { rankOf } from './search-rank.ts';
import { anyPhraseTsQuery, textTsQuery, type CompiledText } from './tsquery.ts';

const NOTHING = new Int32Array(0);

/** int4send() values end to end (big-endian), as node-postgres returns a bytea: a Buffer; null when no row matched. */
function int32s(bytes: Buffer | null): Int32Array {
  if (bytes === null) return NOTHING;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values = new Int32Array(bytes.byteLength / 4);
  for (let i = 0; i < values.length; i++) values[i] = view.getInt32(i * 4);
  return values;
}

/**
 * (int4send(doc_id) || float8send(rank)) records end to end, 12 bytes each, big-endian, as one bytea: a match and its
 * relevance travel together, so no order has to be imposed on the rows to keep two lists aligned.
 */
function scoredPairs(bytes: Buffer | null): ScoredDocs {
  const count = bytes === null ? 0 : bytes.byteLength / 12;
  const docIds = new Int32Array(count);
  const scores = new Float64Array(count);
  if (bytes !== null) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < count; i++) {
      docIds[i] = view.getInt32(i * 12);
      scores[i] = view.getFloat64(i * 12 + 4);
    }
  }
  return { docIds, scores };
}

/**
 * Memory for one match's bitmap of heap pages. Under PostgreSQL's default work_mem (4 MB) the bitmap of a broad word
 * turns lossy, and then every row of a lossy page is rechecked against its TOASTed vector: at 500,000 trials "cancer"
 * (220,000 matches, 100,000 heap pages) listed in 2.2–2.5 s with 66,000 lossy pages, and in 0.45 s with an exact
 * bitmap (EXPLAIN ANALYZE, alternating, issue-3 note). An exact bitmap costs a few bytes per heap page: 32 MB holds
 * one for several times that table, and is only taken while a broad match runs.
 */
const MATCH_WORK_MEM = '32MB';

/**
 * Runs a text match by the GIN index with an exact bitmap. PostgreSQL's planner prices `vector @@ query` as cheap per
 * row, so for a common word it prefers reading the whole table; but each row's vector is TOASTed and must be fetched
 * and decompressed to test it, while the GIN index answers a word (or a concept token) without opening any vector.
 * Measured at 100,000 trials, "cancer" (44 % of them): 750–1,250 ms as a sequential scan, 96–104 ms by the index.
 * SET LOCAL lasts for this transaction only, and is allowed on a read replica.
 */
export function byIndex<T>(db: Kysely<Database>, run: (tx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    // Both settings in one round trip; set_config(..., true) is SET LOCAL.
    await sql`SELECT set_config('enable_seqscan', 'off', true), set_config('work_mem', ${MATCH_WORK_MEM}, true)`.execute(tx);
    return run(tx);
  });
}

function docIds(db: Kysely<Database>, select: RawBuilder<unknown>): Promise<Int32Array> {
  return byIndex(db, async (tx) => {
    const { rows } = await sql<{ ids: Buffer | null }>`SELECT string_agg(int4send(doc_id), ''::bytea) AS ids FROM (${select}) AS matched`.execute(tx);
    return int32s(rows[0]?.ids ?? null);
  });
}

/**
 * Every match of the text, with its relevance (search-rank.ts; higher is better) when `ranked`, in no particular
 * order. The pairs are one aggregate: two ordered string_agg lists sorted the matches twice (at 500,000 trials,
 * "cancer", 220,000 matches, medians of 5: 1,421 ms ordered, 1,205 ms not).
 */
async function scored(db: Kysely<Database>, text: CompiledText, ranked: boolean): Promise<ScoredDocs> {
  if (text.kind !== 'match') return { docIds: NOTHING, scores: ranked ? new Float64Array(0) : null };
  if (!ranked) return { docIds: await docIds(db, sql`SELECT doc_id FROM trial_text WHERE trial_text.search @@ ${text.tsquery}::tsquery`), scores: null };
  const { rows } = await byIndex(db, (tx) =>
    sql<{ pairs: Buffer | null }>`SELECT string_agg(int4send(doc_id) || float8send(rank), ''::bytea) AS pairs
      FROM (SELECT trial_text.doc_id, ${rankOf(text.groups, text.anyWord)} AS rank FROM trial_text WHERE trial_text.search @@ ${text.tsquery}::tsquery) AS matched`.execute(tx),
  );
  return scoredPairs(rows[0]?.pairs ?? null);
}

/** Any of the values as a phrase in one field's vector; values with no searchable word match nothing. */
function phrases(db: Kysely<Database>, column: 'conditions_search' | 'interventions_search', values: readonly string[]): Promise<Int32Array> | null {
  if (values.length === 0) return null;
  const text = anyPhraseTsQuery(values);
  if (text.kind !== 'match') return Promise.resolve(NOTHING);
  return docIds(db, sql`SELECT doc_id FROM trials WHERE ${sql.ref(`trials.${column}`)} @@ ${text.tsquery}::tsquery`);
}

/** Trials with an open site within the limit: the bounding box by index, then the exact distance. */
function within(db: Kysely<Database>, query: StoreQuery): Promise<Int32Array> | null {
  const limit = distanceLimit(query);
  if (limit === null) return null;
  const box = boundingBox(limit.near, limit.miles);
  const lon = box.lon === null ? sql`` : sql` AND s.longitude BETWEEN ${box.lon[0]}::float8 AND ${box.lon[1]}::float8`;
  return docIds(
    db,
    sql`SELECT DISTINCT s.doc_id FROM trial_sites AS s
      WHERE s.open AND s.latitude BETWEEN ${box.lat[0]}::float8 AND ${box.lat[1]}::float8${lon}
        AND ${milesFrom(limit.near)} <= ${limit.miles}::float8`,
  );
}

/** The sets, fetched in parallel on the pool; the text matches carry their relevance when `ranked`. */
export async function postgresMatchSets(db: Kysely<Database>, query: StoreQuery, ranked: boolean): Promise<MatchSets> {
  const text = textTsQuery(query.text);
  const [scoredText, condition, intervention, near] = await Promise.all([
    text.kind === 'none' ? null : scored(db, text, ranked),
    phrases(db, 'conditions_search', query.conditions),
    phrases(db, 'interventions_search', query.interventions),
    within(db, query),
  ]);
  return { text: scoredText, condition, intervention, within: near };
}
