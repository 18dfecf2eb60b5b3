/**
 * The SQLite adapter of the editorial store: its own connection to the same file as the trials (WAL lets it write
 * while the trial store reads), migrated with the same migrations. Instants are stored as ISO 8601 text in UTC, which
 * sorts and compares as time does.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { AuditAction, AuditStamp } from '../../domain/editorial/audit.ts';
import { Conflict, NotFound } from '../../domain/errors.ts';
import { documentVerbs, type DocumentTables } from '../editorial-documents.ts';
import { auditLimit, decodeUser as toUser, publicUser, sessionSnapshot, userEntity, userSnapshot } from '../editorial-records.ts';
import type { EditorialIdMarks, EditorialStore, StoredUser } from '../editorial-store.ts';
import { transferVerbs, type PlainRow, type TransferDialect, type TransferTables } from '../editorial-transfer.ts';
import { openConnection } from './connection.ts';
import type { EditorialTables } from './editorial-schema.ts';
import { migrateToLatest } from './migrate.ts';

type Db = Kysely<EditorialTables>;
function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

async function audit(trx: Transaction<EditorialTables> | Db, stamp: AuditStamp, entity: string, before: unknown, after: unknown): Promise<void> {
  await trx
    .insertInto('editor_audit_log')
    .values({
      at: stamp.at.toISOString(),
      actor_id: stamp.actor.userId,
      actor_label: stamp.actor.label,
      action: stamp.action,
      entity,
      before_json: before == null ? null : JSON.stringify(before),
      after_json: after == null ? null : JSON.stringify(after),
    })
    .execute();
}

async function readUser(db: Transaction<EditorialTables> | Db, id: number): Promise<StoredUser | null> {
  const row = await db.selectFrom('editor_users').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? null : toUser(row);
}

/** The tables whose AUTOINCREMENT counters (sqlite_sequence) a move carries over, by mark. */
const COUNTED_TABLES = { users: 'editor_users', documents: 'editorial_documents', audit: 'editor_audit_log' } as const;

/** How a move writes and reads SQLite: rows with their ids as they are, the counters in sqlite_sequence, JSON as text. */
const TRANSFER: TransferDialect = {
  async insertRows(trx, table, rows) {
    const columns = Object.keys(rows[0] ?? {});
    if (columns.length === 0) return;
    // better-sqlite3 binds no booleans: stored as 0/1 like every flag here.
    const value = (row: PlainRow, column: string): unknown => {
      const item = row[column] ?? null;
      return typeof item === 'boolean' ? (item ? 1 : 0) : item;
    };
    await sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((column) => sql.ref(column)))}) VALUES ${sql.join(
      rows.map((row) => sql`(${sql.join(columns.map((column) => value(row, column)))})`),
    )}`.execute(trx);
  },
  async readIdMarks(db) {
    const rows = await sql<{ name: string; seq: number }>`SELECT name, seq FROM sqlite_sequence WHERE name IN (${sql.join(Object.values(COUNTED_TABLES))})`.execute(db);
    const mark = (table: string): number => rows.rows.find((row) => row.name === table)?.seq ?? 0;
    return { users: mark(COUNTED_TABLES.users), documents: mark(COUNTED_TABLES.documents), audit: mark(COUNTED_TABLES.audit) };
  },
  async raiseIdMarks(trx, marks) {
    for (const [key, table] of Object.entries(COUNTED_TABLES) as [keyof EditorialIdMarks, string][]) {
      const mark = marks[key];
      if (mark <= 0) continue;
      // sqlite_sequence has a row per table once the table has had a row; a table still empty has none yet.
      await sql`UPDATE sqlite_sequence SET seq = ${mark} WHERE name = ${table} AND seq < ${mark}`.execute(trx);
      await sql`INSERT INTO sqlite_sequence (name, seq) SELECT ${table}, ${mark} WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = ${table})`.execute(trx);
    }
  },
  readJson: (value) => (typeof value === 'string' ? (JSON.parse(value) as unknown) : null),
};

/** Opens (creating and migrating if needed) the editorial tables of the SQLite database at `path`. */
export async function openSqliteEditorialStore(path: string): Promise<EditorialStore> {
  const connection = openConnection(path, false);
  try {
    await migrateToLatest(connection.db);
  } catch (error) {
    await connection.db.destroy();
    throw error;
  }
  const db: Db = connection.db.withTables<EditorialTables>();
  const documents = documentVerbs(connection.db.withTables<DocumentTables>(), {
    // One connection, and SQLite lets one writer in at a time: a transaction's read is already its write's.
    lockRows: false,
    isUniqueViolation,
    audit: (trx, stamp, entity, before, after) => audit(trx.withTables<EditorialTables>(), stamp, entity, before, after),
  });

  return {
    ...documents,
    ...transferVerbs(connection.db.withTables<TransferTables>(), TRANSFER),

    async createUser(user, stamp) {
      const at = stamp.at.toISOString();
      try {
        return await db.transaction().execute(async (trx) => {
          const row = await trx
            .insertInto('editor_users')
            .values({ email: user.email, display_name: user.displayName, role: user.role, password_hash: user.passwordHash, password_changed_at: at, created_at: at, disabled: 0 })
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
      const row = await db.selectFrom('editor_users').selectAll().where('email', '=', email).executeTakeFirst();
      return row === undefined ? null : toUser(row);
    },

    async listUsers() {
      const rows = await db.selectFrom('editor_users').selectAll().orderBy('email').execute();
      return rows.map((row) => publicUser(toUser(row)));
    },

    async countActiveAdmins() {
      const row = await db
        .selectFrom('editor_users')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('role', '=', 'admin')
        .where('disabled', '=', 0)
        .executeTakeFirstOrThrow();
      return row.count;
    },

    updateUser(id, changes, stamp) {
      return db.transaction().execute(async (trx) => {
        const before = await readUser(trx, id);
        if (before === null) throw new NotFound(`There is no account ${id}.`);
        const passwordHash = changes.passwordHash ?? changes.rehashedPassword;
        await trx
          .updateTable('editor_users')
          .set({
            ...(changes.disabled === undefined ? {} : { disabled: changes.disabled ? 1 : 0 }),
            ...(passwordHash === undefined ? {} : { password_hash: passwordHash }),
            ...(changes.passwordHash === undefined ? {} : { password_changed_at: stamp.at.toISOString() }),
          })
          .where('id', '=', id)
          .execute();
        if (changes.disabled === true || changes.passwordHash !== undefined) await trx.deleteFrom('editor_sessions').where('user_id', '=', id).execute();
        const after = await readUser(trx, id);
        if (after === null) throw new NotFound(`There is no account ${id}.`);
        await audit(trx, stamp, userEntity(id), userSnapshot(before), userSnapshot(after));
        return publicUser(after);
      });
    },

    async removeUser(id, stamp) {
      await db.transaction().execute(async (trx) => {
        const before = await readUser(trx, id);
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
          .values({ id: session.id, user_id: session.userId, created_at: session.createdAt, expires_at: session.expiresAt, last_seen_at: session.lastSeenAt })
          .execute();
        if (stamp !== undefined) await audit(trx, stamp, userEntity(session.userId), null, sessionSnapshot(session));
      });
    },

    async sessionById(id) {
      const row = await db.selectFrom('editor_sessions').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined
        ? null
        : { id: row.id, userId: row.user_id, createdAt: row.created_at, expiresAt: row.expires_at, lastSeenAt: row.last_seen_at };
    },

    async touchSession(id, at) {
      await db.updateTable('editor_sessions').set({ last_seen_at: at.toISOString() }).where('id', '=', id).execute();
    },

    async deleteSession(id, stamp) {
      await db.transaction().execute(async (trx) => {
        const row = await trx.deleteFrom('editor_sessions').where('id', '=', id).returningAll().executeTakeFirst();
        if (row !== undefined && stamp !== undefined) {
          await audit(trx, stamp, userEntity(row.user_id), sessionSnapshot({ createdAt: row.created_at, expiresAt: row.expires_at }), null);
        }
      });
    },

    async deleteExpiredSessions(now, idleSince) {
      const result = await db
        .deleteFrom('editor_sessions')
        .where((eb) => eb.or([eb('expires_at', '<=', now.toISOString()), eb('last_seen_at', '<', idleSince.toISOString())]))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async recordLoginFailure(failure) {
      await db.insertInto('editor_login_failures').values({ account: failure.account, address: failure.address, at: failure.at.toISOString() }).execute();
    },

    async countLoginFailures(account, address, since) {
      const from = since.toISOString();
      const count = async (column: 'account' | 'address', value: string): Promise<number> => {
        const row = await db
          .selectFrom('editor_login_failures')
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .where(column, '=', value)
          .where('at', '>=', from)
          .executeTakeFirstOrThrow();
        return row.count;
      };
      return { account: await count('account', account), address: await count('address', address) };
    },

    async clearLoginFailures(account) {
      await db.deleteFrom('editor_login_failures').where('account', '=', account).execute();
    },

    async pruneLoginFailures(before) {
      await db.deleteFrom('editor_login_failures').where('at', '<', before.toISOString()).execute();
    },

    async appendAudit(stamp, entity, before, after) {
      await audit(db, stamp, entity, before, after);
    },

    async listAudit(query) {
      let filtered = db.selectFrom('editor_audit_log');
      if (query.actorId !== undefined) filtered = filtered.where('actor_id', '=', query.actorId);
      if (query.action !== undefined) filtered = filtered.where('action', '=', query.action);
      const [rows, total] = await Promise.all([
        filtered.selectAll().orderBy('id', 'desc').limit(auditLimit(query.limit)).offset(Math.max(0, Math.floor(query.offset))).execute(),
        filtered.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
      ]);
      return {
        total: total.count,
        entries: rows.map((row) => ({
          id: row.id,
          at: row.at,
          actorId: row.actor_id,
          actorLabel: row.actor_label,
          action: row.action as AuditAction,
          entity: row.entity,
          before: row.before_json === null ? null : (JSON.parse(row.before_json) as unknown),
          after: row.after_json === null ? null : (JSON.parse(row.after_json) as unknown),
        })),
      };
    },

    async close() {
      await db.destroy();
    },
  };
}
