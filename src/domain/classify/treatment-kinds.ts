/**
 * Treatment types as the API names them and as a UK cancer charity groups trials ("Find trials using targeted cancer
 * drugs"). See docs in treatment-type.ts for how a trial is put in each.
 */

export const TREATMENT_KINDS = [
  'chemotherapy',
  'stem-cell-transplant',
  'targeted',
  'immunotherapy',
  'car-t',
  'radiotherapy',
  'surgery',
  'supportive-care',
  'other',
] as const;
export type TreatmentKind = (typeof TREATMENT_KINDS)[number];

/** Plain-English UK labels, as the charity's pages word them. */
export const TREATMENT_KIND_LABELS: Readonly<Record<TreatmentKind, string>> = {
  chemotherapy: 'Chemotherapy',
  'stem-cell-transplant': 'Stem cell transplant',
  targeted: 'Targeted cancer drugs',
  immunotherapy: 'Immunotherapy',
  'car-t': 'CAR T-cell therapy',
  radiotherapy: 'Radiotherapy',
  surgery: 'Surgery',
  'supportive-care': 'Supportive care (side effects, infections, wellbeing)',
  other: 'Other treatments',
};

/** Kinds of stem cell transplant: from a donor (allogeneic) or the patient's own cells (autologous). */
export const TRANSPLANT_KINDS = ['allogeneic', 'autologous'] as const;
export type TransplantKind = (typeof TRANSPLANT_KINDS)[number];

export const TRANSPLANT_KIND_LABELS: Readonly<Record<TransplantKind, string>> = {
  allogeneic: 'Donor stem cell transplant (allogeneic)',
  autologous: 'Transplant of your own stem cells (autologous)',
};

/** One reason a trial is in a treatment type. */
export interface TreatmentAssignment {
  readonly kind: TreatmentKind;
  /** Only for stem-cell-transplant, when the trial says which kind. */
  readonly sub?: TransplantKind;
  /** The intervention name, or where and which phrase, that put the trial here: shown to users as "why". */
  readonly because: string;
}
