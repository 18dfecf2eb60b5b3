/**
 * `trialfinder move` carries the editor area too: SQLite → PostgreSQL → SQLite (SQLite → SQLite → SQLite without
 * TEST_DATABASE_URL) with accounts, a published summary, a page, a sent-back draft, sessions and audit entries; every
 * row comes back identical, passwords still work, sessions stay behind, and a re-run is accepted only when identical.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { storeBackends } from '../../test/support/backends.ts';
import { parseDatabaseUrl } from '../config.ts';
import type { EditorUser } from '../domain/editorial/accounts.ts';
import { approveStep, saveDraftStep, sendBackStep, submitStep, type DocumentRef, type Person } from '../domain/editorial/documents.ts';
import { openEditorialStore } from '../editorial-app.ts';
import { addAccount, createFirstAdmin, removeAccount } from '../editorial/accounts.ts';
import type { EditorialDeps } from '../editorial/editorial-deps.ts';
import { signIn } from '../editorial/sessions.ts';
import { DEFAULT_EDITOR_SETTINGS } from '../editorial/settings.ts';
import type { EditorialBatch, EditorialStore } from '../storage/editorial-store.ts';
import { runCli } from './main.ts';
import type { Output } from './output.ts';

const CHEAP = { ln: 10, r: 8, p: 1 };
const PASSWORD = 'a long enough password';
const T0 = new Date('2026-03-02T09:00:00.000Z');
const minutes = (n: number): Date => new Date(T0.getTime() + n * 60_000);

function capture(): Output & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (text) => stdout.push(text), err: (text) => stderr.push(text), isTty: false };
}

async function withEditorial<T>(url: string, work: (store: EditorialStore) => Promise<T>): Promise<T> {
  const store = await openEditorialStore(parseDatabaseUrl(url));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Everything a store would export, row by row, and what the audit page and the documents list show. */
async function everything(url: string): Promise<unknown> {
  return withEditorial(url, async (store) => {
    const batches: EditorialBatch[] = [];
    for await (const batch of store.exportEditorial(3)) batches.push(batch);
    return {
      rows: batches.flatMap((batch): unknown[] => (batch.table === 'id-marks' ? [batch.marks] : [...batch.rows])),
      audit: await store.listAudit({ limit: 200, offset: 0 }),
      documents: await store.listDocuments({}),
      users: await store.listUsers(),
    };
  });
}

/** An editor area in use: three accounts (one removed), two sessions, a published summary with a new draft, a sent-back page. */
async function fillEditorArea(url: string): Promise<void> {
  await withEditorial(url, async (store) => {
    const deps: EditorialDeps = { store, settings: DEFAULT_EDITOR_SETTINGS, now: () => T0, scrypt: CHEAP };
    const admin = await createFirstAdmin(deps, { email: 'admin@example.org', displayName: 'Ada Admin', password: PASSWORD });
    const ed = await addAccount(deps, admin, { email: 'ed@example.org', displayName: 'Ed “Editor” ☂', role: 'editor', password: PASSWORD });
    const rey = await addAccount(deps, admin, { email: 'rey@example.org', displayName: 'Rey Reviewer', role: 'reviewer', password: PASSWORD });
    const temp = await addAccount(deps, admin, { email: 'temp@example.org', displayName: 'Temp', role: 'editor', password: PASSWORD });
    await removeAccount(deps, admin, temp.id);
    await signIn(deps, { email: ed.email, password: PASSWORD, address: '203.0.113.1' });
    await signIn(deps, { email: rey.email, password: PASSWORD, address: '203.0.113.2' });
    await assert.rejects(signIn(deps, { email: rey.email, password: 'wrong', address: '203.0.113.3' }));

    const person = (user: EditorUser): Person => ({ id: user.id, label: user.email });
    const stamp = (user: EditorUser, action: Parameters<EditorialStore['appendAudit']>[0]['action'], at: Date) => ({ actor: { userId: user.id, label: user.email }, at, action });
    const summary: DocumentRef = { kind: 'trial-summary', key: 'NCT01234567' };
    const save = (ref: DocumentRef, body: string, expected: number, at: Date, title: string | null = null) =>
      saveDraftStep({ ref, title, body, expectedVersion: expected, by: person(ed), at });
    await store.changeDocument(summary, save(summary, 'This trial tests a new drug for adults with ALL.', 0, minutes(1)), stamp(ed, 'document.save', minutes(1)));
    await store.changeDocument(summary, submitStep(1, person(ed), minutes(2)), stamp(ed, 'document.submit', minutes(2)));
    const review = { nextReviewDue: '2026-09-02T09:03:00.000Z', snapshot: { status: 'recruiting', sites: [{ facility: 'A', city: 'Leeds', country: 'United Kingdom', status: 'recruiting' }] } };
    await store.changeDocument(summary, approveStep(1, person(rey), minutes(3), review), stamp(rey, 'document.approve', minutes(3)));
    await store.changeDocument(summary, save(summary, 'Newer words, not yet reviewed.', 0, minutes(4)), stamp(ed, 'document.save', minutes(4)));
    const page: DocumentRef = { kind: 'page', key: 'research-into-all' };
    await store.changeDocument(page, save(page, 'Research into ALL is moving fast.', 0, minutes(5), 'Research into ALL'), stamp(ed, 'document.save', minutes(5)));
    await store.changeDocument(page, submitStep(1, person(ed), minutes(6)), stamp(ed, 'document.submit', minutes(6)));
    await store.changeDocument(page, sendBackStep(1, person(rey), minutes(7), 'Say which trials.'), stamp(rey, 'document.send-back', minutes(7)));
  });
}

const backends = storeBackends();
const sqlite = backends.find((backend) => backend.name === 'sqlite');
const middleBackend = backends.find((backend) => backend.name === 'postgres') ?? sqlite;
if (middleBackend === sqlite) console.log('move-editorial: TEST_DATABASE_URL is not set, so the round trip goes through SQLite instead of PostgreSQL');

describe(`trialfinder move carries the editor area (SQLite → ${middleBackend?.name ?? '?'} → SQLite)`, () => {
  const places: { url: string; cleanup: () => Promise<void> }[] = [];
  before(async () => {
    if (sqlite === undefined || middleBackend === undefined) return;
    places.push(await sqlite.databaseUrl(), await middleBackend.databaseUrl(), await sqlite.databaseUrl());
  });
  after(async () => {
    for (const place of places) await place.cleanup();
  });

  it('copies accounts, documents with their history and the audit log there and back, losing nothing', { timeout: 300_000 }, async () => {
    const [start, middle, end] = places.map((place) => place.url) as [string, string, string];
    assert.equal(await runCli(['import', 'test/fixtures/ctgov-xml'], capture(), { DATABASE_URL: start }), 0);
    await fillEditorArea(start);

    const there = capture();
    assert.equal(await runCli(['move', '--from', start, '--to', middle, '--json', '--batch-size', '2'], there), 0, there.stderr.join('\n'));
    const report = JSON.parse(there.stdout.join('')) as { copied: number; editorial: Record<string, unknown> };
    assert.ok(report.copied > 0);
    assert.deepEqual(report.editorial, {
      copied: true,
      users: 3,
      documents: 2,
      versions: 3,
      auditEntries: 14,
      compared: 19,
      sessionsNotCopied: 2,
      loginFailuresNotCopied: 1,
    });
    const back = capture();
    assert.equal(await runCli(['move', '--from', middle, '--to', end], back), 0, back.stderr.join('\n'));
    assert.match(back.stdout.join('\n'), /Copied 3 editor accounts, 2 summaries and pages with 3 versions, and 14 audit entries/);
    assert.match(back.stdout.join('\n'), /Not copied: 0 sessions .*Everyone signs in to the editor area again/);

    assert.deepEqual(await everything(end), await everything(start));
    assert.deepEqual(await everything(middle), await everything(start));
    await withEditorial(end, async (store) => {
      assert.deepEqual(await store.countEditorial(), { users: 3, documents: 2, versions: 3, auditEntries: 14, sessions: 0, loginFailures: 0 });
      const deps: EditorialDeps = { store, settings: DEFAULT_EDITOR_SETTINGS, now: () => minutes(60), scrypt: CHEAP };
      // The password hashes came across: the same password signs in on the new database.
      const signedIn = await signIn(deps, { email: 'ed@example.org', password: PASSWORD, address: '203.0.113.1' });
      assert.equal(signedIn.user.displayName, 'Ed “Editor” ☂');
      // The removed account's id (4) is not handed out again.
      const admin = await store.userByEmail('admin@example.org');
      assert.ok(admin !== null);
      const next = await addAccount(deps, admin, { email: 'new@example.org', displayName: 'New', role: 'editor', password: PASSWORD });
      assert.equal(next.id, 5);
    });
  });

  it('accepts a re-run into an identical target, and refuses a target whose editorial data differs', { timeout: 300_000 }, async () => {
    const [start, middle] = places.map((place) => place.url) as [string, string, string];
    const again = capture();
    assert.equal(await runCli(['move', '--from', start, '--to', middle], again), 0, again.stderr.join('\n'));
    assert.match(again.stdout.join('\n'), /already holds the same .* trials, every one compared identical/);
    assert.match(again.stdout.join('\n'), /already holds the same 3 editor accounts.*nothing copied/);
    const before = await everything(middle);

    await withEditorial(start, async (store) => {
      const deps: EditorialDeps = { store, settings: DEFAULT_EDITOR_SETTINGS, now: () => minutes(90), scrypt: CHEAP };
      const admin = await store.userByEmail('admin@example.org');
      assert.ok(admin !== null);
      await addAccount(deps, admin, { email: 'late@example.org', displayName: 'Late', role: 'editor', password: PASSWORD });
    });
    const refused = capture();
    assert.equal(await runCli(['move', '--from', start, '--to', middle], refused), 5);
    assert.match(refused.stderr.join('\n'), /already holds editorial data .* not the source's/);
    assert.deepEqual(await everything(middle), before, 'the refused move changed nothing');
  });
});
