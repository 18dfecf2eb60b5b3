/**
 * Ready-made match lists of the commonest words (postgres/word-postings.ts, docs/decisions/0009). A broad word
 * ("cancer" in 44 % of trials) cost most of a search's time: the GIN index lists its matches cheaply, but each match's
 * heap row must then be visited and ranked. `word_postings` keeps, for each word common enough to be worth it, every
 * trial holding it with the word's relevance term already computed, as one bytea of (doc id, term) pairs in doc id
 * order; `word_postings_state.through` is the highest doc id the lists are complete for. Doc ids are never reused and
 * a trial's text is never rewritten under its doc id except by re-derivation, which empties the lists; so the lists
 * stay true after later writes, and a search adds the matches above `through` from the index.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE word_postings (
      word text PRIMARY KEY,
      matches integer NOT NULL,
      pairs bytea NOT NULL
    )`.execute(db);
  // The pairs are doc ids in order and float8 terms: compressing them saves little, and every read would pay for it.
  await sql`ALTER TABLE word_postings ALTER COLUMN pairs SET STORAGE EXTERNAL`.execute(db);
  await sql`CREATE TABLE word_postings_state (
      id integer PRIMARY KEY CHECK (id = 1),
      through integer NOT NULL
    )`.execute(db);
}
