import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anyPhraseTsQuery, textTsQuery } from './tsquery.ts';

const groups = (...anyOf: string[][][]) => ({ clauses: anyOf.map((phrases) => ({ anyOf: phrases, concept: null, text: '' })) });

describe('tsquery compilation', () => {
  it('ANDs the clauses, ORs their phrases, ranks phrase by phrase and names every word once for the rank guard', () => {
    assert.deepEqual(textTsQuery(groups([['glivec'], ['imatinib', 'mesylate']], [['imatinib']])), {
      kind: 'match',
      tsquery: `(('glivec') | ('imatinib' <-> 'mesylate')) & (('imatinib'))`,
      groups: [`'glivec'`, `'imatinib' <-> 'mesylate'`, `'imatinib'`],
      anyWord: `'glivec' | 'imatinib' | 'mesylate'`,
      clauses: [[['glivec'], ['imatinib', 'mesylate']], [['imatinib']]],
      any: false,
    });
  });

  it('leaves a phrase that cannot be indexed out of the groups and the guard', () => {
    const long = 'x'.repeat(3000);
    const compiled = textTsQuery({ match: 'any', ...groups([[long]], [['leukemia']]) });
    assert.equal(compiled.kind, 'match');
    if (compiled.kind !== 'match') return;
    assert.deepEqual(compiled.groups, [`'leukemia'`]);
    assert.equal(compiled.anyWord, `'leukemia'`);
    assert.deepEqual(compiled.clauses, [[['leukemia']]]);
    assert.equal(compiled.any, true);
    assert.deepEqual(textTsQuery(groups([[long]], [['leukemia']])), { kind: 'never' });
  });

  it('gives phrase filters a guard of their words', () => {
    const compiled = anyPhraseTsQuery(['Breast Cancer', 'lymphoma']);
    assert.equal(compiled.kind === 'match' ? compiled.anyWord : null, `'breast' | 'cancer' | 'lymphoma'`);
    assert.deepEqual(anyPhraseTsQuery(['!!']), { kind: 'never' });
  });
});
