/**
 * Relevance on PostgreSQL, shaped like SQLite FTS5's bm25 (https://sqlite.org/fts5.html#the_bm25_function) so both
 * backends rank alike. For each group of the query (a word or a phrase), its weighted frequency in the document is
 * ts_rank_cd without normalisation: for one word that is the sum of its occurrences' class weights, here SQLite's
 * column weights 10 (title, conditions: A) and 5 (interventions, keywords, arms: B). The summary and eligibility
 * criteria match but do not rank, on both backends (docs/decisions/0008), so the frequencies come from
 * `rank_vector`, which holds the ranked fields alone and stays in the row: reading the whole `search` vector meant
 * fetching and decompressing it from TOAST for every match (at 20,000 trials, "cancer", 8,884 matches, medians of 7
 * alternating: 182 ms from `search`, 20 ms from a vector of these fields kept in the row; var/pg-exp in the issue-3
 * note). A match in the unranked fields alone scores 0 on both backends, and ties are broken by trial id.
 * Each frequency is saturated and length-normalised as bm25 does (k1 = 1.2, b = 0.75) and the groups are summed.
 * Left out: bm25's inverse document frequency, which would cost a count per group on every search; with it the
 * top-10 overlap with SQLite rose from about 81 % to 85 % on the demo data (bench/backend-agreement.bench.ts).
 */
import { sql, type RawBuilder } from 'kysely';

/** ts_rank_cd weights by class, in PostgreSQL's order {D, C, B, A}; they may not exceed 1, so scaled by 10 below. */
const WEIGHTS = sql.raw(`'{0.1,0.2,0.5,1.0}'::float4[]`);
const K1 = 1.2;
const B = 0.75;
/**
 * The mean document length, in distinct words (`search_length`), of the demo dataset's trials. A constant rather than
 * a live average: computing one would scan the table, and the ranking barely moves with it.
 */
const MEAN_LENGTH = 222;

/**
 * A constant as float8. A bare `1.2` is numeric in PostgreSQL, and numeric arithmetic on every ranked match cost a
 * third of ranking a broad word (500k, "cancer", 220,000 matches, medians of 3 alternating: 577 ms with numeric
 * constants, 400 ms with float8).
 */
const float8 = (value: number): RawBuilder<number> => sql.raw(`${value}::float8`);

/**
 * One group's term for a `trial_text` row: its saturated, length-normalised frequency. Written as
 * (k1+1)·(1 − norm/(tf+norm)), which is (k1+1)·tf/(tf+norm) with tf once, so PostgreSQL ranks each group once per row,
 * not twice; and exactly 0 when tf is 0 (norm/norm is exactly 1), so a sum of terms equals a sum of the present ones
 * bit for bit, and posting-lists.ts can add terms stored apart in the same order and get the same float8.
 */
function groupTerm(group: string): RawBuilder<number> {
  const lengthNorm = sql`${float8(K1)} * (${float8(1 - B)} + ${float8(B)} * trial_text.search_length / ${float8(MEAN_LENGTH)})`;
  const tf = sql`(ts_rank_cd(${WEIGHTS}, trial_text.rank_vector, ${group}::tsquery, 0) * 10)`;
  return sql<number>`(${float8(K1 + 1)} * (${float8(1)} - ${lengthNorm} / (${tf} + ${lengthNorm})))`;
}

/**
 * The relevance of a `trial_text` row for the query's groups, higher is better: their terms summed in order; float8,
 * sent exactly in binary (match-sets.ts). A row whose `rank_vector` holds none of the query's words (`anyWord`,
 * tsquery.ts) scores exactly 0 without ranking each group: a broad word is often in the unranked fields alone (at
 * 500,000 synthetic trials, "chemotherapy" in two of its three matches), and ts_rank_cd per group costs far more than
 * one test of the vector.
 */
export function rankOf(groups: readonly string[], anyWord: string): RawBuilder<number> {
  const terms = groups.map(groupTerm);
  return sql<number>`(CASE WHEN trial_text.rank_vector @@ ${anyWord}::tsquery THEN ${sql.join(terms, sql` + `)} ELSE 0 END)::float8`;
}
