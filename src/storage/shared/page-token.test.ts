import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidInput } from '../../domain/errors.ts';
import { searchFor, storeQuery } from '../store.contract.search.ts';
import { decodePageToken, encodePageToken } from './page-token.ts';

describe('page tokens', () => {
  const query = searchFor('leukemia', { statuses: ['recruiting', 'completed'] });

  it('round-trip the key for the same search, whatever the page size or filter order', () => {
    const token = encodePageToken(query, { key: -1.25e-6, id: 'NCT01234567' });
    assert.match(token, /^[A-Za-z0-9_-]+$/);
    const same = { ...query, pageSize: 3, statuses: ['completed', 'recruiting'] as const };
    assert.deepEqual(decodePageToken(same, token), { key: -1.25e-6, id: 'NCT01234567' });
  });

  it('refuse another search, garbage and tampered keys', () => {
    const token = encodePageToken(query, { key: '2024-01-01', id: 'NCT01234567' });
    const refused = (q: typeof query, t: string): void => {
      assert.throws(() => decodePageToken(q, t), (error: unknown) => error instanceof InvalidInput && error.field === 'pageToken');
    };
    refused(searchFor('leukaemia lymphoma'), token);
    refused(storeQuery(), token);
    refused({ ...query, near: { lat: 53.48, lon: -2.24 } }, token);
    refused({ ...query, cancerTypes: ['leukaemia'] }, token);
    refused({ ...query, treatments: ['chemotherapy'] }, token);
    refused({ ...query, ageGroups: ['adults'] }, token);
    const placed = { ...query, near: { lat: 53.48, lon: -2.24 }, sort: 'distance' as const };
    const distanceToken = encodePageToken(placed, { key: 3.25, id: 'NCT01234567' });
    assert.deepEqual(decodePageToken(placed, distanceToken), { key: 3.25, id: 'NCT01234567' });
    refused({ ...placed, near: { lat: 51.5, lon: -0.12 } }, distanceToken);
    refused({ ...placed, withinMiles: 25 }, distanceToken);
    refused(query, 'not a token');
    refused(query, Buffer.from('[]').toString('base64url'));
    const payload = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Record<string, unknown>;
    refused(query, Buffer.from(JSON.stringify({ ...payload, k: { x: 1 } })).toString('base64url'));
  });
});
