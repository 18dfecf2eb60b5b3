/**
 * The EditorialStore contract for documents (trial summaries and editorial pages): the workflow's steps persist the
 * same on every backend, each with its audit entry in the same transaction, and a refused step writes nothing.
 */
import assert from 'node:assert/strict';
import type { AuditStamp } from '../domain/editorial/audit.ts';
import { approveStep, saveDraftStep, sendBackStep, submitStep, type DocumentRef, type Person } from '../domain/editorial/documents.ts';
import { Conflict } from '../domain/errors.ts';
import type { EditorialPlace } from '../../test/support/editorial-backends.ts';

const T0 = new Date('2026-03-02T09:00:00.000Z');
const minutes = (n: number): Date => new Date(T0.getTime() + n * 60_000);
const ED: Person = { id: 11, label: 'ed@example.org' };
const REY: Person = { id: 12, label: 'rey@example.org' };
const SUMMARY: DocumentRef = { kind: 'trial-summary', key: 'NCT01234567' };
const PAGE: DocumentRef = { kind: 'page', key: 'research-into-all' };

const stamp = (person: Person, action: AuditStamp['action'], at: Date): AuditStamp => ({ actor: { userId: person.id, label: person.label }, at, action });
const draft = (ref: DocumentRef, body: string, expectedVersion: number, at: Date, title: string | null = null) =>
  saveDraftStep({ ref, title, body, expectedVersion, by: ED, at });

export function documentContract(test: (name: string, work: (place: EditorialPlace) => Promise<void>) => void): void {
  test('keeps a summary through draft, submission, sending back, approval and a new draft, auditing each step', async ({ store }) => {
    assert.equal(await store.getDocument(SUMMARY), null);
    const body = 'This trial tests a new drug.\n\n- for adults\n- in the UK\n\n<script>alert("x")</script> – “quotes” ☂';
    await store.changeDocument(SUMMARY, draft(SUMMARY, body, 0, T0), stamp(ED, 'document.save', T0));
    await store.changeDocument(SUMMARY, submitStep(1, ED, minutes(1)), stamp(ED, 'document.submit', minutes(1)));
    await store.changeDocument(SUMMARY, sendBackStep(1, REY, minutes(2), 'Say where.'), stamp(REY, 'document.send-back', minutes(2)));
    let doc = await store.getDocument(SUMMARY);
    assert.equal(doc?.working?.state, 'sent-back');
    assert.equal(doc?.working?.comment, 'Say where.');
    assert.equal(doc?.working?.body, body, 'stored exactly as typed');
    await store.changeDocument(SUMMARY, draft(SUMMARY, `${body} Again.`, 1, minutes(3)), stamp(ED, 'document.save', minutes(3)));
    await store.changeDocument(SUMMARY, submitStep(1, ED, minutes(4)), stamp(ED, 'document.submit', minutes(4)));
    const snapshot = { status: 'recruiting', sites: [{ facility: 'A', city: null, country: 'United Kingdom', status: 'recruiting' }] };
    const due = new Date('2026-09-02T09:05:00.000Z').toISOString();
    await store.changeDocument(SUMMARY, approveStep(1, REY, minutes(5), { nextReviewDue: due, snapshot }), stamp(REY, 'document.approve', minutes(5)));
    doc = await store.getDocument(SUMMARY);
    assert.equal(doc?.working, null);
    assert.deepEqual(doc?.published, {
      number: 1,
      title: null,
      body: `${body} Again.`,
      state: 'approved',
      author: ED,
      createdAt: T0.toISOString(),
      updatedAt: minutes(3).toISOString(),
      submittedBy: ED,
      submittedAt: minutes(4).toISOString(),
      reviewer: REY,
      reviewedAt: minutes(5).toISOString(),
      comment: null,
    });
    assert.deepEqual(doc?.review, { reviewedAt: minutes(5).toISOString(), nextReviewDue: due, snapshot });
    // A new draft is version 2; the published version 1 stays published until 2 is approved.
    await store.changeDocument(SUMMARY, draft(SUMMARY, 'Newer words.', 0, minutes(6)), stamp(ED, 'document.save', minutes(6)));
    doc = await store.getDocument(SUMMARY);
    assert.equal(doc?.working?.number, 2);
    assert.equal(doc?.published?.number, 1);
    assert.equal(doc?.createdAt, T0.toISOString());
    assert.equal(doc?.updatedAt, minutes(6).toISOString());
    const { entries } = await store.listAudit({ limit: 20, offset: 0 });
    assert.deepEqual(
      entries.map((entry) => entry.action),
      ['document.save', 'document.approve', 'document.submit', 'document.save', 'document.send-back', 'document.submit', 'document.save'],
    );
    assert.ok(entries.every((entry) => entry.entity === 'document:trial-summary:NCT01234567'));
    const approval = entries[1];
    assert.equal((approval?.before as { working: { state: string } }).working.state, 'submitted');
    assert.equal((approval?.after as { published: { reviewer: string } }).published.reviewer, REY.label);
    assert.equal(entries[6]?.before, null);
  });

  test('a refused step (stale page, own text, wrong state) writes nothing, audit log included', async ({ store, snapshot }) => {
    await store.changeDocument(PAGE, draft(PAGE, 'Words.', 0, T0, 'Research into ALL'), stamp(ED, 'document.save', T0));
    await store.changeDocument(PAGE, submitStep(1, ED, minutes(1)), stamp(ED, 'document.submit', minutes(1)));
    const before = await snapshot();
    const review = { nextReviewDue: minutes(99).toISOString(), snapshot: null };
    await assert.rejects(store.changeDocument(PAGE, draft(PAGE, 'Changed.', 1, minutes(2), 'T'), stamp(ED, 'document.save', minutes(2))), Conflict);
    await assert.rejects(store.changeDocument(PAGE, approveStep(1, ED, minutes(2), review), stamp(ED, 'document.approve', minutes(2))), /cannot approve it/);
    await assert.rejects(store.changeDocument(PAGE, approveStep(7, REY, minutes(2), review), stamp(REY, 'document.approve', minutes(2))), /Someone else changed/);
    await assert.rejects(store.changeDocument(PAGE, submitStep(1, ED, minutes(2)), stamp(ED, 'document.submit', minutes(2))), /already waiting/);
    assert.equal(await snapshot(), before);
  });

  test('lists documents by kind and key with their versions in progress and published', async ({ store }) => {
    await store.changeDocument(PAGE, draft(PAGE, 'Page words.', 0, T0, 'Research into ALL'), stamp(ED, 'document.save', T0));
    await store.changeDocument(SUMMARY, draft(SUMMARY, 'Summary words.', 0, T0), stamp(ED, 'document.save', T0));
    const other: DocumentRef = { kind: 'trial-summary', key: 'NCT00000001' };
    await store.changeDocument(other, draft(other, 'Other.', 0, T0), stamp(ED, 'document.save', T0));
    const all = await store.listDocuments({});
    assert.deepEqual(
      all.map((doc) => `${doc.kind}:${doc.key}:${doc.working?.body ?? ''}`),
      ['page:research-into-all:Page words.', 'trial-summary:NCT00000001:Other.', 'trial-summary:NCT01234567:Summary words.'],
    );
    assert.equal(all[0]?.working?.title, 'Research into ALL');
    assert.deepEqual(
      (await store.listDocuments({ kind: 'page' })).map((doc) => doc.key),
      ['research-into-all'],
    );
  });

  test('two first drafts of one document at once: one is saved, the other refused, with one audit entry', async ({ store }) => {
    const results = await Promise.allSettled([
      store.changeDocument(SUMMARY, draft(SUMMARY, 'First.', 0, T0), stamp(ED, 'document.save', T0)),
      store.changeDocument(SUMMARY, draft(SUMMARY, 'Second.', 0, T0), stamp(ED, 'document.save', T0)),
    ]);
    assert.deepEqual(results.map((result) => result.status).sort(), ['fulfilled', 'rejected']);
    const refusal = results.find((result) => result.status === 'rejected');
    assert.ok(refusal?.reason instanceof Conflict, String(refusal?.reason));
    assert.equal((await store.listAudit({ limit: 10, offset: 0 })).total, 1);
    assert.equal((await store.getDocument(SUMMARY))?.working?.number, 1);
  });
}
