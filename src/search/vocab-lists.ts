/**
 * The id lists behind the cancerType, treatment and ageGroup filters, as clients read them (GET /api/vocab/...):
 * id, plain-English label and the broader value. One source for API lists, facet labels and CLI output.
 */
import { AGE_GROUP_LABELS, AGE_GROUPS } from '../domain/age-group.ts';
import { CANCER_TYPES } from '../domain/classify/cancer-type.ts';
import { TREATMENT_KIND_LABELS, TREATMENT_KINDS } from '../domain/classify/treatment-kinds.ts';
import type { TreatmentKind } from '../domain/classify/treatment-kinds.ts';

export interface VocabEntry {
  readonly id: string;
  readonly label: string;
  /** The broader value, which a filter on it includes; null at the top. */
  readonly parent: string | null;
}

/** The vocabularies clients can list, by the facet they label. */
export const VOCABULARIES = ['cancerType', 'treatment', 'ageGroup'] as const;
export type VocabularyName = (typeof VOCABULARIES)[number];

/**
 * Every car-t trial is also immunotherapy (src/domain/classify/treatment-type.ts adds it), so CAR-T sits under it;
 * the other kinds stand alone.
 */
const TREATMENT_PARENTS: Partial<Record<TreatmentKind, TreatmentKind>> = { 'car-t': 'immunotherapy' };

const LISTS: Readonly<Record<VocabularyName, readonly VocabEntry[]>> = {
  cancerType: CANCER_TYPES.map(({ id, label, parent }) => ({ id, label, parent })),
  treatment: TREATMENT_KINDS.map((id) => ({ id, label: TREATMENT_KIND_LABELS[id], parent: TREATMENT_PARENTS[id] ?? null })),
  // Age groups overlap (18–24 is both young adult and adult) rather than nest: no parents.
  ageGroup: AGE_GROUPS.map((id) => ({ id, label: AGE_GROUP_LABELS[id], parent: null })),
};

const LABELS: Readonly<Record<VocabularyName, ReadonlyMap<string, string>>> = {
  cancerType: new Map(LISTS.cancerType.map((entry) => [entry.id, entry.label])),
  treatment: new Map(LISTS.treatment.map((entry) => [entry.id, entry.label])),
  ageGroup: new Map(LISTS.ageGroup.map((entry) => [entry.id, entry.label])),
};

/** The entries of a vocabulary, broader before narrower, in the order filters list them. */
export function vocabulary(name: VocabularyName): readonly VocabEntry[] {
  return LISTS[name];
}

/** The plain-English label of an id; the id itself when the vocabulary does not know it (a store ahead of us). */
export function labelOf(name: VocabularyName, id: string): string {
  return LABELS[name].get(id) ?? id;
}
