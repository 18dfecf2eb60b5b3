/**
 * What both editorial adapters read and write, so a row means the same whichever database holds it: the audit log's
 * views of accounts and sessions, and the codecs of account and document rows. SQLite gives instants back as ISO
 * text and booleans as 0/1; PostgreSQL as Dates and booleans; JSON as text and parsed values. The codecs take
 * either. No SQL here.
 */
import type { Selectable } from 'kysely';
import type { EditorUser, Role } from '../domain/editorial/accounts.ts';
import { isAuditAction, type AuditEntry } from '../domain/editorial/audit.ts';
import { isDocumentKind, VERSION_STATES, type DocumentVersion, type EditorialDocument, type Person, type VersionState } from '../domain/editorial/documents.ts';
import type { DocumentTables } from './editorial-documents.ts';
import type { StoredDocument, StoredUser } from './editorial-store.ts';

/** An instant as ISO 8601 text, from either database's form. */
export function isoInstant(value: string | Date): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

/** An account row's columns as both databases give them back. */
export interface UserRowValues {
  readonly id: number;
  readonly email: string;
  readonly display_name: string;
  readonly role: Role;
  readonly password_hash: string;
  readonly password_changed_at: string | Date;
  readonly created_at: string | Date;
  readonly disabled: boolean | 0 | 1;
}

export function decodeUser(row: UserRowValues): StoredUser {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    createdAt: isoInstant(row.created_at),
    disabled: row.disabled === true || row.disabled === 1,
    passwordHash: row.password_hash,
    passwordChangedAt: isoInstant(row.password_changed_at),
  };
}

/** An account without its secrets. */
export function publicUser(user: EditorUser): EditorUser {
  return { id: user.id, email: user.email, displayName: user.displayName, role: user.role, createdAt: user.createdAt, disabled: user.disabled };
}

/** The entity an account's entries are about. */
export function userEntity(id: number): string {
  return `user:${id}`;
}

/**
 * How a stored hash was made ("scrypt$ln=16,r=8,p=2"), without its salt and digest: the audit log shows that a
 * hash was strengthened, never anything that helps to guess the password.
 */
export function hashParameters(passwordHash: string): string {
  return passwordHash.split('$').slice(0, 2).join('$');
}

/** An account as the audit log records it before and after a change: never the hash, only how it was made. */
export function userSnapshot(user: StoredUser): Record<string, unknown> {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    disabled: user.disabled,
    createdAt: user.createdAt,
    passwordChangedAt: user.passwordChangedAt,
    passwordHashParameters: hashParameters(user.passwordHash),
  };
}

/** What a sign-in records about the session it starts (never the token or its hash). */
export function sessionSnapshot(session: { readonly createdAt: string; readonly expiresAt: string }): Record<string, unknown> {
  return { createdAt: session.createdAt, expiresAt: session.expiresAt };
}

/** The most entries one audit page reads. */
export const AUDIT_PAGE_MAX = 200;

export function auditLimit(limit: number): number {
  return Math.max(1, Math.min(AUDIT_PAGE_MAX, Math.floor(limit)));
}

export type DocumentRow = Selectable<DocumentTables['editorial_documents']>;
export type VersionRow = Selectable<DocumentTables['editorial_versions']>;

function maybeInstant(value: string | Date | null): string | null {
  return value === null ? null : isoInstant(value);
}

function person(id: number | null, label: string | null): Person | null {
  return label === null ? null : { id, label };
}

function versionState(value: string): VersionState {
  const state = VERSION_STATES.find((candidate) => candidate === value);
  if (state === undefined) throw new Error(`Unknown version state ${JSON.stringify(value)} in editorial_versions.`);
  return state;
}

function decodeVersion(row: VersionRow): DocumentVersion {
  return {
    number: row.number,
    title: row.title,
    body: row.body,
    state: versionState(row.state),
    author: { id: row.author_id, label: row.author_label },
    createdAt: isoInstant(row.created_at),
    updatedAt: isoInstant(row.updated_at),
    submittedBy: person(row.submitted_by_id, row.submitted_by_label),
    submittedAt: maybeInstant(row.submitted_at),
    reviewer: person(row.reviewer_id, row.reviewer_label),
    reviewedAt: maybeInstant(row.reviewed_at),
    comment: row.comment,
  };
}

/** JSON as SQLite (text) or PostgreSQL jsonb (parsed) gives it back; a snapshot is always an object, never a string. */
function parsedJson(value: unknown): unknown {
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : (value ?? null);
}

/** A document row with every one of its versions, as a move exports it. */
export function decodeStoredDocument(row: DocumentRow, versions: readonly VersionRow[]): StoredDocument {
  if (!isDocumentKind(row.kind)) throw new Error(`Unknown document kind ${JSON.stringify(row.kind)} in editorial_documents.`);
  const reviewedAt = maybeInstant(row.reviewed_at);
  const nextReviewDue = maybeInstant(row.next_review_due);
  return {
    id: row.id,
    kind: row.kind,
    key: row.key,
    createdAt: isoInstant(row.created_at),
    updatedAt: isoInstant(row.updated_at),
    workingVersion: row.working_version,
    publishedVersion: row.published_version,
    review: reviewedAt === null || nextReviewDue === null ? null : { reviewedAt, nextReviewDue, snapshot: parsedJson(row.review_snapshot) },
    versions: versions.map(decodeVersion),
  };
}

/** An audit row's columns as both databases give them back (PostgreSQL's bigint id as text, jsonb parsed). */
export interface AuditRowValues {
  readonly id: number | string;
  readonly at: string | Date;
  readonly actor_id: number | null;
  readonly actor_label: string;
  readonly action: string;
  readonly entity: string;
  readonly before_json: unknown;
  readonly after_json: unknown;
}

/**
 * An audit row as an entry. `readJson` is the adapter's: SQLite gives JSON text, PostgreSQL the parsed value, and only
 * the adapter knows which (an entry's `before` may itself be a string).
 */
export function decodeAuditEntry(row: AuditRowValues, readJson: (value: unknown) => unknown): AuditEntry {
  if (!isAuditAction(row.action)) throw new Error(`Unknown audit action ${JSON.stringify(row.action)} in editor_audit_log entry ${row.id}.`);
  return {
    id: Number(row.id),
    at: isoInstant(row.at),
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    action: row.action,
    entity: row.entity,
    before: readJson(row.before_json),
    after: readJson(row.after_json),
  };
}

/** A document row and the rows of the versions it points at. */
export function decodeDocument(row: DocumentRow, versions: readonly VersionRow[]): EditorialDocument {
  if (!isDocumentKind(row.kind)) throw new Error(`Unknown document kind ${JSON.stringify(row.kind)} in editorial_documents.`);
  const version = (number: number | null): DocumentVersion | null => {
    if (number === null) return null;
    const found = versions.find((candidate) => candidate.number === number);
    if (found === undefined) throw new Error(`Document ${row.kind}:${row.key} points at version ${number}, which is missing.`);
    return decodeVersion(found);
  };
  const reviewedAt = maybeInstant(row.reviewed_at);
  const nextReviewDue = maybeInstant(row.next_review_due);
  return {
    kind: row.kind,
    key: row.key,
    createdAt: isoInstant(row.created_at),
    updatedAt: isoInstant(row.updated_at),
    working: version(row.working_version),
    published: version(row.published_version),
    review: reviewedAt === null || nextReviewDue === null ? null : { reviewedAt, nextReviewDue, snapshot: parsedJson(row.review_snapshot) },
  };
}

/** JSON text for a snapshot column; U+0000 removed from strings, which PostgreSQL's jsonb cannot hold. */
export function jsonColumn(value: unknown): string | null {
  return value == null ? null : JSON.stringify(value, (_key, item: unknown) => (typeof item === 'string' ? item.replaceAll('\u0000', '') : item));
}

/** A document's own columns, to insert or update. */
export function documentValues(document: EditorialDocument) {
  return {
    kind: document.kind,
    key: document.key,
    created_at: document.createdAt,
    updated_at: document.updatedAt,
    working_version: document.working?.number ?? null,
    published_version: document.published?.number ?? null,
    reviewed_at: document.review?.reviewedAt ?? null,
    next_review_due: document.review?.nextReviewDue ?? null,
    review_snapshot: jsonColumn(document.review?.snapshot ?? null),
  };
}

/** A version's columns, to insert or update. */
export function versionValues(documentId: number, version: DocumentVersion) {
  return { document_id: documentId, number: version.number, ...versionChanges(version) };
}

/** A version's columns that a later step may change (all but its document and number). */
export function versionChanges(version: DocumentVersion) {
  return {
    title: version.title,
    body: version.body,
    state: version.state,
    author_id: version.author.id,
    author_label: version.author.label,
    created_at: version.createdAt,
    updated_at: version.updatedAt,
    submitted_by_id: version.submittedBy?.id ?? null,
    submitted_by_label: version.submittedBy?.label ?? null,
    submitted_at: version.submittedAt,
    reviewer_id: version.reviewer?.id ?? null,
    reviewer_label: version.reviewer?.label ?? null,
    reviewed_at: version.reviewedAt,
    comment: version.comment,
  };
}
