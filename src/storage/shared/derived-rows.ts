/**
 * What a store keeps of a trial's derived facts (domain deriveTrialFacts), as plain rows for either backend: cancer
 * type ids (each with its ancestors, so a filter on a type is a plain id match that also finds its subtypes),
 * treatment and age-group bitmaps, the UK site count, the placeable sites, and the result-list summary.
 */
import { cancerTypeAncestors } from '../../domain/classify/cancer-type.ts';
import { canonicalCountry } from '../../domain/country.ts';
import type { CoordinateSource } from '../../domain/geo.ts';
import type { PostcodeTable } from '../../domain/postcode.ts';
import { deriveTrialFacts } from '../../domain/trial-facts.ts';
import { toSummary } from '../../domain/trial-summary.ts';
import type { Trial, TrialStatus } from '../../domain/trial.ts';
import { ageGroupBitmap, treatmentBitmap } from './fact-bits.ts';

/** A site that can be placed on a map, with what a result list says about the nearest one. */
export interface SiteRow {
  /** Its index in `trial.sites`: ties between equally near sites go to the first listed. */
  readonly site_index: number;
  readonly latitude: number;
  readonly longitude: number;
  /** Whether it counts for distance filters and sorts (see SiteLocation.open). */
  readonly open: boolean;
  readonly source: CoordinateSource;
  readonly facility: string | null;
  readonly city: string | null;
  /** Canonical country name, as the summary's countries. */
  readonly country: string | null;
  readonly status: TrialStatus | null;
}

export interface DerivedRows {
  readonly cancerTypes: readonly string[];
  readonly treatments: number;
  readonly ageGroups: number;
  readonly ukSites: number;
  readonly sites: readonly SiteRow[];
  /** The TrialSummary as JSON: result pages read it and never parse whole trials. */
  readonly summary: string;
}

/** The derived rows of a trial; `postcodes` places UK sites that have a postcode but no coordinates. */
export function derivedRows(trial: Trial, postcodes: PostcodeTable | null): DerivedRows {
  const facts = deriveTrialFacts(trial, postcodes);
  const cancerTypes = new Set<string>();
  for (const { id } of facts.cancerTypes) for (const type of [id, ...cancerTypeAncestors(id)]) cancerTypes.add(type);
  const sites = facts.siteLocations.map((location): SiteRow => {
    const site = trial.sites[location.siteIndex];
    return {
      site_index: location.siteIndex,
      latitude: location.latitude,
      longitude: location.longitude,
      open: location.open,
      source: location.source,
      facility: site?.facility ?? null,
      city: site?.city ?? null,
      country: site?.country == null ? null : canonicalCountry(site.country),
      status: site?.status ?? null,
    };
  });
  return {
    cancerTypes: [...cancerTypes],
    treatments: treatmentBitmap(facts.treatments),
    ageGroups: ageGroupBitmap(facts.ageGroups),
    ukSites: facts.ukSiteCount,
    sites,
    summary: JSON.stringify(toSummary(trial, facts)),
  };
}
