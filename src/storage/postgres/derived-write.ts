/**
 * Writes what is derived from trials (cancer types, placeable sites) for a batch, on insert and on re-derivation;
 * re-derivation also rewrites the derived columns of `trials` (field vectors, summary, bitmaps) and the text vectors
 * of `trial_text`. A few array-bound statements per batch whatever its size.
 */
import { sql, type Transaction } from 'kysely';
import type { Trial } from '../../domain/trial.ts';
import type { DerivedRows, SiteRow } from '../shared/derived-rows.ts';
import { insertRows, updateRows, type Column } from './insert-rows.ts';
import type { Database } from './schema.ts';
import { dropWordPostings } from './word-postings.ts';
import { postgresSiteRows, withoutNul, type DerivedColumns, type TextColumns } from './trial-row.ts';

/** A stored (or just inserted) trial and what was derived from it. */
export interface DerivedEntry {
  readonly docId: number;
  readonly trial: Trial;
  readonly derived: DerivedRows;
}

/** A stored trial re-derived: its derived rows and the derived columns of its `trials` row (prepared-row.ts). */
export interface RederivedEntry {
  readonly docId: number;
  readonly derived: DerivedRows;
  readonly columns: DerivedColumns;
}

interface CancerTypeInsert { doc_id: number; type: string }
type SiteInsert = SiteRow & { doc_id: number };
type DerivedUpdate = DerivedColumns & { doc_id: number };

const CANCER_TYPE_COLUMNS: readonly Column<CancerTypeInsert>[] = [
  ['type', 'text', (r) => r.type],
  ['doc_id', 'int4', (r) => r.doc_id],
];
const SITE_COLUMNS: readonly Column<SiteInsert>[] = [
  ['doc_id', 'int4', (r) => r.doc_id],
  ['site_index', 'int4', (r) => r.site_index],
  ['latitude', 'float8', (r) => r.latitude],
  ['longitude', 'float8', (r) => r.longitude],
  ['open', 'bool', (r) => r.open],
  ['source', 'text', (r) => r.source],
  ['facility', 'text', (r) => r.facility],
  ['city', 'text', (r) => r.city],
  ['country', 'text', (r) => r.country],
  ['status', 'text', (r) => r.status],
];
/** The derived columns of `trials`; those of `trial_text` (the text vectors a search reads, migration 0008) follow. */
const DERIVED_COLUMNS: readonly Column<DerivedUpdate>[] = [
  ['summary', 'text', (r) => r.summary],
  ['conditions_search', 'tsvector', (r) => r.conditions_search],
  ['interventions_search', 'tsvector', (r) => r.interventions_search],
  ['treatments', 'int4', (r) => r.treatments],
  ['age_groups', 'int4', (r) => r.age_groups],
  ['uk_sites', 'int4', (r) => r.uk_sites],
];
/** A `trial_text` row: the key and the text vectors, written on insert (upsert.ts) and on re-derivation alike. */
export type TextRow = TextColumns & { doc_id: number };
/** The key of `trials` and `trial_text` rows alike. */
export const DOC_ID: Column<{ doc_id: number }> = ['doc_id', 'int4', (r) => r.doc_id];
export const TEXT_COLUMNS: readonly Column<TextRow>[] = [
  ['search_length', 'int4', (r) => r.search_length],
  ['rank_vector', 'tsvector', (r) => r.rank_vector],
  ['search', 'tsvector', (r) => r.search],
];

/** Inserts the derived child rows of the entries (their `trials` rows already hold the derived columns). */
export async function insertDerivedChildren(tx: Transaction<Database>, entries: readonly Omit<DerivedEntry, 'trial'>[]): Promise<void> {
  const types = entries.flatMap(({ docId, derived }) => derived.cancerTypes.map((type) => ({ doc_id: docId, type: withoutNul(type) })));
  const sites = entries.flatMap(({ docId, derived }) => postgresSiteRows(derived).map((site) => ({ ...site, doc_id: docId })));
  await insertRows(tx, 'trial_cancer_types', CANCER_TYPE_COLUMNS, types);
  await insertRows(tx, 'trial_sites', SITE_COLUMNS, sites);
}

/**
 * Replaces everything derived of stored trials: their derived columns and derived child rows. Their text rows change
 * under the same doc ids, so the word postings made from the old text go (word-postings.ts).
 */
export async function replaceDerived(tx: Transaction<Database>, entries: readonly RederivedEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const docIds = entries.map((entry) => entry.docId);
  await sql`DELETE FROM trial_cancer_types WHERE doc_id = ANY(${docIds}::int4[])`.execute(tx);
  await sql`DELETE FROM trial_sites WHERE doc_id = ANY(${docIds}::int4[])`.execute(tx);
  const updates = entries.map(({ docId, columns }) => ({ ...columns, doc_id: docId }));
  await updateRows(tx, 'trials', DOC_ID, DERIVED_COLUMNS, updates);
  await updateRows(tx, 'trial_text', DOC_ID, TEXT_COLUMNS, updates);
  await dropWordPostings(tx);
  await insertDerivedChildren(tx, entries);
}
