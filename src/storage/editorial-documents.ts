/**
 * The editorial store's document verbs, written once in Kysely's dialect-neutral builder and run by both adapters
 * (sqlite/editorial-store.ts, postgres/editorial-store.ts) over their own connection. What differs between the
 * databases is passed in: whether a read can lock its row, and how a unique violation is told apart. Rows are
 * decoded and encoded by editorial-records.ts.
 */
import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { AuditStamp } from '../domain/editorial/audit.ts';
import { documentAuditView, documentEntity, type DocumentRef, type DocumentStep, type EditorialDocument } from '../domain/editorial/documents.ts';
import { Conflict } from '../domain/errors.ts';
import { decodeDocument, documentValues, versionChanges, versionValues, type DocumentRow, type VersionRow } from './editorial-records.ts';
import type { DocumentQuery } from './editorial-store.ts';

/** Read back as text (SQLite) or a Date (PostgreSQL); always written as ISO 8601 text. */
type Instant = ColumnType<string | Date, string, string>;
type MaybeInstant = ColumnType<string | Date | null, string | null, string | null>;

// A type alias, not an interface: Kysely.withTables wants an index signature, which only aliases get implicitly.
export type DocumentTables = {
  editorial_documents: {
    id: Generated<number>;
    kind: string;
    key: string;
    created_at: Instant;
    updated_at: Instant;
    working_version: number | null;
    published_version: number | null;
    reviewed_at: MaybeInstant;
    next_review_due: MaybeInstant;
    /** JSON text on the way in; text (SQLite) or parsed JSON (PostgreSQL jsonb) on the way out. */
    review_snapshot: ColumnType<unknown, string | null, string | null>;
  };
  editorial_versions: {
    document_id: number;
    number: number;
    title: string | null;
    body: string;
    state: string;
    author_id: number | null;
    author_label: string;
    created_at: Instant;
    updated_at: Instant;
    submitted_by_id: number | null;
    submitted_by_label: string | null;
    submitted_at: MaybeInstant;
    reviewer_id: number | null;
    reviewer_label: string | null;
    reviewed_at: MaybeInstant;
    comment: string | null;
  };
};

type Db = Kysely<DocumentTables>;
type Trx = Transaction<DocumentTables>;

export interface DocumentDialect {
  /** True where SELECT … FOR UPDATE exists (PostgreSQL); SQLite's one writer at a time needs no row lock. */
  readonly lockRows: boolean;
  readonly isUniqueViolation: (error: unknown) => boolean;
  /** Appends the audit entry inside the same transaction. */
  readonly audit: (trx: Trx, stamp: AuditStamp, entity: string, before: unknown, after: unknown) => Promise<void>;
}

export interface DocumentVerbs {
  getDocument(ref: DocumentRef): Promise<EditorialDocument | null>;
  changeDocument(ref: DocumentRef, step: DocumentStep, stamp: AuditStamp): Promise<EditorialDocument>;
  listDocuments(query: DocumentQuery): Promise<readonly EditorialDocument[]>;
}

async function readRow(db: Db | Trx, ref: DocumentRef, lock: boolean): Promise<DocumentRow | null> {
  const query = db.selectFrom('editorial_documents').selectAll().where('kind', '=', ref.kind).where('key', '=', ref.key);
  const row = await (lock ? query.forUpdate() : query).executeTakeFirst();
  return row ?? null;
}

/** The versions document rows point at (in progress and published): of one document, or of every one of a kind. */
async function shownVersions(db: Db | Trx, only: { readonly documentId?: number; readonly kind?: string }): Promise<VersionRow[]> {
  let query = db
    .selectFrom('editorial_versions as v')
    .innerJoin('editorial_documents as d', 'd.id', 'v.document_id')
    .selectAll('v')
    .where((eb) => eb.or([eb('v.number', '=', eb.ref('d.working_version')), eb('v.number', '=', eb.ref('d.published_version'))]));
  if (only.documentId !== undefined) query = query.where('d.id', '=', only.documentId);
  if (only.kind !== undefined) query = query.where('d.kind', '=', only.kind);
  return query.execute();
}

async function readDocument(db: Db | Trx, ref: DocumentRef, lock: boolean): Promise<{ id: number; document: EditorialDocument } | null> {
  const row = await readRow(db, ref, lock);
  if (row === null) return null;
  return { id: row.id, document: decodeDocument(row, await shownVersions(db, { documentId: row.id })) };
}

export function documentVerbs(db: Db, dialect: DocumentDialect): DocumentVerbs {
  return {
    async getDocument(ref) {
      return (await readDocument(db, ref, false))?.document ?? null;
    },

    async changeDocument(ref, step, stamp) {
      try {
        return await db.transaction().execute(async (trx) => {
          const current = await readDocument(trx, ref, dialect.lockRows);
          // The step throws (Conflict, InvalidInput) when the workflow refuses: the transaction then writes nothing.
          const next = step(current?.document ?? null);
          let id = current?.id;
          if (id === undefined) {
            const inserted = await trx.insertInto('editorial_documents').values(documentValues(next)).returning('id').executeTakeFirstOrThrow();
            id = inserted.id;
          } else {
            await trx.updateTable('editorial_documents').set(documentValues(next)).where('id', '=', id).execute();
          }
          for (const version of [next.published, next.working]) {
            if (version === null) continue;
            await trx
              .insertInto('editorial_versions')
              .values(versionValues(id, version))
              .onConflict((conflict) => conflict.columns(['document_id', 'number']).doUpdateSet(versionChanges(version)))
              .execute();
          }
          await dialect.audit(trx, stamp, documentEntity(ref), documentAuditView(current?.document ?? null), documentAuditView(next));
          return next;
        });
      } catch (error) {
        // Two first drafts of one document at once: the second finds the row the first inserted.
        if (dialect.isUniqueViolation(error)) throw new Conflict('Someone else started this text at the same moment, so nothing was changed. Reload the page and try again.');
        throw error;
      }
    },

    async listDocuments(query) {
      let rows = db.selectFrom('editorial_documents').selectAll();
      if (query.kind !== undefined) rows = rows.where('kind', '=', query.kind);
      const documents = await rows.orderBy('kind').orderBy('key').execute();
      const versions = await shownVersions(db, query.kind === undefined ? {} : { kind: query.kind });
      return documents.map((row) => decodeDocument(row, versions.filter((version) => version.document_id === row.id)));
    },
  };
}
