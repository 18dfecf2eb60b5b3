/**
 * What a search page reads from SQLite (shared/index-page.ts assembles it): the page's summaries, the distance order
 * (each trial's nearest open site, measured in SQL by the domain's haversine) and the page's sites.
 */
import { sql, type Kysely } from 'kysely';
import type { GeoPoint } from '../../domain/geo.ts';
import type { StoreQuery } from '../../domain/query.ts';
import type { SiteRow } from '../shared/derived-rows.ts';
import type { PageReads, PageRow } from '../shared/index-page.ts';
import { invalidPageToken, type PageKey } from '../shared/page-token.ts';
import { filterExpression, milesFrom } from './filters.ts';
import type { Database } from './schema.ts';

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

/** What the shared page assembly (shared/index-page.ts) reads from this database. */
export function pageReads(db: Kysely<Database>): PageReads {
  return {
    async summaries(docIds) {
      const found = await db.selectFrom('trials').select(['doc_id', 'summary']).where('doc_id', 'in', [...docIds]).execute();
      return new Map(found.map((row) => [row.doc_id, row.summary]));
    },
    distanceRows: (query, near, after, limit) => distanceRows(db, query, near, after, limit),
    sitesOf: (rows) => sitesOf(db, rows),
  };
}
