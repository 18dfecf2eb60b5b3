/**
 * The contract's vocabulary for labels (docs/eligibility-concepts.md, "Types and values" and "Threshold shape"),
 * written out here so that the label checks load no code of src/domain/eligibility (the code the labels judge).
 * Shared by every set's check script.
 */

import type { LabelledConcept } from './labels.read.ts';

/** Concept types and their values. */
export const LABEL_VALUES: Readonly<Record<string, readonly string[]>> = {
  age: ['age'],
  sex: ['female', 'male'],
  'cancer-type': [
    'all', 'b-all', 't-all', 'ph-positive', 'ph-negative', 'ph-like', 'bcr-abl1', 'cd19-positive', 'cd22-positive',
    'aml', 'cml', 'cll', 'lymphoma', 'myeloma', 'mds', 'other-leukaemia', 'solid-tumour',
  ],
  'disease-state': [
    'newly-diagnosed', 'first-remission', 'second-or-later-remission', 'remission', 'mrd-positive', 'mrd-negative',
    'relapsed', 'refractory', 'prior-lines',
  ],
  'prior-treatment': [
    'allogeneic-transplant', 'autologous-transplant', 'transplant', 'car-t', 'tki', 'imatinib', 'dasatinib',
    'nilotinib', 'bosutinib', 'ponatinib', 'asciminib', 'blinatumomab', 'inotuzumab', 'rituximab', 'chemotherapy',
    'radiotherapy', 'investigational-agent', 'other-drug',
  ],
  'performance-status': ['ecog', 'karnofsky', 'lansky', 'who'],
  'organ-function': ['bilirubin', 'creatinine', 'creatinine-clearance', 'alt', 'ast', 'alt-ast', 'ejection-fraction'],
  cns: ['cns-involvement', 'cns-controlled'],
  infection: ['hiv', 'hepatitis-b', 'hepatitis-c', 'active-infection'],
  pregnancy: ['pregnant', 'breastfeeding', 'contraception'],
  'other-cancer': ['other-malignancy'],
  consent: ['consent'],
};

export const LABEL_UNITS: readonly string[] = ['x-uln', 'mg/dl', 'umol/l', 'ml/min', 'ml/min/1.73m2', 'percent', 'u/l'];
export const LABEL_COMPARATORS: readonly string[] = ['<', '<=', '>', '>='];

/** Which threshold fields each type may carry. */
export const THRESHOLD_FIELDS: Readonly<Record<string, readonly string[]>> = {
  age: ['min', 'max'],
  'performance-status': ['min', 'max'],
  'disease-state': ['min', 'max'],
  'organ-function': ['comparator', 'threshold', 'unit'],
  'prior-treatment': ['withinDays'],
  'other-cancer': ['withinYears'],
};

/** The fields every concept has; any other is a threshold field. */
export const BASE_FIELDS: readonly string[] = ['type', 'value', 'polarity'];

const NUMBER_FIELDS: readonly string[] = ['min', 'max', 'threshold', 'withinDays', 'withinYears'];

/** What is wrong with a labelled concept by the vocabulary (none: an empty list). */
export function labelConceptProblems(c: LabelledConcept): string[] {
  const problems: string[] = [];
  if (!(LABEL_VALUES[c.type] ?? []).includes(c.value)) problems.push(`concept ${c.type}/${c.value} not in the vocabulary`);
  const allowed = [...BASE_FIELDS, ...(THRESHOLD_FIELDS[c.type] ?? [])];
  for (const [key, value] of Object.entries(c)) {
    if (!allowed.includes(key)) problems.push(`field ${key} not allowed on ${c.type}`);
    if (NUMBER_FIELDS.includes(key) && typeof value !== 'number') problems.push(`field ${key} is not a number`);
  }
  if (c.unit !== undefined && !LABEL_UNITS.includes(c.unit)) problems.push(`unit ${c.unit} not in the vocabulary`);
  if (c.comparator !== undefined && !LABEL_COMPARATORS.includes(c.comparator)) problems.push(`comparator ${c.comparator} unknown`);
  if (c.type === 'organ-function' && c.comparator !== undefined && (c.threshold === undefined || c.unit === undefined)) {
    problems.push('organ-function comparator without threshold or unit');
  }
  return problems;
}
