import type { IdKind, RegistryId } from './trial.ts';

const PATTERNS: ReadonlyArray<readonly [IdKind, RegExp]> = [
  ['nct', /^NCT\d{8}$/],
  ['isrctn', /^ISRCTN\d{8}$/],
  // EudraCT numbers: YYYY-NNNNNN-CC. CTIS (EU CT) numbers: YYYY-NNNNNN-NN-NN.
  ['ctis', /^\d{4}-\d{6}-\d{2}-\d{2}$/],
  ['eudract', /^\d{4}-\d{6}-\d{2}$/],
  ['nci', /^NCI-\d{4}-\d{5}$/],
];

/** Tidies an id as users and registries write it: trims, upper-cases, drops inner spaces ("nct 0123..."). */
export function canonicalId(raw: string): string {
  return raw.trim().toUpperCase().replace(/\s+/g, '');
}

/** Recognises the kind of a registry id from its shape; ids of no known shape are `other`. */
export function idKindOf(value: string): IdKind {
  const id = canonicalId(value);
  for (const [kind, pattern] of PATTERNS) if (pattern.test(id)) return kind;
  return 'other';
}

/** Builds a registry id, recognising its kind from its shape unless the caller knows better. */
export function registryId(value: string, issuer: string | null = null, kind?: IdKind): RegistryId {
  const known = idKindOf(value);
  const canonical = known === 'other' ? value.trim() : canonicalId(value);
  return { kind: known === 'other' ? (kind ?? 'other') : known, value: canonical, issuer };
}

/** Removes repeated ids (same value), keeping the first. */
export function uniqueIds(ids: readonly RegistryId[]): RegistryId[] {
  const seen = new Set<string>();
  return ids.filter((id) => {
    const key = id.value.toUpperCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** True when the string looks like an id of a public registry (used to route `GET /api/trials/{id}`). */
export function isRegistryIdShape(value: string): boolean {
  return idKindOf(value) !== 'other';
}
