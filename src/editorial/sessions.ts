/**
 * Signing in and out, and finding the session a request's cookie names. Sign-in is rate-limited per account and
 * per client address, answers an unknown account exactly as a wrong password (same words, same scrypt work), and
 * always starts a new session with a new token.
 */
import type { EditorUser } from '../domain/editorial/accounts.ts';
import { InvalidInput } from '../domain/errors.ts';
import type { SessionRecord } from '../storage/editorial-store.ts';
import { MINUTE_MS, type EditorialDeps } from './editorial-deps.ts';
import { hashPassword, needsRehash, verifyPassword, type ScryptParameters } from './passwords.ts';
import { EditorRefusal, WRONG_CREDENTIALS } from './refusal.ts';
import { formTokenFor, isTokenShaped, newToken, tokenHash } from './tokens.ts';

export interface SignInRequest {
  readonly email: string;
  readonly password: string;
  /** The client's address, as the server sees it. */
  readonly address: string;
}

export interface SignedIn {
  /** The cookie's token: given to the browser once, never stored. */
  readonly token: string;
  readonly user: EditorUser;
  readonly session: SessionRecord;
}

/** A request's session: none, one that has just ended, or an active one with its user and form token. */
export type SessionState =
  | { readonly state: 'none' }
  | { readonly state: 'ended' }
  | { readonly state: 'active'; readonly user: EditorUser; readonly session: SessionRecord; readonly formToken: string; readonly token: string };

/** last_seen_at is written at most this often per session, not on every page. */
const TOUCH_EVERY_MS = MINUTE_MS;

/** One dummy hash per parameter set, verified for unknown accounts so they cost what a real account costs. */
const dummyHashes = new Map<string, Promise<string>>();
function dummyHash(params: ScryptParameters): Promise<string> {
  const key = `${params.ln},${params.r},${params.p}`;
  let hash = dummyHashes.get(key);
  if (hash === undefined) {
    hash = hashPassword(newToken(), params);
    dummyHashes.set(key, hash);
  }
  return hash;
}

function publicUser(user: EditorUser): EditorUser {
  return { id: user.id, email: user.email, displayName: user.displayName, role: user.role, createdAt: user.createdAt, disabled: user.disabled };
}

/**
 * Checks an email and password and starts a session. Refuses with 'rate-limited' before looking at the password when
 * the account or the address has failed too often in the window, 'wrong-credentials' for an unknown account or a
 * wrong password (recording the failure), and 'disabled' for a disabled account's right password.
 */
export async function signIn(deps: EditorialDeps, request: SignInRequest): Promise<SignedIn> {
  const account = request.email.trim().toLowerCase();
  if (account === '' || request.password === '') throw new InvalidInput('Enter your email address and your password.', account === '' ? 'email' : 'password');
  const { settings, store } = deps;
  // Made (once) before anything is looked up, so the first unknown account costs what every later one does.
  const dummy = await dummyHash(deps.scrypt);
  const now = deps.now();
  const windowStart = new Date(now.getTime() - settings.loginWindowMinutes * MINUTE_MS);
  const failures = await store.countLoginFailures(account, request.address, windowStart);
  if (failures.account >= settings.loginMaxFailuresPerAccount || failures.address >= settings.loginMaxFailuresPerAddress) {
    throw new EditorRefusal(
      'rate-limited',
      `There have been too many failed attempts to sign in. Wait ${settings.loginWindowMinutes} minutes, then try again.`,
      settings.loginWindowMinutes * 60,
    );
  }
  const user = await store.userByEmail(account);
  const matches = await verifyPassword(request.password, user?.passwordHash ?? dummy);
  if (user === null || !matches) {
    await store.recordLoginFailure({ account, address: request.address, at: now });
    throw new EditorRefusal('wrong-credentials', WRONG_CREDENTIALS);
  }
  if (user.disabled) throw new EditorRefusal('disabled', 'This account has been disabled. Ask an administrator if you need it again.');

  await store.clearLoginFailures(account);
  await store.pruneLoginFailures(windowStart);
  await store.deleteExpiredSessions(now, new Date(now.getTime() - settings.sessionIdleMinutes * MINUTE_MS));
  const actor = { userId: user.id, label: user.email };
  if (needsRehash(user.passwordHash, deps.scrypt)) {
    await store.updateUser(user.id, { rehashedPassword: await hashPassword(request.password, deps.scrypt) }, { actor, at: now, action: 'user.password-rehash' });
  }
  const token = newToken();
  const session: SessionRecord = {
    id: tokenHash(token),
    userId: user.id,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + settings.sessionMaxHours * 60 * MINUTE_MS).toISOString(),
    lastSeenAt: now.toISOString(),
  };
  await store.createSession(session, { actor, at: now, action: 'session.sign-in' });
  return { token, user: publicUser(user), session };
}

/**
 * The session a cookie's token names. A session past its absolute end or idle for too long is deleted and reported
 * as 'ended'; so is one whose account has been disabled or removed.
 */
export async function resolveSession(deps: EditorialDeps, token: string | null): Promise<SessionState> {
  if (token === null || !isTokenShaped(token)) return { state: 'none' };
  const { store, settings } = deps;
  const session = await store.sessionById(tokenHash(token));
  if (session === null) return { state: 'ended' };
  const now = deps.now();
  const idleFor = now.getTime() - Date.parse(session.lastSeenAt);
  const user = now.getTime() >= Date.parse(session.expiresAt) || idleFor > settings.sessionIdleMinutes * MINUTE_MS ? null : await store.userById(session.userId);
  if (user === null || user.disabled) {
    await store.deleteSession(session.id);
    return { state: 'ended' };
  }
  if (idleFor >= TOUCH_EVERY_MS) await store.touchSession(session.id, now);
  return { state: 'active', user: publicUser(user), session, formToken: formTokenFor(token), token };
}

/** Ends the session and records the sign-out. */
export async function signOut(deps: EditorialDeps, user: EditorUser, token: string): Promise<void> {
  await deps.store.deleteSession(tokenHash(token), { actor: { userId: user.id, label: user.email }, at: deps.now(), action: 'session.sign-out' });
}
