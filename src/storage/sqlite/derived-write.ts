/**
 * Writes what is derived from a trial (cancer types, placeable sites, full-text row, summary and the derived columns
 * of its facts row), on insert and again on re-derivation. Synchronous better-sqlite3 statements, prepared once per
 * connection; callers run them inside their own transaction.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { DerivedRows } from '../shared/derived-rows.ts';
import type { SearchFields } from '../shared/search-fields.ts';
import { prepare } from './prepared.ts';
import type { Database, TrialSitesTable } from './schema.ts';

// Mapped (not interface) types: prepare() needs rows with an index signature.
type SiteInsert = Pick<TrialSitesTable, keyof TrialSitesTable>;
type FtsInsert = Pick<SearchFields, keyof SearchFields> & { rowid: number };

/** The derived-row writer of one connection. */
export interface DerivedWriter {
  /** Inserts the derived child rows and the full-text row of a new `trials` row. */
  insert(docId: number, derived: DerivedRows, fields: SearchFields): void;
  /** Replaces everything derived of a stored trial (re-derivation): child rows, full text, summary, facts bitmaps. */
  replace(docId: number, derived: DerivedRows, fields: SearchFields): void;
}

export function createDerivedWriter(raw: BetterSqlite3.Database, db: Kysely<Database>): DerivedWriter {
  const insertCancerType = prepare<{ type: string; doc_id: number }>(raw, (arg) =>
    db.insertInto('trial_cancer_types').values({ type: arg('type'), doc_id: arg('doc_id') }),
  );
  const insertSite = prepare<SiteInsert>(raw, (arg) =>
    db.insertInto('trial_sites').values({
      doc_id: arg('doc_id'),
      site_index: arg('site_index'),
      latitude: arg('latitude'),
      longitude: arg('longitude'),
      open: arg('open'),
      source: arg('source'),
      facility: arg('facility'),
      city: arg('city'),
      country: arg('country'),
      status: arg('status'),
    }),
  );
  const insertFts = prepare<FtsInsert>(raw, (arg) =>
    db.insertInto('trials_fts').values({
      rowid: arg('rowid'),
      title: arg('title'),
      conditions: arg('conditions'),
      interventions_keywords: arg('interventions_keywords'),
      summary: arg('summary'),
      eligibility: arg('eligibility'),
    }),
  );
  const deleteCancerTypes = prepare<{ doc_id: number }>(raw, (arg) =>
    db.deleteFrom('trial_cancer_types').where('doc_id', '=', arg('doc_id')),
  );
  const deleteSites = prepare<{ doc_id: number }>(raw, (arg) => db.deleteFrom('trial_sites').where('doc_id', '=', arg('doc_id')));
  // contentless_delete (migration 0001) lets a contentless FTS5 row go by its rowid alone.
  const deleteFts = prepare<{ rowid: number }>(raw, (arg) => db.deleteFrom('trials_fts').where('rowid', '=', arg('rowid')));
  const updateSummary = prepare<{ doc_id: number; summary: string }>(raw, (arg) =>
    db.updateTable('trials').set({ summary: arg('summary') }).where('doc_id', '=', arg('doc_id')),
  );
  const updateFacts = prepare<{ doc_id: number; treatments: number; age_groups: number; uk_sites: number }>(raw, (arg) =>
    db
      .updateTable('trial_facts')
      .set({ treatments: arg('treatments'), age_groups: arg('age_groups'), uk_sites: arg('uk_sites') })
      .where('doc_id', '=', arg('doc_id')),
  );

  const insert = (docId: number, derived: DerivedRows, fields: SearchFields): void => {
    for (const type of derived.cancerTypes) insertCancerType.run({ type, doc_id: docId });
    for (const site of derived.sites) insertSite.run({ ...site, open: site.open ? 1 : 0, doc_id: docId });
    insertFts.run({ rowid: docId, ...fields });
  };

  return {
    insert,
    replace(docId, derived, fields) {
      deleteCancerTypes.run({ doc_id: docId });
      deleteSites.run({ doc_id: docId });
      deleteFts.run({ rowid: docId });
      updateSummary.run({ doc_id: docId, summary: derived.summary });
      updateFacts.run({ doc_id: docId, treatments: derived.treatments, age_groups: derived.ageGroups, uk_sites: derived.ukSites });
      insert(docId, derived, fields);
    },
  };
}
