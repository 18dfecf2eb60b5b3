import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseLegacyDate } from './ctgov-xml.dates.ts';

describe('parseLegacyDate', () => {
  it('reads month-year and full dates as CT.gov legacy XML writes them', () => {
    assert.equal(parseLegacyDate('March 2003'), '2003-03');
    assert.equal(parseLegacyDate('March 15, 2003'), '2003-03-15');
    assert.equal(parseLegacyDate('November 4, 1999'), '1999-11-04');
    assert.equal(parseLegacyDate('  September   2010 '), '2010-09');
  });

  it('passes ISO dates and years through', () => {
    assert.equal(parseLegacyDate('2003-03-15'), '2003-03-15');
    assert.equal(parseLegacyDate('2003'), '2003');
  });

  it('gives null for nothing and undefined for text that is not a date', () => {
    assert.equal(parseLegacyDate(null), null);
    assert.equal(parseLegacyDate('  '), null);
    assert.equal(parseLegacyDate('constructor 2003'), undefined);
    assert.equal(parseLegacyDate('__proto__ 2003'), undefined);
    assert.equal(parseLegacyDate('Spring 2003'), undefined);
    assert.equal(parseLegacyDate('February 30, 2003'), undefined);
    assert.equal(parseLegacyDate('2003-13'), undefined);
  });
});
