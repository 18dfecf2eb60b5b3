import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitCriteria } from './criteria.ts';

describe('splitCriteria', () => {
  it('reads the ClinicalTrials.gov layout: headings, bullets, continuation lines', () => {
    const text = [
      'Inclusion Criteria:',
      '',
      '* Age 18 years or older',
      '* Relapsed or refractory B-cell ALL,',
      '  confirmed by bone marrow biopsy',
      '',
      'Exclusion Criteria:',
      '',
      '* Active graft-versus-host disease',
      '* Pregnant or breastfeeding',
    ].join('\n');
    assert.deepEqual(splitCriteria(text), {
      inclusion: ['Age 18 years or older', 'Relapsed or refractory B-cell ALL, confirmed by bone marrow biopsy'],
      exclusion: ['Active graft-versus-host disease', 'Pregnant or breastfeeding'],
    });
  });

  it('reads numbered items and the legacy XML dash layout', () => {
    const text = '\n        Inclusion Criteria:\n\n          1. Age >= 16\n          2. ECOG 0-2\n\n        Exclusion Criteria:\n\n          -  Prior CAR-T\n';
    assert.deepEqual(splitCriteria(text), { inclusion: ['Age >= 16', 'ECOG 0-2'], exclusion: ['Prior CAR-T'] });
  });

  it('keeps text without headings as inclusion, and paragraphs as items', () => {
    assert.deepEqual(splitCriteria('DISEASE CHARACTERISTICS:\nHistologically confirmed ALL\n\nPRIOR THERAPY:\nNone'), {
      inclusion: ['DISEASE CHARACTERISTICS: Histologically confirmed ALL', 'PRIOR THERAPY: None'],
      exclusion: [],
    });
    assert.deepEqual(splitCriteria(null), { inclusion: [], exclusion: [] });
  });
});
