/**
 * One page of a search, by keyset (seek) pagination: each page starts strictly after the previous page's last
 * (sort key, id), so pages stay stable and cheap however deep they go. The id tie-break makes the order total.
 */
import { sql, type Kysely } from 'kysely';
import type { GeoPoint } from '../../domain/geo.ts';
import type { SearchPage, StoreQuery, TrialSummary } from '../../domain/query.ts';
import type { SiteRow } from '../shared/derived-rows.ts';
import { sortsByDistance, withNearestSites } from '../shared/nearest-site.ts';
import type { FactIndex } from '../shared/fact-index.ts';
import { pageOf, totalOf, type Candidates, type Ranked } from '../shared/fact-index-query.ts';
import { encodePageToken, invalidPageToken, type PageKey } from '../shared/page-token.ts';
import { filterExpression, milesFrom } from './filters.ts';
import type { Database } from './schema.ts';

interface PageRow {
  readonly doc_id: number;
  readonly id: string;
  readonly summary: string;
  readonly sort_key: number | string | null;
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

/** The summaries of the ranked page, in its order (a trial deleted since the index was built drops out). */
async function rankedPage(db: Kysely<Database>, index: FactIndex, ranked: readonly Ranked[]): Promise<PageRow[]> {
  if (ranked.length === 0) return [];
  const docIds = ranked.map((row) => index.docIds[row.slot] ?? -1);
  const found = await db.selectFrom('trials').select(['doc_id', 'summary']).where('doc_id', 'in', docIds).execute();
  const summaries = new Map(found.map((row) => [row.doc_id, row.summary]));
  return ranked.flatMap((row, n) => {
    const docId = docIds[n] ?? -1;
    const summary = summaries.get(docId);
    return summary === undefined ? [] : [{ doc_id: docId, id: index.ids[row.slot] ?? '', summary, sort_key: row.key }];
  });
}

/**
 * A page of summaries, the total and the token for the next page, for the candidates the fact index found
 * (shared/fact-index-query.ts), continuing after `after` (see pageStart): relevance and last-update orders are ranked
 * in the index; distance is measured here.
 */
export async function searchPage(
  db: Kysely<Database>,
  query: StoreQuery,
  after: PageKey | null,
  index: FactIndex,
  candidates: Candidates,
): Promise<SearchPage> {
  // One row more than the page tells whether another page follows.
  const limit = query.pageSize + 1;
  const rows = (): Promise<PageRow[]> => {
    if (sortsByDistance(query)) return distanceRows(db, query, query.near, after, limit);
    // Relevance needs words to rank by; without them (and for 'distance' without a place) it falls back to 'updated'.
    const order = candidates.scores !== null ? 'relevance' : 'updated';
    return rankedPage(db, index, pageOf(index, candidates, order, after, limit));
  };
  const found = await rows();
  const page = found.slice(0, query.pageSize);
  const last = page.at(-1);
  const summaries = page.map((row) => JSON.parse(row.summary) as TrialSummary);
  return {
    total: totalOf(candidates),
    trials: query.near === null ? summaries : withNearestSites(summaries, await sitesOf(db, page), query.near),
    nextPageToken: found.length > query.pageSize && last !== undefined ? encodePageToken(query, { key: last.sort_key, id: last.id }) : null,
  };
}
