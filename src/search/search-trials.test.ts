import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fakeStore } from '../../test/support/fake-store.ts';
import { TEST_POSTCODES } from '../../test/support/test-postcodes.ts';
import { InvalidInput, NotFound } from '../domain/errors.ts';
import { expandQuery } from '../domain/query-expansion.ts';
import { EMPTY_QUERY } from '../domain/query.ts';
import { buildTrial, corpus } from '../storage/test-trials.ts';
import { getTrialOrThrow, searchTrials, toStoreQuery } from './search-trials.ts';

describe('toStoreQuery', () => {
  it('expands free text with synonyms, and drops text with no searchable word', () => {
    const query = toStoreQuery({ ...EMPTY_QUERY, q: 'Gleevec for ALL' }, TEST_POSTCODES);
    assert.deepEqual(query.text, expandQuery('Gleevec for ALL'));
    assert.ok(query.text?.clauses.some((clause) => clause.anyOf.some((phrase) => phrase.join(' ') === 'imatinib')));
    assert.equal(toStoreQuery({ ...EMPTY_QUERY, q: '"" ***' }, TEST_POSTCODES).text, null);
    assert.equal(toStoreQuery(EMPTY_QUERY, TEST_POSTCODES).text, null);
  });

  it('places a postcode at its district centre and passes the rest through', () => {
    const query = toStoreQuery({ ...EMPTY_QUERY, postcode: 'LS9 7TF', withinMiles: 30, sort: 'distance' }, TEST_POSTCODES);
    assert.deepEqual(query.near, { lat: 53.79994, lon: -1.5098 });
    assert.equal(query.withinMiles, 30);
    assert.equal(query.sort, 'distance');
    assert.ok(!('postcode' in query) && !('q' in query));
    assert.equal(toStoreQuery(EMPTY_QUERY, TEST_POSTCODES).near, null);
  });

  it('refuses a district not in the table on postcode, naming the district but not the postcode', () => {
    assert.throws(
      () => toStoreQuery({ ...EMPTY_QUERY, postcode: 'BT1 1AA' }, TEST_POSTCODES),
      (error) =>
        error instanceof InvalidInput &&
        error.field === 'postcode' &&
        /BT1 is not in our postcode table, which covers Great Britain/.test(error.message) &&
        !error.message.includes('BT1 1AA'),
    );
  });
});

describe('searchTrials', () => {
  it('asks the store for a page with its facets, and labels the id facets', async () => {
    const store = fakeStore(corpus());
    const result = await searchTrials({ store, postcodes: TEST_POSTCODES }, { ...EMPTY_QUERY, q: 'leukaemia', postcode: 'M20' });
    assert.equal(store.queries.length, 1);
    const all = result.facets.cancerType.find((count) => count.value === 'acute-lymphoblastic-leukaemia');
    assert.equal(all?.label, 'Acute lymphoblastic leukaemia (ALL)');
    assert.ok(result.facets.treatment.every((count) => typeof count.label === 'string' && count.label !== count.value));
    assert.ok(result.facets.ageGroup.some((count) => count.label === 'Older adults (60 and over)'));
    assert.ok(result.facets.status.every((count) => !('label' in count)));
  });

  it('finds a trial by any id, and says NotFound otherwise', async () => {
    const store = fakeStore([buildTrial('NCT09000009')]);
    assert.equal((await getTrialOrThrow(store, 'nct09000009')).id, 'NCT09000009');
    await assert.rejects(getTrialOrThrow(store, 'NCT00000000'), NotFound);
  });
});
