/**
 * The editorial area's accounts, sessions, failed sign-ins and audit log (issue 7; docs/decisions/0006).
 *
 * - `editor_users`: AUTOINCREMENT, so the id of a removed account is never given to another one (audit entries name
 *   accounts by id). Emails are stored normalised (lower case) and unique.
 * - `editor_sessions`: keyed by the SHA-256 of the cookie's token, never the token itself; removed with the account.
 * - `editor_login_failures`: failed sign-ins by account and by client address, for rate limiting; pruned as they age.
 * - `editor_audit_log`: append-only. Triggers refuse UPDATE and DELETE, so not even a bug in our own code (or an
 *   operator at the sqlite3 shell, short of dropping the triggers) rewrites history. Actors are not foreign keys: an
 *   entry outlives the account that made it, and keeps the email it had then.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE editor_users (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      email TEXT NOT NULL UNIQUE,
      display_name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('editor', 'reviewer', 'admin')),
      password_hash TEXT NOT NULL,
      password_changed_at TEXT NOT NULL,
      created_at TEXT NOT NULL,
      disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
    )`.execute(db);

  await sql`CREATE TABLE editor_sessions (
      id TEXT PRIMARY KEY,
      user_id INTEGER NOT NULL REFERENCES editor_users (id) ON DELETE CASCADE,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      last_seen_at TEXT NOT NULL
    ) WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX editor_sessions_by_user ON editor_sessions (user_id)`.execute(db);

  await sql`CREATE TABLE editor_login_failures (
      id INTEGER PRIMARY KEY,
      account TEXT NOT NULL,
      address TEXT NOT NULL,
      at TEXT NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX editor_login_failures_by_account ON editor_login_failures (account, at)`.execute(db);
  await sql`CREATE INDEX editor_login_failures_by_address ON editor_login_failures (address, at)`.execute(db);

  await sql`CREATE TABLE editor_audit_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      actor_id INTEGER,
      actor_label TEXT NOT NULL,
      action TEXT NOT NULL,
      entity TEXT NOT NULL,
      before_json TEXT,
      after_json TEXT
    )`.execute(db);
  await sql`CREATE INDEX editor_audit_log_by_actor ON editor_audit_log (actor_id, id)`.execute(db);
  await sql`CREATE INDEX editor_audit_log_by_action ON editor_audit_log (action, id)`.execute(db);
  await sql`CREATE TRIGGER editor_audit_log_no_update BEFORE UPDATE ON editor_audit_log
      BEGIN SELECT RAISE(ABORT, 'The audit log is append-only: UPDATE is refused.'); END`.execute(db);
  await sql`CREATE TRIGGER editor_audit_log_no_delete BEFORE DELETE ON editor_audit_log
      BEGIN SELECT RAISE(ABORT, 'The audit log is append-only: DELETE is refused.'); END`.execute(db);
}
