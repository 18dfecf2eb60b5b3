import { createHash } from 'node:crypto';
import type { Trial, TrialContent } from './trial.ts';

/** JSON with object keys sorted, so equal content always gives equal text. */
function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
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
