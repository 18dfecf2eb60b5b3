/**
 * The PostgreSQL side of the scale benchmark: a fresh schema per run (openPostgresStore's `schema` option), dropped
 * afterwards unless kept; the raw tsvector lookup built with the adapter's own tsquery compiler
 * (src/storage/postgres/tsquery.ts); size as the sum of pg_total_relation_size over the schema's tables; and
 * EXPLAIN (ANALYZE, BUFFERS) of the slowest statement of a search.
 */
import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import type { StoreQuery } from '../../src/domain/query.ts';
import type { PostcodeTable } from '../../src/domain/postcode.ts';
import { openPool, parseConnectionUrl } from '../../src/storage/postgres/connection.ts';
import { dropPostgresSchema, openPostgresStore } from '../../src/storage/postgres/postgres-store.ts';
import type { Database } from '../../src/storage/postgres/schema.ts';
import { byIndex } from '../../src/storage/postgres/by-index.ts';
import { rankOf } from '../../src/storage/postgres/search-rank.ts';
import { textTsQuery } from '../../src/storage/postgres/tsquery.ts';
import type { TrialStore } from '../../src/storage/store.ts';
import { slowestOf, statementLines, type BenchBackend, type DiskUsage } from './bench-backend.ts';
import { ms } from './latency.ts';
import { recordPostgresStatements } from './statement-recorder.ts';

interface SizeRow {
  readonly bytes: string | null;
  readonly tables: string | null;
}

/** A PostgreSQL benchmark backend in schema `schema` of the database at `url`; `postcodes` as for the SQLite one. */
export function postgresBenchBackend(url: string, schema: string, postcodes: PostcodeTable): BenchBackend {
  let db: Kysely<Database> | null = null;
  // A small pool of our own for the raw lookup, sizes and plans, on the same schema as the store.
  const connection = (): Kysely<Database> => {
    db ??= openPool(parseConnectionUrl(url, schema), 2);
    return db;
  };

  return {
    name: 'postgres',
    serverTarget: { kind: 'postgres', url, schema },

    async openStore(fresh: boolean): Promise<TrialStore> {
      if (fresh) await dropPostgresSchema(url, schema);
      // Cold figures: the timed store keeps no recent-text matches (the served one does, as deployed).
      return openPostgresStore(url, { schema, postcodes, textCacheBytes: 0 });
    },

    async settings(): Promise<string[]> {
      const names = ['server_version', 'shared_buffers', 'work_mem', 'maintenance_work_mem', 'max_wal_size', 'wal_buffers', 'synchronous_commit', 'effective_cache_size'];
      const result = await sql<{ name: string; value: string }>`SELECT name, current_setting(name) AS value FROM pg_settings
        WHERE name = ANY(${names}::text[]) ORDER BY name`.execute(connection());
      return [`PostgreSQL settings: ${result.rows.map((row) => `${row.name} ${row.value}`).join(', ')}`];
    },

    async afterImport(): Promise<void> {
      // What autovacuum does by itself within minutes of a bulk insert (insert-triggered vacuum, PostgreSQL 13+):
      // planner statistics, and the visibility map that lets counts and facets use index-only scans. Timed apart.
      const started = performance.now();
      // This schema's tables only: a bare VACUUM would also work through every other schema of the database.
      const tables = await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = ${schema} ORDER BY tablename`.execute(connection());
      for (const { name } of tables.rows) await sql`VACUUM (ANALYZE) ${sql.id(schema, name)}`.execute(connection());
      console.log(`  VACUUM (ANALYZE) after the import: ${((performance.now() - started) / 1000).toFixed(1)} s (not counted in the import time)`);
    },

    async rawTextLookup(text: NonNullable<StoreQuery['text']>): Promise<number> {
      const compiled = textTsQuery(text);
      if (compiled.kind !== 'match') return 0;
      // The relevance search's tsquery and ranking (search-rank.ts), by the GIN index as the adapter reads it
      // (match-sets.ts), without filters, count or facets.
      const result = await byIndex(connection(), (tx) =>
        sql<{ doc_id: number }>`SELECT doc_id FROM trial_text WHERE trial_text.search @@ ${compiled.tsquery}::tsquery
          ORDER BY ${rankOf(compiled.groups, compiled.anyWord)} DESC LIMIT 20`.execute(tx),
      );
      return result.rows.length;
    },

    async diskUsage(): Promise<DiskUsage> {
      // Tables with their indexes and TOAST, in this schema only: a database-size delta would count other sessions' work.
      const result = await sql<SizeRow>`
        SELECT sum(pg_total_relation_size(c.oid))::text AS bytes, count(*)::text AS tables
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ${schema} AND c.relkind IN ('r', 'm')`.execute(connection());
      const row = result.rows[0];
      const bytes = Number(row?.bytes ?? 0);
      return { bytes, detail: `pg_total_relation_size over the ${row?.tables ?? 0} tables of schema ${schema} (heap, TOAST and indexes)` };
    },

    async explainSearch(store: TrialStore, query: StoreQuery): Promise<string[]> {
      let started = performance.now();
      const page = await recordPostgresStatements(() => store.search(query));
      const pageMs = performance.now() - started;
      started = performance.now();
      const facets = await recordPostgresStatements(() => store.facets(query));
      const lines = statementLines(page, facets, pageMs, performance.now() - started);
      lines.push('(statements of one call run in parallel on the pool, so their times overlap)');
      const slowest = slowestOf([...page, ...facets]);
      if (slowest === null) return lines;
      // ANALYZE runs the statement: only for reads; a write's plan is shown without running it.
      const analyse = /^\s*(select|with)\b/i.test(slowest.sql) ? 'ANALYZE, BUFFERS' : 'COSTS';
      lines.push(`EXPLAIN (${analyse}) of the slowest statement (${ms(slowest.ms)} ms):`);
      try {
        const plan = await slowest.connection.query<Record<string, string>>(`EXPLAIN (${analyse}) ${slowest.sql}`, [...slowest.args]);
        for (const row of plan.rows) lines.push(`  ${Object.values(row).join(' ')}`);
      } catch (error) {
        lines.push(`  (no plan: ${error instanceof Error ? error.message : String(error)})`);
      }
      return lines;
    },

    async close(keep: boolean): Promise<void> {
      await db?.destroy();
      db = null;
      if (!keep) await dropPostgresSchema(url, schema);
    },
  };
}
