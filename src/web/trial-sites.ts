/**
 * A trial's hospitals as its page lists them: placed (registry coordinates, or the UK postcode district's centre),
 * measured from the searched place when there is one, and ordered nearest first; without a place, UK hospitals
 * first. Long lists are cut so a page stays small: the registry page has every site.
 */
import { canonicalCountry } from '../domain/country.ts';
import { distanceMiles, geocodeSites } from '../domain/geo.ts';
import type { GeoPoint } from '../domain/geo.ts';
import type { PostcodeTable } from '../domain/postcode.ts';
import type { Site } from '../domain/trial.ts';

/** Enough for every UK hospital of any trial in the demo data; more is a list no one reads on a phone. */
export const MAX_SITES_SHOWN = 40;

export interface ListedSite {
  readonly site: Site;
  /** Straight-line miles from the searched place; null without a place or when the site cannot be placed. */
  readonly miles: number | null;
  /** The site was placed at its postcode district's centre, so the distance is approximate. */
  readonly approximate: boolean;
  readonly uk: boolean;
}

export interface SiteList {
  readonly shown: readonly ListedSite[];
  /** Sites left out, and the countries they are in. */
  readonly hiddenCount: number;
  readonly hiddenCountries: readonly string[];
}

function byPlace(a: ListedSite, b: ListedSite): number {
  if (a.miles !== null || b.miles !== null) return (a.miles ?? Infinity) - (b.miles ?? Infinity);
  if (a.uk !== b.uk) return a.uk ? -1 : 1;
  const key = (listed: ListedSite): string => `${listed.site.country ?? ''}|${listed.site.city ?? ''}|${listed.site.facility ?? ''}`;
  return key(a).localeCompare(key(b), 'en-GB');
}

/** The sites to list, nearest to `near` first (or UK first), at most {@link MAX_SITES_SHOWN}. */
export function listSites(sites: readonly Site[], postcodes: PostcodeTable, near: GeoPoint | null): SiteList {
  const listed = geocodeSites(sites, postcodes).map((site, index): ListedSite => {
    const placed = near !== null && site.latitude !== null && site.longitude !== null;
    return {
      site: sites[index] ?? site,
      miles: placed ? distanceMiles(near, { lat: site.latitude ?? 0, lon: site.longitude ?? 0 }) : null,
      approximate: site.coordinateSource === 'postcode-district',
      uk: site.country !== null && canonicalCountry(site.country) === 'United Kingdom',
    };
  });
  listed.sort(byPlace);
  const hidden = listed.slice(MAX_SITES_SHOWN);
  const countries = new Set(hidden.map((entry) => (entry.site.country === null ? 'other countries' : canonicalCountry(entry.site.country))));
  return { shown: listed.slice(0, MAX_SITES_SHOWN), hiddenCount: hidden.length, hiddenCountries: [...countries].sort() };
}
