/**
 * Editor accounts as the editorial workflow sees them (issue 7): who a person is, which role they hold, and the rules
 * their email address, name and password must meet. Pure: hashing and storage live outside the domain.
 */
import { InvalidInput } from '../errors.ts';

/** Editors draft, reviewers approve, admins manage accounts and read the audit log. */
export const ROLES = ['editor', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A role in words, for pages and the command line. */
export const ROLE_WORDS: Readonly<Record<Role, { readonly label: string; readonly description: string }>> = {
  editor: { label: 'Editor', description: 'writes plain-English summaries and editorial pages' },
  reviewer: { label: 'Reviewer', description: 'checks summaries and pages, then approves them or sends them back' },
  admin: { label: 'Administrator', description: 'adds, disables and removes accounts, reads the audit log, and may edit and review' },
};

/** An account without its secrets: what pages, the audit log and authorisation see. */
export interface EditorUser {
  readonly id: number;
  /** Lower case, trimmed: the sign-in name. */
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  /** ISO 8601 instant. */
  readonly createdAt: string;
  /** A disabled account keeps its history but cannot sign in, and its sessions are ended. */
  readonly disabled: boolean;
}

/** The shortest password accepted (NCSC and NIST SP 800-63B ask for length, not character classes). */
export const PASSWORD_MIN_LENGTH = 12;
/** The longest: far more than a passphrase needs, and a bound on the work one sign-in can ask of the server. */
export const PASSWORD_MAX_LENGTH = 256;
const EMAIL_MAX_LENGTH = 254;
const NAME_MAX_LENGTH = 100;
/** Control characters have no place in a name and would break a log line or a JSON column. */
const CONTROL = /\p{Cc}/u;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The sign-in name as stored: trimmed and lower-cased, so "Ann@Example.org " and "ann@example.org" are one account. */
export function normaliseEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (email === '') throw new InvalidInput('Enter an email address.', 'email');
  if (email.length > EMAIL_MAX_LENGTH || CONTROL.test(email) || !EMAIL.test(email)) {
    throw new InvalidInput('Enter an email address in the form name@example.org.', 'email');
  }
  return email;
}

/** A display name: any text a person calls themselves, trimmed, 1 to 100 characters, no control characters. */
export function checkDisplayName(raw: string): string {
  const name = raw.trim();
  if (name === '') throw new InvalidInput('Enter a name.', 'displayName');
  if (name.length > NAME_MAX_LENGTH) throw new InvalidInput(`The name must be at most ${NAME_MAX_LENGTH} characters.`, 'displayName');
  if (CONTROL.test(name)) throw new InvalidInput('The name must not contain control characters.', 'displayName');
  return name;
}

export function parseRole(raw: string): Role {
  const role = ROLES.find((candidate) => candidate === raw.trim());
  if (role === undefined) throw new InvalidInput(`The role must be one of ${ROLES.join(', ')}.`, 'role');
  return role;
}

/** A new password must be long enough, not absurdly long, and not the account's own email address. */
export function checkNewPassword(password: string, email: string): string {
  // Characters, not UTF-16 units: a surrogate pair counts once.
  const length = password.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '_').length;
  if (length < PASSWORD_MIN_LENGTH) {
    throw new InvalidInput(`The password must be at least ${PASSWORD_MIN_LENGTH} characters long; a few unrelated words make a good one.`, 'password');
  }
  if (length > PASSWORD_MAX_LENGTH) throw new InvalidInput(`The password must be at most ${PASSWORD_MAX_LENGTH} characters long.`, 'password');
  if (password.trim().toLowerCase() === email) throw new InvalidInput('The password must not be the email address.', 'password');
  return password;
}
