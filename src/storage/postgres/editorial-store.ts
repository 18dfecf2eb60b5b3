/**
 * The PostgreSQL adapter of the editorial store: its own small pool on the primary (never a replica: a session must
 * be readable the moment it is written), migrated with the same migrations and lock as the trial store.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { AuditAction, AuditStamp } from '../../domain/editorial/audit.ts';
import { Conflict, NotFound, TrialfinderError } from '../../domain/errors.ts';
import { documentVerbs, type DocumentTables } from '../editorial-documents.ts';
import { auditLimit, decodeUser as toUser, publicUser, sessionSnapshot, userEntity, userSnapshot } from '../editorial-records.ts';
import type { EditorialIdMarks, EditorialStore, SessionRecord, StoredUser } from '../editorial-store.ts';
import { transferVerbs, type TransferDialect, type TransferTables } from '../editorial-transfer.ts';
import { openPool, parseConnectionUrl, unreachable } from './connection.ts';
import type { EditorialTables } from './editorial-schema.ts';
import { migrateToLatest } from './migrate.ts';
import { withoutNul } from './trial-row.ts';

type Db = Kysely<EditorialTables>;
type Trx = Transaction<EditorialTables>;

export interface PostgresEditorialOptions {
  /** The schema to live in; overrides a `schema` parameter of the URL. */
  readonly schema?: string;
  /** Connections in the pool (default 3: sign-ins and page loads are few). */
  readonly poolSize?: number;
}

function toSession(row: Selectable<EditorialTables['editor_sessions']>): SessionRecord {
  return {
    id: row.id,
    userId: row.user_id,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
  };
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}

/** JSON text for a jsonb column; jsonb cannot hold U+0000, so it is removed from every string first. */
function jsonText(value: unknown): string | null {
  return value == null ? null : JSON.stringify(value, (_key, item: unknown) => (typeof item === 'string' ? withoutNul(item) : item));
}

async function audit(db: Trx | Db, stamp: AuditStamp, entity: string, before: unknown, after: unknown): Promise<void> {
  await db
    .insertInto('editor_audit_log')
    .values({
      at: stamp.at,
      actor_id: stamp.actor.userId,
      actor_label: withoutNul(stamp.actor.label),
      action: stamp.action,
      entity,
      before_json: jsonText(before),
      after_json: jsonText(after),
    })
    .execute();
}

async function readUser(db: Trx | Db, id: number, lock = false): Promise<StoredUser | null> {
  const query = db.selectFrom('editor_users').selectAll().where('id', '=', id);
  const row = await (lock ? query.forUpdate() : query).executeTakeFirst();
  return row === undefined ? null : toUser(row);
}

/** The identity columns whose sequences a move carries over, by mark. */
const COUNTED_TABLES = { users: 'editor_users', documents: 'editorial_documents', audit: 'editor_audit_log' } as const;

/**
 * How a move writes and reads PostgreSQL. Ids are GENERATED ALWAYS, so rows that keep their ids need OVERRIDING
 * SYSTEM VALUE, and the sequences are then moved past them with setval. The table names are resolved through the
 * connection's search_path, so the schema of the URL is the one written.
 */
const TRANSFER: TransferDialect = {
  async insertRows(trx, table, rows) {
    const columns = Object.keys(rows[0] ?? {});
    if (columns.length === 0) return;
    // editorial_versions has no identity column to override.
    const overriding = table === 'editorial_versions' ? sql`` : sql`OVERRIDING SYSTEM VALUE`;
    await sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((column) => sql.ref(column)))}) ${overriding} VALUES ${sql.join(
      rows.map((row) => sql`(${sql.join(columns.map((column) => row[column] ?? null))})`),
    )}`.execute(trx);
  },
  async readIdMarks(db) {
    // pg_sequence_last_value is null until a sequence hands out its first value.
    const mark = async (table: string): Promise<number> => {
      const result = await sql<{ mark: string | null }>`SELECT pg_sequence_last_value(pg_get_serial_sequence(${table}, 'id')::regclass)::text AS mark`.execute(db);
      return Number(result.rows[0]?.mark ?? 0);
    };
    return { users: await mark(COUNTED_TABLES.users), documents: await mark(COUNTED_TABLES.documents), audit: await mark(COUNTED_TABLES.audit) };
  },
  async raiseIdMarks(trx, marks) {
    for (const [key, table] of Object.entries(COUNTED_TABLES) as [keyof EditorialIdMarks, string][]) {
      const mark = marks[key];
      if (mark <= 0) continue;
      await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), greatest(${mark}::bigint, coalesce(pg_sequence_last_value(pg_get_serial_sequence(${table}, 'id')::regclass), 0)), true)`.execute(trx);
    }
  },
  // jsonb comes back parsed; SQL NULL as null.
  readJson: (value) => value ?? null,
};

/** Opens the editorial tables of the PostgreSQL database at `url` (postgres://…, optionally `?schema=NAME`). */
export async function openPostgresEditorialStore(url: string, options: PostgresEditorialOptions = {}): Promise<EditorialStore> {
  const target = parseConnectionUrl(url, options.schema ?? null);
  const pool = openPool(target, options.poolSize ?? 3);
  try {
    await migrateToLatest(pool, target.schema);
  } catch (error) {
    await pool.destroy();
    if (error instanceof TrialfinderError) throw error;
    throw unreachable(target.url, error);
  }
  const db: Db = pool.withTables<EditorialTables>();
  const documents = documentVerbs(pool.withTables<DocumentTables>(), {
    // Locked, so two reviewers acting on one document at once each see the other's result, never a stale one.
    lockRows: true,
    isUniqueViolation,
    audit: (trx, stamp, entity, before, after) => audit(trx.withTables<EditorialTables>(), stamp, entity, before, after),
  });

  return {
    ...documents,
    ...transferVerbs(pool.withTables<TransferTables>(), TRANSFER),

    async createUser(user, stamp) {
      try {
        return await db.transaction().execute(async (trx) => {
          const row = await trx
            .insertInto('editor_users')
            .values({
              email: withoutNul(user.email),
              display_name: withoutNul(user.displayName),
              role: user.role,
              password_hash: user.passwordHash,
              password_changed_at: stamp.at,
              created_at: stamp.at,
              disabled: false,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          const created = toUser(row);
          await audit(trx, stamp, userEntity(created.id), null, userSnapshot(created));
          return publicUser(created);
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new Conflict(`There is already an account for ${user.email}.`);
        throw error;
      }
    },

    userById: (id) => readUser(db, id),

    async userByEmail(email) {
      const row = await db.selectFrom('editor_users').selectAll().where('email', '=', withoutNul(email)).executeTakeFirst();
      return row === undefined ? null : toUser(row);
    },

    async listUsers() {
      const rows = await db.selectFrom('editor_users').selectAll().orderBy('email').execute();
      return rows.map((row) => publicUser(toUser(row)));
    },

    async countActiveAdmins() {
      const row = await db
        .selectFrom('editor_users')
        .select(sql<number>`count(*)::int`.as('count'))
        .where('role', '=', 'admin')
        .where('disabled', '=', false)
        .executeTakeFirstOrThrow();
      return row.count;
    },

    updateUser(id, changes, stamp) {
      return db.transaction().execute(async (trx) => {
        // Locked, so two admins changing one account at once record a true before and after each.
        const before = await readUser(trx, id, true);
        if (before === null) throw new NotFound(`There is no account ${id}.`);
        const passwordHash = changes.passwordHash ?? changes.rehashedPassword;
        const row = await trx
          .updateTable('editor_users')
          .set({
            ...(changes.disabled === undefined ? {} : { disabled: changes.disabled }),
            ...(passwordHash === undefined ? {} : { password_hash: passwordHash }),
            ...(changes.passwordHash === undefined ? {} : { password_changed_at: stamp.at }),
          })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        if (changes.disabled === true || changes.passwordHash !== undefined) await trx.deleteFrom('editor_sessions').where('user_id', '=', id).execute();
        const after = toUser(row);
        await audit(trx, stamp, userEntity(id), userSnapshot(before), userSnapshot(after));
        return publicUser(after);
      });
    },

    async removeUser(id, stamp) {
      await db.transaction().execute(async (trx) => {
        const before = await readUser(trx, id, true);
        if (before === null) throw new NotFound(`There is no account ${id}.`);
        // Sessions go with the account (ON DELETE CASCADE).
        await trx.deleteFrom('editor_users').where('id', '=', id).execute();
        await audit(trx, stamp, userEntity(id), userSnapshot(before), null);
      });
    },

    async createSession(session, stamp) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('editor_sessions')
          .values({
            id: session.id,
            user_id: session.userId,
            created_at: new Date(session.createdAt),
            expires_at: new Date(session.expiresAt),
            last_seen_at: new Date(session.lastSeenAt),
          })
          .execute();
        if (stamp !== undefined) await audit(trx, stamp, userEntity(session.userId), null, sessionSnapshot(session));
      });
    },

    async sessionById(id) {
      const row = await db.selectFrom('editor_sessions').selectAll().where('id', '=', withoutNul(id)).executeTakeFirst();
      return row === undefined ? null : toSession(row);
    },

    async touchSession(id, at) {
      await db.updateTable('editor_sessions').set({ last_seen_at: at }).where('id', '=', withoutNul(id)).execute();
    },

    async deleteSession(id, stamp) {
      await db.transaction().execute(async (trx) => {
        const row = await trx.deleteFrom('editor_sessions').where('id', '=', withoutNul(id)).returningAll().executeTakeFirst();
        if (row !== undefined && stamp !== undefined) {
          const session = toSession(row);
          await audit(trx, stamp, userEntity(session.userId), sessionSnapshot(session), null);
        }
      });
    },

    async deleteExpiredSessions(now, idleSince) {
      const result = await db
        .deleteFrom('editor_sessions')
        .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<', idleSince)]))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async recordLoginFailure(failure) {
      await db
        .insertInto('editor_login_failures')
        .values({ account: withoutNul(failure.account), address: withoutNul(failure.address), at: failure.at })
        .execute();
    },

    async countLoginFailures(account, address, since) {
      const row = await db
        .selectFrom('editor_login_failures')
        .select([
          sql<number>`count(*) FILTER (WHERE account = ${withoutNul(account)})::int`.as('account'),
          sql<number>`count(*) FILTER (WHERE address = ${withoutNul(address)})::int`.as('address'),
        ])
        .where((eb) => eb.or([eb('account', '=', withoutNul(account)), eb('address', '=', withoutNul(address))]))
        .where('at', '>=', since)
        .executeTakeFirstOrThrow();
      return { account: row.account, address: row.address };
    },

    async clearLoginFailures(account) {
      await db.deleteFrom('editor_login_failures').where('account', '=', withoutNul(account)).execute();
    },

    async pruneLoginFailures(before) {
      await db.deleteFrom('editor_login_failures').where('at', '<', before).execute();
    },

    async appendAudit(stamp, entity, before, after) {
      await audit(db, stamp, withoutNul(entity), before, after);
    },

    async listAudit(query) {
      let filtered = db.selectFrom('editor_audit_log');
      if (query.actorId !== undefined) filtered = filtered.where('actor_id', '=', query.actorId);
      if (query.action !== undefined) filtered = filtered.where('action', '=', query.action);
      const [rows, total] = await Promise.all([
        filtered.selectAll().orderBy('id', 'desc').limit(auditLimit(query.limit)).offset(Math.max(0, Math.floor(query.offset))).execute(),
        filtered.select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow(),
      ]);
      return {
        total: total.count,
        entries: rows.map((row) => ({
          id: Number(row.id),
          at: row.at.toISOString(),
          actorId: row.actor_id,
          actorLabel: row.actor_label,
          action: row.action as AuditAction,
          entity: row.entity,
          before: row.before_json ?? null,
          after: row.after_json ?? null,
        })),
      };
    },

    async close() {
      await db.destroy();
    },
  };
}
