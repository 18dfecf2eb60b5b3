import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { searchTokens } from '../search-text.ts';
import { conceptById } from './concept-index.ts';
import { conceptSearchPhrases, conceptToken, conceptTokensOf } from './concept-tokens.ts';
import { CONCEPTS, type Phrase } from './concepts.ts';

/** The old way of matching a concept clause: does any of its phrases occur in the words? */
function anyPhraseOccurs(words: readonly string[], phrases: readonly Phrase[]): boolean {
  return phrases.some((phrase) => words.some((_, at) => phrase.every((word, offset) => words[at + offset] === word)));
}

const all = conceptById('acute-lymphoblastic-leukaemia');
const imatinib = conceptById('drug:imatinib');

describe('concept tokens', () => {
  it('are one token that normalisation leaves alone, one per concept', () => {
    const tokens = new Set<string>();
    for (const concept of CONCEPTS) {
      const token = conceptToken(concept.id);
      assert.deepEqual(searchTokens(token), [token], concept.id);
      tokens.add(token);
    }
    assert.equal(tokens.size, CONCEPTS.length);
  });

  it('mark a text once per occurrence of any search phrase of the concept', () => {
    assert.ok(all !== undefined && imatinib !== undefined);
    const text = 'adults with b all or t all \n philadelphia positive acute lymphoblastic leukemia';
    const tokens = conceptTokensOf(text).filter((t) => t === conceptToken(all.id));
    // "b all", "t all", and "lymphoblastic leukemia" (inside the longer name, counted once).
    assert.equal(tokens.length, 3);
    assert.deepEqual(conceptTokensOf('sti571 then gleevec'), [conceptToken(imatinib.id), conceptToken(imatinib.id)]);
    assert.deepEqual(conceptTokensOf('all patients must consent'), []);
  });

  it('let a phrase run across the parts of a field, as a phrase query does', () => {
    assert.ok(all !== undefined);
    assert.ok(conceptTokensOf('relapsed b \n all').includes(conceptToken(all.id)));
  });

  it('are present exactly when one of the clause phrases occurs (property, over words from the vocabulary)', () => {
    const sample = CONCEPTS.filter((_, index) => index % 7 === 0);
    const vocabulary = [...new Set(sample.flatMap((c) => conceptSearchPhrases(c).flat()))].concat(['and', 'of', 'with']);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...vocabulary), { maxLength: 40 }), (words) => {
        const present = new Set(conceptTokensOf(words.join(' ')));
        for (const concept of sample) {
          assert.equal(present.has(conceptToken(concept.id)), anyPhraseOccurs(words, conceptSearchPhrases(concept)), concept.id);
        }
      }),
      { numRuns: 300 },
    );
  });
});
