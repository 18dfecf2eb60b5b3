import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { InvalidInput } from './errors.ts';
import { findPostcode, locatePostcode, parseUkPostcode } from './postcode.ts';
import type { PostcodeTable } from './postcode.ts';

const TABLE: PostcodeTable = new Map([
  ['SW1A', { lat: 51.5018, lon: -0.13261, country: 'England' }],
  ['M1', { lat: 53.47769, lon: -2.23629, country: 'England' }],
  ['EH1', { lat: 55.9505, lon: -3.19433, country: 'Scotland' }],
  ['B33', { lat: 52.48034, lon: -1.78839, country: 'England' }],
] as const);

const isInvalidPostcode = (pattern: RegExp) => (error: unknown) =>
  error instanceof InvalidInput && error.field === 'postcode' && pattern.test(error.message);

describe('parseUkPostcode', () => {
  it('reads full postcodes and districts in any case, with or without the space', () => {
    assert.deepEqual(parseUkPostcode('sw1a 1aa'), { district: 'SW1A', full: 'SW1A 1AA' });
    assert.deepEqual(parseUkPostcode('SW1A1AA'), { district: 'SW1A', full: 'SW1A 1AA' });
    assert.deepEqual(parseUkPostcode('sw1a'), { district: 'SW1A', full: null });
    assert.deepEqual(parseUkPostcode('M1'), { district: 'M1', full: null });
    assert.deepEqual(parseUkPostcode('EH1 1YZ'), { district: 'EH1', full: 'EH1 1YZ' });
    assert.deepEqual(parseUkPostcode(' b33  8th '), { district: 'B33', full: 'B33 8TH' });
    assert.deepEqual(parseUkPostcode('M11AA'), { district: 'M1', full: 'M1 1AA' });
  });

  it('refuses malformed input naming the field, without repeating the input', () => {
    for (const bad of ['', '   ', 'London', '12345', 'SW1A 1A', 'SW1A 1AAA', 'ZZZ9 9ZZ', 'S1WW', '1AA', 'SW1A-1AA', 'x'.repeat(100)]) {
      assert.throws(() => parseUkPostcode(bad), isInvalidPostcode(/^postcode must be a UK postcode/), bad);
    }
  });
});

describe('locatePostcode', () => {
  it('locates a full postcode at its district centroid', () => {
    assert.deepEqual(locatePostcode(TABLE, 'eh1 1yz'), {
      district: 'EH1',
      full: 'EH1 1YZ',
      lat: 55.9505,
      lon: -3.19433,
      country: 'Scotland',
    });
  });

  it('refuses well-formed districts that are not in the table, saying what the table covers', () => {
    for (const unknown of ['BT1 1AA', 'JE2 3AB', 'GY1', 'IM1 1AA', 'SW1B 1AA']) {
      assert.throws(() => locatePostcode(TABLE, unknown), isInvalidPostcode(/not in our postcode table.*Great Britain.*2014/), unknown);
    }
    assert.equal(findPostcode(TABLE, 'BT1 1AA'), null);
    assert.equal(findPostcode(TABLE, 'nonsense'), null);
  });

  it('resolves any casing and spacing of a valid postcode to the same district', () => {
    const letters = Array.from('ABDEFGHJLNPQRSTUWXYZ');
    const postcode = fc.record({
      district: fc.constantFrom(...TABLE.keys()),
      digit: fc.integer({ min: 0, max: 9 }),
      unit: fc.tuple(fc.constantFrom(...letters), fc.constantFrom(...letters)),
    });
    const spacing = fc.array(fc.constantFrom('', ' ', '  ', '\t'), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(postcode, spacing, fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }), (code, spaces, upper) => {
        const canonical = `${code.district} ${code.digit}${code.unit.join('')}`;
        const compact = canonical.replace(' ', '');
        const recased = Array.from(compact, (char, i) => (upper[i] ? char.toUpperCase() : char.toLowerCase())).join('');
        const cut = code.district.length;
        const typed = `${spaces[0]}${recased.slice(0, cut)}${spaces[1]}${recased.slice(cut)}${spaces[2]}`;
        const located = locatePostcode(TABLE, typed);
        assert.equal(located.district, code.district);
        assert.equal(located.full, canonical);
        assert.equal(locatePostcode(TABLE, code.district.toLowerCase()).district, code.district);
      }),
    );
  });
});
