import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SCRYPT, hashPassword, needsRehash, verifyPassword } from './passwords.ts';

const CHEAP = { ln: 10, r: 8, p: 1 };

describe('scrypt passwords', () => {
  it('stores the parameters with a salted hash and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery', CHEAP);
    assert.match(hash, /^scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    assert.equal(await verifyPassword('correct horse battery', hash), true);
    assert.equal(await verifyPassword('correct horse batterY', hash), false);
    assert.equal(await verifyPassword('', hash), false);
    assert.notEqual(await hashPassword('correct horse battery', CHEAP), hash, 'each hash has its own salt');
  });

  it('treats a password the same in any Unicode normal form', async () => {
    const hash = await hashPassword('caf\u00e9 au lait 2026', CHEAP);
    assert.equal(await verifyPassword('cafe\u0301 au lait 2026', hash), true);
  });

  it('never matches a hash it cannot read, or one with parameters out of bounds', async () => {
    assert.equal(await verifyPassword('anything at all', 'not a hash'), false);
    const hash = await hashPassword('correct horse battery', CHEAP);
    assert.equal(await verifyPassword('correct horse battery', hash.replace('ln=10', 'ln=40')), false);
    assert.equal(await verifyPassword('correct horse battery', hash.replace('ln=10', 'ln=11')), false);
  });

  it('asks for a rehash when the stored parameters are weaker than the current ones', async () => {
    const weak = await hashPassword('correct horse battery', CHEAP);
    assert.equal(needsRehash(weak, DEFAULT_SCRYPT), true);
    assert.equal(needsRehash(weak, CHEAP), false);
    assert.equal(needsRehash('garbage', CHEAP), true);
  });

  it('uses 64 MiB scrypt by default (N = 2^16, r = 8, p = 2)', async () => {
    assert.deepEqual(DEFAULT_SCRYPT, { ln: 16, r: 8, p: 2 });
    const hash = await hashPassword('correct horse battery');
    assert.match(hash, /^scrypt\$ln=16,r=8,p=2\$/);
    assert.equal(await verifyPassword('correct horse battery', hash), true);
  });
});
