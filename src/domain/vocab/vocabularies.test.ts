import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { searchTokens } from '../search-text.ts';
import { CONCEPTS, nameVariants } from './concepts.ts';
import drugs from './drugs.json' with { type: 'json' };

describe('concept vocabularies', () => {
  it('hold at least 150 drugs, each with a searchable name', () => {
    assert.ok(drugs.drugs.length >= 150, `${drugs.drugs.length} drugs`);
    for (const concept of CONCEPTS) assert.ok(concept.phrases.length > 0, concept.id);
  });
  it('give each name to one concept only, so a query word has one meaning', () => {
    const owner = new Map<string, string>();
    for (const concept of CONCEPTS) {
      for (const phrase of concept.phrases) {
        const key = phrase.join(' ');
        const other = owner.get(key);
        assert.ok(other === undefined || other === concept.id, `"${key}" is in ${other ?? ''} and ${concept.id}`);
        owner.set(key, concept.id);
      }
    }
  });
  it('hold only normalised tokens', () => {
    for (const concept of CONCEPTS) {
      for (const phrase of concept.phrases) assert.deepEqual(searchTokens(phrase.join(' ')), [...phrase], concept.id);
    }
  });
  it('write code names every way they are typed', () => {
    assert.deepEqual(nameVariants('STI-571'), [['sti', '571'], ['sti571'], ['sti', '571']]);
    assert.deepEqual(nameVariants('Gleevec'), [['gleevec']]);
  });
});
