import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidInput } from './domain/errors.ts';
import { readConfig, readTrustProxy } from './config.ts';

describe('TRUST_PROXY', () => {
  it('trusts no proxy by default, or when set to false', () => {
    assert.equal(readConfig({}).trustProxy, false);
    for (const value of ['', '  ', 'false', 'FALSE']) assert.equal(readTrustProxy({ TRUST_PROXY: value }), false, value);
  });

  it('reads true, a hop count, and a list of addresses, CIDR ranges and named ranges', () => {
    assert.equal(readTrustProxy({ TRUST_PROXY: 'true' }), true);
    assert.equal(readTrustProxy({ TRUST_PROXY: '2' }), 2);
    assert.deepEqual(readTrustProxy({ TRUST_PROXY: '10.0.0.1, 10.1.0.0/16,fd00::/8, ::1,loopback,172.16.0.0/255.240.0.0' }), [
      '10.0.0.1',
      '10.1.0.0/16',
      'fd00::/8',
      '::1',
      'loopback',
      '172.16.0.0/255.240.0.0',
    ]);
  });

  it('refuses anything else, naming the setting', () => {
    for (const value of ['0', '101', 'yes', '10.0.0.1,', '10.0.0.300', '10.0.0.0/33', 'fd00::/129', '10.0.0.0/8/1', 'lb.internal']) {
      assert.throws(() => readTrustProxy({ TRUST_PROXY: value }), (error: unknown) => error instanceof InvalidInput && error.field === 'TRUST_PROXY', value);
    }
  });
});
