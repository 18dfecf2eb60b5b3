/**
 * One page of a search, by keyset (seek) pagination: each page starts strictly after the previous page's last
 * (sort key, id), so pages stay stable and cheap however deep they go. The id tie-break makes the order total.
 */
import { sql, type Kysely } from 'kysely';
import { InvalidInput } from '../../domain/errors.ts';
import { MAX_PAGE_SIZE, type SearchPage, type StoreQuery, type TrialSummary } from '../../domain/query.ts';
import { filterExpression } from './filters.ts';
import { BM25_WEIGHTS, textMatch } from './fts.ts';
import { decodePageToken, encodePageToken, type PageKey } from './page-token.ts';
import type { Database } from './schema.ts';

interface PageRow {
  readonly id: string;
  readonly summary: string;
  readonly sort_key: number | string | null;
}

/** bm25 with our column weights; lower is better (FTS5 returns negated scores). */
const score = sql<number>`bm25(trials_fts, ${sql.join(BM25_WEIGHTS.map((weight) => sql.lit(weight)))})`;

function checkPageSize(pageSize: number): void {
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new InvalidInput(`pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}`, 'pageSize');
  }
}

/** Rows ranked by bm25, best first, after `after` when continuing. */
function rankedRows(db: Kysely<Database>, query: StoreQuery, match: string, after: PageKey | null, limit: number): Promise<PageRow[]> {
  let rows = db
    .selectFrom('trials_fts')
    .innerJoin('trials', 'trials.doc_id', 'trials_fts.rowid')
    .select(['trials.id', 'trials.summary', score.as('sort_key')])
    .where(sql<boolean>`trials_fts MATCH ${match}`)
    .where(filterExpression(query, { withoutText: true }));
  if (after !== null) {
    if (typeof after.key !== 'number') throw new InvalidInput('pageToken is not valid for this search', 'pageToken');
    const key = after.key;
    rows = rows.where((eb) => eb.or([eb(score, '>', key), eb.and([eb(score, '=', key), eb('trials.id', '>', after.id)])]));
  }
  return rows.orderBy(score).orderBy('trials.id').limit(limit).execute();
}

/** Rows by last update, newest first, undated last (SQLite sorts NULL lowest), after `after` when continuing. */
function updatedRows(db: Kysely<Database>, query: StoreQuery, after: PageKey | null, limit: number): Promise<PageRow[]> {
  let rows = db
    .selectFrom('trials')
    .select(['trials.id', 'trials.summary', 'trials.last_update as sort_key'])
    .where(filterExpression(query));
  if (after !== null) {
    const key = after.key;
    if (typeof key === 'number') throw new InvalidInput('pageToken is not valid for this search', 'pageToken');
    rows = rows.where((eb) =>
      key === null
        ? eb.and([eb('trials.last_update', 'is', null), eb('trials.id', '>', after.id)])
        : eb.or([
            eb('trials.last_update', '<', key),
            eb.and([eb('trials.last_update', '=', key), eb('trials.id', '>', after.id)]),
            eb('trials.last_update', 'is', null),
          ]),
    );
  }
  return rows.orderBy('trials.last_update', 'desc').orderBy('trials.id').limit(limit).execute();
}

/** A page of summaries, the total and the token for the next page. */
export async function searchPage(db: Kysely<Database>, query: StoreQuery): Promise<SearchPage> {
  checkPageSize(query.pageSize);
  const after = query.pageToken === null ? null : decodePageToken(query, query.pageToken);
  const match = textMatch(query.text);
  // Relevance needs words to rank by; without them it falls back to the 'updated' order.
  // One row more than the page tells whether another page follows.
  const limit = query.pageSize + 1;
  const [found, counted] = await Promise.all([
    match !== null && query.sort === 'relevance'
      ? rankedRows(db, query, match, after, limit)
      : updatedRows(db, query, after, limit),
    db.selectFrom('trials').select((eb) => eb.fn.countAll<number>().as('total')).where(filterExpression(query)).executeTakeFirstOrThrow(),
  ]);
  const page = found.slice(0, query.pageSize);
  const last = page.at(-1);
  return {
    total: counted.total,
    trials: page.map((row) => JSON.parse(row.summary) as TrialSummary),
    nextPageToken: found.length > query.pageSize && last !== undefined ? encodePageToken(query, { key: last.sort_key, id: last.id }) : null,
  };
}
