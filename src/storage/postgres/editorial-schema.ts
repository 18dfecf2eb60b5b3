/**
 * Kysely table types of the editorial tables in PostgreSQL (migration 0004): node-postgres returns timestamptz as
 * Date and jsonb already parsed; counts are cast to int in SQL (bigint would come back as text).
 */
import type { ColumnType, Generated } from 'kysely';
import type { Role } from '../../domain/editorial/accounts.ts';

/** Read as a Date, written as a Date. */
type Instant = ColumnType<Date, Date, Date>;
/** Written as JSON text (so a value is never mistaken for a Postgres array), read back parsed. */
type Json = ColumnType<unknown, string | null, never>;

// A type alias, not an interface: Kysely.withTables wants an index signature, which only aliases get implicitly.
export type EditorialTables = {
  editor_users: {
    id: Generated<number>;
    email: string;
    display_name: string;
    role: Role;
    password_hash: string;
    password_changed_at: Instant;
    created_at: Instant;
    disabled: boolean;
  };
  editor_sessions: {
    id: string;
    user_id: number;
    created_at: Instant;
    expires_at: Instant;
    last_seen_at: Instant;
  };
  editor_login_failures: {
    id: Generated<string>;
    account: string;
    address: string;
    at: Instant;
  };
  editor_audit_log: {
    id: ColumnType<string, never, never>;
    at: Instant;
    actor_id: number | null;
    actor_label: string;
    action: string;
    entity: string;
    before_json: Json;
    after_json: Json;
  };
};
