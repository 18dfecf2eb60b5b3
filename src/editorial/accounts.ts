/**
 * Account management: the first admin (from the command line) and what admins do in /editor/users. Every verb asks
 * `can` first and records its change in the audit log (in the store's transaction). An admin cannot disable or
 * remove their own account, nor the last active admin, so the editor area can never lock every admin out.
 */
import { checkDisplayName, checkNewPassword, normaliseEmail, parseRole, ROLE_WORDS, type EditorUser, type Role } from '../domain/editorial/accounts.ts';
import { COMMAND_LINE_ACTOR, type AuditActor } from '../domain/editorial/audit.ts';
import { can, type EditorAction } from '../domain/editorial/permissions.ts';
import { Conflict, NotFound } from '../domain/errors.ts';
import type { EditorialDeps } from './editorial-deps.ts';
import { hashPassword } from './passwords.ts';
import { EditorRefusal } from './refusal.ts';

export interface NewAccount {
  readonly email: string;
  readonly displayName: string;
  readonly role: string;
  readonly password: string;
}

const NEEDS: Readonly<Record<EditorAction, string>> = {
  'dashboard.view': 'signed-in editors',
  'users.manage': 'administrators',
  'audit.view': 'administrators',
  'content.draft': 'editors and administrators',
  'content.review': 'reviewers and administrators',
};

/** Throws 'forbidden' unless `user` may do `action`: the check behind every editor route and verb. */
export function requirePermission(user: EditorUser, action: EditorAction): void {
  if (!can(user, action)) {
    throw new EditorRefusal('forbidden', `Your role (${ROLE_WORDS[user.role].label}) does not allow this: only ${NEEDS[action]} can do it. Nothing was changed.`);
  }
}

function actorOf(user: EditorUser): AuditActor {
  return { userId: user.id, label: user.email };
}

async function validAccount(deps: EditorialDeps, account: NewAccount): Promise<{ email: string; displayName: string; role: Role; passwordHash: string }> {
  const email = normaliseEmail(account.email);
  const displayName = checkDisplayName(account.displayName);
  const role = parseRole(account.role);
  const password = checkNewPassword(account.password, email);
  return { email, displayName, role, passwordHash: await hashPassword(password, deps.scrypt) };
}

/**
 * Creates the first admin (`trialfinder editor create-admin`). Refused with Conflict while an active admin exists:
 * after that, admins add accounts in the editor area.
 */
export async function createFirstAdmin(deps: EditorialDeps, account: Omit<NewAccount, 'role'>): Promise<EditorUser> {
  const valid = await validAccount(deps, { ...account, role: 'admin' });
  if ((await deps.store.countActiveAdmins()) > 0) {
    throw new Conflict('An administrator already exists; sign in at /editor and add accounts under Accounts.');
  }
  return deps.store.createUser(valid, { actor: COMMAND_LINE_ACTOR, at: deps.now(), action: 'user.create' });
}

/** An admin adds an account with a first password, which the admin passes on to its owner. */
export async function addAccount(deps: EditorialDeps, by: EditorUser, account: NewAccount): Promise<EditorUser> {
  requirePermission(by, 'users.manage');
  const valid = await validAccount(deps, account);
  return deps.store.createUser(valid, { actor: actorOf(by), at: deps.now(), action: 'user.create' });
}

async function changeableAccount(deps: EditorialDeps, by: EditorUser, id: number, verb: string): Promise<EditorUser> {
  requirePermission(by, 'users.manage');
  if (id === by.id) throw new Conflict(`You cannot ${verb} your own account; ask another administrator.`);
  const target = await deps.store.userById(id);
  if (target === null) throw new NotFound('There is no such account; it may have been removed already.');
  if (target.role === 'admin' && !target.disabled && (await deps.store.countActiveAdmins()) <= 1) {
    throw new Conflict(`You cannot ${verb} the last active administrator.`);
  }
  return target;
}

/** Disables (ending its sessions) or enables an account. */
export async function setAccountDisabled(deps: EditorialDeps, by: EditorUser, id: number, disabled: boolean): Promise<EditorUser> {
  const target = await changeableAccount(deps, by, id, disabled ? 'disable' : 'enable');
  if (target.disabled === disabled) return target;
  return deps.store.updateUser(id, { disabled }, { actor: actorOf(by), at: deps.now(), action: disabled ? 'user.disable' : 'user.enable' });
}

/**
 * An admin sets a new password for another account (a forgotten one, or one that may be known to someone else): its
 * sessions end, and its owner signs in with the new password, which the admin passes on.
 */
export async function setAccountPassword(deps: EditorialDeps, by: EditorUser, id: number, password: string): Promise<EditorUser> {
  requirePermission(by, 'users.manage');
  if (id === by.id) throw new Conflict('You cannot set your own password here; ask another administrator.');
  const target = await deps.store.userById(id);
  if (target === null) throw new NotFound('There is no such account; it may have been removed already.');
  const passwordHash = await hashPassword(checkNewPassword(password, target.email), deps.scrypt);
  return deps.store.updateUser(id, { passwordHash }, { actor: actorOf(by), at: deps.now(), action: 'user.password-set' });
}

/** Removes an account and its sessions; its audit entries stay. */
export async function removeAccount(deps: EditorialDeps, by: EditorUser, id: number): Promise<void> {
  await changeableAccount(deps, by, id, 'remove');
  await deps.store.removeUser(id, { actor: actorOf(by), at: deps.now(), action: 'user.remove' });
}
