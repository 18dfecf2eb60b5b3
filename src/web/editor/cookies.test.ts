import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCookies, serialiseCookie } from './cookies.ts';

describe('cookies', () => {
  it('reads name=value pairs, keeping the first of a repeated name and unquoting values', () => {
    const cookies = parseCookies('a=1; b="two"; a=3;c=; =x; junk; d=4=5');
    assert.equal(cookies.get('a'), '1');
    assert.equal(cookies.get('b'), 'two');
    assert.equal(cookies.get('c'), '');
    assert.equal(cookies.get('d'), '4=5');
    assert.equal(cookies.has(''), false);
    assert.equal(cookies.has('junk'), false);
    assert.equal(parseCookies(undefined).size, 0);
  });

  it('writes HttpOnly, SameSite=Strict cookies with a path, Secure when asked, and Max-Age to delete', () => {
    assert.equal(serialiseCookie('__Secure-s', 'abc_-1', { path: '/editor', secure: true }), '__Secure-s=abc_-1; Path=/editor; HttpOnly; SameSite=Strict; Secure');
    assert.equal(serialiseCookie('s', '', { path: '/editor', secure: false, maxAgeSeconds: 0 }), 's=; Path=/editor; Max-Age=0; HttpOnly; SameSite=Strict');
  });

  it('refuses a name or value that could add attributes of its own', () => {
    assert.throws(() => serialiseCookie('s', 'a; Domain=evil.example', { path: '/', secure: true }), RangeError);
    assert.throws(() => serialiseCookie('s s', 'a', { path: '/', secure: true }), RangeError);
  });
});
