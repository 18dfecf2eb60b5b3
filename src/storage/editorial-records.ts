/**
 * What both editorial adapters write into the audit log, so an entry reads the same whichever database holds it.
 * No SQL here.
 */
import type { StoredUser } from './editorial-store.ts';

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
