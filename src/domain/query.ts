import type { Phase, Sex, StudyType, TrialStatus } from './trial.ts';
import type { TextQuery } from './search-text.ts';

export const SORTS = ['relevance', 'updated'] as const;
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
  readonly sort: SortOrder;
  readonly pageSize: number;
  readonly pageToken: string | null;
}

/** A query with its free text already parsed and normalised: what a storage adapter receives. */
export interface StoreQuery extends Omit<TrialQuery, 'q'> {
  readonly text: TextQuery | null;
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
