/**
 * Opaque keyset page tokens: base64url JSON holding the last row's sort key and id, plus a fingerprint of the
 * query's filters and sort. A token only continues the search that made it; anything else is a clear 400.
 */
import { createHash } from 'node:crypto';
import { InvalidInput } from '../../domain/errors.ts';
import { MAX_PAGE_SIZE, type StoreQuery } from '../../domain/query.ts';

/** Where the previous page ended: its last row's sort key (rank, padded last-update date or miles) and id. */
export interface PageKey {
  readonly key: number | string | null;
  readonly id: string;
}

const sorted = (values: readonly string[]): string[] => [...new Set(values)].sort();

/**
 * Hashes everything that decides which rows match and in what order (not the page size, which may change
 * from page to page). Filter lists are sets, so their order does not change the fingerprint.
 */
export function queryFingerprint(query: StoreQuery): string {
  const canonical = [
    query.text?.clauses.map((clause) => clause.anyOf) ?? null,
    query.text?.match ?? 'all',
    sorted(query.statuses),
    sorted(query.phases),
    sorted(query.studyTypes),
    sorted(query.conditions),
    sorted(query.interventions),
    sorted(query.countries),
    query.age,
    query.sex,
    query.healthyVolunteers,
    query.hasResults,
    query.updatedSince,
    sorted(query.cancerTypes),
    sorted(query.treatments),
    sorted(query.ageGroups),
    query.near === null ? null : [query.near.lat, query.near.lon],
    query.withinMiles,
    query.sort,
  ];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('base64url').slice(0, 16);
}

export function encodePageToken(query: StoreQuery, last: PageKey): string {
  const payload = { f: queryFingerprint(query), k: last.key, i: last.id };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

function invalid(): InvalidInput {
  return new InvalidInput('pageToken is not valid for this search', 'pageToken');
}

/** Reads a token made by {@link encodePageToken} for this same query; throws InvalidInput for anything else. */
export function decodePageToken(query: StoreQuery, token: string): PageKey {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof payload !== 'object' || payload === null) throw invalid();
  const { f, k, i } = payload as Record<string, unknown>;
  if (f !== queryFingerprint(query) || typeof i !== 'string') throw invalid();
  if (k !== null && typeof k !== 'string' && !(typeof k === 'number' && Number.isFinite(k))) throw invalid();
  return { key: k, id: i };
}

/** Refuses a page size outside 1..MAX_PAGE_SIZE (the API checks first; this guards other callers). */
export function checkPageSize(pageSize: number): void {
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new InvalidInput(`pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}`, 'pageSize');
  }
}

/** The error for a token whose sort key does not fit the search's order (forged, or from another search). */
export function invalidPageToken(): InvalidInput {
  return new InvalidInput('pageToken is not valid for this search', 'pageToken');
}

/** Where a search's page starts: checks the page size and reads the token, before any work is done for it. */
export function pageStart(query: StoreQuery): PageKey | null {
  checkPageSize(query.pageSize);
  return query.pageToken === null ? null : decodePageToken(query, query.pageToken);
}
