/**
 * One page of a search, by keyset (seek) pagination: each page starts strictly after the previous page's last
 * (sort key, id), so pages stay stable and cheap however deep they go. The id tie-break makes the order total.
 */
import { sql, type Kysely } from 'kysely';
import type { GeoPoint } from '../../domain/geo.ts';
import type { SearchPage, StoreQuery, TrialSummary } from '../../domain/query.ts';
import type { SiteRow } from '../shared/derived-rows.ts';
import { sortsByDistance, withNearestSites } from '../shared/nearest-site.ts';
import { checkPageSize, decodePageToken, encodePageToken, invalidPageToken, type PageKey } from '../shared/page-token.ts';
import { filterExpression, milesFrom } from './filters.ts';
import { BM25_WEIGHTS, textMatch } from './fts.ts';
import type { Database } from './schema.ts';

interface PageRow {
  readonly doc_id: number;
  readonly id: string;
  readonly summary: string;
  readonly sort_key: number | string | null;
}

/** bm25 with our column weights; lower is better (FTS5 returns negated scores). */
const score = sql<number>`bm25(trials_fts, ${sql.join(BM25_WEIGHTS.map((weight) => sql.lit(weight)))})`;

/**
 * Rows ranked by bm25, best first, after `after` when continuing. The ranking runs on the narrow facts rows alone;
 * only the page's winners then read their summary from the wide `trials` rows (a sort with LIMIT would otherwise
 * carry every match's summary through the sorter).
 */
function rankedRows(db: Kysely<Database>, query: StoreQuery, match: string, after: PageKey | null, limit: number): Promise<PageRow[]> {
  let ranked = db
    .selectFrom('trials_fts')
    .innerJoin('trial_facts', 'trial_facts.doc_id', 'trials_fts.rowid')
    .select(['trial_facts.doc_id', 'trial_facts.id', score.as('sort_key')])
    .where(sql<boolean>`trials_fts MATCH ${match}`)
    .where(filterExpression(query, { withoutText: true }));
  if (after !== null) {
    if (typeof after.key !== 'number') throw invalidPageToken();
    const key = after.key;
    ranked = ranked.where((eb) => eb.or([eb(score, '>', key), eb.and([eb(score, '=', key), eb('trial_facts.id', '>', after.id)])]));
  }
  return db
    .selectFrom(ranked.orderBy(score).orderBy('trial_facts.id').limit(limit).as('page'))
    .innerJoin('trials', 'trials.doc_id', 'page.doc_id')
    .select(['page.doc_id', 'page.id', 'trials.summary', 'page.sort_key'])
    .orderBy('page.sort_key')
    .orderBy('page.id')
    .execute();
}

/**
 * Rows by last update, newest first, undated last (SQLite sorts NULL lowest), after `after` when continuing:
 * read in the order of the `trial_facts_by_update` index, summaries fetched for the page only.
 */
function updatedRows(db: Kysely<Database>, query: StoreQuery, after: PageKey | null, limit: number): Promise<PageRow[]> {
  let ordered = db
    .selectFrom('trial_facts')
    .select(['trial_facts.doc_id', 'trial_facts.id', 'trial_facts.last_update as sort_key'])
    .where(filterExpression(query));
  if (after !== null) {
    const key = after.key;
    if (typeof key === 'number') throw invalidPageToken();
    ordered = ordered.where((eb) =>
      key === null
        ? eb.and([eb('trial_facts.last_update', 'is', null), eb('trial_facts.id', '>', after.id)])
        : eb.or([
            eb('trial_facts.last_update', '<', key),
            eb.and([eb('trial_facts.last_update', '=', key), eb('trial_facts.id', '>', after.id)]),
            eb('trial_facts.last_update', 'is', null),
          ]),
    );
  }
  return db
    .selectFrom(ordered.orderBy('trial_facts.last_update', 'desc').orderBy('trial_facts.id').limit(limit).as('page'))
    .innerJoin('trials', 'trials.doc_id', 'page.doc_id')
    .select(['page.doc_id', 'page.id', 'trials.summary', 'page.sort_key'])
    .orderBy('page.sort_key', 'desc')
    .orderBy('page.id')
    .execute();
}

/**
 * Rows by the distance to their nearest open site, nearest first, trials with no placeable open site last, then id;
 * after `after` (miles or null, and id) when continuing.
 */
function distanceRows(db: Kysely<Database>, query: StoreQuery, near: GeoPoint, after: PageKey | null, limit: number): Promise<PageRow[]> {
  const nearest = sql<number | null>`(SELECT min(${milesFrom(near)}) FROM trial_sites AS s WHERE s.doc_id = trial_facts.doc_id AND s.open = 1)`;
  const measured = db
    .selectFrom('trial_facts')
    .select(['trial_facts.doc_id', 'trial_facts.id', nearest.as('sort_key')])
    .where(filterExpression(query))
    .as('measured');
  let ordered = db.selectFrom(measured).select(['measured.doc_id', 'measured.id', 'measured.sort_key']);
  if (after !== null) {
    const key = after.key;
    if (typeof key === 'string') throw invalidPageToken();
    ordered = ordered.where((eb) =>
      key === null
        ? eb.and([eb('measured.sort_key', 'is', null), eb('measured.id', '>', after.id)])
        : eb.or([
            eb('measured.sort_key', '>', key),
            eb.and([eb('measured.sort_key', '=', key), eb('measured.id', '>', after.id)]),
            eb('measured.sort_key', 'is', null),
          ]),
    );
  }
  const page = ordered.orderBy(sql`measured.sort_key IS NULL`).orderBy('measured.sort_key').orderBy('measured.id').limit(limit).as('page');
  return db
    .selectFrom(page)
    .innerJoin('trials', 'trials.doc_id', 'page.doc_id')
    .select(['page.doc_id', 'page.id', 'trials.summary', 'page.sort_key'])
    .orderBy(sql`page.sort_key IS NULL`)
    .orderBy('page.sort_key')
    .orderBy('page.id')
    .execute();
}

/** How many trials match every filter of the query, counted on the narrow facts rows. */
export async function countMatches(db: Kysely<Database>, query: StoreQuery): Promise<number> {
  const row = await db
    .selectFrom('trial_facts')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where(filterExpression(query))
    .executeTakeFirstOrThrow();
  return row.total;
}

/** The stored sites of the page's trials, by trial id, to show each one's nearest open site. */
async function sitesOf(db: Kysely<Database>, rows: readonly PageRow[]): Promise<Map<string, SiteRow[]>> {
  const ids = new Map(rows.map((row) => [row.doc_id, row.id]));
  const sites = new Map<string, SiteRow[]>();
  if (ids.size === 0) return sites;
  const found = await db.selectFrom('trial_sites').selectAll().where('doc_id', 'in', [...ids.keys()]).execute();
  for (const site of found) {
    const id = ids.get(site.doc_id);
    if (id === undefined) continue;
    sites.set(id, [...(sites.get(id) ?? []), { ...site, open: site.open === 1 }]);
  }
  return sites;
}

/**
 * A page of summaries, the total and the token for the next page. `total`, when given, is the count already made
 * by the caller (the combined search with facets counts while faceting), so it is not counted again.
 */
export async function searchPage(db: Kysely<Database>, query: StoreQuery, total?: Promise<number>): Promise<SearchPage> {
  checkPageSize(query.pageSize);
  const after = query.pageToken === null ? null : decodePageToken(query, query.pageToken);
  const match = textMatch(query.text);
  // One row more than the page tells whether another page follows.
  const limit = query.pageSize + 1;
  const rows = (): Promise<PageRow[]> => {
    if (sortsByDistance(query)) return distanceRows(db, query, query.near, after, limit);
    // Relevance needs words to rank by; without them (and for 'distance' without a place) it falls back to 'updated'.
    if (match !== null && query.sort !== 'updated') return rankedRows(db, query, match, after, limit);
    return updatedRows(db, query, after, limit);
  };
  const [found, counted] = await Promise.all([rows(), total ?? countMatches(db, query)]);
  const page = found.slice(0, query.pageSize);
  const last = page.at(-1);
  const summaries = page.map((row) => JSON.parse(row.summary) as TrialSummary);
  return {
    total: counted,
    trials: query.near === null ? summaries : withNearestSites(summaries, await sitesOf(db, page), query.near),
    nextPageToken: found.length > query.pageSize && last !== undefined ? encodePageToken(query, { key: last.sort_key, id: last.id }) : null,
  };
}
