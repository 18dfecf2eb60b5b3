import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formTokenFor, isTokenShaped, newToken, sameSecret, tokenHash } from './tokens.ts';

describe('session tokens', () => {
  it('are 32 random bytes in base64url, never repeated', () => {
    const tokens = new Set(Array.from({ length: 200 }, newToken));
    assert.equal(tokens.size, 200);
    for (const token of tokens) {
      assert.ok(isTokenShaped(token));
      assert.equal(Buffer.from(token, 'base64url').length, 32);
    }
    assert.equal(isTokenShaped('short'), false);
    assert.equal(isTokenShaped(`${newToken().slice(0, 42)}=`), false);
  });

  it('are stored as a SHA-256 hash, and give each session its own form token', () => {
    const token = newToken();
    assert.match(tokenHash(token), /^[0-9a-f]{64}$/);
    assert.notEqual(tokenHash(token), token);
    assert.equal(formTokenFor(token), formTokenFor(token));
    assert.notEqual(formTokenFor(token), formTokenFor(newToken()));
    assert.ok(!formTokenFor(token).includes(token));
  });

  it('compare secrets of any length without throwing', () => {
    assert.equal(sameSecret('abc', 'abc'), true);
    assert.equal(sameSecret('abc', 'abd'), false);
    assert.equal(sameSecret('abc', 'abcd'), false);
    assert.equal(sameSecret('', 'x'), false);
  });
});
