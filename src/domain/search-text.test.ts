import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { indexText, parseTextQuery, searchTokens } from './search-text.ts';

describe('searchTokens', () => {
  it('folds case and accents and maps British spellings to American', () => {
    assert.deepEqual(searchTokens('Acute Lymphoblastic Leukaemia'), ['acute', 'lymphoblastic', 'leukemia']);
    assert.deepEqual(searchTokens('Paediatric TUMOURS'), ['pediatric', 'tumors']);
    assert.deepEqual(searchTokens('Sjögren café'), ['sjogren', 'cafe']);
  });
  it('keeps letters and digits only, so query syntax never survives', () => {
    assert.deepEqual(searchTokens('title:"ALL" AND (NEAR* ^x) -y'), ['title', 'all', 'and', 'near', 'x', 'y']);
    assert.deepEqual(searchTokens('BCR-ABL1 ph+ 🙂'), ['bcr', 'abl1', 'ph']);
  });
});

describe('parseTextQuery', () => {
  it('makes words into groups and quoted text into phrases', () => {
    assert.deepEqual(parseTextQuery('stem cell "graft versus host"'), {
      groups: [['stem'], ['cell'], ['graft', 'versus', 'host']],
    });
    assert.deepEqual(parseTextQuery('“minimal residual disease” MRD'), {
      groups: [['minimal', 'residual', 'disease'], ['mrd']],
    });
  });
  it('treats an unclosed quote as running to the end and drops repeats', () => {
    assert.deepEqual(parseTextQuery('leukemia "acute lymph'), { groups: [['leukemia'], ['acute', 'lymph']] });
    assert.deepEqual(parseTextQuery('ALL all All'), { groups: [['all']] });
  });
  it('returns null when nothing searchable is left', () => {
    assert.equal(parseTextQuery('  "" *** 🙂 '), null);
  });
  it('never throws and only ever yields letter-and-digit tokens, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const query = parseTextQuery(text);
        if (query === null) return;
        for (const group of query.groups) for (const token of group) assert.match(token, /^[\p{L}\p{N}]+$/u);
      }),
    );
  });
});

describe('indexText', () => {
  it('joins normalised parts and skips missing ones', () => {
    assert.equal(indexText(['Leukaemia in children', null, '', 'Tumour']), 'leukemia in children \n tumor');
  });
});
