/**
 * Derived facts for cancer-aware search (issue 4), as SQLite's 0003: treatment and age-group bitmaps and the UK site
 * count on `trials`, cancer types (each with its ancestors) in `trial_cancer_types`, placeable sites in `trial_sites`
 * with a partial index on the open ones' position (the bounding-box prefilter of a distance search), the great-circle
 * distance as a SQL function, and the `derivation` row recording which DERIVATION_VERSION the stored facts come from.
 *
 * No facts are computed here (a migration is frozen; the classifiers are not): the version starts at 0, so the first
 * open after this migration re-derives every stored trial in batches (postgres/derivation.ts), in place.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE trials
      ADD COLUMN treatments integer NOT NULL DEFAULT 0,
      ADD COLUMN age_groups integer NOT NULL DEFAULT 0,
      ADD COLUMN uk_sites integer NOT NULL DEFAULT 0`.execute(db);

  await sql`CREATE TABLE trial_cancer_types (
      type text COLLATE "C" NOT NULL,
      doc_id integer NOT NULL REFERENCES trials (doc_id) ON DELETE CASCADE,
      PRIMARY KEY (type, doc_id)
    )`.execute(db);
  await sql`CREATE INDEX trial_cancer_types_by_doc ON trial_cancer_types (doc_id) INCLUDE (type)`.execute(db);

  await sql`CREATE TABLE trial_sites (
      doc_id integer NOT NULL REFERENCES trials (doc_id) ON DELETE CASCADE,
      site_index integer NOT NULL,
      latitude double precision NOT NULL,
      longitude double precision NOT NULL,
      open boolean NOT NULL,
      source text NOT NULL CHECK (source IN ('registry', 'postcode-district')),
      facility text,
      city text,
      country text,
      status text,
      PRIMARY KEY (doc_id, site_index)
    )`.execute(db);
  // Only open sites count for distance filters and sorts: the bounding box, and each trial's nearest open site.
  await sql`CREATE INDEX trial_sites_open_by_place ON trial_sites (latitude, longitude) INCLUDE (doc_id) WHERE open`.execute(db);
  await sql`CREATE INDEX trial_sites_open_by_doc ON trial_sites (doc_id) INCLUDE (latitude, longitude) WHERE open`.execute(db);

  // The domain's haversine (src/domain/geo.ts) step for step, in float8 throughout (an unadorned decimal literal
  // would be numeric), with the IUGG mean Earth radius in statute miles. A one-expression SQL function, which the
  // planner inlines.
  await sql`CREATE FUNCTION miles_between(lat1 float8, lon1 float8, lat2 float8, lon2 float8) RETURNS float8
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT 2 * (6371.0088::float8 / 1.609344::float8) * asin(least(1::float8, sqrt(
        sin(radians(lat2 - lat1) / 2) ^ 2 + cos(radians(lat1)) * cos(radians(lat2)) * sin(radians(lon2 - lon1) / 2) ^ 2
      ))) $$`.execute(db);

  await sql`CREATE TABLE derivation (
      id integer PRIMARY KEY CHECK (id = 1),
      version integer NOT NULL,
      pass_version integer,
      pass_after integer
    )`.execute(db);
  await sql`INSERT INTO derivation (id, version, pass_version, pass_after) VALUES (1, 0, NULL, NULL)`.execute(db);
}
