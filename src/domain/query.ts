import type { AgeGroup } from './age-group.ts';
import type { TreatmentKind } from './classify/treatment-kinds.ts';
import type { GeoPoint } from './geo.ts';
import type { ExpandedTextQuery } from './query-expansion.ts';
import type { Phase, Sex, StudyType, TrialStatus } from './trial.ts';

/** `distance` needs a place (a postcode): nearest open site first. */
export const SORTS = ['relevance', 'updated', 'distance'] as const;
export type SortOrder = (typeof SORTS)[number];

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * One search, as plain values: what a query string, CLI flags or an API body all become after validation
 * at the edge. Empty arrays and nulls mean "no filter".
 */
export interface TrialQuery {
  /** Free text as the user typed it. */
  readonly q: string | null;
  /** Statuses to include; the user-facing `recruiting` has already been widened to recruiting + not yet recruiting. */
  readonly statuses: readonly TrialStatus[];
  readonly phases: readonly Phase[];
  readonly studyTypes: readonly StudyType[];
  /** Each matches trials whose conditions contain these words (any of the values). */
  readonly conditions: readonly string[];
  /** Each matches trials whose interventions (names and other names) contain these words (any of the values). */
  readonly interventions: readonly string[];
  /** Canonical country names; a trial matches with a site in any of them. */
  readonly countries: readonly string[];
  /** A person's age in years: the trial's age bounds must contain it, open bounds staying open. */
  readonly age: number | null;
  /** A person's sex: trials open to that sex (or to all). */
  readonly sex: Exclude<Sex, 'all'> | null;
  readonly healthyVolunteers: boolean | null;
  readonly hasResults: boolean | null;
  /** ISO date: the trial's last update is on or after it. */
  readonly updatedSince: string | null;
  /** Cancer type ids (src/domain/vocab/cancer-types.json); a type includes its subtypes. Any of them. */
  readonly cancerTypes: readonly string[];
  /** Treatment kinds; any of them. */
  readonly treatments: readonly TreatmentKind[];
  /** Age groups; trials whose age range overlaps any of them. */
  readonly ageGroups: readonly AgeGroup[];
  /** A UK postcode or district as the user typed it (validated); resolved to a place by the search layer. */
  readonly postcode: string | null;
  /** With a postcode: only trials with a site (an open one when per-site status is known) within this many miles. */
  readonly withinMiles: number | null;
  readonly sort: SortOrder;
  readonly pageSize: number;
  readonly pageToken: string | null;
}

/**
 * A query as a storage adapter receives it: free text parsed, normalised and expanded with synonyms once, and the
 * postcode resolved to a point. Distances are measured from `near` to each trial's nearest open site.
 */
export interface StoreQuery extends Omit<TrialQuery, 'q' | 'postcode'> {
  readonly text: ExpandedTextQuery | null;
  readonly near: GeoPoint | null;
}

/** An empty query: every trial, by last update. */
export const EMPTY_QUERY: TrialQuery = {
  q: null,
  statuses: [],
  phases: [],
  studyTypes: [],
  conditions: [],
  interventions: [],
  countries: [],
  age: null,
  sex: null,
  healthyVolunteers: null,
  hasResults: null,
  updatedSince: null,
  cancerTypes: [],
  treatments: [],
  ageGroups: [],
  postcode: null,
  withinMiles: null,
  sort: 'relevance',
  pageSize: DEFAULT_PAGE_SIZE,
  pageToken: null,
};

/** The filters a facet can count by; each facet counts with every other filter applied but its own. */
export const FACETS = [
  'status',
  'phase',
  'studyType',
  'condition',
  'intervention',
  'country',
  'sex',
  'healthyVolunteers',
  'hasResults',
  'cancerType',
  'treatment',
  'ageGroup',
] as const;
export type FacetName = (typeof FACETS)[number];

export interface FacetCount {
  readonly value: string;
  readonly count: number;
}

export type Facets = Readonly<Record<FacetName, readonly FacetCount[]>>;

/** The short form of a trial in a result list. */
export interface TrialSummary {
  readonly id: string;
  readonly briefTitle: string;
  readonly status: TrialStatus;
  readonly phases: readonly Phase[];
  readonly studyType: StudyType;
  readonly conditions: readonly string[];
  readonly interventions: readonly string[];
  readonly minAgeYears: number | null;
  readonly maxAgeYears: number | null;
  readonly sex: Sex;
  readonly sponsor: string | null;
  readonly lastUpdate: string | null;
  readonly countries: readonly string[];
  readonly siteCount: number;
  readonly hasResults: boolean;
  /** Cancer type ids, most specific first is not promised: every type with its ancestors. */
  readonly cancerTypes: readonly string[];
  readonly treatments: readonly TreatmentKind[];
  readonly ukSiteCount: number;
  /** The nearest open site to the searched place; null without a place or when no site can be placed. */
  readonly nearestSite: NearestSiteSummary | null;
}

export interface NearestSiteSummary {
  readonly facility: string | null;
  readonly city: string | null;
  readonly country: string | null;
  readonly status: TrialStatus | null;
  /** Straight-line miles, rounded to 0.1. */
  readonly miles: number;
  /** True when the site's position is its postcode district's centre rather than the registry's coordinates. */
  readonly approximate: boolean;
}

export interface SearchPage {
  readonly total: number;
  readonly trials: readonly TrialSummary[];
  /** Opaque; null on the last page. */
  readonly nextPageToken: string | null;
}

export interface SearchResult extends SearchPage {
  readonly facets: Facets;
}
