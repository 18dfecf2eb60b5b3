/**
 * Word postings (word-postings.ts) change how fast a search is, never what it finds: every query gives the same trials
 * with bit-identical relevance with the lists as without them, before and after later writes, and a re-derivation
 * that rewrites trials' text replaces lists made from the old text. Runs only with TEST_DATABASE_URL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { randomSchema } from '../../../test/support/backends.ts';
import { expandedSearchFor, searchFor, storeQuery } from '../store.contract.search.ts';
import type { StoreQuery } from '../../domain/query.ts';
import { expandQuery, withMatchMode } from '../../domain/query-expansion.ts';
import type { TrialStore } from '../store.ts';
import { corpus, syntheticTrial } from '../test-trials.ts';
import { openPool, parseConnectionUrl } from './connection.ts';
import { postgresMatchSets } from './match-sets.ts';
import { dropPostgresSchema, openPostgresStore } from './postgres-store.ts';
import type { Database } from './schema.ts';

const url = process.env.TEST_DATABASE_URL?.trim() ?? '';

/** A query of more than LONG_QUERY_CLAUSES words: any one of them is enough. */
function anyOf(raw: string): StoreQuery {
  const text = withMatchMode(expandQuery(raw));
  assert.equal(text.match, 'any');
  return storeQuery({ text });
}

const QUERIES: readonly StoreQuery[] = [
  searchFor('cancer'),
  searchFor('breast cancer'),
  searchFor('neuroblastoma'),
  searchFor('myeloid rituximab'),
  searchFor('cytarabine imatinib'),
  expandedSearchFor('acute lymphoblastic leukaemia'),
  expandedSearchFor('Gleevec'),
  expandedSearchFor('breast cancer dexamethasone'),
  // A word without a list, a phrase, a word in no trial: matched by the index alone.
  searchFor('study leukemia'),
  searchFor('cancer "graft versus host disease"'),
  searchFor('nosuchwordanywhere cancer'),
  // Long enough to match any of its words: every word listed, and some not.
  anyOf('cancer breast myeloid neuroblastoma blinatumomab dexamethasone rituximab cytarabine imatinib'),
  anyOf('cancer breast myeloid neuroblastoma blinatumomab dexamethasone rituximab study version'),
];

/** The text matches of a query, live trials only, as sorted "docId score" lines (scores in full, so bit for bit). */
async function matches(db: Kysely<Database>, query: StoreQuery, ranked: boolean): Promise<string[]> {
  const live = new Set((await db.selectFrom('trials').select('doc_id').execute()).map((row) => row.doc_id));
  const text = (await postgresMatchSets(db, query, ranked)).text;
  if (text === null) return [];
  const lines = [...text.docIds].map((docId, i) => `${docId} ${text.scores === null ? '-' : String(text.scores[i])}`);
  return lines.filter((line) => live.has(Number(line.split(' ')[0]))).sort();
}

async function allMatches(db: Kysely<Database>): Promise<string[][]> {
  const out: string[][] = [];
  for (const query of QUERIES) for (const ranked of [true, false]) out.push(await matches(db, query, ranked));
  return out;
}

async function pages(store: TrialStore): Promise<unknown[]> {
  return Promise.all(QUERIES.map((query) => store.searchWithFacets(query)));
}

describe('PostgreSQL word postings', { skip: url === '' }, () => {
  const schema = randomSchema();
  const target = (): string => {
    const withSchema = new URL(url);
    withSchema.searchParams.set('schema', schema);
    return withSchema.toString();
  };
  let store: TrialStore;
  let db: Kysely<Database>;
  const lists = async (): Promise<number> => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM word_postings`.execute(db)).rows[0]?.n ?? 0;
  const state = async (): Promise<number | null> => (await db.selectFrom('word_postings_state').select('through').executeTakeFirst())?.through ?? null;
  /** The same matches computed with the lists set aside (their state row gone), then put back. */
  const withoutLists = async <T>(read: () => Promise<T>): Promise<T> => {
    const saved = await state();
    await sql`DELETE FROM word_postings_state`.execute(db);
    try {
      return await read();
    } finally {
      if (saved !== null) await sql`INSERT INTO word_postings_state (id, through) VALUES (1, ${saved})`.execute(db);
    }
  };

  before(async () => {
    store = await openPostgresStore(target());
    db = openPool(parseConnectionUrl(url, schema), 2);
    await store.upsertTrials([...corpus(), ...Array.from({ length: 150 }, (_, n) => syntheticTrial(n))]);
  });
  after(async () => {
    await db.destroy();
    await store.close();
    await dropPostgresSchema(url, schema);
  });

  it('gives the same matches and bit-identical relevance with lists as without them', async () => {
    // Opening the empty store made its (empty) lists.
    assert.equal(await state(), 0);
    assert.equal(await lists(), 0);
    const before = await allMatches(db);
    const beforePages = await pages(store);
    await store.optimiseSearch();
    const listed = new Set((await sql<{ word: string }>`SELECT word FROM word_postings`.execute(db)).rows.map((row) => row.word));
    for (const word of ['cancer', 'breast', 'neuroblastoma', 'zzcacutelymphoblasticleukaemia', 'zzcdrugimatinib']) assert.ok(listed.has(word), word);
    // Not words trials are about: a function word, a word of most trials, a word of the unranked fields alone.
    for (const word of ['of', 'study', 'version']) assert.ok(!listed.has(word), word);
    assert.deepEqual(await allMatches(db), before);
    assert.deepEqual(await pages(store), beforePages);
    assert.ok(before.some((lines) => lines.length > 50), 'some query matches broadly');
    // The lists are what answered: emptied, the broad words find nothing below `through`.
    const saved = await sql<{ word: string; pairs: Buffer }>`SELECT word, pairs FROM word_postings`.execute(db);
    await sql`UPDATE word_postings SET pairs = ''::bytea`.execute(db);
    const emptied = await allMatches(db);
    for (const row of saved.rows) await sql`UPDATE word_postings SET pairs = ${row.pairs} WHERE word = ${row.word}`.execute(db);
    assert.notDeepEqual(emptied, before);
    assert.deepEqual(await allMatches(db), before);
  });

  it('adds trials stored after the lists were made, and drops replaced ones, exactly as the index alone does', async () => {
    const through = await state();
    assert.ok(through !== null);
    // New trials, and new versions of listed ones (a new version is a new row: its old doc id is gone).
    await store.upsertTrials([...Array.from({ length: 40 }, (_, n) => syntheticTrial(200 + n)), ...Array.from({ length: 10 }, (_, n) => syntheticTrial(n, 5))]);
    assert.equal(await state(), through, 'a write leaves the lists as they were');
    const listed = await allMatches(db);
    const listedPages = await pages(store);
    assert.deepEqual(listed, await withoutLists(() => allMatches(db)));
    assert.deepEqual(listedPages, await withoutLists(() => pages(store)));
  });

  it('remakes the lists only when enough was added since, unless forced by an import of its own', async () => {
    const through = await state();
    await store.upsertTrials([syntheticTrial(300)]);
    await store.optimiseSearch();
    // Some 50 trials were added since the lists were made: far above the 1 % that calls for new lists.
    assert.ok((await state()) !== through);
    const now = await state();
    await store.upsertTrials([syntheticTrial(301, 1)]);
    await store.optimiseSearch();
    assert.equal(await state(), now, 'one trial in 222 is not enough to remake them');
  });

  it('replaces lists made from text that re-derivation rewrites', async () => {
    // Lists made from text as an older derivation might have left it (other document lengths), then a re-derivation.
    await sql`UPDATE trial_text SET search_length = search_length + 1000`.execute(db);
    await sql`DELETE FROM word_postings_state`.execute(db);
    await store.optimiseSearch();
    assert.ok((await lists()) > 0);
    await sql`UPDATE derivation SET version = version - 1`.execute(db);
    const reopened = await openPostgresStore(target());
    try {
      const withLists = await allMatches(db);
      assert.ok((await lists()) > 0, 'lists were made again after re-derivation');
      assert.deepEqual(withLists, await withoutLists(() => allMatches(db)));
    } finally {
      await reopened.close();
    }
  });
});
