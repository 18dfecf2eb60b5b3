import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { distanceMiles, geocodeSites, nearestSite, sitesInCountry } from './geo.ts';
import type { PostcodeTable } from './postcode.ts';
import type { Site, TrialStatus } from './trial.ts';

const LONDON = { lat: 51.5018, lon: -0.13261 };
const MANCHESTER = { lat: 53.47769, lon: -2.23629 };
const TABLE: PostcodeTable = new Map([['M1', { ...MANCHESTER, country: 'England' }]] as const);

function site(facility: string, fields: Partial<Site> = {}): Site {
  return {
    facility,
    city: null,
    state: null,
    postcode: null,
    country: 'United Kingdom',
    status: null,
    latitude: null,
    longitude: null,
    contacts: [],
    ...fields,
  };
}
const at = (point: { lat: number; lon: number }, status: TrialStatus | null = null) => ({
  latitude: point.lat,
  longitude: point.lon,
  status,
});

describe('distanceMiles', () => {
  it('is zero for one point, symmetric, and about 163 miles from London SW1A to Manchester M1', () => {
    assert.equal(distanceMiles(LONDON, LONDON), 0);
    assert.equal(distanceMiles(LONDON, MANCHESTER), distanceMiles(MANCHESTER, LONDON));
    assert.ok(Math.abs(distanceMiles(LONDON, MANCHESTER) - 162.7) < 0.1);
  });

  it('gives a quarter of the Earth’s circumference from the pole to the equator', () => {
    assert.ok(Math.abs(distanceMiles({ lat: 90, lon: 0 }, { lat: 0, lon: 0 }) - (Math.PI / 2) * 3958.76) < 0.1);
  });
});

describe('nearestSite', () => {
  const near = site('Near, closed', at(LONDON, 'completed'));
  const far = site('Far, recruiting', at(MANCHESTER, 'recruiting'));

  it('picks the nearest open site when per-site status is known', () => {
    const found = nearestSite([near, far], LONDON, { openOnly: true });
    assert.equal(found?.site.facility, 'Far, recruiting');
    assert.ok(Math.abs((found?.miles ?? 0) - 162.7) < 0.1);
    assert.equal(nearestSite([near, far], LONDON, { openOnly: false })?.site.facility, 'Near, closed');
  });

  it('counts enrolling-by-invitation as open and skips sites without status beside sites with one', () => {
    const invited = site('Invited', at(MANCHESTER, 'enrolling-by-invitation'));
    const silent = site('No status', at(LONDON));
    assert.equal(nearestSite([silent, invited], LONDON, { openOnly: true })?.site.facility, 'Invited');
  });

  it('uses every site when no site has a status, and skips sites without coordinates', () => {
    const unlocated = site('Nowhere');
    const sites = [site('Manchester', at(MANCHESTER)), unlocated, site('London', at(LONDON))];
    assert.equal(nearestSite(sites, LONDON, { openOnly: true })?.site.facility, 'London');
    assert.equal(nearestSite([unlocated], LONDON, { openOnly: false }), null);
  });

  it('returns null when statuses are known and none is open', () => {
    assert.equal(nearestSite([near], LONDON, { openOnly: true }), null);
  });
});

describe('sitesInCountry', () => {
  it('counts sites after resolving country aliases', () => {
    const sites = [site('a'), site('b', { country: 'UK' }), site('c', { country: 'France' }), site('d', { country: null })];
    assert.equal(sitesInCountry(sites, 'United Kingdom'), 2);
    assert.equal(sitesInCountry(sites, 'France'), 1);
  });
});

describe('geocodeSites', () => {
  it('gives UK sites without coordinates their district centroid, flagged as such', () => {
    const [filled, kept, foreign, unknown, junk] = geocodeSites(
      [
        site('Christie', { postcode: 'm1 1aa' }),
        site('Registry', { postcode: 'M1 1AA', ...at(LONDON) }),
        site('Paris', { postcode: 'M1 1AA', country: 'France' }),
        site('Belfast', { postcode: 'BT9 7AB' }),
        site('No code', { postcode: 'n/a' }),
      ],
      TABLE,
    );
    assert.deepEqual([filled?.latitude, filled?.longitude, filled?.coordinateSource], [MANCHESTER.lat, MANCHESTER.lon, 'postcode-district']);
    assert.deepEqual([kept?.latitude, kept?.coordinateSource], [LONDON.lat, 'registry']);
    for (const other of [foreign, unknown, junk]) assert.deepEqual([other?.latitude, other?.coordinateSource], [null, null]);
  });
});
