/**
 * The contract every EditorialStore backend must pass: the same tests on SQLite and PostgreSQL
 * (sqlite/editorial-store.int.test.ts, postgres/editorial-store.int.test.ts). Each test opens its own empty place
 * (the moving tests two: a source and a target).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuditStamp } from '../domain/editorial/audit.ts';
import { COMMAND_LINE_ACTOR } from '../domain/editorial/audit.ts';
import { Conflict, NotFound } from '../domain/errors.ts';
import type { EditorialBackend, EditorialPlace } from '../../test/support/editorial-backends.ts';
import { documentContract } from './editorial-store.contract.documents.ts';
import { movingContract } from './editorial-store.contract.moving.ts';
import type { NewUser, SessionRecord } from './editorial-store.ts';

const T0 = new Date('2026-03-02T09:00:00.000Z');
const minutes = (n: number): Date => new Date(T0.getTime() + n * 60_000);
const HASH_A = `scrypt$ln=10,r=8,p=1$${'a'.repeat(22)}$${'b'.repeat(43)}`;
const HASH_B = `scrypt$ln=16,r=8,p=2$${'c'.repeat(22)}$${'d'.repeat(43)}`;

function newUser(email: string, role: NewUser['role'] = 'editor', displayName = 'Ann Editor'): NewUser {
  return { email, displayName, role, passwordHash: HASH_A };
}

const byCli = (action: AuditStamp['action'], at = T0): AuditStamp => ({ actor: COMMAND_LINE_ACTOR, at, action });

function session(id: string, userId: number, created = T0, hours = 12): SessionRecord {
  return {
    id,
    userId,
    createdAt: created.toISOString(),
    expiresAt: new Date(created.getTime() + hours * 3_600_000).toISOString(),
    lastSeenAt: created.toISOString(),
  };
}

/** Opens a fresh place, runs the work, and always disposes of it. */
async function within(backend: EditorialBackend, work: (place: EditorialPlace) => Promise<void>): Promise<void> {
  const place = await backend.open();
  try {
    await work(place);
  } finally {
    await place.dispose();
  }
}

export function runEditorialStoreContract(backend: EditorialBackend): void {
  const test = (name: string, work: (place: EditorialPlace) => Promise<void>): void => {
    it(name, () => within(backend, work));
  };

  describe(`EditorialStore contract: ${backend.name}`, () => {
    test('creates accounts, reads them back by id and email, and lists them by email', async ({ store }) => {
      const ann = await store.createUser(newUser('ann@example.org', 'admin'), byCli('user.create'));
      const bob = await store.createUser(newUser('bob@example.org', 'reviewer', 'Bob <b>Reviewer</b> – “quotes” ☂'), byCli('user.create', minutes(1)));
      assert.deepEqual(ann, { id: ann.id, email: 'ann@example.org', displayName: 'Ann Editor', role: 'admin', createdAt: T0.toISOString(), disabled: false });
      const stored = await store.userByEmail('bob@example.org');
      assert.equal(stored?.displayName, 'Bob <b>Reviewer</b> – “quotes” ☂');
      assert.equal(stored?.passwordHash, HASH_A);
      assert.equal(stored?.passwordChangedAt, minutes(1).toISOString());
      assert.deepEqual(await store.userById(bob.id), stored);
      assert.equal(await store.userByEmail('nobody@example.org'), null);
      assert.equal(await store.userById(bob.id + 1000), null);
      assert.deepEqual((await store.listUsers()).map((user) => user.email), ['ann@example.org', 'bob@example.org']);
      assert.equal(await store.countActiveAdmins(), 1);
    });

    test('refuses a second account with the same email, and changes nothing', async ({ store, snapshot }) => {
      await store.createUser(newUser('ann@example.org'), byCli('user.create'));
      const before = await snapshot();
      await assert.rejects(store.createUser(newUser('ann@example.org', 'admin'), byCli('user.create', minutes(1))), Conflict);
      assert.equal(await snapshot(), before);
    });

    test('records each account change with the account before and after, never its password hash', async ({ store }) => {
      const ann = await store.createUser(newUser('ann@example.org'), byCli('user.create'));
      const admin = { userId: 99, label: 'admin@example.org' };
      await store.updateUser(ann.id, { disabled: true }, { actor: admin, at: minutes(5), action: 'user.disable' });
      const { entries, total } = await store.listAudit({ limit: 10, offset: 0 });
      assert.equal(total, 2);
      const [disable, create] = entries;
      assert.equal(create?.action, 'user.create');
      assert.equal(create?.actorId, null);
      assert.equal(create?.actorLabel, 'command line');
      assert.equal(create?.entity, `user:${ann.id}`);
      assert.equal(create?.before, null);
      assert.deepEqual(create?.after, {
        id: ann.id,
        email: 'ann@example.org',
        displayName: 'Ann Editor',
        role: 'editor',
        disabled: false,
        createdAt: T0.toISOString(),
        passwordChangedAt: T0.toISOString(),
        passwordHashParameters: 'scrypt$ln=10,r=8,p=1',
      });
      assert.equal(disable?.action, 'user.disable');
      assert.equal(disable?.actorId, 99);
      assert.equal(disable?.at, minutes(5).toISOString());
      assert.equal((disable?.before as { disabled: boolean }).disabled, false);
      assert.equal((disable?.after as { disabled: boolean }).disabled, true);
      assert.ok(!JSON.stringify(entries).includes('b'.repeat(43)), 'no entry holds a password digest');
    });

    test('a new password moves passwordChangedAt and ends sessions; a rehash of the same password does neither', async ({ store }) => {
      const ann = await store.createUser(newUser('ann@example.org'), byCli('user.create'));
      await store.createSession(session('s-ann', ann.id));
      await store.updateUser(ann.id, { rehashedPassword: HASH_B }, { actor: COMMAND_LINE_ACTOR, at: minutes(1), action: 'user.password-rehash' });
      let stored = await store.userById(ann.id);
      assert.equal(stored?.passwordHash, HASH_B);
      assert.equal(stored?.passwordChangedAt, T0.toISOString());
      assert.equal((await store.sessionById('s-ann'))?.userId, ann.id);
      await store.updateUser(ann.id, { passwordHash: HASH_A }, { actor: COMMAND_LINE_ACTOR, at: minutes(2), action: 'user.password-set' });
      assert.equal(await store.sessionById('s-ann'), null);
      stored = await store.userById(ann.id);
      assert.equal(stored?.passwordHash, HASH_A);
      assert.equal(stored?.passwordChangedAt, minutes(2).toISOString());
      const [latest] = (await store.listAudit({ limit: 1, offset: 0 })).entries;
      assert.equal((latest?.before as { passwordHashParameters: string }).passwordHashParameters, 'scrypt$ln=16,r=8,p=2');
    });

    test('disabling an account ends its sessions; other accounts keep theirs', async ({ store }) => {
      const ann = await store.createUser(newUser('ann@example.org'), byCli('user.create'));
      const bob = await store.createUser(newUser('bob@example.org'), byCli('user.create'));
      await store.createSession(session('s-ann', ann.id));
      await store.createSession(session('s-bob', bob.id));
      await store.updateUser(ann.id, { disabled: true }, byCli('user.disable'));
      assert.equal(await store.sessionById('s-ann'), null);
      assert.equal((await store.sessionById('s-bob'))?.userId, bob.id);
      assert.equal((await store.userById(ann.id))?.disabled, true);
      await store.updateUser(ann.id, { disabled: false }, byCli('user.enable'));
      assert.equal((await store.userById(ann.id))?.disabled, false);
    });

    test('changing or removing an account that does not exist is NotFound and changes nothing', async ({ store, snapshot }) => {
      await store.createUser(newUser('ann@example.org'), byCli('user.create'));
      const before = await snapshot();
      await assert.rejects(store.updateUser(424242, { disabled: true }, byCli('user.disable')), NotFound);
      await assert.rejects(store.removeUser(424242, byCli('user.remove')), NotFound);
      assert.equal(await snapshot(), before);
    });

    test('removing an account removes its sessions, keeps its audit entries, and never reuses its id', async ({ store }) => {
      const ann = await store.createUser(newUser('ann@example.org'), byCli('user.create'));
      await store.createSession(session('s-ann', ann.id), { actor: { userId: ann.id, label: ann.email }, at: T0, action: 'session.sign-in' });
      await store.removeUser(ann.id, byCli('user.remove', minutes(3)));
      assert.equal(await store.userById(ann.id), null);
      assert.equal(await store.sessionById('s-ann'), null);
      const page = await store.listAudit({ limit: 10, offset: 0 });
      assert.deepEqual(page.entries.map((entry) => entry.action), ['user.remove', 'session.sign-in', 'user.create']);
      assert.equal(page.entries[0]?.after, null);
      assert.equal((page.entries[0]?.before as { email: string }).email, 'ann@example.org');
      const again = await store.createUser(newUser('ann@example.org'), byCli('user.create'));
      assert.ok(again.id > ann.id, `id ${again.id} must be new (the removed account was ${ann.id})`);
    });

    test('keeps sessions by token hash: reads, touches, ends and expires them', async ({ store }) => {
      const ann = await store.createUser(newUser('ann@example.org'), byCli('user.create'));
      const stamp = { actor: { userId: ann.id, label: ann.email }, at: T0, action: 'session.sign-in' } as const;
      await store.createSession(session('s1', ann.id), stamp);
      await store.createSession(session('s2', ann.id, minutes(-700), 12));
      await store.createSession(session('s3', ann.id));
      assert.deepEqual(await store.sessionById('s1'), session('s1', ann.id));
      await store.touchSession('s1', minutes(30));
      assert.equal((await store.sessionById('s1'))?.lastSeenAt, minutes(30).toISOString());
      // s2 is past its absolute end (12 h after T0 − 700 min); s3 was last seen at T0, idle since before T0 + 1 min.
      assert.equal(await store.deleteExpiredSessions(minutes(30), minutes(1)), 2);
      assert.equal(await store.sessionById('s2'), null);
      assert.equal(await store.sessionById('s3'), null);
      await store.deleteSession('s1', { ...stamp, at: minutes(40), action: 'session.sign-out' });
      assert.equal(await store.sessionById('s1'), null);
      // Ending a session that is already gone is not an error and records nothing.
      await store.deleteSession('s1', { ...stamp, at: minutes(41), action: 'session.sign-out' });
      const actions = (await store.listAudit({ limit: 10, offset: 0 })).entries.map((entry) => entry.action);
      assert.deepEqual(actions, ['session.sign-out', 'session.sign-in', 'user.create']);
    });

    test('counts failed sign-ins per account and per address within a window, clears and prunes them', async ({ store }) => {
      await store.recordLoginFailure({ account: 'ann@example.org', address: '10.0.0.1', at: T0 });
      await store.recordLoginFailure({ account: 'ann@example.org', address: '10.0.0.2', at: minutes(5) });
      await store.recordLoginFailure({ account: 'bob@example.org', address: '10.0.0.1', at: minutes(6) });
      assert.deepEqual(await store.countLoginFailures('ann@example.org', '10.0.0.1', T0), { account: 2, address: 2 });
      assert.deepEqual(await store.countLoginFailures('ann@example.org', '10.0.0.1', minutes(1)), { account: 1, address: 1 });
      assert.deepEqual(await store.countLoginFailures('carol@example.org', '10.9.9.9', T0), { account: 0, address: 0 });
      await store.clearLoginFailures('ann@example.org');
      assert.deepEqual(await store.countLoginFailures('ann@example.org', '10.0.0.1', T0), { account: 0, address: 1 });
      await store.pruneLoginFailures(minutes(10));
      assert.deepEqual(await store.countLoginFailures('bob@example.org', '10.0.0.1', T0), { account: 0, address: 0 });
    });

    test('lists the audit log newest first, filtered by actor and action, in pages with a total', async ({ store }) => {
      const ann = { userId: 1, label: 'ann@example.org' };
      const bob = { userId: 2, label: 'bob@example.org' };
      for (let k = 0; k < 7; k += 1) {
        await store.appendAudit({ actor: k % 2 === 0 ? ann : bob, at: minutes(k), action: k % 3 === 0 ? 'session.sign-in' : 'session.sign-out' }, `user:${k}`, null, { k });
      }
      const all = await store.listAudit({ limit: 3, offset: 0 });
      assert.equal(all.total, 7);
      assert.deepEqual(all.entries.map((entry) => entry.after), [{ k: 6 }, { k: 5 }, { k: 4 }]);
      const second = await store.listAudit({ limit: 3, offset: 6 });
      assert.deepEqual(second.entries.map((entry) => entry.after), [{ k: 0 }]);
      const byAnn = await store.listAudit({ actorId: 1, limit: 50, offset: 0 });
      assert.deepEqual(byAnn.entries.map((entry) => entry.entity), ['user:6', 'user:4', 'user:2', 'user:0']);
      const annSignIns = await store.listAudit({ actorId: 1, action: 'session.sign-in', limit: 50, offset: 0 });
      assert.deepEqual(annSignIns.entries.map((entry) => entry.entity), ['user:6', 'user:0']);
      assert.equal(annSignIns.total, 2);
      assert.equal((await store.listAudit({ action: 'user.remove', limit: 50, offset: 0 })).total, 0);
    });

    test('keeps any JSON value in an entry, text with markup and NUL-free unicode included', async ({ store }) => {
      const value = { name: '<script>alert("x")</script>', nested: [1, 'two', { three: true }], empty: null, quote: "it's ☂" };
      await store.appendAudit(byCli('user.create'), 'user:1', value, { ...value, name: 'after' });
      const [entry] = (await store.listAudit({ limit: 1, offset: 0 })).entries;
      assert.deepEqual(entry?.before, value);
      assert.deepEqual(entry?.after, { ...value, name: 'after' });
    });

    test('the audit log refuses UPDATE and DELETE, even from outside the store, and stays as it was', async ({ store, snapshot, exec }) => {
      await store.appendAudit(byCli('user.create'), 'user:1', null, { email: 'ann@example.org' });
      const before = await snapshot();
      await assert.rejects(exec(`UPDATE editor_audit_log SET actor_label = 'someone else'`), /append-only/);
      await assert.rejects(exec('DELETE FROM editor_audit_log'), /append-only/);
      assert.equal(await snapshot(), before);
      // Appending still works after the refusals.
      await store.appendAudit(byCli('user.remove', minutes(1)), 'user:1', { email: 'ann@example.org' }, null);
      assert.equal((await store.listAudit({ limit: 10, offset: 0 })).total, 2);
    });

    documentContract(test);
    movingContract(backend);
  });
}
