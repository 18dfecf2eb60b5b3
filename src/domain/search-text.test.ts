import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { casedSearchTokens, indexText, isShouted, parseTextQuery, searchTokens, spellOutSigns } from './search-text.ts';

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

describe('spelling vocabularies', () => {
  it('maps general British spellings (generated from the npm data package) and medical ones', () => {
    assert.deepEqual(searchTokens('Randomised haematology programme, oesophageal oestrogen'), [
      'randomized',
      'hematology',
      'program',
      'esophageal',
      'estrogen',
    ]);
    assert.deepEqual(searchTokens('Leucocytes, hypercalcaemia; statistical analyses'), ['leukocytes', 'hypercalcemia', 'statistical', 'analyses']);
  });
  it('is idempotent: a normalised token never changes again, so adapters may re-normalise safely', () => {
    for (const word of ['leukaemia', 'tumours', 'paediatric', 'mitozantrone', 'analyse', 'centre']) {
      const once = searchTokens(word);
      assert.deepEqual(searchTokens(once.join(' ')), once);
    }
  });
});

describe('casedSearchTokens', () => {
  it('keeps each word as written beside its search token', () => {
    assert.deepEqual(casedSearchTokens('B-ALL Leukaemia'), [
      { token: 'b', raw: 'B' },
      { token: 'all', raw: 'ALL' },
      { token: 'leukemia', raw: 'Leukaemia' },
    ]);
  });
  it('yields the same tokens as searchTokens', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        assert.deepEqual(
          casedSearchTokens(text).map((t) => t.token),
          searchTokens(text),
        );
      }),
    );
  });
});

describe('spellOutSigns and isShouted', () => {
  it('spells out marker signs but leaves hyphens alone', () => {
    assert.deepEqual(searchTokens(spellOutSigns('Ph+ ALL, HER2- and CD19+/CD22+')), [
      'ph', 'positive', 'all', 'her2', 'negative', 'and', 'cd19', 'positive', 'cd22', 'positive',
    ]);
    assert.equal(spellOutSigns('B- and T-cell lymphoma; Ph-like ALL; age 18+'), 'B- and T-cell lymphoma; Ph-like ALL; age 18+');
  });
  it('tells text in capitals throughout', () => {
    assert.equal(isShouted('PHASE II STUDY IN ALL'), true);
    assert.equal(isShouted('Phase II study in ALL'), false);
    assert.equal(isShouted('123'), false);
  });
});
