/** Kysely table types of the editorial tables in SQLite (migration 0004): instants are ISO 8601 text, booleans 0/1. */
import type { Generated } from 'kysely';
import type { Role } from '../../domain/editorial/accounts.ts';

// A type alias, not an interface: Kysely.withTables wants an index signature, which only aliases get implicitly.
export type EditorialTables = {
  editor_users: {
    id: Generated<number>;
    email: string;
    display_name: string;
    role: Role;
    password_hash: string;
    password_changed_at: string;
    created_at: string;
    disabled: 0 | 1;
  };
  editor_sessions: {
    id: string;
    user_id: number;
    created_at: string;
    expires_at: string;
    last_seen_at: string;
  };
  editor_login_failures: {
    id: Generated<number>;
    account: string;
    address: string;
    at: string;
  };
  editor_audit_log: {
    id: Generated<number>;
    at: string;
    actor_id: number | null;
    actor_label: string;
    action: string;
    entity: string;
    before_json: string | null;
    after_json: string | null;
  };
};
