/**
 * The EditorialStore contract for moving to another database (`trialfinder move`): an export imported into an empty
 * store of the same backend reads back row for row (ids, hashes, instants, history, the id counters), a store that
 * already holds editorial data is refused, and an import that fails part-way writes nothing. Crossing backends is
 * proven by src/cli/move-editorial.int.test.ts.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { AuditStamp } from '../domain/editorial/audit.ts';
import { COMMAND_LINE_ACTOR } from '../domain/editorial/audit.ts';
import { approveStep, saveDraftStep, sendBackStep, submitStep, type DocumentRef, type Person } from '../domain/editorial/documents.ts';
import { Conflict } from '../domain/errors.ts';
import type { EditorialBackend, EditorialPlace } from '../../test/support/editorial-backends.ts';
import type { EditorialBatch, EditorialStore } from './editorial-store.ts';

const T0 = new Date('2026-03-02T09:00:00.000Z');
const minutes = (n: number): Date => new Date(T0.getTime() + n * 60_000);
const HASH = `scrypt$ln=10,r=8,p=1$${'a'.repeat(22)}$${'b'.repeat(43)}`;
const SUMMARY: DocumentRef = { kind: 'trial-summary', key: 'NCT01234567' };
const PAGE: DocumentRef = { kind: 'page', key: 'research-into-all' };

const byCli = (action: AuditStamp['action'], at = T0): AuditStamp => ({ actor: COMMAND_LINE_ACTOR, at, action });
const by = (person: Person, action: AuditStamp['action'], at: Date): AuditStamp => ({ actor: { userId: person.id, label: person.label }, at, action });

/** Every exported batch, flattened to one list: equal lists mean equal stores. */
async function exported(store: EditorialStore, batchSize: number): Promise<EditorialBatch[]> {
  const batches: EditorialBatch[] = [];
  for await (const batch of store.exportEditorial(batchSize)) batches.push(batch);
  return batches;
}

function rows(batches: readonly EditorialBatch[]): unknown[] {
  return batches.flatMap((batch): unknown[] => (batch.table === 'id-marks' ? [batch.marks] : [...batch.rows]));
}

/** Accounts (one disabled, one removed), a session, a failed sign-in, a published summary with a newer draft, a sent-back page. */
async function fill(store: EditorialStore): Promise<void> {
  const ann = await store.createUser({ email: 'ann@example.org', displayName: 'Ann', role: 'admin', passwordHash: HASH }, byCli('user.create'));
  const ed = await store.createUser({ email: 'ed@example.org', displayName: 'Ed “quotes” ☂', role: 'editor', passwordHash: HASH }, byCli('user.create', minutes(1)));
  const rey = await store.createUser({ email: 'rey@example.org', displayName: 'Rey', role: 'reviewer', passwordHash: HASH }, byCli('user.create', minutes(2)));
  const gone = await store.createUser({ email: 'gone@example.org', displayName: 'Gone', role: 'editor', passwordHash: HASH }, byCli('user.create', minutes(3)));
  const annActor = { userId: ann.id, label: ann.email };
  await store.updateUser(ed.id, { disabled: true }, { actor: annActor, at: minutes(4), action: 'user.disable' });
  await store.updateUser(ed.id, { disabled: false }, { actor: annActor, at: minutes(5), action: 'user.enable' });
  await store.updateUser(rey.id, { disabled: true }, { actor: annActor, at: minutes(6), action: 'user.disable' });
  await store.removeUser(gone.id, { actor: annActor, at: minutes(7), action: 'user.remove' });
  const start = { id: 's-ann', userId: ann.id, createdAt: T0.toISOString(), expiresAt: minutes(600).toISOString(), lastSeenAt: T0.toISOString() };
  await store.createSession(start, { actor: annActor, at: T0, action: 'session.sign-in' });
  await store.recordLoginFailure({ account: 'ann@example.org', address: '203.0.113.9', at: minutes(8) });
  // Any JSON survives, a bare string and an array included.
  await store.appendAudit(byCli('session.sign-out', minutes(9)), 'user:0', 'a string', [1, 'two', { three: null }]);

  const edP: Person = { id: ed.id, label: ed.email };
  const reyP: Person = { id: rey.id, label: rey.email };
  const draft = (ref: DocumentRef, body: string, expected: number, at: Date, title: string | null = null) =>
    saveDraftStep({ ref, title, body, expectedVersion: expected, by: edP, at });
  await store.changeDocument(SUMMARY, draft(SUMMARY, 'Tests a new drug.\n\n- adults\n\n<b>x</b>', 0, minutes(10)), by(edP, 'document.save', minutes(10)));
  await store.changeDocument(SUMMARY, submitStep(1, edP, minutes(11)), by(edP, 'document.submit', minutes(11)));
  const snapshot = { status: 'recruiting', sites: [{ facility: 'A', city: null, country: 'United Kingdom', status: 'recruiting' }] };
  const review = { nextReviewDue: '2026-09-02T09:12:00.000Z', snapshot };
  await store.changeDocument(SUMMARY, approveStep(1, reyP, minutes(12), review), by(reyP, 'document.approve', minutes(12)));
  await store.changeDocument(SUMMARY, draft(SUMMARY, 'Newer words.', 0, minutes(13)), by(edP, 'document.save', minutes(13)));
  await store.changeDocument(PAGE, draft(PAGE, 'Page words.', 0, minutes(14), 'Research into ALL'), by(edP, 'document.save', minutes(14)));
  await store.changeDocument(PAGE, submitStep(1, edP, minutes(15)), by(edP, 'document.submit', minutes(15)));
  await store.changeDocument(PAGE, sendBackStep(1, reyP, minutes(16), 'Say where.'), by(reyP, 'document.send-back', minutes(16)));
}

async function* failingAfter(first: EditorialBatch): AsyncGenerator<EditorialBatch> {
  await Promise.resolve();
  yield first;
  throw new Error('the source went away');
}

export function movingContract(backend: EditorialBackend): void {
  /** Opens two fresh places, runs the work, and always disposes of both. */
  const test = (name: string, work: (source: EditorialPlace, target: EditorialPlace) => Promise<void>): void => {
    it(name, async () => {
      const source = await backend.open();
      try {
        const target = await backend.open();
        try {
          await work(source, target);
        } finally {
          await target.dispose();
        }
      } finally {
        await source.dispose();
      }
    });
  };

  test('an export imported into an empty store reads back row for row: ids, hashes, instants, history and id counters', async (source, target) => {
    await fill(source.store);
    const counts = await source.store.countEditorial();
    assert.deepEqual(counts, { users: 3, documents: 2, versions: 3, auditEntries: 17, sessions: 1, loginFailures: 1 });
    // Small batches, so every table is read in several pages.
    const written = await target.store.importEditorial(source.store.exportEditorial(2));
    assert.deepEqual(written, { ...counts, sessions: 0, loginFailures: 0 });
    assert.deepEqual(rows(await exported(target.store, 3)), rows(await exported(source.store, 3)));
    assert.deepEqual(await target.store.listAudit({ limit: 200, offset: 0 }), await source.store.listAudit({ limit: 200, offset: 0 }));
    assert.deepEqual(await target.store.listDocuments({}), await source.store.listDocuments({}));
    assert.deepEqual(await target.store.userByEmail('ed@example.org'), await source.store.userByEmail('ed@example.org'));
    assert.equal((await target.store.userByEmail('rey@example.org'))?.disabled, true);
    assert.equal(await target.store.sessionById('s-ann'), null, 'sessions are not copied');

    // The counters came too: the next account, entry and document get the same new ids in both, never a removed one's.
    for (const place of [source, target]) {
      await place.store.createUser({ email: 'dan@example.org', displayName: 'Dan', role: 'editor', passwordHash: HASH }, byCli('user.create', minutes(20)));
      const other: DocumentRef = { kind: 'page', key: 'another-page' };
      await place.store.changeDocument(other, saveDraftStep({ ref: other, title: 'T', body: 'B', expectedVersion: 0, by: { id: null, label: 'x' }, at: minutes(21) }), byCli('document.save', minutes(21)));
    }
    assert.deepEqual(rows(await exported(target.store, 50)), rows(await exported(source.store, 50)));
    const dan = await target.store.userByEmail('dan@example.org');
    assert.ok(dan !== null && dan.id === 5, `the new account is id ${dan?.id ?? 'none'}, after the removed id 4`);

    // The copied log is as append-only as any.
    await assert.rejects(target.exec(`UPDATE editor_audit_log SET actor_label = 'someone else'`), /append-only/);
  });

  test('refuses to import into a store that already holds an account or an audit entry, writing nothing', async (source, target) => {
    await fill(source.store);
    await target.store.appendAudit(byCli('session.sign-in'), 'user:1', null, null);
    const before = await target.snapshot();
    await assert.rejects(target.store.importEditorial(source.store.exportEditorial()), (error: unknown) => error instanceof Conflict && /already holds editorial data/.test(error.message));
    assert.equal(await target.snapshot(), before);
  });

  test('an import that fails part-way (a source that goes away, a refused row) writes nothing', async (source, target) => {
    await fill(source.store);
    const empty = await target.snapshot();
    const [users] = await exported(source.store, 500);
    assert.equal(users?.table, 'users');
    if (users === undefined) return;
    await assert.rejects(target.store.importEditorial(failingAfter(users)), /the source went away/);
    assert.equal(await target.snapshot(), empty);
    // The same account twice: the database refuses the second, and the first goes too.
    const twice = (async function* (): AsyncGenerator<EditorialBatch> {
      await Promise.resolve();
      yield users;
      yield users;
    })();
    await assert.rejects(target.store.importEditorial(twice));
    assert.equal(await target.snapshot(), empty);
    assert.deepEqual(await target.store.countEditorial(), { users: 0, documents: 0, versions: 0, auditEntries: 0, sessions: 0, loginFailures: 0 });
  });
}
