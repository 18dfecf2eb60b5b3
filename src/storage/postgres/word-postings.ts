/**
 * Word postings (migration 0009, docs/decisions/0009): for common words trials are about, every matching trial with
 * the word's relevance term already computed, so that a search for a broad word reads one list instead of visiting and
 * ranking each match's row. A search whose every phrase is a listed word joins their lists in memory
 * (posting-lists.ts) and adds the trials stored since the lists were made (doc ids above `through`), matched and
 * ranked by the index. Lists are never required: without them, or when a query has a word without one, a search runs
 * by the index alone, with the same results and bit-identical scores.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ScoredDocs } from '../shared/fact-index-query.ts';
import { byIndex, preferIndex } from './by-index.ts';
import { WRITE_LOCK } from './locks.ts';
import { int32sOf, joinPostings, pairsOf, type JoinPlan, type PostingList } from './posting-lists.ts';
import type { Database } from './schema.ts';
import { rankOf } from './search-rank.ts';
import type { CompiledText } from './tsquery.ts';
import { quotedLexeme } from './tsvector.ts';

type Match = Extract<CompiledText, { kind: 'match' }>;

/**
 * Which words get a list, and when lists are remade. Lists are for words trials are about: in at least `minAbout` of
 * the trials' ranked fields (title, conditions, interventions), and at least `minAboutShare` of the trials holding the
 * word anywhere hold it there (so "months" or "criteria", common in every criteria text, are left to the index); but
 * not in more than `maxShare` of all trials ("study", "patients": a word most trials hold tells a search nothing, and
 * its list would be the largest); the commonest first, until the lists hold about `pairsPerTrial` matches per stored
 * trial. `staleShare` is how large a share of the trials may have been added since the lists were made before an
 * import remakes them.
 */
export interface PostingRules {
  readonly minAbout: number;
  readonly minAboutShare: number;
  readonly maxShare: number;
  readonly pairsPerTrial: number;
  readonly staleShare: number;
}

/** Measured at 500,000 synthetic trials in docs/deploy.md ("Word postings"). */
export const DEFAULT_POSTING_RULES: PostingRules = { minAbout: 0.005, minAboutShare: 0.25, maxShare: 0.5, pairsPerTrial: 24, staleShare: 0.01 };

/**
 * Words that say what a sentence does, not what a trial is about: common in every field, never searched alone, and a
 * list of each would take the room of several that are.
 */
const FUNCTION_WORDS = new Set(
  ('a an and are as at be been but by can do for from had has have if in into is it its may more most must no not of on ' +
    'or other over should such than that the their then there these they this those to under was were what when which ' +
    'who will with within without would').split(' '),
);

/** What a remaking did: whether it ran, how many words have lists, and the highest doc id they cover. */
export interface PostingsRefresh {
  readonly remade: boolean;
  readonly words: number;
  readonly through: number;
}

/**
 * The lists of those of `words` that have one, and the doc id they cover through; null when no lists were ever made.
 * `pairs` travels as base64: node-postgres reads results as text only, and a bytea as text is hex, twice its size; a
 * broad word's list is megabytes ("cancer" at 500,000 trials, 2.6 MB: 12–35 ms as hex, 9–25 ms as base64, from the
 * query to the bytes in hand).
 */
async function readPostings(db: Kysely<Database>, words: readonly string[]): Promise<{ through: number; newer: boolean; lists: Map<string, PostingList> } | null> {
  // `newer`: whether any trial was stored since, so a search asks the index for them only then.
  const { rows } = await sql<{ through: number; newer: boolean; word: string | null; pairs: string | null }>`
    SELECT s.through, coalesce((SELECT max(doc_id) FROM trial_text), 0) > s.through AS newer, p.word,
        encode(p.pairs, 'base64') AS pairs
      FROM word_postings_state AS s LEFT JOIN word_postings AS p ON p.word = ANY(${words}::text[])`.execute(db);
  const [first] = rows;
  if (first === undefined) return null;
  const lists = new Map<string, PostingList>();
  for (const row of rows) if (row.word !== null) lists.set(row.word, pairsOf(row.pairs === null ? null : Buffer.from(row.pairs, 'base64')));
  return { through: first.through, newer: first.newer, lists };
}

/** The query's groups as lists, when every phrase of every clause is a listed word; else null. */
function planFor(text: Match, lists: ReadonlyMap<string, PostingList>): JoinPlan | null {
  const groups: PostingList[] = [];
  const clauses: number[][] = [];
  for (const clause of text.clauses) {
    const indexes: number[] = [];
    for (const phrase of clause) {
      const list = phrase.length === 1 ? lists.get(phrase[0] ?? '') : undefined;
      if (list === undefined) return null;
      indexes.push(groups.push(list) - 1);
    }
    clauses.push(indexes);
  }
  return { clauses, groups, any: text.any };
}

/** Trials added since the lists were made, matched and ranked by the index whole. */
async function newerRows(db: Kysely<Database>, text: Match, through: number, ranked: boolean): Promise<ScoredDocs> {
  const value: RawBuilder<Buffer> = ranked ? sql`int4send(trial_text.doc_id) || float8send(${rankOf(text.groups, text.anyWord)})` : sql`int4send(trial_text.doc_id)`;
  const { rows } = await byIndex(db, (tx) =>
    sql<{ records: Buffer | null }>`SELECT string_agg(${value}, ''::bytea) AS records FROM trial_text
      WHERE trial_text.search @@ ${text.tsquery}::tsquery AND trial_text.doc_id > ${through}::int4`.execute(tx),
  );
  const bytes = rows[0]?.records ?? null;
  if (!ranked) return { docIds: int32sOf(bytes), scores: null };
  const pairs = pairsOf(bytes);
  return { docIds: pairs.docIds, scores: pairs.terms };
}

/**
 * The text's matches from the word postings, with their relevance when `ranked`; null when some phrase of the query is
 * not a listed word, and the caller matches by the index alone.
 */
export async function matchesFromPostings(db: Kysely<Database>, text: Match, ranked: boolean): Promise<ScoredDocs | null> {
  if (text.clauses.some((clause) => clause.some((phrase) => phrase.length !== 1))) return null;
  const postings = await readPostings(db, [...new Set(text.clauses.flat().map((phrase) => phrase[0] ?? ''))]);
  if (postings === null) return null;
  const plan = planFor(text, postings.lists);
  if (plan === null) return null;
  const asked = postings.newer ? newerRows(db, text, postings.through, ranked) : null;
  const listed = joinPostings(plan, ranked);
  const newer = await asked;
  if (newer === null || newer.docIds.length === 0) return listed;
  const docIds = new Int32Array(listed.docIds.length + newer.docIds.length);
  docIds.set(listed.docIds);
  docIds.set(newer.docIds, listed.docIds.length);
  if (listed.scores === null || newer.scores === null) return { docIds, scores: null };
  const scores = new Float64Array(docIds.length);
  scores.set(listed.scores);
  scores.set(newer.scores, listed.scores.length);
  return { docIds, scores };
}

/** How common each word is in one vector column, from ANALYZE: shares of the trials, and the least share listed. */
export interface WordShares {
  readonly shares: ReadonlyMap<string, number>;
  readonly least: number;
}

/**
 * The words to list (see {@link PostingRules}), from their shares of `rank_vector` (`about`) and of `search`
 * (`anywhere`). A word's matches are estimated from its share of `search`; a word too rare to be among that column's
 * most common elements is counted at the least share that is.
 */
export function chooseWords(about: WordShares, anywhere: WordShares, rules: PostingRules, trials: number): string[] {
  const candidates = [...about.shares]
    .filter(([word, ranked]) => {
      const share = anywhere.shares.get(word) ?? 0;
      return ranked >= rules.minAbout && ranked >= rules.minAboutShare * share && share <= rules.maxShare && !FUNCTION_WORDS.has(word);
    })
    .sort(([a, rankedA], [b, rankedB]) => rankedB - rankedA || (a < b ? -1 : 1));
  const chosen: string[] = [];
  let room = rules.pairsPerTrial * trials;
  for (const [word] of candidates) {
    const pairs = (anywhere.shares.get(word) ?? anywhere.least) * trials;
    if (pairs > room) continue;
    chosen.push(word);
    room -= pairs;
  }
  return chosen;
}

/** The most common elements of `trial_text`'s two vectors as ANALYZE last estimated them (pg_stats). */
async function wordShares(tx: Kysely<Database>): Promise<{ about: WordShares; anywhere: WordShares }> {
  const { rows } = await sql<{ column: string; words: string[] | null; freqs: number[] | null }>`
    SELECT attname AS column, most_common_elems::text::text[] AS words, most_common_elem_freqs::float8[] AS freqs FROM pg_stats
      WHERE schemaname = current_schema() AND tablename = 'trial_text' AND attname IN ('search', 'rank_vector')`.execute(tx);
  // Each frequencies array holds one share per word, then the least and the greatest of them (tsvector statistics).
  const sharesOf = (column: string): WordShares => {
    const row = rows.find((r) => r.column === column);
    const words = row?.words ?? [];
    return { shares: new Map(words.map((word, n) => [word, row?.freqs?.[n] ?? 0])), least: row?.freqs?.[words.length] ?? 0 };
  };
  return { about: sharesOf('rank_vector'), anywhere: sharesOf('search') };
}

/**
 * Remakes the word postings from the stored trials, when `force` or when more than `staleShare` of the trials were
 * added since they were made. Holds the writers' lock throughout, so the lists and `through` describe one state of
 * the data, and no re-derivation can rewrite a trial's text while they are made (writers wait; searches do not).
 */
export async function refreshWordPostings(
  db: Kysely<Database>,
  schemaKey: string,
  options: { readonly force?: boolean; readonly rules?: PostingRules } = {},
): Promise<PostingsRefresh> {
  const rules = options.rules ?? DEFAULT_POSTING_RULES;
  return db.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(${WRITE_LOCK}, hashtext(${schemaKey}))`.execute(tx);
    const { rows } = await sql<{ through: number | null; total: number; newer: number; words: number }>`
      SELECT s.through, (SELECT count(*)::int4 FROM trial_text) AS total,
        (SELECT count(*)::int4 FROM trial_text WHERE doc_id > coalesce(s.through, 0)) AS newer,
        (SELECT count(*)::int4 FROM word_postings) AS words
      FROM (SELECT (SELECT through FROM word_postings_state) AS through) AS s`.execute(tx);
    const state = rows[0];
    if (state === undefined) throw new Error('refreshWordPostings: no state row');
    if (options.force !== true && state.through !== null && state.newer <= state.total * rules.staleShare) {
      return { remade: false, words: state.words, through: state.through };
    }
    await sql`ANALYZE trial_text`.execute(tx);
    const shares = await wordShares(tx);
    const words = chooseWords(shares.about, shares.anywhere, rules, state.total);
    const top = await sql<{ through: number }>`SELECT coalesce(max(doc_id), 0)::int4 AS through FROM trial_text`.execute(tx);
    const through = top.rows[0]?.through ?? 0;
    await sql`DELETE FROM word_postings`.execute(tx);
    await preferIndex(tx);
    for (const word of words) {
      const query = quotedLexeme(word);
      await sql`INSERT INTO word_postings (word, matches, pairs)
        SELECT ${word}, count(*)::int4, coalesce(string_agg(int4send(doc_id) || float8send(term), ''::bytea ORDER BY doc_id), ''::bytea)
        FROM (SELECT trial_text.doc_id, ${rankOf([query], query)} AS term FROM trial_text
          WHERE trial_text.search @@ ${query}::tsquery) AS matched`.execute(tx);
    }
    await sql`INSERT INTO word_postings_state (id, through) VALUES (1, ${through}::int4)
      ON CONFLICT (id) DO UPDATE SET through = excluded.through`.execute(tx);
    return { remade: true, words: words.length, through };
  });
}

/** Drops every list, in the caller's transaction: a trial's text is being rewritten under its doc id (re-derivation). */
export async function dropWordPostings(tx: Kysely<Database>): Promise<void> {
  await sql`DELETE FROM word_postings`.execute(tx);
  await sql`DELETE FROM word_postings_state`.execute(tx);
}
