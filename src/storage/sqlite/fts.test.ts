import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expandQuery, fromTextQuery } from '../../domain/query-expansion.ts';
import { parseTextQuery } from '../../domain/search-text.ts';
import { columnPhrasesMatch, rankedColumnsMatch, textMatch } from './fts.ts';

const plain = (raw: string): string | null => textMatch(fromTextQuery(parseTextQuery(raw)));
const groups = (...anyOf: string[][][]) => ({ clauses: anyOf.map((phrases) => ({ anyOf: phrases, concept: null, text: '' })) });

describe('FTS5 match expressions', () => {
  it('quotes every token, makes phrases of groups and ANDs the clauses', () => {
    assert.equal(plain('"acute myeloid" Leukaemia'), '(("acute" + "myeloid")) AND (("leukemia"))');
    assert.equal(textMatch(null), null);
    assert.equal(textMatch({ clauses: [] }), null);
  });

  it('ORs the phrases of a clause: a synonym group', () => {
    assert.equal(textMatch(groups([['glivec'], ['imatinib', 'mesylate']], [['trial']])), '(("glivec") OR ("imatinib" + "mesylate")) AND (("trial"))');
  });

  it('searches a concept clause by its one index token (vocab/concept-tokens.ts)', () => {
    assert.equal(textMatch(expandQuery('Gleevec')), '(("zzcdrugimatinib"))');
    assert.equal(textMatch(expandQuery('Gleevec "imatinib"')), '(("zzcdrugimatinib")) AND (("imatinib"))');
  });

  it('leaves no operator, column name or quote unquoted', () => {
    assert.equal(plain('title: NEAR(a* OR ^b)'), '(("title")) AND (("near")) AND (("a")) AND (("or")) AND (("b"))');
    assert.equal(textMatch(groups([['a"b', 'NOT']], [['***']])), '(("a" + "b" + "not"))');
    assert.equal(textMatch(groups([['***']])), null);
  });

  it('restricts phrases to a column, any of the values', () => {
    assert.equal(
      columnPhrasesMatch('conditions', ['Breast Cancer', 'lymphoma']),
      'conditions : ("breast" + "cancer") OR conditions : ("lymphoma")',
    );
    assert.equal(columnPhrasesMatch('conditions', ['!!']), null);
  });

  it('confines the scoring of a one-phrase text to the ranking columns, and no other text', () => {
    assert.equal(rankedColumnsMatch(expandQuery('Gleevec')), '{title conditions interventions_keywords} : ("zzcdrugimatinib")');
    assert.equal(rankedColumnsMatch(groups([['acute', 'myeloid']])), '{title conditions interventions_keywords} : ("acute" + "myeloid")');
    assert.equal(rankedColumnsMatch(groups([['glivec'], ['imatinib']])), null);
    assert.equal(rankedColumnsMatch(groups([['a']], [['b']])), null);
    assert.equal(rankedColumnsMatch(null), null);
  });
});
