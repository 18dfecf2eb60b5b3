import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Conflict, InvalidInput } from '../errors.ts';
import { approveStep, checkComment, checkSlug, documentEntity, saveDraftStep, sendBackStep, submitStep, type DocumentRef, type EditorialDocument } from './documents.ts';

const ref: DocumentRef = { kind: 'page', key: 'research-into-all' };
const ed = { id: 1, label: 'ed@example.org' };
const rey = { id: 2, label: 'rey@example.org' };
const at = (minute: number): Date => new Date(Date.UTC(2026, 2, 2, 9, minute));
const review = { nextReviewDue: '2027-03-02T09:00:00.000Z', snapshot: null };
const save = (doc: EditorialDocument | null, body: string, expectedVersion: number, minute: number): EditorialDocument =>
  saveDraftStep({ ref, title: 'Research into ALL', body, expectedVersion, by: ed, at: at(minute) })(doc);

describe('the editorial workflow', () => {
  it('goes draft, submitted, sent back, draft, submitted, approved; then a new draft is the next version', () => {
    let doc = save(null, 'One.', 0, 0);
    assert.equal(doc.working?.number, 1);
    doc = submitStep(1, ed, at(1))(doc);
    doc = sendBackStep(1, rey, at(2), 'More.')(doc);
    assert.equal(doc.working?.state, 'sent-back');
    doc = save(doc, 'One more.', 1, 3);
    assert.equal(doc.working?.state, 'draft');
    assert.equal(doc.working?.comment, 'More.', 'the comment stays in view while the editor works');
    doc = approveStep(1, rey, at(5), review)(submitStep(1, ed, at(4))(doc));
    assert.equal(doc.working, null);
    assert.equal(doc.published?.state, 'approved');
    assert.equal(doc.published?.comment, null);
    assert.equal(doc.review?.reviewedAt, at(5).toISOString());
    doc = save(doc, 'Two.', 0, 6);
    assert.equal(doc.working?.number, 2);
    assert.equal(doc.published?.body, 'One more.');
  });

  it('refuses stale pages, edits while waiting for review, approving unsubmitted or own text', () => {
    const draft = save(null, 'One.', 0, 0);
    assert.throws(() => save(draft, 'Two.', 0, 1), Conflict);
    assert.throws(() => approveStep(1, rey, at(1), review)(draft), /Only text that has been submitted/);
    const submitted = submitStep(1, ed, at(1))(draft);
    assert.throws(() => save(submitted, 'Two.', 1, 2), /waiting for review/);
    assert.throws(() => approveStep(1, ed, at(2), review)(submitted), /cannot approve it/);
    assert.throws(() => approveStep(1, { id: 3, label: 'admin' }, at(2), review)(submitStep(1, { id: 3, label: 'admin' }, at(1))(draft)), /cannot approve it/);
    assert.throws(() => sendBackStep(1, rey, at(2), 'x')(draft), Conflict);
    assert.throws(() => submitStep(0, ed, at(0))(null), Conflict);
  });

  it('checks page addresses and comments', () => {
    assert.equal(checkSlug(' Research-Into-ALL '), 'research-into-all');
    for (const bad of ['', 'a b', 'a--b', '-a', 'a/b', 'x'.repeat(61)]) assert.throws(() => checkSlug(bad), InvalidInput, bad);
    assert.throws(() => checkComment(' \n '), /Say what needs to change/);
    assert.equal(documentEntity({ kind: 'trial-summary', key: 'NCT1' }), 'document:trial-summary:NCT1');
  });
});
