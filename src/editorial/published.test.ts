import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EditorialDocument } from '../domain/editorial/documents.ts';
import { PUBLISHED_TTL_MS, publishedContent } from './published.ts';

const person = { id: 1, label: 'rey@example.org' };
const at = '2026-03-02T09:00:00.000Z';

function doc(kind: EditorialDocument['kind'], key: string, body: string | null, title: string | null = null): EditorialDocument {
  const version = { number: 1, title, body: body ?? '', state: 'approved' as const, author: person, createdAt: at, updatedAt: at, submittedBy: person, submittedAt: at, reviewer: person, reviewedAt: at, comment: null };
  return {
    kind,
    key,
    createdAt: at,
    updatedAt: at,
    working: body === null ? { ...version, state: 'draft' } : null,
    published: body === null ? null : version,
    review: body === null ? null : { reviewedAt: at, nextReviewDue: '2026-09-02T09:00:00.000Z', snapshot: null },
  };
}

describe('published content', () => {
  it('serves approved text only, read once per time to live, and again after forget', async () => {
    let reads = 0;
    let documents = [doc('trial-summary', 'NCT1', 'Plain words.'), doc('trial-summary', 'NCT2', null), doc('page', 'b-page', 'B', 'Beta'), doc('page', 'a-page', 'A', 'Alpha')];
    let clock = 0;
    const content = publishedContent({ listDocuments: () => ((reads += 1), Promise.resolve(documents)) }, () => clock);
    assert.equal((await content.text({ kind: 'trial-summary', key: 'NCT1' }))?.body, 'Plain words.');
    assert.equal(await content.text({ kind: 'trial-summary', key: 'NCT2' }), null, 'a draft is never public');
    assert.equal(await content.text({ kind: 'page', key: 'NCT1' }), null);
    assert.deepEqual(await content.pages(), [{ slug: 'a-page', title: 'Alpha' }, { slug: 'b-page', title: 'Beta' }]);
    assert.equal(reads, 1);
    documents = [doc('trial-summary', 'NCT2', 'Now approved.')];
    clock = PUBLISHED_TTL_MS - 1;
    assert.equal(await content.text({ kind: 'trial-summary', key: 'NCT2' }), null, 'held until the time to live passes');
    clock = PUBLISHED_TTL_MS;
    assert.equal((await content.text({ kind: 'trial-summary', key: 'NCT2' }))?.body, 'Now approved.');
    documents = [];
    content.forget();
    assert.equal(await content.text({ kind: 'trial-summary', key: 'NCT2' }), null);
    assert.equal(reads, 3);
  });

  it('does not keep a failed read', async () => {
    let fail = true;
    const content = publishedContent({ listDocuments: () => (fail ? Promise.reject(new Error('down')) : Promise.resolve([doc('page', 'p', 'P', 'P')])) });
    await assert.rejects(content.pages(), /down/);
    fail = false;
    assert.equal((await content.pages()).length, 1);
  });
});
