import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shortTextMemo } from './short-text-memo.ts';

describe('shortTextMemo', () => {
  it('computes a short text once and hands back the same frozen result', () => {
    const seen: string[] = [];
    const words = shortTextMemo((text: string) => {
      seen.push(text);
      return { words: text.split(' ') };
    });
    const first = words('stem cell transplant');
    assert.equal(words('stem cell transplant'), first);
    assert.deepEqual(seen, ['stem cell transplant']);
    assert.ok(Object.isFrozen(first) && Object.isFrozen(first.words));
    assert.throws(() => first.words.push('again'), TypeError);
  });

  it('computes a long text every time, unfrozen', () => {
    let calls = 0;
    const lengths = shortTextMemo((text: string) => {
      calls += 1;
      return [text.length];
    }, { maxChars: 5 });
    const long = lengths('longer than five');
    lengths('longer than five');
    assert.equal(calls, 2);
    assert.equal(Object.isFrozen(long), false);
  });

  it('starts again when full, and still answers correctly', () => {
    let calls = 0;
    const upper = shortTextMemo((text: string) => {
      calls += 1;
      return [text.toUpperCase()];
    }, { maxEntries: 2 });
    assert.deepEqual(upper('a'), ['A']);
    assert.deepEqual(upper('b'), ['B']);
    assert.deepEqual(upper('c'), ['C']);
    assert.deepEqual(upper('a'), ['A']);
    assert.equal(calls, 4);
    assert.deepEqual(upper('c'), ['C']);
    assert.equal(calls, 4);
  });
});
