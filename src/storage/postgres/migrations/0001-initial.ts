/**
 * The first PostgreSQL schema, mirroring SQLite's 0001: trials with their filter columns and weighted tsvectors,
 * child tables for multi-valued filters and facets, and checkpoints. A migration is frozen once released: the
 * vocabularies below are copied, not imported, so a later change to the domain lists needs a new migration.
 * Text that is compared or sorted uses COLLATE "C" (byte order), the order SQLite and our JavaScript use, whatever
 * the database's default collation.
 */
import { sql, type Kysely } from 'kysely';

const STATUS_VALUES = [
  'not-yet-recruiting',
  'recruiting',
  'active-not-recruiting',
  'enrolling-by-invitation',
  'completed',
  'suspended',
  'terminated',
  'withdrawn',
  'unknown',
];
const PHASE_VALUES = ['early-1', '1', '2', '3', '4', 'not-applicable'];
const STUDY_TYPE_VALUES = ['interventional', 'observational', 'expanded-access', 'unknown'];
const SEX_VALUES = ['all', 'female', 'male'];
const SOURCE_VALUES = ['ctgov-v2', 'ctgov-xml', 'nci-cts'];

/** `column IN ('a', 'b')` for a CHECK constraint; the values are our own constants, never user text. */
function oneOf(column: string, values: readonly string[]): string {
  return `${column} IN (${values.map((value) => `'${value}'`).join(', ')})`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `CREATE TABLE trials (
        doc_id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        min_age double precision,
        max_age double precision,
        healthy_volunteers boolean,
        has_results boolean NOT NULL,
        search_length integer NOT NULL,
        id text COLLATE "C" NOT NULL UNIQUE,
        status text NOT NULL CHECK (${oneOf('status', STATUS_VALUES)}),
        study_type text NOT NULL CHECK (${oneOf('study_type', STUDY_TYPE_VALUES)}),
        sex text NOT NULL CHECK (${oneOf('sex', SEX_VALUES)}),
        last_update text COLLATE "C",
        record_updated text,
        source text NOT NULL CHECK (${oneOf('source', SOURCE_VALUES)}),
        content_hash text NOT NULL,
        imported_at text NOT NULL,
        brief_title text NOT NULL,
        search tsvector NOT NULL,
        conditions_search tsvector NOT NULL,
        interventions_search tsvector NOT NULL,
        summary text NOT NULL,
        json text NOT NULL
      )`,
    )
    .execute(db);
  // The 'updated' sort (and relevance without text) in index order; NULLS LAST as SQLite sorts them descending.
  await sql`CREATE INDEX trials_by_update ON trials (last_update DESC NULLS LAST, id)`.execute(db);
  // The scalar filters, for counts and facets by index-only scans once the table is vacuumed.
  await sql`CREATE INDEX trials_filters ON trials
    (status, study_type, sex, healthy_volunteers, has_results, min_age, max_age, last_update) INCLUDE (doc_id)`.execute(db);
  await sql`CREATE INDEX trials_search ON trials USING gin (search)`.execute(db);
  await sql`CREATE INDEX trials_conditions_search ON trials USING gin (conditions_search)`.execute(db);
  await sql`CREATE INDEX trials_interventions_search ON trials USING gin (interventions_search)`.execute(db);

  await sql`CREATE TABLE trial_ids (
      value text COLLATE "C" NOT NULL,
      doc_id integer NOT NULL REFERENCES trials (doc_id) ON DELETE CASCADE,
      kind text NOT NULL,
      precedence smallint NOT NULL,
      PRIMARY KEY (value, doc_id)
    )`.execute(db);
  await sql`CREATE INDEX trial_ids_by_doc ON trial_ids (doc_id)`.execute(db);

  await sql
    .raw(
      `CREATE TABLE trial_phases (
        doc_id integer NOT NULL REFERENCES trials (doc_id) ON DELETE CASCADE,
        phase text COLLATE "C" NOT NULL CHECK (${oneOf('phase', PHASE_VALUES)}),
        PRIMARY KEY (doc_id, phase)
      )`,
    )
    .execute(db);
  await sql`CREATE INDEX trial_phases_by_phase ON trial_phases (phase, doc_id)`.execute(db);

  for (const table of ['trial_conditions', 'trial_interventions', 'trial_countries']) {
    await sql
      .raw(
        `CREATE TABLE ${table} (
          doc_id integer NOT NULL REFERENCES trials (doc_id) ON DELETE CASCADE,
          key text COLLATE "C" NOT NULL,
          name text COLLATE "C" NOT NULL,
          PRIMARY KEY (key, doc_id)
        )`,
      )
      .execute(db);
    // Deleting a trial finds its terms by doc_id; a filtered facet probes its candidates' terms here, key and name
    // in hand (an index-only scan); an unfiltered facet groups along the primary key.
    await sql.raw(`CREATE INDEX ${table}_by_doc ON ${table} (doc_id) INCLUDE (key, name)`).execute(db);
  }

  await sql`CREATE TABLE checkpoints (name text PRIMARY KEY, value text NOT NULL)`.execute(db);
}
