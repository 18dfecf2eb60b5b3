/**
 * Parsed eligibility criteria, kept in process so matching does not parse every candidate trial again on every
 * request (parsing takes a few milliseconds a trial; matching a parsed trial, a few hundredths). Keyed by the trial's
 * id and content hash, so a re-imported trial whose record changed is parsed afresh, and bounded: the least recently
 * used entries go first. It holds trial text only, never anything about a person.
 */
import type { Criterion } from '../domain/eligibility/criterion.ts';
import { parseCriteria } from '../domain/eligibility/parse-criteria.ts';
import type { Trial } from '../domain/trial.ts';
import type { TrialStore } from '../storage/store.ts';

/** About 2,000 trials' criteria (some tens of megabytes): four searches' worth of 500 candidates. */
export const DEFAULT_CACHE_ENTRIES = 2000;

/** The registry's structured age limits as a criterion, in words the parser reads ("Ages 18 to 65 years"). */
function ageLimitText(trial: Trial): string | null {
  const { minAgeYears: min, maxAgeYears: max } = trial.eligibility;
  if (min !== null && min > 0 && max !== null) return `Ages ${min} to ${max} years (the age limits the registry lists)`;
  if (min !== null && min > 0) return `Ages ${min} years or older (the age limit the registry lists)`;
  if (max !== null) return `Ages up to ${max} years (the age limit the registry lists)`;
  return null;
}

/**
 * A trial's criteria as matching reads them: its eligibility text, parsed, followed by the registry's structured
 * age and sex limits, which often appear only there (and which the search's own age and sex filters use too).
 */
export function criteriaOf(trial: Trial): Criterion[] {
  const own = parseCriteria(trial.eligibility.criteria);
  const limits = [ageLimitText(trial), trial.eligibility.sex === 'all' ? null : `Sex: ${trial.eligibility.sex} only (the registry's limit)`]
    .filter((text) => text !== null);
  if (limits.length === 0) return own;
  const added = parseCriteria(`Inclusion Criteria:\n${limits.map((text) => `- ${text}`).join('\n')}`);
  return [...own, ...added.map((criterion, index) => ({ ...criterion, index: own.length + index }))];
}

/** A bounded least-recently-used map from trial id and content hash to parsed criteria. */
export class ParsedCriteriaCache {
  readonly #entries = new Map<string, readonly Criterion[]>();
  #hits = 0;
  #misses = 0;

  constructor(readonly maxEntries: number = DEFAULT_CACHE_ENTRIES) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError('maxEntries must be a whole number of at least 1.');
  }

  /** The trial's parsed criteria, parsing them only when this version of the trial has not been seen lately. */
  criteriaOf(trial: Trial): readonly Criterion[] {
    // The content hash changes with any change to the record (src/domain/content-hash.ts), criteria included.
    const key = `${trial.id}\u0000${trial.provenance.contentHash}`;
    const cached = this.#entries.get(key);
    if (cached !== undefined) {
      this.#hits += 1;
      // Re-inserting moves the entry to the young end of the Map's insertion order.
      this.#entries.delete(key);
      this.#entries.set(key, cached);
      return cached;
    }
    this.#misses += 1;
    const parsed = criteriaOf(trial);
    this.#entries.set(key, parsed);
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
    return parsed;
  }

  /** How many entries are held, and how often the cache answered. */
  stats(): { readonly size: number; readonly hits: number; readonly misses: number } {
    return { size: this.#entries.size, hits: this.#hits, misses: this.#misses };
  }
}

/** One cache per store, shared by the API and the website of one process, and dropped with the store. */
const CACHES = new WeakMap<TrialStore, ParsedCriteriaCache>();

/** The parsed-criteria cache for a store (created on first use). */
export function parsedCriteriaCacheFor(store: TrialStore): ParsedCriteriaCache {
  let cache = CACHES.get(store);
  if (cache === undefined) {
    cache = new ParsedCriteriaCache();
    CACHES.set(store, cache);
  }
  return cache;
}
