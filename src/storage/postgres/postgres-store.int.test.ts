/**
 * The PostgreSQL adapter: the whole store contract, then what only PostgreSQL has (concurrent migrations, a read
 * pool, the schema parameter, a killed writer). Runs only with TEST_DATABASE_URL; scripts/run-tests.mjs prints the
 * line saying it was skipped. Every store lives in a fresh random schema, dropped at the end.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { postgresBackend, randomSchema } from '../../../test/support/backends.ts';
import { InvalidInput, Unavailable } from '../../domain/errors.ts';
import { searchFor } from '../store.contract.search.ts';
import { runStoreContract } from '../store.contract.ts';
import { buildTrial, corpus, syntheticTrial } from '../test-trials.ts';
import { openPool, parseConnectionUrl } from './connection.ts';
import { postgresMatchSets } from './match-sets.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { dropPostgresSchema, openPostgresStore } from './postgres-store.ts';

const url = process.env.TEST_DATABASE_URL?.trim() ?? '';

/** A URL for the same server that selects `schema`. */
function urlWithSchema(schema: string): string {
  const withSchema = new URL(url);
  withSchema.searchParams.set('schema', schema);
  return withSchema.toString();
}

/** Runs a statement as an operator would with psql: outside any store. */
async function inspect<T>(read: (db: Kysely<unknown>) => Promise<T>): Promise<T> {
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) });
  try {
    return await read(db);
  } finally {
    await db.destroy();
  }
}

describe('PostgreSQL adapter', { skip: url === '' }, () => {
  const schemas: string[] = [];
  const freshSchema = (): string => {
    const schema = randomSchema();
    schemas.push(schema);
    return schema;
  };
  after(async () => {
    for (const schema of schemas) await dropPostgresSchema(url, schema);
  });

  runStoreContract('postgres', postgresBackend(url));

  it('migrates once when four processes open a fresh schema at the same moment', async () => {
    const schema = freshSchema();
    const stores = await Promise.all(Array.from({ length: 4 }, () => openPostgresStore(urlWithSchema(schema), { poolSize: 2 })));
    await Promise.all(stores.map((store, k) => store.upsertTrials([syntheticTrial(k)])));
    assert.equal(await stores[0]!.count(), 4);
    await Promise.all(stores.map((store) => store.close()));
    const applied = await inspect(async (db) =>
      (await sql<{ name: string }>`SELECT name FROM ${sql.id(schema, 'kysely_migration')} ORDER BY name`.execute(db)).rows.map((row) => row.name),
    );
    assert.deepEqual(applied, Object.keys(MIGRATIONS));
  });

  it("fills a stored trial's rank vector in migration 0006 exactly as a new write computes it", async () => {
    // The migration derives rank_vector from `search` (ts_filter to weights A and B); trial-row.ts writes it from the
    // fields. They must be the same lexemes and positions, or trials stored before 0006 would rank differently.
    const schema = freshSchema();
    const store = await openPostgresStore(urlWithSchema(schema));
    await store.upsertTrials(corpus());
    await store.close();
    const differing = await inspect(async (db) =>
      (await sql<{ n: number; total: number }>`SELECT count(*) FILTER (WHERE rank_vector <> ts_filter(search, '{a,b}'))::int AS n,
          count(*) FILTER (WHERE rank_vector <> ''::tsvector)::int AS total
        FROM ${sql.id(schema, 'trial_text')}`.execute(db)).rows[0],
    );
    assert.ok((differing?.total ?? 0) > 0);
    assert.equal(differing?.n, 0);
  });

  it('compresses the large values of a trial with LZ4 when the server offers it (migration 0007), and reads them back', async () => {
    const schema = freshSchema();
    const store = await openPostgresStore(urlWithSchema(schema));
    // Long enough to be compressed: PostgreSQL compresses a row's values once the row passes about 2 kB.
    const long = { ...syntheticTrial(1), briefSummary: 'Chemotherapy for acute lymphoblastic leukaemia. '.repeat(200) };
    await store.upsertTrials([long]);
    assert.equal((await store.getTrial(long.id))?.briefSummary, long.briefSummary);
    await store.close();
    const found = await inspect(async (db) => {
      const offered = (await sql<{ lz4: boolean }>`SELECT coalesce('lz4' = ANY(enumvals), false) AS lz4 FROM pg_settings
        WHERE name = 'default_toast_compression'`.execute(db)).rows[0]?.lz4 === true;
      // The text vectors moved to trial_text in migration 0008, which sets the same compression on them.
      const columns = (await sql<{ name: string; method: string }>`SELECT attname AS name, attcompression AS method FROM pg_attribute
        WHERE (attrelid = ${`${schema}.trials`}::regclass AND attname IN ('json', 'summary'))
          OR (attrelid = ${`${schema}.trial_text`}::regclass AND attname IN ('search', 'rank_vector')) ORDER BY attname`.execute(db)).rows;
      const stored = (await sql<{ method: string | null }>`SELECT pg_column_compression(json) AS method FROM ${sql.id(schema, 'trials')}`.execute(db)).rows;
      return { offered, columns, stored };
    });
    const method = found.offered ? 'l' : '';
    assert.deepEqual(found.columns, ['json', 'rank_vector', 'search', 'summary'].map((name) => ({ name, method })));
    if (found.offered) assert.deepEqual(found.stored, [{ method: 'lz4' }]);
  });

  it('moves the text vectors of stored trials into trial_text in migration 0008, as a new write lays them out', async () => {
    // A schema as it stood before 0008, filled with the rows a current store writes (put back into `trials`), then
    // migrated: its text rows and searches must be the current store's, to the byte.
    const current = freshSchema();
    const store = await openPostgresStore(urlWithSchema(current));
    await store.upsertTrials(corpus());
    const expected = await store.search(searchFor('leukaemia'));
    await store.close();
    const before = freshSchema();
    const db = openPool(parseConnectionUrl(url, before), 1);
    try {
      await sql`CREATE SCHEMA ${sql.id(before)}`.execute(db);
      const names = Object.keys(MIGRATIONS);
      const migrated = await new Migrator({ db, provider: { getMigrations: () => Promise.resolve({ ...MIGRATIONS }) }, migrationTableSchema: before })
        .migrateTo(names[names.indexOf('0008-text-table') - 1]!);
      assert.equal(migrated.error, undefined);
      const columns = (await sql<{ name: string }>`SELECT column_name AS name FROM information_schema.columns
        WHERE table_schema = ${before} AND table_name = 'trials' ORDER BY ordinal_position`.execute(db)).rows.map((row) => row.name);
      assert.ok(columns.includes('search') && columns.includes('rank_vector'));
      const list = sql.join(columns.map((name) => sql.id(name)));
      await sql`INSERT INTO ${sql.id(before, 'trials')} (${list}) OVERRIDING SYSTEM VALUE
        SELECT ${list} FROM ${sql.id(current, 'trials')} JOIN ${sql.id(current, 'trial_text')} USING (doc_id)`.execute(db);
      for (const table of ['trial_ids', 'trial_phases', 'trial_conditions', 'trial_interventions', 'trial_countries', 'trial_cancer_types', 'trial_sites']) {
        await sql`INSERT INTO ${sql.id(before, table)} SELECT * FROM ${sql.id(current, table)}`.execute(db);
      }
      // The derivation version too: a store that finds stale facts re-derives every trial on opening, which would
      // rewrite the text rows and hide what the migration did.
      await sql`DELETE FROM ${sql.id(before, 'derivation')}`.execute(db);
      await sql`INSERT INTO ${sql.id(before, 'derivation')} SELECT * FROM ${sql.id(current, 'derivation')}`.execute(db);
    } finally {
      await db.destroy();
    }
    const reopened = await openPostgresStore(urlWithSchema(before));
    assert.deepEqual(await reopened.search(searchFor('leukaemia')), expected);
    await reopened.close();
    const differing = await inspect(async (db) =>
      (await sql<{ n: number; moved: number }>`SELECT count(*) FILTER (WHERE c.doc_id IS NULL OR m.doc_id IS NULL
          OR (m.search, m.rank_vector, m.search_length) IS DISTINCT FROM (c.search, c.rank_vector, c.search_length))::int AS n, count(m.doc_id)::int AS moved
        FROM ${sql.id(before, 'trial_text')} m FULL JOIN ${sql.id(current, 'trial_text')} c USING (doc_id)`.execute(db)).rows[0],
    );
    assert.deepEqual(differing, { n: 0, moved: corpus().length });
  });

  it('keeps one trial_text row per stored trial through replacement and deletion', async () => {
    const schema = freshSchema();
    const store = await openPostgresStore(urlWithSchema(schema));
    const old = buildTrial('NCT09000001', { briefTitle: 'Vaccine for melanoma', dates: { lastUpdate: '2020-01-01' } });
    await store.upsertTrials([old, buildTrial('NCT09000002', { briefTitle: 'Exercise after surgery' })]);
    // A newer record of the same trial replaces the row (a new doc_id); its old text row must go with it.
    const newer = buildTrial('NCT09000001', { briefTitle: 'Vaccine for neuroblastoma', dates: { lastUpdate: '2021-06-01' } });
    assert.deepEqual(await store.upsertTrials([newer]), ['updated']);
    assert.deepEqual((await store.search(searchFor('neuroblastoma'))).trials.map((trial) => trial.id), ['NCT09000001']);
    assert.equal((await store.search(searchFor('melanoma'))).total, 0);
    await store.close();
    const counts = await inspect(async (db) =>
      (await sql<{ trials: number; texts: number; orphans: number }>`SELECT (SELECT count(*) FROM ${sql.id(schema, 'trials')})::int AS trials,
          (SELECT count(*) FROM ${sql.id(schema, 'trial_text')})::int AS texts,
          (SELECT count(*) FROM ${sql.id(schema, 'trial_text')} x WHERE NOT EXISTS
            (SELECT 1 FROM ${sql.id(schema, 'trials')} t WHERE t.doc_id = x.doc_id))::int AS orphans`.execute(db)).rows[0],
    );
    assert.deepEqual(counts, { trials: 2, texts: 2, orphans: 0 });
  });

  it('reads through the read URL and writes through the primary', async () => {
    const schema = freshSchema();
    const store = await openPostgresStore(url, { schema, readUrl: url, poolSize: 2 });
    await store.upsertTrials(corpus());
    assert.equal((await store.search(searchFor('leukaemia'))).total, 7);
    assert.equal((await store.getTrial('nct02101853'))?.id, 'NCT02101853');
    assert.equal(await store.count(), corpus().length);
    await store.close();
    // A read URL that cannot be reached fails reads, not writes: proof the two pools are separate.
    const split = await openPostgresStore(url, { schema, readUrl: 'postgres://postgres@127.0.0.1:1/test', poolSize: 1 });
    await split.setCheckpoint('probe', 'x');
    assert.equal(await split.getCheckpoint('probe'), 'x');
    await assert.rejects(split.count());
    await split.close();
  });

  it('takes the schema from a ?schema= URL parameter and refuses an unsafe one', async () => {
    const schema = freshSchema();
    const store = await openPostgresStore(urlWithSchema(schema));
    await store.upsertTrials(corpus().slice(0, 2));
    await store.close();
    const tables = await inspect(async (db) =>
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = ${schema}`.execute(db)).rows[0]?.n,
    );
    assert.ok((tables ?? 0) >= 7);
    await assert.rejects(openPostgresStore(urlWithSchema('x; DROP TABLE y')), InvalidInput);
  });

  it('reports a server it cannot reach as unavailable', async () => {
    await assert.rejects(openPostgresStore('postgres://postgres:secret-word@127.0.0.1:1/test'), (error: unknown) => {
      assert.ok(error instanceof Unavailable);
      // The server once appeared as "127.0.0.1:1:1" (host with its port, then the port again); never the password.
      assert.match(error.message, /^PostgreSQL at 127\.0\.0\.1:1\/test could not be opened: /);
      assert.doesNotMatch(error.message, /secret-word/);
      return true;
    });
  });

  it('survives a writer killed mid-batch: whole batches only', async () => {
    const schema = freshSchema();
    const batchSize = 250;
    const fixture = fileURLToPath(new URL('./crash-writer.fixture.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, urlWithSchema(schema), String(batchSize)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => { resolve(signal); }));
    let committed = 0;
    await new Promise<void>((resolve, reject) => {
      child.once('exit', () => { reject(new Error(`writer exited after ${String(committed)} batches`)); });
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        committed += chunk.split('\n').filter((line) => line.startsWith('committed')).length;
        // Kill a little after a commit, so the blow lands inside the next batch's transaction.
        if (committed >= 3) setTimeout(() => { child.kill('SIGKILL'); resolve(); }, 7);
      });
    });
    assert.equal(await exited, 'SIGKILL');

    const store = await openPostgresStore(urlWithSchema(schema));
    try {
      const count = await store.count();
      assert.equal(count % batchSize, 0, `count ${String(count)} is a whole number of batches`);
      assert.ok(count >= 3 * batchSize);
      // Every stored trial is whole: its vector and child rows are there too.
      assert.equal((await store.search(searchFor('study'))).total, count);
      assert.ok((await store.getTrial(syntheticTrial(count - 1).id)) !== null);
      assert.equal(await store.getTrial(syntheticTrial(count).id), null);
    } finally {
      await store.close();
    }
  });

  it('ranks a match above 0 exactly when its ranked fields hold the word, and every match once', async () => {
    const schema = freshSchema();
    const store = await openPostgresStore(urlWithSchema(schema));
    await store.upsertTrials(Array.from({ length: 120 }, (_, n) => syntheticTrial(n)));
    await store.close();
    const db = openPool(parseConnectionUrl(url, schema), 1);
    try {
      // Each word is in the summary or criteria alone of some trials and in the title or conditions of others.
      for (const word of ['cytarabine', 'neuroblastoma']) {
        const found = (await postgresMatchSets(db, searchFor(word), true)).text;
        assert.ok(found?.scores, word);
        const expected = await sql<{ doc_id: number; ranked: boolean }>`SELECT doc_id, rank_vector @@ ${`'${word}'`}::tsquery AS ranked
          FROM trial_text WHERE search @@ ${`'${word}'`}::tsquery ORDER BY doc_id`.execute(db);
        const got = [...found.docIds].map((docId, i) => ({ docId, ranked: (found.scores?.[i] ?? 0) > 0 })).sort((a, b) => a.docId - b.docId);
        assert.deepEqual(got, expected.rows.map((row) => ({ docId: row.doc_id, ranked: row.ranked })), word);
        assert.ok(got.some((row) => row.ranked) && got.some((row) => !row.ranked), word);
        // Unranked means exactly 0, never below.
        assert.ok(found.scores.every((score) => score >= 0), word);
      }
    } finally {
      await db.destroy();
    }
  });
});
