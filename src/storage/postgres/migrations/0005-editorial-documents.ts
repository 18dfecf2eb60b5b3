/**
 * Editorial documents (issue 7, parts 2 to 4; docs/editors.md): the PostgreSQL counterpart of SQLite's 0005.
 * Instants are timestamptz, the review snapshot jsonb; everything else as in SQLite.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE editorial_documents (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('trial-summary', 'page')),
      key text NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      working_version integer,
      published_version integer,
      reviewed_at timestamptz,
      next_review_due timestamptz,
      review_snapshot jsonb,
      UNIQUE (kind, key)
    )`.execute(db);

  await sql`CREATE TABLE editorial_versions (
      document_id integer NOT NULL REFERENCES editorial_documents (id),
      number integer NOT NULL CHECK (number > 0),
      title text,
      body text NOT NULL,
      state text NOT NULL CHECK (state IN ('draft', 'submitted', 'sent-back', 'approved')),
      author_id integer,
      author_label text NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      submitted_by_id integer,
      submitted_by_label text,
      submitted_at timestamptz,
      reviewer_id integer,
      reviewer_label text,
      reviewed_at timestamptz,
      comment text,
      PRIMARY KEY (document_id, number)
    )`.execute(db);
}
