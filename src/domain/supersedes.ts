import { sortableDate } from './partial-date.ts';
import type { Provenance, SourceRegistry } from './trial.ts';

/**
 * When two registries hold the same trial, the more recent record wins. On equal dates a fixed source rank
 * decides, so importing the same files again, in any order, always settles on the same record.
 */
const SOURCE_RANK: Readonly<Record<SourceRegistry, number>> = { 'ctgov-v2': 3, 'ctgov-xml': 2, 'nci-cts': 1 };


/**
 * Decides whether an incoming record replaces the stored one: it must be newer, or as new from a
 * higher-ranked source. Two different records as new from the same source are ordered by their hashes:
 * arbitrary, but it makes the outcome independent of import order, so re-imports change nothing.
 */
export function supersedes(
  incoming: Pick<Provenance, 'source' | 'recordUpdated' | 'contentHash'>,
  stored: Pick<Provenance, 'source' | 'recordUpdated' | 'contentHash'>,
): boolean {
  if (incoming.contentHash === stored.contentHash) return false;
  // A missing date is the oldest.
  const a = sortableDate(incoming.recordUpdated) ?? '0000-00-00';
  const b = sortableDate(stored.recordUpdated) ?? '0000-00-00';
  if (a !== b) return a > b;
  const rankA = SOURCE_RANK[incoming.source];
  const rankB = SOURCE_RANK[stored.source];
  if (rankA !== rankB) return rankA > rankB;
  return incoming.contentHash > stored.contentHash;
}
