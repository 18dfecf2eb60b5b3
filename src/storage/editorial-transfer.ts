/**
 * The editorial store's verbs for moving to another database (count, export, import), written once in Kysely's
 * dialect-neutral builder like editorial-documents.ts and run by both adapters over their own connection. What
 * differs is passed in: how rows are written with the ids they already have (PostgreSQL's identity columns refuse an
 * id unless told), how each database keeps and raises its id counters, and how JSON comes back.
 */
import type { ColumnType, Kysely, Transaction } from 'kysely';
import type { Role } from '../domain/editorial/accounts.ts';
import type { AuditEntry } from '../domain/editorial/audit.ts';
import { Conflict } from '../domain/errors.ts';
import type { DocumentTables } from './editorial-documents.ts';
import { decodeAuditEntry, decodeStoredDocument, decodeUser, versionValues } from './editorial-records.ts';
import type { EditorialCounts, EditorialIdMarks, EditorialStore, StoredDocument, StoredUser } from './editorial-store.ts';

type Instant = ColumnType<string | Date, string, string>;

// A type alias, not an interface: Kysely.withTables wants an index signature, which only aliases get implicitly.
export type TransferTables = DocumentTables & {
  editor_users: {
    id: number;
    email: string;
    display_name: string;
    role: Role;
    password_hash: string;
    password_changed_at: Instant;
    created_at: Instant;
    disabled: boolean | 0 | 1;
  };
  editor_sessions: { id: string; user_id: number };
  editor_login_failures: { id: number | string };
  editor_audit_log: {
    /** PostgreSQL's bigint comes back as text. */
    id: number | string;
    at: Instant;
    actor_id: number | null;
    actor_label: string;
    action: string;
    entity: string;
    before_json: unknown;
    after_json: unknown;
  };
};

type Db = Kysely<TransferTables>;
type Trx = Transaction<TransferTables>;

/** A row to write exactly as it is, its id included: text, numbers, booleans and nulls only. */
export type PlainRow = Readonly<Record<string, string | number | boolean | null>>;

/** The tables a move writes; sessions and failed sign-ins are never moved. */
export type MovedTable = 'editor_users' | 'editorial_documents' | 'editorial_versions' | 'editor_audit_log';

export interface TransferDialect {
  /** Inserts rows (all with the same columns) keeping the ids they carry. */
  readonly insertRows: (trx: Trx, table: MovedTable, rows: readonly PlainRow[]) => Promise<void>;
  /** The highest id each counter has handed out; 0 for one never used. */
  readonly readIdMarks: (db: Db | Trx) => Promise<EditorialIdMarks>;
  /** Raises each counter to at least its mark, so the next id is above it; never lowers one. */
  readonly raiseIdMarks: (trx: Trx, marks: EditorialIdMarks) => Promise<void>;
  /** JSON as this database gives it back (text, or already parsed). */
  readonly readJson: (value: unknown) => unknown;
}

export type TransferVerbs = Pick<EditorialStore, 'countEditorial' | 'exportEditorial' | 'importEditorial'>;

/** Rows per INSERT: far below either database's limit on bound values (16 columns at most). */
const ROWS_PER_INSERT = 100;
const DEFAULT_BATCH = 500;

async function countRows(db: Db | Trx): Promise<EditorialCounts> {
  const count = async (table: keyof TransferTables): Promise<number> => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  };
  return {
    users: await count('editor_users'),
    documents: await count('editorial_documents'),
    versions: await count('editorial_versions'),
    auditEntries: await count('editor_audit_log'),
    sessions: await count('editor_sessions'),
    loginFailures: await count('editor_login_failures'),
  };
}

async function highestIds(trx: Trx): Promise<EditorialIdMarks> {
  const max = async (table: 'editor_users' | 'editorial_documents' | 'editor_audit_log'): Promise<number> => {
    const row = await trx
      .selectFrom(table)
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst();
    return row?.id == null ? 0 : Number(row.id);
  };
  return { users: await max('editor_users'), documents: await max('editorial_documents'), audit: await max('editor_audit_log') };
}

function higher(a: EditorialIdMarks, b: EditorialIdMarks): EditorialIdMarks {
  return { users: Math.max(a.users, b.users), documents: Math.max(a.documents, b.documents), audit: Math.max(a.audit, b.audit) };
}

function jsonText(value: unknown): string | null {
  return value == null ? null : JSON.stringify(value);
}

function userRow(user: StoredUser): PlainRow {
  return {
    id: user.id,
    email: user.email,
    display_name: user.displayName,
    role: user.role,
    password_hash: user.passwordHash,
    password_changed_at: user.passwordChangedAt,
    created_at: user.createdAt,
    disabled: user.disabled,
  };
}

function documentRow(document: StoredDocument): PlainRow {
  return {
    id: document.id,
    kind: document.kind,
    key: document.key,
    created_at: document.createdAt,
    updated_at: document.updatedAt,
    working_version: document.workingVersion,
    published_version: document.publishedVersion,
    reviewed_at: document.review?.reviewedAt ?? null,
    next_review_due: document.review?.nextReviewDue ?? null,
    review_snapshot: jsonText(document.review?.snapshot ?? null),
  };
}

function auditRow(entry: AuditEntry): PlainRow {
  return {
    id: entry.id,
    at: entry.at,
    actor_id: entry.actorId,
    actor_label: entry.actorLabel,
    action: entry.action,
    entity: entry.entity,
    // Not stripped of U+0000 here: PostgreSQL then refuses the whole import instead of storing a changed entry.
    before_json: jsonText(entry.before),
    after_json: jsonText(entry.after),
  };
}

export function transferVerbs(db: Db, dialect: TransferDialect): TransferVerbs {
  const insert = async (trx: Trx, table: MovedTable, rows: readonly PlainRow[]): Promise<void> => {
    for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) await dialect.insertRows(trx, table, rows.slice(start, start + ROWS_PER_INSERT));
  };

  return {
    countEditorial: () => countRows(db),

    async *exportEditorial(batchSize = DEFAULT_BATCH) {
      const size = Math.max(1, Math.floor(batchSize));
      // Keyset paging on each table's id, so every page is one short query and nothing is read twice.
      for (let after = 0; ; ) {
        const rows = await db.selectFrom('editor_users').selectAll().where('id', '>', after).orderBy('id').limit(size).execute();
        if (rows.length > 0) yield { table: 'users', rows: rows.map(decodeUser) } as const;
        const last = rows.at(-1);
        if (last === undefined || rows.length < size) break;
        after = last.id;
      }
      for (let after = 0; ; ) {
        const rows = await db.selectFrom('editorial_documents').selectAll().where('id', '>', after).orderBy('id').limit(size).execute();
        const last = rows.at(-1);
        if (last === undefined) break;
        const versions = await db
          .selectFrom('editorial_versions')
          .selectAll()
          .where(
            'document_id',
            'in',
            rows.map((row) => row.id),
          )
          .orderBy('document_id')
          .orderBy('number')
          .execute();
        yield { table: 'documents', rows: rows.map((row) => decodeStoredDocument(row, versions.filter((version) => version.document_id === row.id))) } as const;
        if (rows.length < size) break;
        after = last.id;
      }
      for (let after = 0; ; ) {
        const rows = await db.selectFrom('editor_audit_log').selectAll().where('id', '>', after).orderBy('id').limit(size).execute();
        if (rows.length > 0) yield { table: 'audit', rows: rows.map((row) => decodeAuditEntry(row, dialect.readJson)) } as const;
        const last = rows.at(-1);
        if (last === undefined || rows.length < size) break;
        after = Number(last.id);
      }
      // Read last: by now each mark is at least every id exported above.
      yield { table: 'id-marks', marks: await dialect.readIdMarks(db) } as const;
    },

    importEditorial(batches) {
      return db.transaction().execute(async (trx) => {
        const before = await countRows(trx);
        if (before.users > 0 || before.documents > 0 || before.versions > 0 || before.auditEntries > 0) {
          throw new Conflict(
            `This database already holds editorial data (${before.users} accounts, ${before.documents} documents, ${before.auditEntries} audit entries); ` +
              'editorial data can only be copied into a database that has none, because the audit log can never be emptied again.',
          );
        }
        let marks: EditorialIdMarks = { users: 0, documents: 0, audit: 0 };
        // One transaction around every batch: a failure part-way (a batch that cannot be read, a refused row) leaves
        // the database as it was, never with half an audit log that could not be deleted.
        for await (const batch of batches) {
          switch (batch.table) {
            case 'users':
              await insert(trx, 'editor_users', batch.rows.map(userRow));
              break;
            case 'documents':
              await insert(trx, 'editorial_documents', batch.rows.map(documentRow));
              await insert(
                trx,
                'editorial_versions',
                batch.rows.flatMap((document) => document.versions.map((version) => versionValues(document.id, version))),
              );
              break;
            case 'audit':
              await insert(trx, 'editor_audit_log', batch.rows.map(auditRow));
              break;
            case 'id-marks':
              marks = higher(marks, batch.marks);
              break;
          }
        }
        await dialect.raiseIdMarks(trx, higher(marks, await highestIds(trx)));
        return countRows(trx);
      });
    },
  };
}
