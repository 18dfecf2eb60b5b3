/**
 * Editorial documents (issue 7, parts 2 to 4; docs/editors.md): trial summaries and editorial pages, one row per
 * (kind, key), with their numbered versions.
 *
 * - `editorial_documents`: which version is in progress and which is published, and the published version's
 *   review (when approved, when next due, and for a trial the snapshot of its reviewed fields, JSON text).
 * - `editorial_versions`: every version's words and its path through the workflow. Versions are never deleted:
 *   with the audit log they are the history of what patients were shown. People are kept by id and by the email
 *   they had then, like the audit log's actors, so a version still reads after its author's account is removed.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE editorial_documents (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      kind TEXT NOT NULL CHECK (kind IN ('trial-summary', 'page')),
      key TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      working_version INTEGER,
      published_version INTEGER,
      reviewed_at TEXT,
      next_review_due TEXT,
      review_snapshot TEXT,
      UNIQUE (kind, key)
    )`.execute(db);

  await sql`CREATE TABLE editorial_versions (
      document_id INTEGER NOT NULL REFERENCES editorial_documents (id),
      number INTEGER NOT NULL CHECK (number > 0),
      title TEXT,
      body TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'sent-back', 'approved')),
      author_id INTEGER,
      author_label TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      submitted_by_id INTEGER,
      submitted_by_label TEXT,
      submitted_at TEXT,
      reviewer_id INTEGER,
      reviewer_label TEXT,
      reviewed_at TEXT,
      comment TEXT,
      PRIMARY KEY (document_id, number)
    ) WITHOUT ROWID`.execute(db);
}
