/**
 * The search a live ClinicalTrials.gov import runs, as plain values, and the `GET /studies` URL built from it.
 *
 * Parameter names and value formats follow the API v2 reference, https://clinicaltrials.gov/data-api/api
 * (operation `GET /studies`): `query.cond` / `query.term` / `query.<area>` take Essie expressions,
 * `filter.overallStatus` a comma- or pipe-separated list of status enum values, `filter.advanced` an Essie
 * expression, `pageSize` 1-1000 (the API silently coerces larger values down to 1,000), `pageToken` the
 * previous page's `nextPageToken`, and `countTotal=true` asks for `totalCount`, which only the first page carries.
 */
import { InvalidInput } from '../domain/errors.ts';
import type { RetryPolicy } from './ctgov-client.retry.ts';

/** The API's default base URL; the path already names the major version. */
export const CTGOV_BASE_URL = 'https://clinicaltrials.gov/api/v2';

/** `filter.overallStatus` values the API accepts (API reference, parameter 13). */
export const CTGOV_OVERALL_STATUSES = [
  'ACTIVE_NOT_RECRUITING',
  'COMPLETED',
  'ENROLLING_BY_INVITATION',
  'NOT_YET_RECRUITING',
  'RECRUITING',
  'SUSPENDED',
  'TERMINATED',
  'WITHDRAWN',
  'AVAILABLE',
  'NO_LONGER_AVAILABLE',
  'TEMPORARILY_NOT_AVAILABLE',
  'APPROVED_FOR_MARKETING',
  'WITHHELD',
  'UNKNOWN',
] as const;
export type CtgovOverallStatus = (typeof CTGOV_OVERALL_STATUSES)[number];

export const DEFAULT_CTGOV_PAGE_SIZE = 100;
export const MAX_CTGOV_PAGE_SIZE = 1000;

/** Where a run picks up: the token of the next page to fetch and how many pages came before it. */
export interface CtgovResumePoint {
  readonly pageToken: string;
  readonly pagesDone: number;
}

export interface CtgovFetchOptions {
  /** "Conditions or disease" (Essie expression), sent as `query.cond`. */
  readonly cond?: string;
  /** "Other terms" (Essie expression), sent as `query.term`. */
  readonly term?: string;
  /** Further search areas keyed by `intr`, `locn`, `titles` ... or the full name (`query.intr`). */
  readonly query?: Readonly<Record<string, string>>;
  /** Overall statuses; API enum values, case and `-`/space spelling forgiven ("not-yet-recruiting"). */
  readonly status?: readonly string[];
  /** YYYY-MM-DD: only records whose last update was posted on or after that day. */
  readonly since?: string;
  /** Studies per page: default 100, at most 1000. */
  readonly pageSize?: number;
  /** Stop after this many pages in this run. */
  readonly maxPages?: number;
  /** Start from a saved page token instead of the first page (used by the resumable sync). */
  readonly resumeFrom?: CtgovResumePoint;
  // How to talk to the API rather than what to ask it: none of these changes the search or its checkpoint.
  /** Default https://clinicaltrials.gov/api/v2. */
  readonly baseUrl?: string;
  /** Least time between the starts of two requests; default 1000 ms. */
  readonly minIntervalMs?: number;
  /** Per attempt, headers and body together; default 30 s. */
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
}

/** The search itself, normalised: equal searches give equal values (and so equal checkpoint keys). */
export interface CtgovQuery {
  readonly cond: string | null;
  readonly term: string | null;
  /** Further `query.*` parameters, sorted by name. */
  readonly areas: readonly (readonly [string, string])[];
  /** Sorted, without repeats. */
  readonly statuses: readonly CtgovOverallStatus[];
  readonly since: string | null;
}

export interface NormalisedCtgovOptions {
  readonly query: CtgovQuery;
  readonly pageSize: number;
  readonly maxPages: number | null;
}

function optionalText(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function normaliseStatus(raw: string): CtgovOverallStatus {
  const value = raw.trim().toUpperCase().replace(/[\s-]+/g, '_');
  const known = CTGOV_OVERALL_STATUSES.find((status) => status === value);
  if (known === undefined) {
    throw new InvalidInput(`Unknown ClinicalTrials.gov status "${raw}"; use one of ${CTGOV_OVERALL_STATUSES.join(', ')}.`, 'status');
  }
  return known;
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function normaliseAreas(query: Readonly<Record<string, string>> | undefined): [string, string][] {
  const areas = new Map<string, string>();
  for (const [key, raw] of Object.entries(query ?? {})) {
    const name = key.startsWith('query.') ? key : `query.${key}`;
    if (!/^query\.[a-zA-Z]+$/.test(name)) throw new InvalidInput(`"${key}" is not a ClinicalTrials.gov search area.`, 'query');
    if (name === 'query.cond' || name === 'query.term') {
      throw new InvalidInput(`Give ${name} as the ${name.slice(6)} option, not inside query.`, 'query');
    }
    const value = optionalText(raw);
    if (value !== null) areas.set(name, value);
  }
  return [...areas].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function positiveInteger(value: number, field: string, max: number): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new InvalidInput(`${field} must be a whole number from 1 to ${max}; got ${value}.`, field);
  }
  return value;
}

/** Validates fetch options at the edge and puts them in one canonical form. Throws `InvalidInput`. */
export function normaliseCtgovOptions(options: CtgovFetchOptions): NormalisedCtgovOptions {
  const since = optionalText(options.since);
  if (since !== null && !isCalendarDate(since)) throw new InvalidInput(`since must be a date as YYYY-MM-DD; got "${since}".`, 'since');
  const statuses = [...new Set((options.status ?? []).filter((s) => s.trim() !== '').map(normaliseStatus))].sort();
  return {
    query: { cond: optionalText(options.cond), term: optionalText(options.term), areas: normaliseAreas(options.query), statuses, since },
    pageSize: positiveInteger(options.pageSize ?? DEFAULT_CTGOV_PAGE_SIZE, 'pageSize', MAX_CTGOV_PAGE_SIZE),
    maxPages: options.maxPages === undefined ? null : positiveInteger(options.maxPages, 'maxPages', Number.MAX_SAFE_INTEGER),
  };
}

/**
 * The `GET /studies` URL for one page. The first page (no token) asks for `countTotal`; later pages carry
 * `pageToken` instead, as the API reference says not to send a token for the first page.
 */
export function buildStudiesUrl(baseUrl: string, query: CtgovQuery, page: { pageSize: number; pageToken: string | null }): URL {
  const url = new URL(`${baseUrl.replace(/\/+$/, '')}/studies`);
  const params = url.searchParams;
  params.set('format', 'json');
  if (query.cond !== null) params.set('query.cond', query.cond);
  if (query.term !== null) params.set('query.term', query.term);
  for (const [name, value] of query.areas) params.set(name, value);
  if (query.statuses.length > 0) params.set('filter.overallStatus', query.statuses.join(','));
  // LastUpdatePostDate is the "Last Update Posted" date; RANGE[date,MAX] is inclusive (Essie syntax,
  // https://clinicaltrials.gov/find-studies/constructing-complex-search-queries).
  if (query.since !== null) params.set('filter.advanced', `AREA[LastUpdatePostDate]RANGE[${query.since},MAX]`);
  params.set('pageSize', String(page.pageSize));
  if (page.pageToken === null) params.set('countTotal', 'true');
  else params.set('pageToken', page.pageToken);
  return url;
}
