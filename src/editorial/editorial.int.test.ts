/**
 * The editorial core's security on every backend (SQLite always, PostgreSQL with TEST_DATABASE_URL): wrong and
 * unknown accounts, disabled accounts, rate limits, expired sessions, roles. Every refusal is checked to change
 * nothing: the editorial tables are compared row by row before and after.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { editorialBackends, type EditorialPlace } from '../../test/support/editorial-backends.ts';
import type { EditorUser } from '../domain/editorial/accounts.ts';
import { Conflict, InvalidInput } from '../domain/errors.ts';
import { addAccount, createFirstAdmin, removeAccount, setAccountDisabled, setAccountPassword } from './accounts.ts';
import type { EditorialDeps } from './editorial-deps.ts';
import { EditorRefusal, WRONG_CREDENTIALS, type RefusalKind } from './refusal.ts';
import { resolveSession, signIn, signOut } from './sessions.ts';
import { DEFAULT_EDITOR_SETTINGS } from './settings.ts';
import { newToken, tokenHash } from './tokens.ts';

const CHEAP = { ln: 10, r: 8, p: 1 };
const PASSWORD = 'a long enough password';

const refused = (kind: RefusalKind, message?: string) => (error: unknown) =>
  error instanceof EditorRefusal && error.kind === kind && (message === undefined || error.message === message);

/** The editorial tables, one parsed array of rows each: users, sessions, login failures, audit log. */
async function tables(place: EditorialPlace): Promise<{ users: unknown[]; sessions: unknown[]; failures: unknown[]; audit: unknown[] }> {
  const [users, sessions, failures, audit] = JSON.parse(await place.snapshot()) as unknown[][];
  return { users: users ?? [], sessions: sessions ?? [], failures: failures ?? [], audit: audit ?? [] };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

for (const backend of editorialBackends()) {
  describe(`editorial sign-in, sessions and roles on ${backend.name}`, () => {
    let place: EditorialPlace;
    let clock = new Date('2026-03-02T09:00:00.000Z');
    let deps: EditorialDeps;
    let admin: EditorUser;
    let editor: EditorUser;
    let reviewer: EditorUser;
    const advance = (minutes: number): void => {
      clock = new Date(clock.getTime() + minutes * 60_000);
    };
    // Each test signs in from its own address so the per-address limit of one test does not reach another.
    let addresses = 0;
    const freshAddress = (): string => `198.51.100.${(addresses += 1)}`;

    before(async () => {
      place = await backend.open();
      deps = { store: place.store, settings: DEFAULT_EDITOR_SETTINGS, now: () => clock, scrypt: CHEAP };
      admin = await createFirstAdmin(deps, { email: 'Admin@Example.org', displayName: 'Ada Admin', password: PASSWORD });
      editor = await addAccount(deps, admin, { email: 'ed@example.org', displayName: 'Ed Editor', role: 'editor', password: PASSWORD });
      reviewer = await addAccount(deps, admin, { email: 'rey@example.org', displayName: 'Rey Reviewer', role: 'reviewer', password: PASSWORD });
    });
    after(() => place.dispose());

    it('creates the first admin once; a second is refused and changes nothing', async () => {
      assert.equal(admin.email, 'admin@example.org');
      assert.equal(admin.role, 'admin');
      const before = await place.snapshot();
      await assert.rejects(createFirstAdmin(deps, { email: 'other@example.org', displayName: 'Other', password: PASSWORD }), Conflict);
      await assert.rejects(createFirstAdmin(deps, { email: 'x@example.org', displayName: 'X', password: 'short' }), InvalidInput);
      assert.equal(await place.snapshot(), before);
    });

    it('signs in with the right password: a new session stored only as the hash of its token, and an audit entry', async () => {
      const signedIn = await signIn(deps, { email: ' ED@example.org ', password: PASSWORD, address: freshAddress() });
      assert.equal(signedIn.user.id, editor.id);
      const stored = await place.store.sessionById(tokenHash(signedIn.token));
      assert.equal(stored?.userId, editor.id);
      assert.equal(stored?.expiresAt, new Date(clock.getTime() + 12 * 3_600_000).toISOString());
      assert.ok(!(await place.snapshot()).includes(signedIn.token), 'the token itself is stored nowhere');
      const [entry] = (await place.store.listAudit({ actorId: editor.id, action: 'session.sign-in', limit: 1, offset: 0 })).entries;
      assert.equal(entry?.entity, `user:${editor.id}`);
      const again = await signIn(deps, { email: 'ed@example.org', password: PASSWORD, address: freshAddress() });
      assert.notEqual(again.token, signedIn.token, 'every sign-in starts a new session');
    });

    it('refuses a wrong password and an unknown account with the same words, recording only the failure', async () => {
      const address = freshAddress();
      const start = await tables(place);
      await assert.rejects(signIn(deps, { email: 'ed@example.org', password: 'not the password', address }), refused('wrong-credentials', WRONG_CREDENTIALS));
      await assert.rejects(signIn(deps, { email: 'nobody@example.org', password: PASSWORD, address }), refused('wrong-credentials', WRONG_CREDENTIALS));
      const end = await tables(place);
      assert.deepEqual([end.users, end.sessions, end.audit], [start.users, start.sessions, start.audit]);
      assert.equal(end.failures.length, start.failures.length + 2);
      await assert.rejects(signIn(deps, { email: '', password: PASSWORD, address }), InvalidInput);
      await assert.rejects(signIn(deps, { email: 'ed@example.org', password: '', address }), InvalidInput);
    });

    it('takes about as long for an unknown account as for a wrong password (the same scrypt work)', async () => {
      // Expensive enough that the hash, not the database, is what a missing hash would save.
      const timed = { ...deps, scrypt: { ln: 15, r: 8, p: 1 } };
      const slow = await addAccount(timed, admin, { email: 'slow@example.org', displayName: 'Slow', role: 'editor', password: PASSWORD });
      const attempt = async (email: string): Promise<number> => {
        const started = performance.now();
        await assert.rejects(signIn(timed, { email, password: 'wrong password here', address: freshAddress() }), refused('wrong-credentials'));
        return performance.now() - started;
      };
      await attempt('warm-up@example.org');
      const wrong: number[] = [];
      const unknown: number[] = [];
      for (let round = 0; round < 3; round += 1) {
        wrong.push(await attempt(slow.email));
        unknown.push(await attempt(`nobody-${round}@example.org`));
      }
      const ratio = median(unknown) / median(wrong);
      assert.ok(ratio > 0.33 && ratio < 3, `unknown ${median(unknown).toFixed(0)} ms against wrong ${median(wrong).toFixed(0)} ms`);
    });

    it('refuses a disabled account (its right password says so, a wrong one says nothing) and starts no session', async () => {
      const dora = await addAccount(deps, admin, { email: 'dora@example.org', displayName: 'Dora', role: 'editor', password: PASSWORD });
      await setAccountDisabled(deps, admin, dora.id, true);
      const start = await tables(place);
      await assert.rejects(signIn(deps, { email: 'dora@example.org', password: PASSWORD, address: freshAddress() }), refused('disabled'));
      await assert.rejects(signIn(deps, { email: 'dora@example.org', password: 'wrong password!', address: freshAddress() }), refused('wrong-credentials', WRONG_CREDENTIALS));
      const end = await tables(place);
      assert.deepEqual([end.users, end.sessions, end.audit], [start.users, start.sessions, start.audit]);
    });

    it('refuses sign-in after 5 failures for an account within 15 minutes, even with the right password, then lets it in', async () => {
      const rita = await addAccount(deps, admin, { email: 'rita@example.org', displayName: 'Rita', role: 'editor', password: PASSWORD });
      for (let k = 0; k < 5; k += 1) {
        await assert.rejects(signIn(deps, { email: rita.email, password: `wrong ${k} password`, address: freshAddress() }), refused('wrong-credentials'));
        advance(1);
      }
      const start = await place.snapshot();
      await assert.rejects(signIn(deps, { email: rita.email, password: PASSWORD, address: freshAddress() }), (error: unknown) => {
        assert.ok(refused('rate-limited')(error));
        assert.equal((error as EditorRefusal).retryAfterSeconds, 15 * 60);
        assert.match((error as Error).message, /too many failed attempts/);
        return true;
      });
      assert.equal(await place.snapshot(), start, 'a refused attempt records nothing and starts no session');
      advance(11);
      const signedIn = await signIn(deps, { email: rita.email, password: PASSWORD, address: freshAddress() });
      assert.equal(signedIn.user.id, rita.id);
    });

    it('refuses sign-in from an address after 20 failures there, whichever accounts they tried', async () => {
      const address = freshAddress();
      for (let k = 0; k < 20; k += 1) {
        await assert.rejects(signIn(deps, { email: `guess-${k}@example.org`, password: PASSWORD, address }), refused('wrong-credentials'));
      }
      await assert.rejects(signIn(deps, { email: editor.email, password: PASSWORD, address }), refused('rate-limited'));
      assert.equal((await signIn(deps, { email: editor.email, password: PASSWORD, address: freshAddress() })).user.id, editor.id);
      advance(16);
    });

    it('ends a session idle for longer than the limit, deleting it', async () => {
      const { token, session } = await signIn(deps, { email: editor.email, password: PASSWORD, address: freshAddress() });
      advance(59);
      assert.equal((await resolveSession(deps, token)).state, 'active');
      advance(59);
      assert.equal((await resolveSession(deps, token)).state, 'active', 'using a session keeps it alive');
      advance(61);
      assert.equal((await resolveSession(deps, token)).state, 'ended');
      assert.equal(await place.store.sessionById(session.id), null);
      assert.equal((await resolveSession(deps, token)).state, 'ended');
    });

    it('ends a session at its absolute limit however active it is', async () => {
      const { token, session } = await signIn(deps, { email: editor.email, password: PASSWORD, address: freshAddress() });
      for (let hour = 0; hour < 23; hour += 1) {
        advance(30);
        assert.equal((await resolveSession(deps, token)).state, 'active', `after ${(hour + 1) * 30} minutes`);
      }
      advance(30);
      assert.equal((await resolveSession(deps, token)).state, 'ended');
      assert.equal(await place.store.sessionById(session.id), null);
    });

    it('finds no session for a missing, malformed or unknown token', async () => {
      assert.equal((await resolveSession(deps, null)).state, 'none');
      assert.equal((await resolveSession(deps, 'not-a-token')).state, 'none');
      assert.equal((await resolveSession(deps, newToken())).state, 'ended');
    });

    it('ends the sessions of an account when it is disabled, and of one that is removed', async () => {
      const tom = await addAccount(deps, admin, { email: 'tom@example.org', displayName: 'Tom', role: 'reviewer', password: PASSWORD });
      const first = await signIn(deps, { email: tom.email, password: PASSWORD, address: freshAddress() });
      await setAccountDisabled(deps, admin, tom.id, true);
      assert.equal((await resolveSession(deps, first.token)).state, 'ended');
      await setAccountDisabled(deps, admin, tom.id, false);
      const second = await signIn(deps, { email: tom.email, password: PASSWORD, address: freshAddress() });
      await removeAccount(deps, admin, tom.id);
      assert.equal((await resolveSession(deps, second.token)).state, 'ended');
      assert.equal(await place.store.userByEmail(tom.email), null);
    });

    it('lets an admin set a new password for another account, ending its sessions; refuses a short one and changes nothing', async () => {
      const pat = await addAccount(deps, admin, { email: 'pat@example.org', displayName: 'Pat', role: 'editor', password: PASSWORD });
      const { token } = await signIn(deps, { email: pat.email, password: PASSWORD, address: freshAddress() });
      const start = await place.snapshot();
      await assert.rejects(setAccountPassword(deps, admin, pat.id, 'too short'), InvalidInput);
      await assert.rejects(setAccountPassword(deps, admin, admin.id, 'a new long password'), Conflict);
      await assert.rejects(setAccountPassword(deps, editor, pat.id, 'a new long password'), refused('forbidden'));
      assert.equal(await place.snapshot(), start);
      await setAccountPassword(deps, admin, pat.id, 'a new long password');
      assert.equal((await resolveSession(deps, token)).state, 'ended');
      await assert.rejects(signIn(deps, { email: pat.email, password: PASSWORD, address: freshAddress() }), refused('wrong-credentials'));
      assert.equal((await signIn(deps, { email: pat.email, password: 'a new long password', address: freshAddress() })).user.id, pat.id);
      const [entry] = (await place.store.listAudit({ action: 'user.password-set', limit: 1, offset: 0 })).entries;
      assert.equal(entry?.actorId, admin.id);
      assert.notEqual((entry?.before as { passwordChangedAt: string }).passwordChangedAt, undefined);
    });

    it('signs out: the session is deleted and the sign-out recorded', async () => {
      const { token, session } = await signIn(deps, { email: reviewer.email, password: PASSWORD, address: freshAddress() });
      await signOut(deps, reviewer, token);
      assert.equal(await place.store.sessionById(session.id), null);
      assert.equal((await resolveSession(deps, token)).state, 'ended');
      const [entry] = (await place.store.listAudit({ actorId: reviewer.id, limit: 1, offset: 0 })).entries;
      assert.equal(entry?.action, 'session.sign-out');
    });

    it('refuses editors and reviewers every admin action, and changes nothing', async () => {
      const start = await place.snapshot();
      for (const user of [editor, reviewer]) {
        await assert.rejects(addAccount(deps, user, { email: 'new@example.org', displayName: 'New', role: 'admin', password: PASSWORD }), refused('forbidden'));
        await assert.rejects(setAccountDisabled(deps, user, admin.id, true), refused('forbidden'));
        await assert.rejects(removeAccount(deps, user, admin.id), refused('forbidden'));
      }
      assert.equal(await place.snapshot(), start);
    });

    it('refuses an admin disabling or removing their own account, and a disabled admin anything', async () => {
      const start = await place.snapshot();
      await assert.rejects(setAccountDisabled(deps, admin, admin.id, true), Conflict);
      await assert.rejects(removeAccount(deps, admin, admin.id), Conflict);
      const second = await addAccount(deps, admin, { email: 'second@example.org', displayName: 'Second', role: 'admin', password: PASSWORD });
      await setAccountDisabled(deps, admin, second.id, true);
      const disabledSecond = await place.store.userById(second.id);
      assert.ok(disabledSecond !== null && disabledSecond.disabled);
      await assert.rejects(setAccountDisabled(deps, disabledSecond, admin.id, true), refused('forbidden'), 'a disabled admin may do nothing');
      await removeAccount(deps, admin, second.id);
      const end = await tables(place);
      const first = JSON.parse(start) as unknown[][];
      assert.deepEqual(end.users, first[0], 'the accounts are as they were');
    });

    it('re-hashes a password made with weaker parameters at sign-in, recording it', async () => {
      const old = await addAccount(deps, admin, { email: 'old@example.org', displayName: 'Old', role: 'editor', password: PASSWORD });
      const stronger = { ...deps, scrypt: { ln: 11, r: 8, p: 1 } };
      await signIn(stronger, { email: old.email, password: PASSWORD, address: freshAddress() });
      assert.match((await place.store.userById(old.id))?.passwordHash ?? '', /^scrypt\$ln=11,r=8,p=1\$/);
      const [rehash] = (await place.store.listAudit({ action: 'user.password-rehash', limit: 1, offset: 0 })).entries;
      assert.equal(rehash?.entity, `user:${old.id}`);
      assert.equal((await signIn(stronger, { email: old.email, password: PASSWORD, address: freshAddress() })).user.id, old.id);
    });
  });
}
