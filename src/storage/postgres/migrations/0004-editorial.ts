/**
 * The editorial area's accounts, sessions, failed sign-ins and audit log (issue 7; docs/decisions/0006); the
 * PostgreSQL counterpart of SQLite's 0004, run under the migration lock like every migration (migrate.ts).
 *
 * - `editor_users`: an identity column, which never hands a removed account's id to another one.
 * - `editor_sessions`: keyed by the SHA-256 of the cookie's token, never the token itself.
 * - `editor_login_failures`: failed sign-ins by account and by client address, for rate limiting.
 * - `editor_audit_log`: append-only. A trigger refuses UPDATE, DELETE and TRUNCATE for every role, the owner
 *   included (a REVOKE alone would not bind the owner, which is the role the servers connect as).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE editor_users (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      email text NOT NULL UNIQUE,
      display_name text NOT NULL,
      role text NOT NULL CHECK (role IN ('editor', 'reviewer', 'admin')),
      password_hash text NOT NULL,
      password_changed_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL,
      disabled boolean NOT NULL DEFAULT false
    )`.execute(db);

  await sql`CREATE TABLE editor_sessions (
      id text PRIMARY KEY,
      user_id integer NOT NULL REFERENCES editor_users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX editor_sessions_by_user ON editor_sessions (user_id)`.execute(db);

  await sql`CREATE TABLE editor_login_failures (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      account text NOT NULL,
      address text NOT NULL,
      at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX editor_login_failures_by_account ON editor_login_failures (account, at)`.execute(db);
  await sql`CREATE INDEX editor_login_failures_by_address ON editor_login_failures (address, at)`.execute(db);

  await sql`CREATE TABLE editor_audit_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL,
      actor_id integer,
      actor_label text NOT NULL,
      action text NOT NULL,
      entity text NOT NULL,
      before_json jsonb,
      after_json jsonb
    )`.execute(db);
  await sql`CREATE INDEX editor_audit_log_by_actor ON editor_audit_log (actor_id, id)`.execute(db);
  await sql`CREATE INDEX editor_audit_log_by_action ON editor_audit_log (action, id)`.execute(db);
  await sql`CREATE FUNCTION editor_audit_log_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'The audit log is append-only: % is refused.', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
    $$`.execute(db);
  await sql`CREATE TRIGGER editor_audit_log_append_only BEFORE UPDATE OR DELETE ON editor_audit_log
      FOR EACH ROW EXECUTE FUNCTION editor_audit_log_refuse()`.execute(db);
  await sql`CREATE TRIGGER editor_audit_log_no_truncate BEFORE TRUNCATE ON editor_audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION editor_audit_log_refuse()`.execute(db);
  await sql`REVOKE UPDATE, DELETE, TRUNCATE ON editor_audit_log FROM PUBLIC`.execute(db);
}
