/**
 * Which trials name a questionnaire's condition in their title or conditions: every word of the condition, or one
 * of its other names. The names are those of common non-cancer conditions as trial registries write them (MeSH
 * headings such as "Diabetes Mellitus, Type 2" and "Pulmonary Disease, Chronic Obstructive", abbreviations, older
 * names still in old records), since the product's vocabulary (src/domain/vocab) names cancers, biomarkers and
 * drugs only. Written by hand from general medical usage; names are matched as phrases after the pipeline's
 * analysis (Porter stems), so case, hyphens and plurals do not matter. Ambiguous abbreviations (RA, GAD) are left out.
 */
import { searchTokens } from '../../src/domain/search-text.ts';
import type { FieldedIndex } from './bm25f.ts';
import { termFieldFrequencies } from './bm25f.ts';
import type { TrialField } from './trial-fields.ts';
import { pipelineTokens } from './trial-fields.ts';

const NAMES: readonly (readonly string[])[] = [
  ['chronic obstructive pulmonary disease', 'COPD', 'chronic obstructive lung disease', 'obstructive lung disease', 'obstructive pulmonary disease', 'pulmonary disease, chronic obstructive', 'lung diseases, obstructive', 'emphysema', 'chronic bronchitis'],
  ['type 2 diabetes', 'type 2 diabetes mellitus', 'diabetes mellitus, type 2', 'type II diabetes', 'non-insulin-dependent diabetes', 'diabetes mellitus, non-insulin-dependent', 'NIDDM', 'T2DM', 'T2D', 'adult-onset diabetes'],
  ['type 1 diabetes', 'type 1 diabetes mellitus', 'diabetes mellitus, type 1', 'type I diabetes', 'insulin-dependent diabetes', 'diabetes mellitus, insulin-dependent', 'IDDM', 'T1DM', 'T1D', 'juvenile diabetes'],
  ['sickle cell anemia', 'sickle cell disease', 'anemia, sickle cell', 'sickle cell', 'sickling disorder', 'hemoglobin SS', 'HbSS', 'hemoglobin SC disease', 'sickle beta thalassemia', 'drepanocytosis'],
  ['rheumatoid arthritis', 'arthritis, rheumatoid'],
  ['COVID-19', 'SARS-CoV-2', 'SARS-CoV-2 infection', 'coronavirus disease 2019', '2019-nCoV', 'novel coronavirus'],
  ['anxiety', 'anxiety disorder', 'anxiety disorders', 'generalized anxiety disorder', 'panic disorder', 'social anxiety', 'anxiousness'],
  ['depression', 'depressive disorder', 'major depressive disorder', 'major depression', 'MDD'],
  ['glaucoma', 'ocular hypertension', 'open-angle glaucoma', 'angle-closure glaucoma'],
  ['breast cancer', 'breast carcinoma', 'breast neoplasms', 'breast neoplasm', 'breast tumor', 'breast adenocarcinoma', 'mammary carcinoma'],
  ['asthma', 'bronchial asthma', 'reactive airway disease'],
  ['hypertension', 'high blood pressure', 'HTN'],
  ['heart failure', 'congestive heart failure', 'CHF', 'cardiac failure'],
  ['chronic kidney disease', 'CKD', 'chronic renal insufficiency', 'chronic renal failure', 'kidney failure, chronic'],
  ['Alzheimer disease', "Alzheimer's disease", 'Alzheimer dementia'],
  ['Parkinson disease', "Parkinson's disease", 'parkinsonism'],
  ['HIV', 'HIV infection', 'HIV infections', 'human immunodeficiency virus', 'AIDS'],
  ['obesity', 'overweight', 'morbid obesity'],
  ['stroke', 'cerebrovascular accident', 'cerebral infarction', 'CVA'],
];

const key = (name: string): string => searchTokens(name).join(' ');
const BY_NAME = new Map<string, readonly string[]>(NAMES.flatMap((group) => group.map((name) => [key(name), group] as const)));

/** Every name of the condition's group (the condition itself included), or none when it is not listed. */
export function conditionPhrases(condition: string): readonly string[] {
  return BY_NAME.get(key(condition)) ?? [];
}

/**
 * Trials (by index) whose title or conditions name the condition: every word of it, in any order ("Diabetes
 * Mellitus, Type 2" for "type 2 diabetes"), or one of its other names.
 */
export function trialsNamingCondition(condition: string, index: FieldedIndex<TrialField>): Set<number> {
  const fields = (['title', 'conditions'] as const).map((field) => index.fieldNames.indexOf(field));
  const holding = (phrase: readonly string[]): Set<number> => {
    const docs = new Set<number>();
    for (const [doc, row] of termFieldFrequencies(index, { phrases: [phrase] })) if (fields.some((f) => row[f]! > 0)) docs.add(doc);
    return docs;
  };
  const perWord = [...new Set(pipelineTokens(condition))].map((word) => holding([word]));
  const out = new Set(perWord.length === 0 ? [] : [...perWord[0]!].filter((doc) => perWord.every((docs) => docs.has(doc))));
  for (const phrase of conditionPhrases(condition)) for (const doc of holding(pipelineTokens(phrase))) out.add(doc);
  return out;
}
