import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AGE_GROUPS } from '../domain/age-group.ts';
import { CANCER_TYPES } from '../domain/classify/cancer-type.ts';
import { TREATMENT_KINDS } from '../domain/classify/treatment-kinds.ts';
import { FACETS } from '../domain/query.ts';
import { labelFacets } from './facet-labels.ts';
import { labelOf, vocabulary } from './vocab-lists.ts';

describe('vocabularies for clients', () => {
  it('lists every id with a label and a known parent, parents first', () => {
    assert.deepEqual(vocabulary('cancerType').map((entry) => entry.id), CANCER_TYPES.map((type) => type.id));
    assert.deepEqual(vocabulary('treatment').map((entry) => entry.id), [...TREATMENT_KINDS]);
    assert.deepEqual(vocabulary('ageGroup').map((entry) => entry.id), [...AGE_GROUPS]);
    for (const name of ['cancerType', 'treatment', 'ageGroup'] as const) {
      const seen = new Set<string>();
      for (const entry of vocabulary(name)) {
        assert.ok(entry.label.trim() !== '', entry.id);
        assert.ok(entry.parent === null || seen.has(entry.parent), `${entry.id}'s parent ${String(entry.parent)} comes first`);
        seen.add(entry.id);
      }
    }
    assert.deepEqual(vocabulary('cancerType').find((entry) => entry.id === 'b-cell-all'), {
      id: 'b-cell-all',
      label: 'B-cell acute lymphoblastic leukaemia (B-ALL)',
      parent: 'acute-lymphoblastic-leukaemia',
    });
    assert.equal(vocabulary('treatment').find((entry) => entry.id === 'car-t')?.parent, 'immunotherapy');
  });

  it('labels an unknown id with itself', () => {
    assert.equal(labelOf('treatment', 'targeted'), 'Targeted cancer drugs');
    assert.equal(labelOf('cancerType', 'a-type-from-the-future'), 'a-type-from-the-future');
  });

  it('adds labels to the cancerType, treatment and ageGroup facets only', () => {
    const empty = Object.fromEntries(FACETS.map((name) => [name, []])) as unknown as Parameters<typeof labelFacets>[0];
    const facets = labelFacets({
      ...empty,
      status: [{ value: 'recruiting', count: 3 }],
      cancerType: [{ value: 'leukaemia', count: 2 }],
      treatment: [{ value: 'car-t', count: 1 }],
      ageGroup: [{ value: 'children', count: 4 }],
    });
    assert.deepEqual(facets.status, [{ value: 'recruiting', count: 3 }]);
    assert.deepEqual(facets.cancerType, [{ value: 'leukaemia', count: 2, label: 'Leukaemia' }]);
    assert.deepEqual(facets.treatment, [{ value: 'car-t', count: 1, label: 'CAR T-cell therapy' }]);
    assert.deepEqual(facets.ageGroup, [{ value: 'children', count: 4, label: 'Children (up to 15)' }]);
  });
});
