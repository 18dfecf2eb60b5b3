/**
 * One page of a search, by keyset (seek) pagination, as sqlite/search.ts: each page starts strictly after the
 * previous page's last (sort key, id); the id tie-break makes the order total. Result rows carry the stored
 * summary JSON, so no trial is parsed whole.
 */
import { sql, type Kysely } from 'kysely';
import { InvalidInput } from '../../domain/errors.ts';
import { MAX_PAGE_SIZE, type SearchPage, type StoreQuery, type TrialSummary } from '../../domain/query.ts';
import { decodePageToken, encodePageToken, type PageKey } from '../sqlite/page-token.ts';
import { filterExpression } from './filters.ts';
import { rankOf } from './search-rank.ts';
import type { Database } from './schema.ts';
import { textTsQuery, type CompiledText } from './tsquery.ts';

type Matching = Extract<CompiledText, { kind: 'match' }>;

interface PageRow {
  readonly id: string;
  readonly summary: string;
  readonly sort_key: number | string | null;
}

function checkPageSize(pageSize: number): void {
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new InvalidInput(`pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}`, 'pageSize');
  }
}

function invalidToken(): InvalidInput {
  return new InvalidInput('pageToken is not valid for this search', 'pageToken');
}

/** Rows ranked best first, after `after` when continuing. */
function rankedRows(db: Kysely<Database>, query: StoreQuery, text: Matching, after: PageKey | null, limit: number): Promise<PageRow[]> {
  const rank = rankOf(text.groups);
  const { tsquery } = text;
  let rows = db
    .selectFrom('trials')
    .select(['trials.id', 'trials.summary', rank.as('sort_key')])
    .where(sql<boolean>`trials.search @@ ${tsquery}::tsquery`)
    .where(filterExpression(query, { withoutText: true }));
  if (after !== null) {
    const key = after.key;
    if (typeof key !== 'number') throw invalidToken();
    rows = rows.where((eb) => eb.or([eb(rank, '<', key), eb.and([eb(rank, '=', key), eb('trials.id', '>', after.id)])]));
  }
  return rows.orderBy('sort_key', 'desc').orderBy('trials.id').limit(limit).execute();
}

/** Rows by last update, newest first, undated last (as SQLite sorts NULL), after `after` when continuing. */
function updatedRows(db: Kysely<Database>, query: StoreQuery, after: PageKey | null, limit: number): Promise<PageRow[]> {
  let rows = db
    .selectFrom('trials')
    .select(['trials.id', 'trials.summary', 'trials.last_update as sort_key'])
    .where(filterExpression(query));
  if (after !== null) {
    const key = after.key;
    if (typeof key === 'number') throw invalidToken();
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
  return rows.orderBy(sql`trials.last_update DESC NULLS LAST`).orderBy('trials.id').limit(limit).execute();
}

/** A page of summaries, the total and the token for the next page. */
export async function searchPage(db: Kysely<Database>, query: StoreQuery): Promise<SearchPage> {
  checkPageSize(query.pageSize);
  const after = query.pageToken === null ? null : decodePageToken(query, query.pageToken);
  const text = textTsQuery(query.text);
  // Relevance needs words to rank by; without them it falls back to the 'updated' order.
  // One row more than the page tells whether another page follows.
  const limit = query.pageSize + 1;
  const [found, counted] = await Promise.all([
    text.kind === 'match' && query.sort === 'relevance'
      ? rankedRows(db, query, text, after, limit)
      : updatedRows(db, query, after, limit),
    db.selectFrom('trials').select(sql<number>`count(*)::int`.as('total')).where(filterExpression(query)).executeTakeFirstOrThrow(),
  ]);
  const page = found.slice(0, query.pageSize);
  const last = page.at(-1);
  return {
    total: counted.total,
    trials: page.map((row) => JSON.parse(row.summary) as TrialSummary),
    nextPageToken: found.length > query.pageSize && last !== undefined ? encodePageToken(query, { key: last.sort_key, id: last.id }) : null,
  };
}
