import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { contentHash, stableStringify } from './content-hash.ts';
import type { TrialContent } from './trial.ts';

/** The text the hash was defined on: every object's entries sorted by key in text order, undefined members left out. */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
}

// Keys that matter: ones JavaScript lists first in numeric order ("9", "10"), ones differing only in case, and any.
const key = fc.oneof(fc.constantFrom('9', '10', '0', 'a', 'B', 'b', 'Z', '_', 'é'), fc.string({ maxLength: 4 }));
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, false, undefined),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ maxLength: 6 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 6 }),
  ),
})).value;

test('stableStringify writes exactly the reference text for any JSON-like value', () => {
  fc.assert(
    fc.property(json, (value) => {
      assert.equal(stableStringify(value), reference(value));
    }),
    { numRuns: 2000 },
  );
});

test('the key order an object was built in does not change the text or the hash', () => {
  const a = { title: 'x', ids: ['NCT1'], nested: { b: 1, a: [2, { d: 1, c: 2 }] } };
  const b = { nested: { a: [2, { c: 2, d: 1 }], b: 1 }, ids: ['NCT1'], title: 'x' };
  assert.equal(stableStringify(a), stableStringify(b));
  assert.equal(stableStringify(a), '{"ids":["NCT1"],"nested":{"a":[2,{"c":2,"d":1}],"b":1},"title":"x"}');
  assert.equal(contentHash(a as unknown as TrialContent), contentHash(b as unknown as TrialContent));
});

test('index-like keys are ordered as text ("10" before "9"), as stored hashes were made', () => {
  assert.equal(stableStringify({ 9: 'x', 10: 'y', a: { 2: 1, 10: 0 } }), '{"10":"y","9":"x","a":{"10":0,"2":1}}');
});
