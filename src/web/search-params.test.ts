import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTrialQuery } from '../search/query-params.ts';
import { queryString, readSearchParams, toParserInput, withoutValue, withParams } from './search-params.ts';

describe('search params', () => {
  it('reads a query string, splitting comma lists and keeping repeated phrases', () => {
    const params = readSearchParams({ status: 'recruiting,completed', country: ['UK', 'France'], q: ' ', treatment: ['car-t', 'car-t'] });
    assert.deepEqual([...params], [
      ['status', ['recruiting', 'completed']],
      ['country', ['UK', 'France']],
      ['treatment', ['car-t']],
    ]);
    assert.equal(queryString(params), '?status=recruiting%2Ccompleted&country=UK&country=France&treatment=car-t');
  });

  it('gives the parser what it reads, so the website and the API agree', () => {
    const params = readSearchParams({ cancerType: 'acute-lymphoblastic-leukaemia', condition: ['Leukemia, Lymphoblastic'], age: '45' });
    const query = parseTrialQuery(toParserInput(params));
    assert.deepEqual(query.cancerTypes, ['acute-lymphoblastic-leukaemia']);
    assert.deepEqual(query.conditions, ['Leukemia, Lymphoblastic']);
    assert.equal(query.age, 45);
  });

  it('drops the page token on any change but paging', () => {
    const params = readSearchParams({ q: 'all', pageToken: 'abc' });
    assert.equal(queryString(withParams(params, { sort: ['updated'] })), '?q=all&sort=updated');
    assert.equal(queryString(withParams(params, { pageToken: ['def'] })), '?q=all&pageToken=def');
  });

  it('removes one value, and with the postcode what depends on it', () => {
    const params = readSearchParams({ treatment: 'chemotherapy,targeted', postcode: 'LS1', within: '50', sort: 'distance' });
    assert.equal(queryString(withoutValue(params, 'treatment', 'targeted')), '?treatment=chemotherapy&postcode=LS1&within=50&sort=distance');
    assert.equal(queryString(withoutValue(params, 'postcode', 'LS1')), '?treatment=chemotherapy%2Ctargeted');
  });
});
