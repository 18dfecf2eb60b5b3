import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AGE_GROUP_LABELS, AGE_GROUPS, ageGroupsFor } from './age-group.ts';

const groups = (minAgeYears: number | null, maxAgeYears: number | null) => ageGroupsFor({ minAgeYears, maxAgeYears });

describe('ageGroupsFor', () => {
  it('puts an open-ended adult trial in every group from 18 up, young adults included', () => {
    assert.deepEqual(groups(18, null), ['teenagers-young-adults', 'adults', 'older-adults']);
  });

  it('keeps both bounds open when the registry gives none', () => {
    assert.deepEqual(groups(null, null), [...AGE_GROUPS]);
  });

  it('reads a whole-year maximum as up to the next birthday', () => {
    assert.deepEqual(groups(1, 17), ['children', 'teenagers-young-adults']);
    assert.deepEqual(groups(1, 15), ['children']);
    assert.deepEqual(groups(null, 59), ['children', 'teenagers-young-adults', 'adults']);
    assert.deepEqual(groups(null, 60), [...AGE_GROUPS]);
  });

  it('places the boundaries exactly', () => {
    assert.deepEqual(groups(16, 16), ['teenagers-young-adults']);
    assert.deepEqual(groups(15, 15), ['children']);
    assert.deepEqual(groups(25, 59), ['adults']);
    assert.deepEqual(groups(24, 24), ['teenagers-young-adults', 'adults']);
    assert.deepEqual(groups(60, null), ['adults', 'older-adults']);
    assert.deepEqual(groups(65, 80), ['adults', 'older-adults']);
  });

  it('takes a fractional maximum (from months) as given plus a month', () => {
    assert.deepEqual(groups(null, 0.5), ['children']);
    assert.deepEqual(groups(15.5, 15.92), ['children', 'teenagers-young-adults']);
  });

  it('gives no group when the bounds admit no one', () => {
    assert.deepEqual(groups(30, 20), []);
  });

  it('labels every group in plain English', () => {
    for (const group of AGE_GROUPS) assert.ok(AGE_GROUP_LABELS[group].length > 0);
  });
});
