/**
 * Facet values that are ids (cancer types, treatments, age groups) get a plain-English `label` beside `value`, so a
 * filter panel needs no second request. Other facets' values are already what people read, and carry no label: the
 * shape stays `{ value, count }` with one optional field, so existing clients are unaffected.
 */
import { FACETS } from '../domain/query.ts';
import type { FacetCount, FacetName, Facets } from '../domain/query.ts';
import { labelOf } from './vocab-lists.ts';
import type { VocabularyName } from './vocab-lists.ts';

export interface LabelledFacetCount extends FacetCount {
  /** Present on cancerType, treatment and ageGroup values. */
  readonly label?: string;
}

export type LabelledFacets = Readonly<Record<FacetName, readonly LabelledFacetCount[]>>;

const LABELLED: Readonly<Partial<Record<FacetName, VocabularyName>>> = {
  cancerType: 'cancerType',
  treatment: 'treatment',
  ageGroup: 'ageGroup',
};

function labelled(name: FacetName, counts: readonly FacetCount[]): readonly LabelledFacetCount[] {
  const vocabulary = LABELLED[name];
  return vocabulary === undefined ? counts : counts.map((count) => ({ ...count, label: labelOf(vocabulary, count.value) }));
}

/** The facets with labels on the values of the id facets. */
export function labelFacets(facets: Facets): LabelledFacets {
  return Object.fromEntries(FACETS.map((name) => [name, labelled(name, facets[name])])) as Record<FacetName, readonly LabelledFacetCount[]>;
}
