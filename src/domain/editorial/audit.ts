/**
 * The audit log's vocabulary: every change in the editorial area is recorded as who, when, which action, on which
 * entity, and the entity before and after. Entries are only ever appended.
 */

export const AUDIT_ACTIONS = [
  'user.create',
  'user.disable',
  'user.enable',
  'user.remove',
  /** An admin set a new password for an account (its sessions end). */
  'user.password-set',
  /** A stored password hash was recomputed with stronger parameters at sign-in (the password itself is unchanged). */
  'user.password-rehash',
  'session.sign-in',
  'session.sign-out',
  /** An editor saved the words of a summary or page (a new version, or a draft updated). */
  'document.save',
  'document.submit',
  /** A reviewer approved a version: it is published, with its review dates (and, for a trial, its snapshot). */
  'document.approve',
  'document.send-back',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Plain words for each action, for the audit page's filter. */
export const AUDIT_ACTION_WORDS: Readonly<Record<AuditAction, string>> = {
  'user.create': 'Account added',
  'user.disable': 'Account disabled',
  'user.enable': 'Account enabled',
  'user.remove': 'Account removed',
  'user.password-set': 'Password set by an administrator',
  'user.password-rehash': 'Password hash strengthened',
  'session.sign-in': 'Signed in',
  'session.sign-out': 'Signed out',
  'document.save': 'Text saved',
  'document.submit': 'Text submitted for review',
  'document.approve': 'Text approved and published',
  'document.send-back': 'Text sent back',
};

/** Who made a change: an account, or (userId null) the command line run by whoever runs the server. */
export interface AuditActor {
  readonly userId: number | null;
  /** The account's email at the time, or "command line": kept so the entry still reads after the account is removed. */
  readonly label: string;
}

/** The actor of changes made with the `trialfinder` command. */
export const COMMAND_LINE_ACTOR: AuditActor = { userId: null, label: 'command line' };

/** What a change is stamped with: who, when, what. */
export interface AuditStamp {
  readonly actor: AuditActor;
  readonly at: Date;
  readonly action: AuditAction;
}

/** One entry as read back. `before` is null for a creation, `after` for a removal. */
export interface AuditEntry {
  readonly id: number;
  /** ISO 8601 instant. */
  readonly at: string;
  readonly actorId: number | null;
  readonly actorLabel: string;
  readonly action: AuditAction;
  /** "user:12", "document:trial-summary:NCT01234567". */
  readonly entity: string;
  readonly before: unknown;
  readonly after: unknown;
}

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}
