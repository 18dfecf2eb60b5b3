/**
 * Distances and sites: the nearest (open) site to a point, UK site counts, and district-centroid coordinates for UK
 * sites the registry gave no coordinates.
 */
import { canonicalCountry } from './country.ts';
import { findPostcode } from './postcode.ts';
import type { PostcodeTable } from './postcode.ts';
import type { Site, TrialStatus } from './trial.ts';

/** A WGS84 position in decimal degrees. */
export interface GeoPoint {
  readonly lat: number;
  readonly lon: number;
}

/** IUGG mean Earth radius, 6,371.0088 km, in statute miles: UK users think in miles. */
export const EARTH_RADIUS_MILES = 6371.0088 / 1.609344;

const RADIANS = Math.PI / 180;

/** Great-circle ("as the crow flies") distance in miles, by the haversine formula. */
export function distanceMiles(a: GeoPoint, b: GeoPoint): number {
  const dLat = (b.lat - a.lat) * RADIANS;
  const dLon = (b.lon - a.lon) * RADIANS;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RADIANS) * Math.cos(b.lat * RADIANS) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Per-site statuses under which a patient can still be referred. Wider than the trial-level OPEN_STATUSES: a site
 * enrolling by invitation is still a place a specialist can ask about.
 */
export const OPEN_SITE_STATUSES: ReadonlySet<TrialStatus> = new Set<TrialStatus>([
  'recruiting',
  'not-yet-recruiting',
  'enrolling-by-invitation',
]);

type Locatable = Pick<Site, 'status' | 'latitude' | 'longitude'>;

export interface NearestSite<S> {
  readonly site: S;
  readonly miles: number;
}

/**
 * The site nearest to `point`, with its distance; null when no site qualifies or none has coordinates.
 * With `openOnly`, when any site carries a per-site status only sites with an open status count (a site without a
 * status beside sites with one is treated as unknown, so not offered as open); when no site has a status, all count,
 * because the registry simply does not say.
 */
export function nearestSite<S extends Locatable>(
  sites: readonly S[],
  point: GeoPoint,
  options: { readonly openOnly: boolean },
): NearestSite<S> | null {
  const statusKnown = options.openOnly && sites.some((site) => site.status !== null);
  let best: NearestSite<S> | null = null;
  for (const site of sites) {
    if (site.latitude === null || site.longitude === null) continue;
    if (statusKnown && (site.status === null || !OPEN_SITE_STATUSES.has(site.status))) continue;
    const miles = distanceMiles(point, { lat: site.latitude, lon: site.longitude });
    if (best === null || miles < best.miles) best = { site, miles };
  }
  return best;
}

/** How many sites are in `country` (names compared after alias resolution, so "UK" counts as "United Kingdom"). */
export function sitesInCountry(sites: readonly Pick<Site, 'country'>[], country: string): number {
  const wanted = canonicalCountry(country);
  return sites.filter((site) => site.country !== null && canonicalCountry(site.country) === wanted).length;
}

/** Where a site's coordinates came from; a district centroid can be a few miles off, so the UI says "about". */
export type CoordinateSource = 'registry' | 'postcode-district';

export type GeocodedSite<S extends Site = Site> = S & { readonly coordinateSource: CoordinateSource | null };

/**
 * Gives UK sites without coordinates the centroid of their postcode district. Only sites whose country is the
 * United Kingdom and whose postcode reads as a district in the table are filled; others keep null coordinates.
 * Registry coordinates are never overwritten.
 */
export function geocodeSites<S extends Site>(sites: readonly S[], table: PostcodeTable): GeocodedSite<S>[] {
  return sites.map((site) => {
    if (site.latitude !== null && site.longitude !== null) return { ...site, coordinateSource: 'registry' };
    const isUk = site.country !== null && canonicalCountry(site.country) === 'United Kingdom';
    const found = isUk && site.postcode !== null ? findPostcode(table, site.postcode) : null;
    if (found === null) return { ...site, coordinateSource: null };
    return { ...site, latitude: found.lat, longitude: found.lon, coordinateSource: 'postcode-district' };
  });
}
