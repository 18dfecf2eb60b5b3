import type { EditorUser, Role } from '../domain/editorial/accounts.ts';
import type { AuditAction, AuditEntry, AuditStamp } from '../domain/editorial/audit.ts';
import type { DocumentKind, DocumentRef, DocumentStep, DocumentVersion, EditorialDocument, Review } from '../domain/editorial/documents.ts';

/** An account with what only sign-in may read: its password hash (scrypt, parameters included). */
export interface StoredUser extends EditorUser {
  readonly passwordHash: string;
  /** When the password (not its hash parameters) was last set. ISO 8601. */
  readonly passwordChangedAt: string;
}

export interface NewUser {
  /** Already normalised (domain `normaliseEmail`). */
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly passwordHash: string;
}

/** What `updateUser` may change; absent fields stay as they are. */
export interface UserChanges {
  readonly disabled?: boolean;
  /** A new hash of a new password: `passwordChangedAt` moves to the stamp's time, and the account's sessions end. */
  readonly passwordHash?: string;
  /** The same password hashed again with stronger parameters: `passwordChangedAt` stays. */
  readonly rehashedPassword?: string;
}

/** A signed-in session. The cookie holds a random token; the database holds only its SHA-256 (`id`). */
export interface SessionRecord {
  readonly id: string;
  readonly userId: number;
  readonly createdAt: string;
  /** The absolute end, however active the session is. */
  readonly expiresAt: string;
  /** Moved forward as the session is used; the idle limit counts from it. */
  readonly lastSeenAt: string;
}

/** A failed sign-in, counted per account and per client address for rate limiting. */
export interface LoginFailure {
  /** The normalised email that was tried (whether or not it names an account). */
  readonly account: string;
  readonly address: string;
  readonly at: Date;
}

export interface AuditQuery {
  /** Only entries by this account. */
  readonly actorId?: number;
  /** Only this action. */
  readonly action?: AuditAction;
  /** Newest first; at most 200. */
  readonly limit: number;
  readonly offset: number;
}

export interface AuditPage {
  readonly entries: readonly AuditEntry[];
  /** Entries matching the filters, across all pages. */
  readonly total: number;
}

export interface DocumentQuery {
  /** Only documents of this kind. */
  readonly kind?: DocumentKind;
}

/** A document as a move copies it: its own row, by id, and every version it ever had (not only the shown ones). */
export interface StoredDocument {
  readonly id: number;
  readonly kind: DocumentKind;
  readonly key: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The number of the version in progress, or null. */
  readonly workingVersion: number | null;
  /** The number of the published version, or null. */
  readonly publishedVersion: number | null;
  readonly review: Review | null;
  /** By number. */
  readonly versions: readonly DocumentVersion[];
}

/**
 * The highest id each table has ever handed out, a removed account's included. A copy carries them over so the new
 * database never gives a new account the id of a removed one that old audit entries still name.
 */
export interface EditorialIdMarks {
  readonly users: number;
  readonly documents: number;
  readonly audit: number;
}

/**
 * One batch of an editorial export, in the order an import replays them: accounts, then documents, then the audit
 * log, each by id, and the id marks last (read after every row, so they are never below an exported id).
 */
export type EditorialBatch =
  | { readonly table: 'users'; readonly rows: readonly StoredUser[] }
  | { readonly table: 'documents'; readonly rows: readonly StoredDocument[] }
  | { readonly table: 'audit'; readonly rows: readonly AuditEntry[] }
  | { readonly table: 'id-marks'; readonly marks: EditorialIdMarks };

/** Rows per editorial table. Sessions and failed sign-ins are counted but never exported: they are not worth moving. */
export interface EditorialCounts {
  readonly users: number;
  readonly documents: number;
  readonly versions: number;
  readonly auditEntries: number;
  readonly sessions: number;
  readonly loginFailures: number;
}

/**
 * The editorial storage port: accounts, sessions, failed sign-ins, the audit log and editorial documents, on the same database as the
 * trials (SQLite or PostgreSQL), proven equal by one contract suite (editorial-store.contract.ts).
 *
 * Every verb that changes an account or a document takes an {@link AuditStamp} and writes the audit entry in the same transaction
 * as the change: a change without its entry, or an entry without its change, cannot be committed. The audit log has
 * an append verb and read verbs only; both databases also refuse UPDATE and DELETE on it with a trigger.
 */
export interface EditorialStore {
  /** Adds an account and its `user.create` entry. Conflict when the email is taken. */
  createUser(user: NewUser, stamp: AuditStamp): Promise<EditorUser>;
  userById(id: number): Promise<StoredUser | null>;
  /** By normalised email. */
  userByEmail(email: string): Promise<StoredUser | null>;
  /** Every account, by email. */
  listUsers(): Promise<readonly EditorUser[]>;
  /** Accounts with the admin role that are not disabled. */
  countActiveAdmins(): Promise<number>;
  /**
   * Changes an account and records the stamp's action with the account before and after. Disabling it or setting a
   * new password also ends every session of the account. NotFound when there is no such account.
   */
  updateUser(id: number, changes: UserChanges, stamp: AuditStamp): Promise<EditorUser>;
  /** Removes an account and its sessions, recording `user.remove`. NotFound when there is no such account. */
  removeUser(id: number, stamp: AuditStamp): Promise<void>;

  /** Stores a new session; with a stamp, records it (a sign-in) in the same transaction. */
  createSession(session: SessionRecord, stamp?: AuditStamp): Promise<void>;
  /** A session by the hash of its token, or null. */
  sessionById(id: string): Promise<SessionRecord | null>;
  /** Moves a session's last-seen time. */
  touchSession(id: string, at: Date): Promise<void>;
  /** Ends a session; with a stamp, records it (a sign-out). Ending a session that is gone is not an error. */
  deleteSession(id: string, stamp?: AuditStamp): Promise<void>;
  /** Deletes sessions past their absolute end (`now`) or idle since before `idleSince`; returns how many. */
  deleteExpiredSessions(now: Date, idleSince: Date): Promise<number>;

  recordLoginFailure(failure: LoginFailure): Promise<void>;
  /** Failures since `since` for the account and for the address. */
  countLoginFailures(account: string, address: string, since: Date): Promise<{ readonly account: number; readonly address: number }>;
  /** Forgets an account's failures (after it signs in). */
  clearLoginFailures(account: string): Promise<void>;
  /** Forgets failures older than `before`; they no longer count towards any limit. */
  pruneLoginFailures(before: Date): Promise<void>;

  /** Appends an entry about something that changed no account (none yet besides sign-in and sign-out). */
  appendAudit(stamp: AuditStamp, entity: string, before: unknown, after: unknown): Promise<void>;
  /** Entries newest first, filtered and paged. */
  listAudit(query: AuditQuery): Promise<AuditPage>;

  /** A summary or page with its version in progress and its published version, or null when none was ever written. */
  getDocument(ref: DocumentRef): Promise<EditorialDocument | null>;
  /**
   * One step of the editorial workflow, in one transaction: reads the document (locking its row where the database
   * can), asks `step` (a pure function of domain/editorial/documents.ts) for the document as it now stands, writes it
   * and records the stamp's action with the document before and after. When the step throws (the workflow refuses),
   * nothing is written. Returns the document as written.
   */
  changeDocument(ref: DocumentRef, step: DocumentStep, stamp: AuditStamp): Promise<EditorialDocument>;
  /** Every document (of a kind), by kind and key: the review queue and the list of pages read it. */
  listDocuments(query: DocumentQuery): Promise<readonly EditorialDocument[]>;

  /** Rows per table, for a move to check that a target is empty and that a copy is complete. */
  countEditorial(): Promise<EditorialCounts>;
  /**
   * Every account (password hash included), document (every version) and audit entry exactly as stored, ids and
   * instants included, in batches of at most `batchSize` rows; then the id marks. Sessions and failed sign-ins are
   * left out. Read page by page: stop the servers first, or a change made meanwhile may be missed (a move then
   * finds the difference when it compares).
   */
  exportEditorial(batchSize?: number): AsyncIterable<EditorialBatch>;
  /**
   * Writes an export into this store in one transaction, keeping every id, and raises the id counters to the marks.
   * Conflict, with nothing written, when the store already holds an account, a document or an audit entry (the
   * audit log could not be emptied again) or when the batches are out of order; if reading a batch fails, nothing is
   * written either. Returns what it wrote.
   */
  importEditorial(batches: AsyncIterable<EditorialBatch>): Promise<EditorialCounts>;

  close(): Promise<void>;
}
