/**
 * Derived facts for cancer-aware search (issue 4): cancer types, treatment kinds, age groups, UK site counts and
 * placeable sites, worked out from each trial by the domain (deriveTrialFacts) and stored beside it.
 *
 * - `trial_facts` gains bitmaps of treatment kinds and age groups (bit order: shared/fact-bits.ts) and the UK site
 *   count: the packed facet pass reads them with the other scalar facets, and a filter is one `&` on the narrow row.
 * - `trial_cancer_types`: one row per type and ancestor, keyed by type first like the term tables, so a filter is an
 *   index probe and the facet groups along the key.
 * - `trial_sites`: every site that can be placed, with an index on (latitude, longitude) over the open ones, the
 *   bounding-box prefilter of a distance search; the primary key serves each trial's nearest-site lookup.
 * - `derivation`: the DERIVATION_VERSION the stored facts were made with, and the resume point of a re-derivation.
 *
 * No facts are computed here (a migration is frozen; the classifiers are not): the version starts at 0, so the first
 * open after this migration re-derives every stored trial in batches (sqlite/derivation.ts), upgrading a database
 * that already holds trials in place.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE trial_facts ADD COLUMN treatments INTEGER NOT NULL DEFAULT 0`.execute(db);
  await sql`ALTER TABLE trial_facts ADD COLUMN age_groups INTEGER NOT NULL DEFAULT 0`.execute(db);
  await sql`ALTER TABLE trial_facts ADD COLUMN uk_sites INTEGER NOT NULL DEFAULT 0`.execute(db);

  await sql`CREATE TABLE trial_cancer_types (
      type TEXT NOT NULL,
      doc_id INTEGER NOT NULL REFERENCES trials (doc_id) ON DELETE CASCADE,
      PRIMARY KEY (type, doc_id)
    ) WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX trial_cancer_types_by_doc ON trial_cancer_types (doc_id)`.execute(db);

  await sql`CREATE TABLE trial_sites (
      doc_id INTEGER NOT NULL REFERENCES trials (doc_id) ON DELETE CASCADE,
      site_index INTEGER NOT NULL,
      latitude REAL NOT NULL,
      longitude REAL NOT NULL,
      open INTEGER NOT NULL CHECK (open IN (0, 1)),
      source TEXT NOT NULL CHECK (source IN ('registry', 'postcode-district')),
      facility TEXT,
      city TEXT,
      country TEXT,
      status TEXT,
      PRIMARY KEY (doc_id, site_index)
    ) WITHOUT ROWID`.execute(db);
  // Only open sites count for distance filters and sorts; the index holds nothing else.
  await sql`CREATE INDEX trial_sites_open_by_place ON trial_sites (latitude, longitude, doc_id) WHERE open = 1`.execute(db);

  await sql`CREATE TABLE derivation (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      version INTEGER NOT NULL,
      pass_version INTEGER,
      pass_after INTEGER
    )`.execute(db);
  await sql`INSERT INTO derivation (id, version, pass_version, pass_after) VALUES (1, 0, NULL, NULL)`.execute(db);
}
