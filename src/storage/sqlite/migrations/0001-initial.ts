/**
 * The first schema: trials with their filter columns, child tables for multi-valued filters and facets,
 * the FTS5 index, and checkpoints. A migration is frozen once released: the vocabularies below are copied,
 * not imported, so a later change to the domain lists needs a new migration (a unit test compares them).
 */
import { sql, type Kysely } from 'kysely';

export const STATUS_VALUES = [
  'not-yet-recruiting',
  'recruiting',
  'active-not-recruiting',
  'enrolling-by-invitation',
  'completed',
  'suspended',
  'terminated',
  'withdrawn',
  'unknown',
] as const;
export const PHASE_VALUES = ['early-1', '1', '2', '3', '4', 'not-applicable'] as const;
export const STUDY_TYPE_VALUES = ['interventional', 'observational', 'expanded-access', 'unknown'] as const;
export const SEX_VALUES = ['all', 'female', 'male'] as const;
export const SOURCE_VALUES = ['ctgov-v2', 'ctgov-xml', 'nci-cts'] as const;

/** `column IN ('a', 'b')` for a CHECK constraint; the values are our own constants, never user text. */
function oneOf(column: string, values: readonly string[]): string {
  return `${column} IN (${values.map((value) => `'${value}'`).join(', ')})`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  // Filter columns come first and the JSON last: SQLite decodes a record left to right, so scans that only
  // filter never touch the overflow pages of large trials.
  await sql
    .raw(
      `CREATE TABLE trials (
        doc_id INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL CHECK (${oneOf('status', STATUS_VALUES)}),
        study_type TEXT NOT NULL CHECK (${oneOf('study_type', STUDY_TYPE_VALUES)}),
        sex TEXT NOT NULL CHECK (${oneOf('sex', SEX_VALUES)}),
        min_age REAL,
        max_age REAL,
        healthy_volunteers INTEGER CHECK (healthy_volunteers IN (0, 1)),
        has_results INTEGER NOT NULL CHECK (has_results IN (0, 1)),
        last_update TEXT,
        record_updated TEXT,
        source TEXT NOT NULL CHECK (${oneOf('source', SOURCE_VALUES)}),
        content_hash TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        brief_title TEXT NOT NULL,
        summary TEXT NOT NULL,
        json TEXT NOT NULL
      )`,
    )
    .execute(db);
  // Serves the 'updated' sort (and relevance without text) in index order; SQLite puts NULLs last when descending.
  await sql`CREATE INDEX trials_by_update ON trials (last_update DESC, id)`.execute(db);
  // A covering index of the scalar filters: counts and facets scan it instead of the wide table rows.
  await sql`CREATE INDEX trials_filters ON trials
    (status, study_type, sex, healthy_volunteers, has_results, min_age, max_age, last_update)`.execute(db);

  await sql`CREATE TABLE trial_ids (
      value TEXT NOT NULL,
      doc_id INTEGER NOT NULL REFERENCES trials (doc_id) ON DELETE CASCADE,
      kind TEXT NOT NULL,
      precedence INTEGER NOT NULL,
      PRIMARY KEY (value, doc_id)
    ) WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX trial_ids_by_doc ON trial_ids (doc_id)`.execute(db);

  await sql
    .raw(
      `CREATE TABLE trial_phases (
        doc_id INTEGER NOT NULL REFERENCES trials (doc_id) ON DELETE CASCADE,
        phase TEXT NOT NULL CHECK (${oneOf('phase', PHASE_VALUES)}),
        PRIMARY KEY (doc_id, phase)
      ) WITHOUT ROWID`,
    )
    .execute(db);
  await sql`CREATE INDEX trial_phases_by_phase ON trial_phases (phase, doc_id)`.execute(db);

  for (const table of ['trial_conditions', 'trial_interventions', 'trial_countries']) {
    await sql
      .raw(
        `CREATE TABLE ${table} (
          doc_id INTEGER NOT NULL REFERENCES trials (doc_id) ON DELETE CASCADE,
          key TEXT NOT NULL,
          name TEXT NOT NULL,
          PRIMARY KEY (key, doc_id)
        ) WITHOUT ROWID`,
      )
      .execute(db);
    // Keyed by term first: facets group along the primary key, names in hand, with no sort and no lookups.
    await sql.raw(`CREATE INDEX ${table}_by_doc ON ${table} (doc_id)`).execute(db);
  }

  // Contentless: the text is already in trials.json, so the index keeps only its postings (about half the size).
  // contentless_delete (SQLite 3.43+) lets a replaced trial's row be deleted by rowid.
  // unicode61 without stemming: our own searchTokens() has already folded, split and respelled the text, and a
  // stemmer would make SQLite and PostgreSQL (Porter vs Snowball) disagree on which words match.
  await sql`CREATE VIRTUAL TABLE trials_fts USING fts5 (
      title, conditions, interventions_keywords, summary, eligibility,
      content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
    )`.execute(db);
  await sql`CREATE TRIGGER trials_fts_delete AFTER DELETE ON trials BEGIN
      DELETE FROM trials_fts WHERE rowid = old.doc_id;
    END`.execute(db);

  await sql`CREATE TABLE checkpoints (name TEXT PRIMARY KEY, value TEXT NOT NULL)`.execute(db);
}
