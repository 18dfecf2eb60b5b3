/**
 * How a trial's multi-valued fields become child rows, the same for every backend: registry ids, and the
 * condition, intervention and country terms with the normalised keys that filters and facets group by. Both
 * adapters file every trial under these keys, so their filters and facet values agree.
 */
import { canonicalCountry } from '../../domain/country.ts';
import { canonicalId, idKindOf } from '../../domain/registry-id.ts';
import { searchTokens } from '../../domain/search-text.ts';
import type { Phase, Trial } from '../../domain/trial.ts';

export interface IdRow {
  readonly value: string;
  readonly kind: string;
  /** 0 for the primary id, 1 for NCT/ISRCTN ids, 2 for others: which trial wins a lookup by a shared id. */
  readonly precedence: number;
}

/** Ids that make two records one trial (decision 0002). */
export const IDENTITY_KINDS: ReadonlySet<string> = new Set(['nct', 'isrctn']);

/** Every id a trial can be looked up by, canonical and distinct, its primary id included. */
export function idRows(trial: Trial): IdRow[] {
  const rows = new Map<string, IdRow>();
  const primary = canonicalId(trial.id);
  const primaryKind = trial.ids.find((id) => canonicalId(id.value) === primary)?.kind ?? idKindOf(primary);
  rows.set(primary, { value: primary, kind: primaryKind, precedence: 0 });
  for (const id of trial.ids) {
    const value = canonicalId(id.value);
    if (value === '' || rows.has(value)) continue;
    rows.set(value, { value, kind: id.kind, precedence: IDENTITY_KINDS.has(id.kind) ? 1 : 2 });
  }
  return [...rows.values()];
}

export interface TermRow {
  readonly key: string;
  /** The text as the registry wrote it (first seen in the trial); facets show the most common spelling of a key. */
  readonly name: string;
}

/** Terms keyed by their normalised words, first spelling kept; terms with no searchable word are dropped. */
export function termRows(names: readonly string[], keyOf: (name: string) => string): TermRow[] {
  const rows = new Map<string, TermRow>();
  for (const raw of names) {
    const name = raw.trim();
    const key = keyOf(name);
    if (key !== '' && !rows.has(key)) rows.set(key, { key, name });
  }
  return [...rows.values()];
}

/** The key conditions and interventions are grouped and filtered by: their search tokens. */
export function wordsKey(name: string): string {
  return searchTokens(name).join(' ');
}

/** Countries are compared by canonical name, ignoring case. */
export function countryKey(name: string): string {
  return canonicalCountry(name).toLowerCase();
}

export interface ChildRows {
  readonly ids: IdRow[];
  readonly phases: Phase[];
  readonly conditions: TermRow[];
  readonly interventions: TermRow[];
  readonly countries: TermRow[];
}

/** The child rows of a trial. */
export function childRows(trial: Trial): ChildRows {
  const countries = trial.sites.flatMap((site) => (site.country === null ? [] : [canonicalCountry(site.country)]));
  return {
    ids: idRows(trial),
    phases: [...new Set(trial.phases)],
    conditions: termRows(trial.conditions, wordsKey),
    interventions: termRows(
      trial.interventions.map((intervention) => intervention.name),
      wordsKey,
    ),
    countries: termRows(countries, countryKey),
  };
}
