/**
 * The classes of the hand-labelled set (bench/labels/README.md) and how the classifiers' ids map onto them. The
 * labels use the charity-level hierarchy the labeller worked from; the classifier's vocabulary is finer (DLBCL,
 * Wilms tumour, bile duct ...), so each of its most specific types is mapped to the label class the labelling rules
 * give that disease, and both sides then get the label hierarchy's ancestors. The mapping is the evaluator's, written
 * from the labelling rules, not from the classifier's errors.
 */

/** Label classes with their parent in the label hierarchy. */
export const LABEL_CANCER_PARENT: Readonly<Record<string, string | null>> = {
  leukaemia: null,
  'acute-lymphoblastic-leukaemia': 'leukaemia',
  'b-cell-all': 'acute-lymphoblastic-leukaemia',
  't-cell-all': 'acute-lymphoblastic-leukaemia',
  'ph-positive-all': 'acute-lymphoblastic-leukaemia',
  'acute-myeloid-leukaemia': 'leukaemia',
  'chronic-lymphocytic-leukaemia': 'leukaemia',
  'chronic-myeloid-leukaemia': 'leukaemia',
  'other-leukaemia': 'leukaemia',
  lymphoma: null,
  'hodgkin-lymphoma': 'lymphoma',
  'non-hodgkin-lymphoma': 'lymphoma',
  myeloma: null,
  'myelodysplastic-syndromes': null,
  'myeloproliferative-neoplasms': null,
  lung: null,
  'non-small-cell-lung': 'lung',
  'small-cell-lung': 'lung',
  ...Object.fromEntries(
    ['breast', 'bowel', 'prostate', 'brain', 'skin-melanoma', 'skin-other', 'kidney', 'bladder', 'ovarian', 'cervical', 'womb', 'pancreatic', 'liver', 'stomach', 'oesophageal', 'head-and-neck', 'thyroid', 'sarcoma', 'neuroblastoma', 'germ-cell', 'mesothelioma', 'other-solid', 'not-cancer'].map((id) => [id, null]),
  ),
};

/** Classifier id → label class, where the names differ; null for a classifier id no label class stands for. */
const CLASSIFIER_TO_LABEL: Readonly<Record<string, string | null>> = {
  'blood-cancers': null,
  'solid-tumours': 'other-solid',
  'other-cancer': 'other-solid',
  'chronic-myelomonocytic-leukaemia': 'other-leukaemia',
  'hairy-cell-leukaemia': 'other-leukaemia',
  'diffuse-large-b-cell-lymphoma': 'non-hodgkin-lymphoma',
  'follicular-lymphoma': 'non-hodgkin-lymphoma',
  'mantle-cell-lymphoma': 'non-hodgkin-lymphoma',
  't-cell-lymphoma': 'non-hodgkin-lymphoma',
  'burkitt-lymphoma': 'non-hodgkin-lymphoma',
  'lymphoblastic-lymphoma': 'non-hodgkin-lymphoma',
  'breast-cancer': 'breast',
  'lung-cancer': 'lung',
  'non-small-cell-lung-cancer': 'non-small-cell-lung',
  'small-cell-lung-cancer': 'small-cell-lung',
  'bowel-cancer': 'bowel',
  'prostate-cancer': 'prostate',
  'brain-tumours': 'brain',
  'skin-cancer': 'skin-other',
  melanoma: 'skin-melanoma',
  'kidney-cancer': 'kidney',
  'wilms-tumour': 'kidney',
  'bladder-cancer': 'bladder',
  'ovarian-cancer': 'ovarian',
  'cervical-cancer': 'cervical',
  'womb-cancer': 'womb',
  'pancreatic-cancer': 'pancreatic',
  'liver-cancer': 'liver',
  hepatoblastoma: 'liver',
  'stomach-cancer': 'stomach',
  'oesophageal-cancer': 'oesophageal',
  'head-and-neck-cancer': 'head-and-neck',
  'thyroid-cancer': 'thyroid',
  'germ-cell-tumours': 'germ-cell',
  // The labelling rules put these under other-solid (retinoblastoma, thymic, neuroendocrine, unknown primary), and
  // name no class of their own for the rest.
  'bile-duct-cancer': 'other-solid',
  'small-bowel-cancer': 'other-solid',
  'anal-cancer': 'other-solid',
  'eye-cancer': 'other-solid',
  retinoblastoma: 'other-solid',
  'neuroendocrine-tumours': 'other-solid',
  'adrenal-cancer': 'other-solid',
  'thymus-cancer': 'other-solid',
  'penile-cancer': 'other-solid',
  'vulval-cancer': 'other-solid',
  'vaginal-cancer': 'other-solid',
  'gestational-trophoblastic-disease': 'other-solid',
  'unknown-primary': 'other-solid',
};

/** The label class for a classifier id: mapped, or the same id when the label hierarchy has it; null otherwise. */
export function labelClassOf(classifierId: string): string | null {
  if (classifierId in CLASSIFIER_TO_LABEL) return CLASSIFIER_TO_LABEL[classifierId] ?? null;
  return classifierId in LABEL_CANCER_PARENT ? classifierId : null;
}

/** Label classes with every ancestor in the label hierarchy added (what the evaluator compares). */
export function withLabelAncestors(classes: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const start of classes) {
    for (let id: string | null = start; id !== null && !out.has(id); id = LABEL_CANCER_PARENT[id] ?? null) out.add(id);
  }
  return out;
}

/** The treatment classes compared, with the transplant sub-kinds as classes of their own. */
export const TRANSPLANT_CLASSES = ['transplant:allogeneic', 'transplant:autologous'] as const;

/** Treatment classes of a labelled or predicted trial: car-t implies immunotherapy; `both` is both sub-kinds. */
export function treatmentClasses(kinds: Iterable<string>, transplantKind: string | null): Set<string> {
  const out = new Set(kinds);
  if (out.has('car-t')) out.add('immunotherapy');
  if (transplantKind === 'allogeneic' || transplantKind === 'both') out.add('transplant:allogeneic');
  if (transplantKind === 'autologous' || transplantKind === 'both') out.add('transplant:autologous');
  return out;
}
