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
import { byIndex } from './by-index.ts';
import { int32sOf, pairsOf } from './posting-lists.ts';
import { rankOf } from './search-rank.ts';
import { anyPhraseTsQuery, textTsQuery, type CompiledText } from './tsquery.ts';
import { matchesFromPostings } from './word-postings.ts';

const NOTHING = new Int32Array(0);

function docIds(db: Kysely<Database>, select: RawBuilder<unknown>): Promise<Int32Array> {
  return byIndex(db, async (tx) => {
    const { rows } = await sql<{ ids: Buffer | null }>`SELECT string_agg(int4send(doc_id), ''::bytea) AS ids FROM (${select}) AS matched`.execute(tx);
    return int32sOf(rows[0]?.ids ?? null);
  });
}

/**
 * Every match of the text, with its relevance (search-rank.ts; higher is better) when `ranked`, in no particular
 * order: from the word postings where they apply (word-postings.ts), else by the index. The pairs are one aggregate:
 * two ordered string_agg lists sorted the matches twice (at 500,000 trials, "cancer", 220,000 matches, medians of 5:
 * 1,421 ms ordered, 1,205 ms not).
 */
async function scored(db: Kysely<Database>, text: CompiledText, ranked: boolean): Promise<ScoredDocs> {
  if (text.kind !== 'match') return { docIds: NOTHING, scores: ranked ? new Float64Array(0) : null };
  const listed = await matchesFromPostings(db, text, ranked);
  if (listed !== null) return listed;
  if (!ranked) return { docIds: await docIds(db, sql`SELECT doc_id FROM trial_text WHERE trial_text.search @@ ${text.tsquery}::tsquery`), scores: null };
  const { rows } = await byIndex(db, (tx) =>
    sql<{ pairs: Buffer | null }>`SELECT string_agg(int4send(doc_id) || float8send(rank), ''::bytea) AS pairs
      FROM (SELECT trial_text.doc_id, ${rankOf(text.groups, text.anyWord)} AS rank FROM trial_text WHERE trial_text.search @@ ${text.tsquery}::tsquery) AS matched`.execute(tx),
  );
  const pairs = pairsOf(rows[0]?.pairs ?? null);
  return { docIds: pairs.docIds, scores: pairs.terms };
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
