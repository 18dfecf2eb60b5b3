/**
 * What one eligibility criterion says, in the names of docs/eligibility-concepts.md (the contract shared with the
 * hand-labelled criteria under bench/eligibility/). Values are `as const` lists so that the profile schema and the
 * matcher are checked against the same vocabularies.
 */

export const SECTIONS = ['inclusion', 'exclusion'] as const;
export type Section = (typeof SECTIONS)[number];

export const CONCEPT_TYPES = [
  'age',
  'sex',
  'cancer-type',
  'disease-state',
  'prior-treatment',
  'performance-status',
  'organ-function',
  'cns',
  'infection',
  'pregnancy',
  'other-cancer',
  'consent',
] as const;
export type ConceptType = (typeof CONCEPT_TYPES)[number];

export const SEX_VALUES = ['female', 'male'] as const;
export const CANCER_TYPE_VALUES = [
  'all', 'b-all', 't-all', 'ph-positive', 'ph-negative', 'ph-like', 'bcr-abl1', 'cd19-positive', 'cd22-positive',
  'aml', 'cml', 'cll', 'lymphoma', 'myeloma', 'mds', 'other-leukaemia', 'solid-tumour',
] as const;
export const DISEASE_STATE_VALUES = [
  'newly-diagnosed', 'first-remission', 'second-or-later-remission', 'remission', 'mrd-positive', 'mrd-negative',
  'relapsed', 'refractory', 'prior-lines',
] as const;
export const PRIOR_TREATMENT_VALUES = [
  'allogeneic-transplant', 'autologous-transplant', 'transplant', 'car-t', 'tki', 'imatinib', 'dasatinib', 'nilotinib',
  'bosutinib', 'ponatinib', 'asciminib', 'blinatumomab', 'inotuzumab', 'rituximab', 'chemotherapy', 'radiotherapy',
  'investigational-agent', 'other-drug',
] as const;
export const PERFORMANCE_SCALES = ['ecog', 'karnofsky', 'lansky', 'who'] as const;
export const ORGAN_FUNCTION_VALUES = [
  'bilirubin', 'creatinine', 'creatinine-clearance', 'alt', 'ast', 'alt-ast', 'ejection-fraction',
] as const;
export const CNS_VALUES = ['cns-involvement', 'cns-controlled'] as const;
export const INFECTION_VALUES = ['hiv', 'hepatitis-b', 'hepatitis-c', 'active-infection'] as const;
export const PREGNANCY_VALUES = ['pregnant', 'breastfeeding', 'contraception'] as const;

export type CancerTypeValue = (typeof CANCER_TYPE_VALUES)[number];
export type DiseaseStateValue = (typeof DISEASE_STATE_VALUES)[number];
export type PriorTreatmentValue = (typeof PRIOR_TREATMENT_VALUES)[number];
export type PerformanceScale = (typeof PERFORMANCE_SCALES)[number];
export type OrganFunctionValue = (typeof ORGAN_FUNCTION_VALUES)[number];
export type InfectionValue = (typeof INFECTION_VALUES)[number];

/** The values each concept type allows (the table in docs/eligibility-concepts.md). */
export const CONCEPT_VALUES: Readonly<Record<ConceptType, readonly string[]>> = {
  age: ['age'],
  sex: SEX_VALUES,
  'cancer-type': CANCER_TYPE_VALUES,
  'disease-state': DISEASE_STATE_VALUES,
  'prior-treatment': PRIOR_TREATMENT_VALUES,
  'performance-status': PERFORMANCE_SCALES,
  'organ-function': ORGAN_FUNCTION_VALUES,
  cns: CNS_VALUES,
  infection: INFECTION_VALUES,
  pregnancy: PREGNANCY_VALUES,
  'other-cancer': ['other-malignancy'],
  consent: ['consent'],
};

export const POLARITIES = ['present', 'absent'] as const;
export type Polarity = (typeof POLARITIES)[number];

export const COMPARATORS = ['<', '<=', '>', '>='] as const;
export type Comparator = (typeof COMPARATORS)[number];

export const UNITS = ['x-uln', 'x-lln', 'mg/dl', 'umol/l', 'ml/min', 'ml/min/1.73m2', 'percent', 'u/l'] as const;
export type Unit = (typeof UNITS)[number];

/**
 * A concept's numbers, as docs/eligibility-concepts.md names them: `min`/`max` for age, performance status and
 * prior lines; `comparator`/`value`/`unit` for organ function; `withinDays` for prior treatment; `withinYears` for
 * other cancers. Only the fields the criterion states are present.
 */
export interface Threshold {
  readonly min?: number;
  readonly max?: number;
  readonly comparator?: Comparator;
  readonly value?: number;
  readonly unit?: Unit;
  readonly withinDays?: number;
  readonly withinYears?: number;
}

/** One thing a criterion is about. */
export interface Concept {
  readonly type: ConceptType;
  readonly value: string;
  readonly polarity: Polarity;
  readonly threshold?: Threshold;
  /** Addition to the contract: a treatment the trial plans to give or the person must be fit for, not one they had. */
  readonly planned?: true;
  /** Addition to the contract: an alternative to the previous concept of its type ("relapsed or refractory"). */
  readonly orPrevious?: true;
  /**
   * Addition to the contract: a treatment the person is having at entry ("patients undergoing HSCT", "prescribed
   * BESPONSA"). The profile lists what was had, not what is under way or starting now.
   */
  readonly ongoing?: true;
  /**
   * Addition to the contract: a treatment had or still to come ("who have received or will receive a transplant"):
   * having had it meets it, and not having had it yet leaves it open.
   */
  readonly orPlanned?: true;
  /**
   * Addition to the contract: one alternative of a requirement whose other branch the profile cannot answer
   * ("refractory to prior therapy or unlikely to benefit from standard therapy"): not having it settles nothing.
   */
  readonly orUnread?: true;
  /**
   * Addition to the contract: a treatment limited by a dose or a body site the profile does not hold ("no prior
   * radiotherapy greater than 25 Gy to the craniospinal axis"): having had it does not settle the criterion. On
   * CNS disease, a qualifier the profile does not hold ("no uncontrolled CNS leukaemia"): having it does not settle it.
   * On a lymphoma, a kind of it the profile cannot name ("no prior T-cell lymphoma"): likewise.
   */
  readonly limited?: true;
  /** Addition to the contract: an age limit at diagnosis ("21 and under at diagnosis"), not at entry. */
  readonly atDiagnosis?: true;
  /** Addition to the contract: a remission the person reached at some time ("had achieved a CR"), not one now. */
  readonly past?: true;
  /** Addition to the contract: refractory disease written as failed therapy, which a relapse after it meets too. */
  readonly failedTherapy?: true;
  /** The words that named it, as written (for reasons and for checking labels). */
  readonly evidence: string;
  /** Addition to the contract: other words of the item that named it again ("lymphoma" ... "Waldenstrom's macroglobulinemia"). */
  readonly repeats?: readonly string[];
}

/** One item of a trial's inclusion or exclusion list, with its original words and what it is about. */
export interface Criterion {
  /** Position in the trial's list, from 0. */
  readonly index: number;
  readonly section: Section;
  /** The item's own words, as written (list marker removed). */
  readonly text: string;
  /** The nearest sub-heading above it ("Hepatic", "Prior Medication: Excluded within 30 days of study entry"), or null. */
  readonly heading: string | null;
  /** The lead-in of the list it sits in ("Patients must have one of the following:"), or null. */
  readonly parent: string | null;
  /** Items that share a non-null `anyOf` group are alternatives: meeting one is enough. */
  readonly anyOf: number | null;
  /** "If HIV positive, must be on therapy": a hypothetical or conditional mention. */
  readonly conditional: boolean;
  /** Addition to the contract: "Prior imatinib allowed", or an item under "Allowed:" — permitted, never required. */
  readonly permissive: boolean;
  /**
   * Addition to the contract: it also names a broad group ("leukaemia", "haematological malignancies") that may
   * hold the person's cancer, so its cancer types are not a complete list ("refractory leukaemia, lymphoma or
   * solid tumour").
   */
  readonly broadDiagnosis: boolean;
  /**
   * Addition to the contract: its limits are waived when the disease causes the result ("Bilirubin no greater than
   * 2 times ULN unless attributable to malignancy", or such a line beside it), so failing them is not a sure no.
   */
  readonly waivable?: true;
  readonly concepts: readonly Concept[];
}
