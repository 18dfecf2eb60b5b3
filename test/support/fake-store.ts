/**
 * A tiny in-memory TrialStore for HTTP and CLI tests that need to see what reached the store (every StoreQuery is
 * recorded) or a store that fails. It does not rank or filter: search tests use the real stores. Summaries carry the
 * derived facts (cancer types, treatments, UK sites) and, with a place, the nearest open site by registry
 * coordinates; the cancerType, treatment and ageGroup facets count every stored trial, the others are empty.
 */
import { InvalidInput } from '../../src/domain/errors.ts';
import { nearestSite } from '../../src/domain/geo.ts';
import type { GeoPoint } from '../../src/domain/geo.ts';
import { FACETS } from '../../src/domain/query.ts';
import type { FacetCount, Facets, NearestSiteSummary, SearchPage, SearchResult, StoreQuery, TrialSummary } from '../../src/domain/query.ts';
import { canonicalId } from '../../src/domain/registry-id.ts';
import { deriveTrialFacts } from '../../src/domain/trial-facts.ts';
import type { TrialFacts } from '../../src/domain/trial-facts.ts';
import { toSummary } from '../../src/domain/trial-summary.ts';
import type { Trial } from '../../src/domain/trial.ts';
import type { TrialStore, UpsertOutcome } from '../../src/storage/store.ts';

export interface FakeStore extends TrialStore {
  /** Every query passed to `search`, `facets` and `searchWithFacets`, in order. */
  readonly queries: StoreQuery[];
  /** When set, every call rejects with it (a database that went away). */
  failWith: Error | null;
}

function counts(values: readonly string[]): FacetCount[] {
  const byValue = new Map<string, number>();
  for (const value of values) byValue.set(value, (byValue.get(value) ?? 0) + 1);
  return [...byValue].map(([value, count]) => ({ value, count }));
}

/** Counts of the derived facets over every stored trial (no filtering). */
function derivedFacets(facts: readonly TrialFacts[]): Facets {
  const empty = Object.fromEntries(FACETS.map((name) => [name, []])) as unknown as Facets;
  return {
    ...empty,
    cancerType: counts(facts.flatMap((fact) => fact.cancerTypes.map((type) => type.id))),
    treatment: counts(facts.flatMap((fact) => [...new Set(fact.treatments.map((treatment) => treatment.kind))])),
    ageGroup: counts(facts.flatMap((fact) => fact.ageGroups)),
  };
}

function nearest(trial: Trial, near: GeoPoint | null): NearestSiteSummary | null {
  const found = near === null ? null : nearestSite(trial.sites, near, { openOnly: true });
  if (found === null) return null;
  const { facility, city, country, status } = found.site;
  return { facility, city, country, status, miles: Math.round(found.miles * 10) / 10, approximate: false };
}

function summary(trial: Trial, near: GeoPoint | null): TrialSummary {
  return { ...toSummary(trial, deriveTrialFacts(trial, null)), nearestSite: nearest(trial, near) };
}

/** Page tokens are the offset in base64url; anything else is refused as the port requires. */
function offsetOf(token: string | null): number {
  if (token === null) return 0;
  const offset = Number(Buffer.from(token, 'base64url').toString('utf8'));
  if (!Number.isSafeInteger(offset) || offset < 0) throw new InvalidInput('pageToken is not valid', 'pageToken');
  return offset;
}

/** A fake store holding `trials`, returned in insertion order whatever the query. */
export function fakeStore(trials: readonly Trial[] = []): FakeStore {
  const stored = new Map(trials.map((trial) => [trial.id, trial]));
  const checkpoints = new Map<string, string>();
  const page = (query: StoreQuery): SearchPage => {
    const all = [...stored.values()];
    const offset = offsetOf(query.pageToken);
    const shown = all.slice(offset, offset + query.pageSize);
    const next = offset + shown.length;
    return {
      total: all.length,
      trials: shown.map((trial) => summary(trial, query.near)),
      nextPageToken: next < all.length ? Buffer.from(String(next)).toString('base64url') : null,
    };
  };
  const facetsOfAll = (): Facets => derivedFacets([...stored.values()].map((trial) => deriveTrialFacts(trial, null)));
  const store: FakeStore = {
    queries: [],
    failWith: null,
    upsertTrials: (batch) =>
      settle(() =>
        batch.map((trial): UpsertOutcome => {
          const outcome = stored.has(trial.id) ? 'updated' : 'inserted';
          stored.set(trial.id, trial);
          return outcome;
        }),
      ),
    optimiseSearch: () => settle(() => undefined),
    getTrial: (id) =>
      settle(() => {
        const wanted = canonicalId(id);
        for (const trial of stored.values()) {
          if (trial.ids.some((registryId) => canonicalId(registryId.value) === wanted)) return trial;
        }
        return null;
      }),
    search: (query) =>
      settle((): SearchPage => {
        store.queries.push(query);
        return page(query);
      }),
    facets: (query) =>
      settle(() => {
        store.queries.push(query);
        return facetsOfAll();
      }),
    searchWithFacets: (query) =>
      settle((): SearchResult => {
        store.queries.push(query);
        return { ...page(query), facets: facetsOfAll() };
      }),
    count: () => settle(() => stored.size),
    async *exportTrials() {
      await Promise.resolve();
      yield* [...stored.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
    },
    getCheckpoint: (name) => settle(() => checkpoints.get(name) ?? null),
    setCheckpoint: (name, value) =>
      settle(() => {
        if (value === null) checkpoints.delete(name);
        else checkpoints.set(name, value);
      }),
    close: () => Promise.resolve(),
  };

  /** Runs an operation as an async store would: a throw (or the injected failure) becomes a rejection. */
  function settle<T>(operation: () => T): Promise<T> {
    try {
      if (store.failWith !== null) throw store.failWith;
      return Promise.resolve(operation());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
  return store;
}
