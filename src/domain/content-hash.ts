import { createHash } from 'node:crypto';
import type { Trial, TrialContent } from './trial.ts';

/** Has the object its keys in sorted order already (as most parsed content does)? */
function keysSorted(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i += 1) if ((keys[i - 1] ?? '') > (keys[i] ?? '')) return false;
  return true;
}

/** Keys like "7" that JavaScript always lists first, in numeric order, whatever order an object is built in. */
const INDEX_LIKE = /^(0|[1-9]\d*)$/;

/** Thrown by the replacer when an object's keys cannot be put in text order by rebuilding it. */
class IndexLikeKeys extends Error {}
const INDEX_KEYS = new IndexLikeKeys('an object has index-like keys');

/** A JSON.stringify replacer that writes every object's keys in sorted order; arrays and values pass as they are. */
function sortedKeys(this: unknown, _key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  if (keysSorted(keys)) return value;
  if (keys.some((key) => INDEX_LIKE.test(key))) throw INDEX_KEYS;
  const sorted: Record<string, unknown> = {};
  for (const key of keys.sort()) sorted[key] = (value as Record<string, unknown>)[key];
  return sorted;
}

/** The same text built piece by piece: for the rare object with index-like keys the replacer cannot order. */
function stableStringifySlow(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringifySlow).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringifySlow(v)}`).join(',')}}`;
}

/**
 * JSON with object keys sorted in text order, so equal content always gives equal text (undefined members left
 * out). The native stringify with a replacer, about twice as fast as building the text in JavaScript: an import
 * hashes every trial on its main thread.
 */
export function stableStringify(value: unknown): string {
  try {
    return JSON.stringify(value, sortedKeys) ?? 'null';
  } catch (error) {
    if (error === INDEX_KEYS) return stableStringifySlow(value);
    throw error;
  }
}

/** SHA-256 over everything a parser produced; the import time is not part of it. */
export function contentHash(content: TrialContent): string {
  return createHash('sha256').update(stableStringify(content)).digest('hex');
}

/** Stamps parsed content with its hash and import time, making it a storable trial. */
export function finaliseTrial(content: TrialContent, importedAt: Date): Trial {
  return {
    ...content,
    provenance: { ...content.provenance, importedAt: importedAt.toISOString(), contentHash: contentHash(content) },
  };
}
