/**
 * Distance searches, the backend-neutral part: the bounding box that lets a latitude/longitude index narrow the
 * sites before the exact great-circle distance is computed, and the nearest open site a result shows.
 */
import { InvalidInput } from '../../domain/errors.ts';
import { distanceMiles, EARTH_RADIUS_MILES, type GeoPoint } from '../../domain/geo.ts';
import type { NearestSiteSummary, StoreQuery, TrialSummary } from '../../domain/query.ts';
import type { SiteRow } from './derived-rows.ts';

/** A latitude/longitude box; `lon` null when the box spans every longitude (near a pole or across 180°). */
export interface BoundingBox {
  readonly lat: readonly [number, number];
  readonly lon: readonly [number, number] | null;
}

/** Miles per degree of latitude (and of longitude at the equator). */
const MILES_PER_DEGREE = (EARTH_RADIUS_MILES * Math.PI) / 180;

/**
 * A box that holds every point within `miles` of `centre` (a little more, never less): latitude by the arc length of
 * a degree, longitude widened by the cosine of the box's latitude farthest from the equator. A tiny margin keeps
 * points exactly at the radius inside despite rounding.
 */
export function boundingBox(centre: GeoPoint, miles: number): BoundingBox {
  const dLat = miles / MILES_PER_DEGREE + 1e-9;
  const lat = [centre.lat - dLat, centre.lat + dLat] as const;
  const farthest = Math.max(Math.abs(lat[0]), Math.abs(lat[1]));
  if (farthest >= 89) return { lat, lon: null };
  const dLon = dLat / Math.cos((farthest * Math.PI) / 180);
  if (dLon >= 180 || centre.lon - dLon < -180 || centre.lon + dLon > 180) return { lat, lon: null };
  return { lat, lon: [centre.lon - dLon, centre.lon + dLon] };
}

/** The radius of a distance filter, or null without one; a negative or non-finite radius is bad input. */
export function distanceLimit(query: StoreQuery): { readonly near: GeoPoint; readonly miles: number } | null {
  if (query.near === null || query.withinMiles === null) return null;
  if (!Number.isFinite(query.withinMiles) || query.withinMiles < 0) {
    throw new InvalidInput('within must be a number of miles, 0 or more', 'withinMiles');
  }
  return { near: query.near, miles: query.withinMiles };
}

/** Whether the search is ordered by distance: it asks for it and has a place to measure from. */
export function sortsByDistance(query: StoreQuery): query is StoreQuery & { readonly near: GeoPoint } {
  return query.sort === 'distance' && query.near !== null;
}

/**
 * The nearest open site to `near` among a trial's stored sites, as a result list shows it; ties go to the site
 * listed first. Miles are measured here, by the domain's haversine, so every backend shows the same figure.
 */
export function nearestOpenSite(sites: readonly SiteRow[], near: GeoPoint): NearestSiteSummary | null {
  let best: { site: SiteRow; miles: number } | null = null;
  for (const site of sites) {
    if (!site.open) continue;
    const miles = distanceMiles(near, { lat: site.latitude, lon: site.longitude });
    if (best === null || miles < best.miles || (miles === best.miles && site.site_index < best.site.site_index)) {
      best = { site, miles };
    }
  }
  if (best === null) return null;
  const { site, miles } = best;
  return {
    facility: site.facility,
    city: site.city,
    country: site.country,
    status: site.status,
    miles: Math.round(miles * 10) / 10,
    approximate: site.source === 'postcode-district',
  };
}

/** Summaries with their nearest open site filled in, from each trial's stored sites (by trial id). */
export function withNearestSites(
  summaries: readonly TrialSummary[],
  sitesByTrial: ReadonlyMap<string, readonly SiteRow[]>,
  near: GeoPoint | null,
): TrialSummary[] {
  if (near === null) return [...summaries];
  return summaries.map((summary) => ({ ...summary, nearestSite: nearestOpenSite(sitesByTrial.get(summary.id) ?? [], near) }));
}
