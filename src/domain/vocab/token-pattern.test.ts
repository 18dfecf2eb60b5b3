import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { searchTokens } from '../search-text.ts';
import { casedForm, compilePattern, findPattern } from './token-pattern.ts';

const spans = (pattern: string, text: string, sets = {}): string[] => {
  const tokens = searchTokens(text);
  return findPattern(compilePattern(pattern, sets), tokens).map((s) => tokens.slice(s.start, s.end).join(' '));
};

describe('token patterns', () => {
  it('matches words in any spelling, alternatives, sets, optional slots and gaps', () => {
    assert.deepEqual(spans('acute lymphoblastic leukaemia', 'Adult Acute Lymphoblastic Leukemia'), ['acute lymphoblastic leukemia']);
    assert.deepEqual(spans('breast ~2 @cancer', 'Stage IIIA breast invasive carcinoma', { cancer: ['carcinoma'] }), ['breast invasive carcinoma']);
    assert.deepEqual(spans('hodgkin s? (lymphoma|disease)', "Hodgkin's Disease"), ['hodgkin s disease']);
  });
  it('honours a word that must not come before, and an anchor', () => {
    assert.deepEqual(spans('!non small cell lung', 'Non-Small Cell Lung Cancer'), []);
    assert.deepEqual(spans('!non small cell lung', 'Small Cell Lung Cancer'), ['small cell lung']);
    assert.deepEqual(spans('^ leukemia lymphocytic acute', 'Leukemia, Lymphocytic, Acute'), ['leukemia lymphocytic acute']);
    assert.deepEqual(spans('^ leukemia lymphocytic acute', 'Chronic Leukemia, Lymphocytic, Acute'), []);
  });
  it('refuses malformed patterns', () => {
    assert.throws(() => compilePattern('@nope cancer'), /unknown set/);
    assert.throws(() => compilePattern('non-hodgkin'), /not one search token/);
    assert.throws(() => compilePattern('(a|b)? ~2'), /no required word/);
  });
  it('keeps capitals only for words written without lower case', () => {
    assert.deepEqual(['ALL', 'All', 'Ph', 'B', 'cHL'].map(casedForm), ['ALL', 'all', 'ph', 'B', 'chl']);
  });
});
