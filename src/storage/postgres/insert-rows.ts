/**
 * Array-bound writes for the PostgreSQL write path: each column is bound as one array and unnest() zips them back
 * into rows, so a batch of any size costs one statement per table.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

/** One column of an unnest insert: its name, its PostgreSQL array type, and how a row gives its value. */
export type Column<R> = readonly [name: string, type: string, value: (row: R) => unknown];

/** The unnest() of the columns' arrays. */
function unnested<R>(columns: readonly Column<R>[], rows: readonly R[]) {
  return sql`unnest(${sql.join(columns.map(([, type, value]) => sql`${rows.map(value)}::${sql.raw(type)}[]`))})`;
}

/** Inserts rows with one statement; for `trials`, returns each new row's [doc_id, id]. */
export async function insertRows<R>(tx: Transaction<Database>, table: string, columns: readonly Column<R>[], rows: readonly R[]): Promise<Array<readonly [unknown, unknown]>> {
  if (rows.length === 0) return [];
  const names = sql.join(columns.map(([name]) => sql.id(name)));
  const returning = table === 'trials' ? sql`RETURNING doc_id, id` : sql``;
  const result = await sql<Record<string, unknown>>`INSERT INTO ${sql.table(table)} (${names}) SELECT * FROM ${unnested(columns, rows)} ${returning}`.execute(tx);
  return result.rows.map((row) => [row.doc_id, row.id] as const);
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
