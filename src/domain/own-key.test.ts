import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAgeYears } from './age.ts';
import { ownValue } from './own-key.ts';
import { normaliseStatus } from './status.ts';

const INHERITED = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

describe('ownValue', () => {
  it('finds own entries and nothing an object inherits', () => {
    const table: Readonly<Record<string, number>> = { one: 1 };
    assert.equal(ownValue(table, 'one'), 1);
    for (const key of INHERITED) assert.equal(ownValue(table, key), undefined, key);
  });

  it('keeps record words that name inherited properties from becoming values', () => {
    for (const word of INHERITED) {
      assert.equal(normaliseStatus(word), 'unknown', word);
      assert.equal(parseAgeYears(`5 ${word}`), undefined, word);
    }
  });
});
