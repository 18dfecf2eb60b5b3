import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AGE_GROUPS } from '../../domain/age-group.ts';
import { TRANSPLANT_KINDS, TREATMENT_KINDS } from '../../domain/classify/treatment-kinds.ts';
import { InvalidInput } from '../../domain/errors.ts';
import {
  AGE_GROUP_BITS,
  TRANSPLANT_BITS,
  TREATMENT_BITS,
  ageGroupBitmap,
  ageGroupsOf,
  transplantKindsOf,
  treatmentBitmap,
  treatmentMask,
  treatmentsOf,
} from './fact-bits.ts';

describe('fact bitmaps', () => {
  it('follow the domain lists; a change there needs a new DERIVATION_VERSION and these lists updated', () => {
    assert.deepEqual(TREATMENT_BITS, TREATMENT_KINDS);
    assert.deepEqual(TRANSPLANT_BITS, TRANSPLANT_KINDS);
    assert.deepEqual(AGE_GROUP_BITS, AGE_GROUPS);
  });

  it('round-trip treatments with their transplant kinds, and age groups', () => {
    const bits = treatmentBitmap([
      { kind: 'stem-cell-transplant', sub: 'allogeneic', because: 'x' },
      { kind: 'chemotherapy', because: 'y' },
      { kind: 'car-t', because: 'z' },
    ]);
    assert.deepEqual(treatmentsOf(bits), ['chemotherapy', 'stem-cell-transplant', 'car-t']);
    assert.deepEqual(transplantKindsOf(bits), ['allogeneic']);
    assert.equal(treatmentMask(['chemotherapy']) & bits, 1);
    assert.deepEqual(ageGroupsOf(ageGroupBitmap(['adults', 'older-adults'])), ['adults', 'older-adults']);
  });

  it('refuses a value outside the lists as bad input', () => {
    assert.throws(() => treatmentMask(['magic' as never]), InvalidInput);
  });
});
