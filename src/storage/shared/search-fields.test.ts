import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conceptToken } from '../../domain/vocab/concept-tokens.ts';
import { buildTrial } from '../test-trials.ts';
import { searchFields } from './search-fields.ts';

const ALL = conceptToken('acute-lymphoblastic-leukaemia');
const count = (field: string): number => field.split(/\s+/).filter((token) => token === ALL).length;

describe('searchFields concept tokens', () => {
  // A legacy pan-cancer record: ALL only in a long keyword list, and a record about ALL in its title and conditions.
  const keywordList = buildTrial('NCT09980001', {
    briefTitle: 'Bone marrow transplantation in patients with blood cancers',
    conditions: ['Leukemia', 'Lymphoma'],
    keywords: [
      'adult acute lymphoblastic leukemia in remission',
      'recurrent adult acute lymphoblastic leukemia',
      'L1 adult acute lymphoblastic leukemia',
      'L2 adult acute lymphoblastic leukemia',
      'childhood acute lymphoblastic leukemia in remission',
      'recurrent childhood acute lymphoblastic leukemia',
    ],
    arms: [{ label: 'Arm I: ALL in first remission', type: null, description: null, interventionNames: [] }],
  });
  const aboutAll = buildTrial('NCT09980002', {
    briefTitle: 'Blinatumomab in adults with relapsed ALL',
    officialTitle: 'A phase 2 study of blinatumomab for relapsed B-cell acute lymphoblastic leukaemia',
    conditions: ['Acute Lymphoblastic Leukemia', 'B-ALL'],
    briefSummary: 'Acute lymphoblastic leukaemia that has come back is hard to treat. This study gives blinatumomab for acute lymphoblastic leukaemia.',
  });

  it('counts a concept once among interventions, keywords and arm labels, however often they repeat it', () => {
    assert.equal(count(searchFields(keywordList).interventions_keywords), 1);
  });

  it('counts every occurrence in titles, conditions and prose', () => {
    const fields = searchFields(aboutAll);
    assert.equal(count(fields.title), 2);
    assert.equal(count(fields.conditions), 2);
    assert.equal(count(fields.summary), 2);
  });

  it('leaves the words themselves in place, so phrases still match where they are written', () => {
    assert.match(searchFields(keywordList).interventions_keywords, /recurrent childhood acute lymphoblastic leukemia/);
  });
});
