import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTextQuery } from '../../domain/search-text.ts';
import { columnPhrasesMatch, textMatch } from './fts.ts';

describe('FTS5 match expressions', () => {
  it('quotes every token, makes phrases of groups and ANDs the groups', () => {
    assert.equal(textMatch(parseTextQuery('"acute myeloid" Leukaemia')), '("acute" + "myeloid") AND ("leukemia")');
    assert.equal(textMatch(null), null);
  });

  it('leaves no operator, column name or quote unquoted', () => {
    assert.equal(textMatch(parseTextQuery('title: NEAR(a* OR ^b)')), '("title") AND ("near") AND ("a") AND ("or") AND ("b")');
    assert.equal(textMatch({ groups: [['a"b', 'NOT'], ['***']] }), '("a" + "b" + "not")');
    assert.equal(textMatch({ groups: [['***']] }), null);
  });

  it('restricts phrases to a column, any of the values', () => {
    assert.equal(
      columnPhrasesMatch('conditions', ['Breast Cancer', 'lymphoma']),
      'conditions : ("breast" + "cancer") OR conditions : ("lymphoma")',
    );
    assert.equal(columnPhrasesMatch('conditions', ['!!']), null);
  });
});
