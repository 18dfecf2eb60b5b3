import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expandQuery } from '../../domain/query-expansion.ts';
import type { ScoredDocs } from './fact-index-query.ts';
import { textCacheKey, TextMatchCache } from './text-match-cache.ts';

const scored = (...ids: number[]): ScoredDocs => ({ docIds: Int32Array.from(ids), scores: Float64Array.from(ids, (id) => id / 10) });
const unscored = (...ids: number[]): ScoredDocs => ({ docIds: Int32Array.from(ids), scores: null });

describe('the recent-text cache', () => {
  it('answers only under the version the matches were read at, and forgets older versions', () => {
    const cache = new TextMatchCache();
    cache.set('v1', 'k', scored(1, 2));
    assert.deepEqual([...(cache.get('v1', 'k', true)?.docIds ?? [])], [1, 2]);
    assert.equal(cache.get('v2', 'k', true), null);
    assert.equal(cache.get('v1', 'k', true), null, 'a newer version emptied it');
  });

  it('answers an unranked lookup from scored matches without their scores, never a ranked one from unscored', () => {
    const cache = new TextMatchCache();
    cache.set('v', 'ranked', scored(3));
    assert.equal(cache.get('v', 'ranked', false)?.scores, null);
    cache.set('v', 'plain', unscored(4));
    assert.equal(cache.get('v', 'plain', true), null);
    assert.deepEqual([...(cache.get('v', 'plain', false)?.docIds ?? [])], [4]);
    // Scores are not replaced by none.
    cache.set('v', 'ranked', unscored(3));
    assert.ok(cache.get('v', 'ranked', true)?.scores);
  });

  it('keeps within its bytes, dropping the least recently used first', () => {
    // 12 bytes per scored doc: room for two entries of two docs (48 bytes), not three.
    const cache = new TextMatchCache(50);
    cache.set('v', 'a', scored(1, 2));
    cache.set('v', 'b', scored(3, 4));
    cache.get('v', 'a', true);
    cache.set('v', 'c', scored(5, 6));
    assert.ok(cache.get('v', 'a', true));
    assert.equal(cache.get('v', 'b', true), null);
    assert.ok(cache.get('v', 'c', true));
    const none = new TextMatchCache(0);
    none.set('v', 'a', scored(1));
    assert.equal(none.get('v', 'a', true), null);
  });

  it('keys a text by what it compiles to: the same words, however typed, share one entry', () => {
    assert.equal(textCacheKey(expandQuery('Gleevec')), textCacheKey(expandQuery('imatinib')));
    assert.equal(textCacheKey(expandQuery('Leukaemia relapse')), textCacheKey(expandQuery('leukemia  RELAPSE')));
    assert.notEqual(textCacheKey(expandQuery('relapse')), textCacheKey({ ...expandQuery('relapse'), match: 'any' }));
  });
});
