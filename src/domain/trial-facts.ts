import { ageGroupsFor, type AgeGroup } from './age-group.ts';
import { classifyCancerTypes, type CancerTypeAssignment } from './classify/cancer-type.ts';
import { classifyTreatments } from './classify/treatment-type.ts';
import type { TreatmentAssignment } from './classify/treatment-kinds.ts';
import { canonicalCountry } from './country.ts';
import { geocodeSites, OPEN_SITE_STATUSES, type CoordinateSource } from './geo.ts';
import type { PostcodeTable } from './postcode.ts';
import type { Trial } from './trial.ts';

/**
 * The version of everything derived from a trial (vocabularies, classifiers, geocoding rules). Stores record the
 * version their derived rows were made with and re-derive every trial when it differs, so a vocabulary change
 * reaches stored trials without a re-import. Bump it with any change that alters what {@link deriveTrialFacts}
 * returns.
 */
export const DERIVATION_VERSION = 8;

/** A site that can be placed on a map, by its index in `trial.sites`. */
export interface SiteLocation {
  readonly siteIndex: number;
  readonly latitude: number;
  readonly longitude: number;
  /** Whether a patient could be referred there now: an open per-site status, or no status given for any site. */
  readonly open: boolean;
  readonly source: CoordinateSource;
}

/** What we work out from a trial to filter, facet and sort on; stored beside it, recomputed on version change. */
export interface TrialFacts {
  /** Cancer types with every ancestor, each with the reason it was given. */
  readonly cancerTypes: readonly CancerTypeAssignment[];
  readonly treatments: readonly TreatmentAssignment[];
  readonly ageGroups: readonly AgeGroup[];
  readonly ukSiteCount: number;
  readonly siteLocations: readonly SiteLocation[];
}

/**
 * Derives a trial's facts. `postcodes` gives UK sites without registry coordinates their postcode district's
 * centre; without it such sites are not placed.
 */
export function deriveTrialFacts(trial: Trial, postcodes: PostcodeTable | null): TrialFacts {
  const statusKnown = trial.sites.some((site) => site.status !== null);
  const placed =
    postcodes === null
      ? trial.sites.map((site) => ({
          ...site,
          coordinateSource: site.latitude !== null && site.longitude !== null ? ('registry' as const) : null,
        }))
      : geocodeSites(trial.sites, postcodes);
  const siteLocations: SiteLocation[] = [];
  placed.forEach((site, siteIndex) => {
    if (site.latitude === null || site.longitude === null || site.coordinateSource === null) return;
    const open = statusKnown ? site.status !== null && OPEN_SITE_STATUSES.has(site.status) : true;
    siteLocations.push({ siteIndex, latitude: site.latitude, longitude: site.longitude, open, source: site.coordinateSource });
  });
  return {
    cancerTypes: classifyCancerTypes(trial),
    treatments: classifyTreatments(trial),
    ageGroups: ageGroupsFor(trial.eligibility, trial),
    ukSiteCount: trial.sites.filter((site) => site.country !== null && canonicalCountry(site.country) === 'United Kingdom').length,
    siteLocations,
  };
}
