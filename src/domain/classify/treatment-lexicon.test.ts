import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { searchTokens } from '../search-text.ts';
import { compileLexicon, findPhrases } from './treatment-lexicon.ts';

describe('findPhrases', () => {
  const lexicon = compileLexicon(['stem cell transplant', 'stem cell transplantation', '*tinib', 'cd* car', 'imatinib']);
  const spans = (text: string) => findPhrases(lexicon, searchTokens(text)).map(({ start, end, stem }) => [start, end, stem]);

  it('takes the longest phrase at a position and resumes after it', () => {
    assert.deepEqual(spans('allogeneic stem cell transplantation'), [[1, 4, false]]);
  });

  it('matches stems on whole words only, and prefers an exact name of the same length', () => {
    assert.deepEqual(spans('ponatinib'), [[0, 1, true]]);
    assert.deepEqual(spans('imatinib'), [[0, 1, false]]);
    assert.deepEqual(spans('tinib'), []);
    assert.deepEqual(spans('CD19 CAR T cells'), [[0, 2, true]]);
  });

  it('compares after normalisation (case, punctuation, British spelling)', () => {
    const british = compileLexicon(['haematopoietic stem cell']);
    assert.equal(findPhrases(british, searchTokens('Hematopoietic Stem-Cell')).length, 1);
  });
});
