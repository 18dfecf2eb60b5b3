/**
 * The real records the synthetic trials are recombined from: every trial of the bundled demo dataset (CT.gov legacy
 * XML and API v2, NCI CTS), read through the real importers, plus the indexes the recombination needs.
 */
import { readRecordsAt } from '../../src/ingest/open-path.ts';
import type { TrialContent } from '../../src/domain/trial.ts';

export interface LatLon {
  readonly latitude: number;
  readonly longitude: number;
}

export interface PartPool {
  /** Every distinct trial, in the order the demo folder yields them (name order, so repeatable). */
  readonly trials: readonly TrialContent[];
  /** Trials by their first condition (lower case): design and eligibility are borrowed within a group, so they fit. */
  readonly byCondition: ReadonlyMap<string, readonly TrialContent[]>;
  /** Coordinates of every place a real site names with them, keyed by {@link placeKey}. */
  readonly places: ReadonlyMap<string, LatLon>;
}

/** The key of a site's place: city, state and country, lower case. */
export function placeKey(city: string | null, state: string | null, country: string | null): string {
  return [city, state, country].map((part) => part?.trim().toLowerCase() ?? '').join('|');
}

/** The group a trial belongs to: its first condition, or '' when it names none. */
export function conditionKey(trial: TrialContent): string {
  return trial.conditions[0]?.trim().toLowerCase() ?? '';
}

/** Indexes trials for recombination; a trial seen twice (two sources, same id) is kept once, first seen. */
export function indexPartPool(records: Iterable<TrialContent>): PartPool {
  const seen = new Set<string>();
  const trials: TrialContent[] = [];
  const byCondition = new Map<string, TrialContent[]>();
  const places = new Map<string, LatLon>();
  for (const trial of records) {
    if (seen.has(trial.id)) continue;
    seen.add(trial.id);
    trials.push(trial);
    const key = conditionKey(trial);
    const group = byCondition.get(key);
    if (group === undefined) byCondition.set(key, [trial]);
    else group.push(trial);
    for (const site of trial.sites) {
      if (site.latitude === null || site.longitude === null) continue;
      const place = placeKey(site.city, site.state, site.country);
      if (!places.has(place)) places.set(place, { latitude: site.latitude, longitude: site.longitude });
    }
  }
  if (trials.length === 0) throw new Error('No trials to recombine.');
  return { trials, byCondition, places };
}

/** Reads every trial under `dir` through the real importers (rejected records are skipped) and indexes them. */
export async function loadPartPool(dir: string): Promise<PartPool> {
  const trials: TrialContent[] = [];
  for await (const record of readRecordsAt(dir)) if (record.ok) trials.push(record.trial);
  return indexPartPool(trials);
}
