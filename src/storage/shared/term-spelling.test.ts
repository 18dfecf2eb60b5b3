import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { preferredSpelling } from './term-spelling.ts';

describe('preferred term spelling', () => {
  it('shows the spelling most trials use', () => {
    assert.equal(preferredSpelling([{ name: 'Etoposide', trials: 3 }, { name: 'etoposide', trials: 9 }]), 'etoposide');
  });

  it('breaks ties by case: mixed, then capitals, then lower case; then more capitals; then code units', () => {
    const tie = (...names: string[]): string | null => preferredSpelling(names.map((name) => ({ name, trials: 2 })));
    assert.equal(tie('radiation therapy', 'RADIATION THERAPY', 'Radiation therapy'), 'Radiation therapy');
    assert.equal(tie('radiation therapy', 'RADIATION THERAPY'), 'RADIATION THERAPY');
    assert.equal(tie('Non-small cell lung cancer', 'Non-Small Cell Lung Cancer'), 'Non-Small Cell Lung Cancer');
    assert.equal(tie('Radiation Therapy', 'Radiation-Therapy'), 'Radiation Therapy');
    assert.equal(tie('Radiation-Therapy', 'Radiation Therapy'), 'Radiation Therapy');
  });

  it('has nothing to show for no spelling', () => {
    assert.equal(preferredSpelling([]), null);
  });
});
