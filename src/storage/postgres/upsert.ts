/**
 * The write path of `upsertTrials`: one transaction per batch. It takes a transaction-scoped advisory lock first,
 * so writers in several processes queue as SQLite's single writer does (two processes can never both insert the
 * same new trial), reads the stored trials the batch can touch in one query, decides every outcome in memory
 * (upsert-plan.ts), then deletes and inserts with a few array-bound statements (unnest) whatever the batch size.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { InvalidInput } from '../../domain/errors.ts';
import type { Trial } from '../../domain/trial.ts';
import { IDENTITY_KINDS } from '../sqlite/trial-row.ts';
import type { UpsertOutcome } from '../store.ts';
import type { Database } from './schema.ts';
import { postgresChildRows, postgresTrialRow, withoutNul, type PostgresTrialRow } from './trial-row.ts';
import { identityIds, planUpsert, type StoredHead } from './upsert-plan.ts';
import { WRITE_LOCK } from './locks.ts';

type Row = readonly unknown[];

/** One column of an unnest insert: its name, its PostgreSQL array type, and how a row gives its value. */
type Column<R> = readonly [name: string, type: string, value: (row: R) => unknown];

/** Inserts rows with one statement: each column is bound as one array and unnest() zips them back into rows. */
async function insertRows<R>(tx: Transaction<Database>, table: string, columns: readonly Column<R>[], rows: readonly R[]): Promise<Row[]> {
  if (rows.length === 0) return [];
  const names = sql.join(columns.map(([name]) => sql.id(name)));
  const arrays = sql.join(columns.map(([, type, value]) => sql`${rows.map(value)}::${sql.raw(type)}[]`));
  const returning = table === 'trials' ? sql`RETURNING doc_id, id` : sql``;
  const result = await sql<Record<string, unknown>>`INSERT INTO ${sql.table(table)} (${names}) SELECT * FROM unnest(${arrays}) ${returning}`.execute(tx);
  return result.rows.map((row) => [row.doc_id, row.id]);
}

const TRIAL_COLUMNS: readonly Column<PostgresTrialRow>[] = [
  ['id', 'text', (r) => r.id],
  ['status', 'text', (r) => r.status],
  ['study_type', 'text', (r) => r.study_type],
  ['sex', 'text', (r) => r.sex],
  ['min_age', 'float8', (r) => r.min_age],
  ['max_age', 'float8', (r) => r.max_age],
  ['healthy_volunteers', 'bool', (r) => r.healthy_volunteers],
  ['has_results', 'bool', (r) => r.has_results],
  ['search_length', 'int4', (r) => r.search_length],
  ['last_update', 'text', (r) => r.last_update],
  ['record_updated', 'text', (r) => r.record_updated],
  ['source', 'text', (r) => r.source],
  ['content_hash', 'text', (r) => r.content_hash],
  ['imported_at', 'text', (r) => r.imported_at],
  ['brief_title', 'text', (r) => r.brief_title],
  ['search', 'tsvector', (r) => r.search],
  ['conditions_search', 'tsvector', (r) => r.conditions_search],
  ['interventions_search', 'tsvector', (r) => r.interventions_search],
  ['summary', 'text', (r) => r.summary],
  ['json', 'text', (r) => r.json],
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
async function storedHeads(tx: Transaction<Database>, trials: readonly Trial[]): Promise<StoredHead[]> {
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
async function insertTrials(tx: Transaction<Database>, trials: readonly Trial[], rows: ReadonlyMap<Trial, PostgresTrialRow>): Promise<void> {
  const inserted = await insertRows(tx, 'trials', TRIAL_COLUMNS, trials.map((trial) => rows.get(trial) as PostgresTrialRow));
  const docIds = new Map(inserted.map(([docId, id]) => [id as string, docId as number]));
  const ids: IdInsert[] = [];
  const phases: PhaseInsert[] = [];
  const terms = { trial_conditions: [] as TermInsert[], trial_interventions: [] as TermInsert[], trial_countries: [] as TermInsert[] };
  for (const trial of trials) {
    const docId = docIds.get(withoutNul(trial.id));
    if (docId === undefined) throw new Error(`No row id came back for ${trial.id}`);
    const children = postgresChildRows(trial);
    for (const id of children.ids) ids.push({ ...id, doc_id: docId });
    for (const phase of children.phases) phases.push({ doc_id: docId, phase });
    for (const term of children.conditions) terms.trial_conditions.push({ ...term, doc_id: docId });
    for (const term of children.interventions) terms.trial_interventions.push({ ...term, doc_id: docId });
    for (const term of children.countries) terms.trial_countries.push({ ...term, doc_id: docId });
  }
  await insertRows(tx, 'trial_ids', ID_COLUMNS, ids);
  await insertRows(tx, 'trial_phases', PHASE_COLUMNS, phases);
  for (const [table, list] of Object.entries(terms)) await insertRows(tx, table, TERM_COLUMNS, list);
}

/** The rows, or bad input when a trial holds a value JSON cannot represent (such as a BigInt). */
function storableRows(trials: readonly Trial[]): Map<Trial, PostgresTrialRow> {
  const rows = new Map<Trial, PostgresTrialRow>();
  for (const trial of trials) {
    try {
      rows.set(trial, postgresTrialRow(trial));
    } catch (error) {
      throw new InvalidInput(`Trial ${trial.id} cannot be stored as JSON: ${String(error)}`, 'trials');
    }
  }
  return rows;
}

/** A constraint the batch breaks (a value outside the vocabularies), or a value PostgreSQL cannot read, is bad input. */
function asStoreError(error: unknown): unknown {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (!code.startsWith('23') && !code.startsWith('22')) return error;
  const reason = error instanceof Error ? error.message : code;
  return new InvalidInput(`A trial of the batch cannot be stored: ${reason}`, 'trials');
}

/** Stores one batch atomically; returns one outcome per trial, in order. */
export async function upsertBatch(db: Kysely<Database>, schemaKey: string, trials: readonly Trial[]): Promise<UpsertOutcome[]> {
  if (trials.length === 0) return [];
  const rows = storableRows(trials);
  try {
    return await db.transaction().execute(async (tx) => {
      await sql`SELECT pg_advisory_xact_lock(${WRITE_LOCK}, hashtext(${schemaKey}))`.execute(tx);
      const plan = planUpsert(trials, await storedHeads(tx, trials));
      // Child rows go by ON DELETE CASCADE; the vectors live on the trial row itself.
      if (plan.deleteDocIds.length > 0) await sql`DELETE FROM trials WHERE doc_id = ANY(${plan.deleteDocIds}::int4[])`.execute(tx);
      await insertTrials(tx, plan.insert, rows);
      return plan.outcomes;
    });
  } catch (error) {
    throw asStoreError(error);
  }
}
