/**
 * Batched writes for the PostgreSQL write path. Child tables (many narrow rows) bind each column as one array that
 * unnest() zips back into rows, so a batch of any size costs one statement per table. The trials table (a few large
 * text values per row: the JSON, the summary, the field vectors) and `trial_text` (three text vectors) bind each
 * value as its own parameter in a multi-row VALUES: an array literal of megabytes is escaped by the driver and parsed
 * again by the server, which made the unnest() insert of 1,000 trials about 1.7 times as slow (median of 8
 * alternating runs, var/pg-vals in the issue-3 note).
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

/** One column of an unnest insert: its name, its PostgreSQL array type, and how a row gives its value. */
export type Column<R> = readonly [name: string, type: string, value: (row: R) => unknown];

/** The unnest() of the columns' arrays. */
function unnested<R>(columns: readonly Column<R>[], rows: readonly R[]) {
  return sql`unnest(${sql.join(columns.map(([, type, value]) => sql`${rows.map(value)}::${sql.raw(type)}[]`))})`;
}

/** Inserts rows with one statement. */
export async function insertRows<R>(tx: Transaction<Database>, table: string, columns: readonly Column<R>[], rows: readonly R[]): Promise<void> {
  if (rows.length === 0) return;
  const names = sql.join(columns.map(([name]) => sql.id(name)));
  await sql`INSERT INTO ${sql.table(table)} (${names}) SELECT * FROM ${unnested(columns, rows)}`.execute(tx);
}

/** The protocol's limit on parameters per statement. */
const MAX_PARAMETERS = 65_535;

/**
 * Inserts rows of large values, one parameter per value, in as few multi-row VALUES statements as the parameter limit
 * allows; returns what each statement's RETURNING clause gives, if it has one.
 */
async function insertLargeRows<R>(
  tx: Transaction<Database>,
  table: string,
  columns: readonly Column<R>[],
  rows: readonly R[],
  returning = sql``,
): Promise<Array<Record<string, unknown>>> {
  const names = sql.join(columns.map(([name]) => sql.id(name)));
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const returned: Array<Record<string, unknown>> = [];
  for (let start = 0; start < rows.length; start += perStatement) {
    const values = rows
      .slice(start, start + perStatement)
      .map((row) => sql`(${sql.join(columns.map(([, type, value]) => sql`${value(row)}::${sql.raw(type)}`))})`);
    const result = await sql<Record<string, unknown>>`INSERT INTO ${sql.table(table)} (${names}) VALUES ${sql.join(values)}${returning}`.execute(tx);
    returned.push(...result.rows);
  }
  return returned;
}

/** Inserts `trials` rows; returns each new row's [doc_id, id]. */
export async function insertTrialRows<R>(tx: Transaction<Database>, columns: readonly Column<R>[], rows: readonly R[]): Promise<Array<readonly [unknown, unknown]>> {
  const inserted = await insertLargeRows(tx, 'trials', columns, rows, sql` RETURNING doc_id, id`);
  return inserted.map((row) => [row.doc_id, row.id] as const);
}

/** Inserts `trial_text` rows (three text vectors each), one parameter per value as for `trials`. */
export async function insertTextRows<R>(tx: Transaction<Database>, columns: readonly Column<R>[], rows: readonly R[]): Promise<void> {
  await insertLargeRows(tx, 'trial_text', columns, rows);
}

/** Updates rows by `doc_id` with one statement: `key` names the column holding each row's doc_id. */
export async function updateRows<R>(tx: Transaction<Database>, table: string, key: Column<R>, columns: readonly Column<R>[], rows: readonly R[]): Promise<void> {
  if (rows.length === 0) return;
  const all = [key, ...columns];
  const names = sql.join(all.map(([name]) => sql.id(name)));
  const set = sql.join(columns.map(([name]) => sql`${sql.id(name)} = v.${sql.id(name)}`));
  await sql`UPDATE ${sql.table(table)} AS t SET ${set} FROM ${unnested(all, rows)} AS v (${names})
    WHERE t.${sql.id(key[0])} = v.${sql.id(key[0])}`.execute(tx);
}
