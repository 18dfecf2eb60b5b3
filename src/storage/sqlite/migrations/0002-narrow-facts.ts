/**
 * Narrow filter rows and counted spellings, for search and facets at ClinicalTrials.gov scale (issue 3).
 *
 * - `trial_facts`: one narrow row per trial holding only what filters, counts and the 'updated' sort read. The
 *   `trials` row carries the summary and JSON (kilobytes), so a count or facet that filtered `trials` read one page
 *   per trial; about a hundred facts rows fit a page. Phases become a bitmap column, so the phase filter and facet
 *   need no child-table lookup per trial.
 * - `trial_term_spellings`: how many trials spell each condition, intervention and country key each way, kept by
 *   triggers, so a facet can show the most common spelling and the unfiltered term facets need no scan.
 *
 * Upgrades a 0001 database in place: both tables are filled from the existing rows. The filter columns of `trials`
 * stay (dropping them would rewrite every wide row); their indexes and `trial_phases`, now unread, are dropped.
 * Frozen once released: the phase list below is copied, not imported.
 */
import { sql, type Kysely } from 'kysely';

/** Bit i of `trial_facts.phases` stands for PHASE_BITS[i]; the order is the domain's PHASES at this migration. */
export const PHASE_BITS = ['early-1', '1', '2', '3', '4', 'not-applicable'] as const;

/** The facet name each term table is counted under in `trial_term_spellings`. */
export const TERM_TABLE_FACETS = {
  trial_conditions: 'condition',
  trial_interventions: 'intervention',
  trial_countries: 'country',
} as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  // The id rides along so the 'updated' sort pages through this narrow table's index alone.
  await sql`CREATE TABLE trial_facts (
      doc_id INTEGER PRIMARY KEY REFERENCES trials (doc_id) ON DELETE CASCADE,
      id TEXT NOT NULL,
      status TEXT NOT NULL,
      study_type TEXT NOT NULL,
      sex TEXT NOT NULL,
      healthy_volunteers INTEGER,
      has_results INTEGER NOT NULL,
      phases INTEGER NOT NULL,
      min_age REAL,
      max_age REAL,
      last_update TEXT
    )`.execute(db);
  const phaseBit = sql.raw(
    `CASE phase ${PHASE_BITS.map((phase, bit) => `WHEN '${phase}' THEN ${String(1 << bit)}`).join(' ')} ELSE 0 END`,
  );
  // Phases of one trial are distinct (primary key), so summing their bits ORs them.
  await sql`INSERT INTO trial_facts
      SELECT t.doc_id, t.id, t.status, t.study_type, t.sex, t.healthy_volunteers, t.has_results,
        coalesce((SELECT sum(${phaseBit}) FROM trial_phases p WHERE p.doc_id = t.doc_id), 0),
        t.min_age, t.max_age, t.last_update
      FROM trials t`.execute(db);
  await sql`CREATE INDEX trial_facts_by_update ON trial_facts (last_update DESC, id)`.execute(db);

  await sql`DROP TABLE trial_phases`.execute(db);
  await sql`DROP INDEX trials_filters`.execute(db);
  await sql`DROP INDEX trials_by_update`.execute(db);

  await sql`CREATE TABLE trial_term_spellings (
      facet TEXT NOT NULL,
      key TEXT NOT NULL,
      name TEXT NOT NULL,
      trials INTEGER NOT NULL,
      PRIMARY KEY (facet, key, name)
    ) WITHOUT ROWID`.execute(db);
  for (const [table, facet] of Object.entries(TERM_TABLE_FACETS)) {
    await sql
      .raw(`INSERT INTO trial_term_spellings SELECT '${facet}', key, name, count(*) FROM ${table} GROUP BY key, name`)
      .execute(db);
    // Foreign-key cascades fire these too, so replacing or deleting a trial keeps the counts exact.
    await sql
      .raw(
        `CREATE TRIGGER ${table}_spelling_insert AFTER INSERT ON ${table} BEGIN
          INSERT INTO trial_term_spellings (facet, key, name, trials) VALUES ('${facet}', new.key, new.name, 1)
            ON CONFLICT (facet, key, name) DO UPDATE SET trials = trials + 1;
        END`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${table}_spelling_delete AFTER DELETE ON ${table} BEGIN
          UPDATE trial_term_spellings SET trials = trials - 1 WHERE facet = '${facet}' AND key = old.key AND name = old.name;
          DELETE FROM trial_term_spellings WHERE facet = '${facet}' AND key = old.key AND name = old.name AND trials <= 0;
        END`,
      )
      .execute(db);
  }
}
