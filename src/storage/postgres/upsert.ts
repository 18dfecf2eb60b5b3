/**
 * The write path of `upsertTrials`: one transaction per batch. It takes a transaction-scoped advisory lock first,
 * so writers in several processes queue as SQLite's single writer does (two processes can never both insert the
 * same new trial), reads the stored trials the batch can touch in one query, decides every outcome in memory
 * (upsert-plan.ts), then deletes and inserts with a few array-bound statements (insert-rows.ts) whatever the batch
 * size. Facts are derived only for the trials the plan inserts.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { InvalidInput } from '../../domain/errors.ts';
import type { PostcodeTable } from '../../domain/postcode.ts';
import type { Trial } from '../../domain/trial.ts';
import { IDENTITY_KINDS } from '../shared/child-rows.ts';
import { prepareRow, type PreparedRow } from './prepared-row.ts';
import type { UpsertOutcome } from '../store.ts';
import { DOC_ID, insertDerivedChildren, TEXT_COLUMNS, type DerivedEntry, type TextRow } from './derived-write.ts';
import { insertRows, insertTextRows, insertTrialRows, type Column } from './insert-rows.ts';
import type { Database } from './schema.ts';
import { postgresChildRows, withoutNul, type PostgresTrialRow } from './trial-row.ts';
import { identityIds, planUpsert, type StoredHead } from './upsert-plan.ts';
import { bumpStoreVersion } from './store-version.ts';
import { WRITE_LOCK } from './locks.ts';

const TRIAL_COLUMNS: readonly Column<PostgresTrialRow>[] = [
  ['id', 'text', (r) => r.id],
  ['status', 'text', (r) => r.status],
  ['study_type', 'text', (r) => r.study_type],
  ['sex', 'text', (r) => r.sex],
  ['min_age', 'float8', (r) => r.min_age],
  ['max_age', 'float8', (r) => r.max_age],
  ['healthy_volunteers', 'bool', (r) => r.healthy_volunteers],
  ['has_results', 'bool', (r) => r.has_results],
  ['last_update', 'text', (r) => r.last_update],
  ['record_updated', 'text', (r) => r.record_updated],
  ['source', 'text', (r) => r.source],
  ['content_hash', 'text', (r) => r.content_hash],
  ['imported_at', 'text', (r) => r.imported_at],
  ['brief_title', 'text', (r) => r.brief_title],
  ['conditions_search', 'tsvector', (r) => r.conditions_search],
  ['interventions_search', 'tsvector', (r) => r.interventions_search],
  ['summary', 'text', (r) => r.summary],
  ['json', 'text', (r) => r.json],
  ['treatments', 'int4', (r) => r.treatments],
  ['age_groups', 'int4', (r) => r.age_groups],
  ['uk_sites', 'int4', (r) => r.uk_sites],
];


interface IdInsert { doc_id: number; value: string; kind: string; precedence: number }
interface PhaseInsert { doc_id: number; phase: string }
interface TermInsert { doc_id: number; key: string; name: string }

const ID_COLUMNS: readonly Column<IdInsert>[] = [
  ['value', 'text', (r) => r.value],
  ['doc_id', 'int4', (r) => r.doc_id],
  ['kind', 'text', (r) => r.kind],
  ['precedence', 'int2', (r) => r.precedence],
];
const PHASE_COLUMNS: readonly Column<PhaseInsert>[] = [
  ['doc_id', 'int4', (r) => r.doc_id],
  ['phase', 'text', (r) => r.phase],
];
const TERM_COLUMNS: readonly Column<TermInsert>[] = [
  ['doc_id', 'int4', (r) => r.doc_id],
  ['key', 'text', (r) => r.key],
  ['name', 'text', (r) => r.name],
];

/** The stored trials any trial of the batch can match: by primary id, or by a shared NCT/ISRCTN id. */
async function storedHeads(tx: Kysely<Database>, trials: readonly Trial[]): Promise<StoredHead[]> {
  const ids = [...new Set(trials.map((trial) => withoutNul(trial.id)))];
  const identities = [...new Set(trials.flatMap(identityIds).map(withoutNul))];
  const kinds = [...IDENTITY_KINDS];
  const result = await sql<StoredHead>`
    SELECT t.doc_id, t.id, t.source, t.record_updated, t.content_hash,
      coalesce(array_agg(i.value) FILTER (WHERE i.kind = ANY(${kinds}::text[])), '{}') AS identities
    FROM trials t LEFT JOIN trial_ids i ON i.doc_id = t.doc_id
    WHERE t.id = ANY(${ids}::text[])
      OR t.doc_id IN (SELECT doc_id FROM trial_ids WHERE value = ANY(${identities}::text[]) AND kind = ANY(${kinds}::text[]))
    GROUP BY t.doc_id`.execute(tx);
  return result.rows;
}

/** Inserts the trials and their child rows. */
async function insertTrials(tx: Transaction<Database>, trials: readonly Trial[], rows: ReadonlyMap<Trial, PreparedRow>): Promise<void> {
  const prepared = (trial: Trial): PreparedRow => {
    const found = rows.get(trial);
    if (found === undefined) throw new Error(`No row was prepared for ${trial.id}`);
    return found;
  };
  const inserted = await insertTrialRows(tx, TRIAL_COLUMNS, trials.map((trial) => prepared(trial).row));
  const docIds = new Map(inserted.map(([docId, id]) => [id as string, docId as number]));
  const ids: IdInsert[] = [];
  const phases: PhaseInsert[] = [];
  const terms = { trial_conditions: [] as TermInsert[], trial_interventions: [] as TermInsert[], trial_countries: [] as TermInsert[] };
  const derived: DerivedEntry[] = [];
  const texts: TextRow[] = [];
  for (const trial of trials) {
    const docId = docIds.get(withoutNul(trial.id));
    if (docId === undefined) throw new Error(`No row id came back for ${trial.id}`);
    const { row, derived: facts } = prepared(trial);
    texts.push({ doc_id: docId, search_length: row.search_length, rank_vector: row.rank_vector, search: row.search });
    derived.push({ docId, trial, derived: facts });
    const children = postgresChildRows(trial);
    for (const id of children.ids) ids.push({ ...id, doc_id: docId });
    for (const phase of children.phases) phases.push({ doc_id: docId, phase });
    for (const term of children.conditions) terms.trial_conditions.push({ ...term, doc_id: docId });
    for (const term of children.interventions) terms.trial_interventions.push({ ...term, doc_id: docId });
    for (const term of children.countries) terms.trial_countries.push({ ...term, doc_id: docId });
  }
  await insertTextRows(tx, [DOC_ID, ...TEXT_COLUMNS], texts);
  await insertRows(tx, 'trial_ids', ID_COLUMNS, ids);
  await insertRows(tx, 'trial_phases', PHASE_COLUMNS, phases);
  for (const [table, list] of Object.entries(terms)) await insertRows(tx, table, TERM_COLUMNS, list);
  await insertDerivedChildren(tx, derived);
}

/** The rows of the trials, those prepared ahead (in worker threads) and the others prepared here. */
function storableRows(trials: readonly Trial[], ahead: ReadonlyMap<Trial, PreparedRow>, postcodes: PostcodeTable | null): Map<Trial, PreparedRow> {
  return new Map(trials.map((trial) => [trial, ahead.get(trial) ?? prepareRow(trial, postcodes)]));
}

/** A constraint the batch breaks (a value outside the vocabularies), or a value PostgreSQL cannot read, is bad input. */
function asStoreError(error: unknown): unknown {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (!code.startsWith('23') && !code.startsWith('22')) return error;
  const reason = error instanceof Error ? error.message : code;
  return new InvalidInput(`A trial of the batch cannot be stored: ${reason}`, 'trials');
}

/**
 * The trials of a batch that would be written as things stand (new, or superseding what is stored): the ones worth
 * preparing ahead, in worker threads. A read outside the write transaction, so only a hint for `upsertBatch`.
 */
export async function toPrepare(db: Kysely<Database>, trials: readonly Trial[]): Promise<Trial[]> {
  return planUpsert(trials, await storedHeads(db, trials)).insert;
}

/**
 * Stores one batch atomically; returns one outcome per trial, in order. Uses the rows prepared ahead and prepares
 * any other it writes itself.
 */
export async function upsertBatch(
  db: Kysely<Database>,
  schemaKey: string,
  trials: readonly Trial[],
  postcodes: PostcodeTable | null,
  ahead: ReadonlyMap<Trial, PreparedRow> = new Map(),
): Promise<UpsertOutcome[]> {
  if (trials.length === 0) return [];
  try {
    return await db.transaction().execute(async (tx) => {
      await sql`SELECT pg_advisory_xact_lock(${WRITE_LOCK}, hashtext(${schemaKey}))`.execute(tx);
      const plan = planUpsert(trials, await storedHeads(tx, trials));
      // Child, text and derived rows go by ON DELETE CASCADE.
      if (plan.deleteDocIds.length > 0) await sql`DELETE FROM trials WHERE doc_id = ANY(${plan.deleteDocIds}::int4[])`.execute(tx);
      // Derived only for the trials that will be written: a re-import of unchanged trials classifies nothing.
      await insertTrials(tx, plan.insert, storableRows(plan.insert, ahead, postcodes));
      if (plan.deleteDocIds.length > 0 || plan.insert.length > 0) await bumpStoreVersion(tx);
      return plan.outcomes;
    });
  } catch (error) {
    throw asStoreError(error);
  }
}
