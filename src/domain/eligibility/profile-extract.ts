/**
 * A patient description in free text (a clinic letter, a TREC topic, "58-year-old woman with relapsed Ph+ B-ALL
 * after imatinib") read into a PatientProfile, with the same concept reader as the criteria (concept-extract.ts:
 * vocabulary, NegEx-style negation, numbers). Pure: nothing is stored or logged.
 *
 * What it reads, sentence by sentence: age and sex (from the wording case notes use: "58-year-old", "48 M",
 * "age: 39", pronouns), cancer types, disease state, prior treatments, CNS involvement, infections, pregnancy and
 * breastfeeding, another cancer, ECOG/Karnofsky/WHO/Lansky, and organ-function numbers (bilirubin and ALT/AST as
 * × ULN, creatinine clearance in mL/min, ejection fraction in %). A negated mention ("no CNS disease", "not
 * pregnant") sets the field to false where the profile has a yes/no field; a list (cancer types, treatments,
 * infections) is set only when the text names at least one of its values, and is then read as complete, as a
 * person's own answer would be. What the text does not say stays unknown.
 */
import type { Concept } from './criterion.ts';
import { readCriterion } from './concept-extract.ts';
import { PatientProfileSchema } from './profile.ts';
import type { PatientProfile } from './profile.ts';
import { splitSentences } from './run-on.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };
type Draft = Mutable<PatientProfile>;

const YEARS_PER: Readonly<Record<string, number>> = { y: 1, yr: 1, year: 1, month: 1 / 12, mo: 1 / 12, week: 7 / 365.25, wk: 7 / 365.25 };

/** "48 M with", "62F presents" at the very start. */
const AGE_SEX_START = /^\s*(\d{1,3})\s*-?\s*(m|f|male|female)\b/i;
/** "58-year-old", "58 yo", "58y/o", "6-month-old". */
const AGED = /\b(\d{1,3}(?:\.\d+)?)[\s-]*(years?|yrs?|y|months?|mo|weeks?|wks?)[\s-]*(?:old\b|o\b|\/o\b)/i;
/** "aged 58", "age: 39", "at the age of 58". */
const AGE_WORD = /\bage(?:d|\s+of)?\s*[:=]?\s*(\d{1,3})\b/i;
const FEMALE = /\b(?:woman|female|girl|lady|she|her|herself|pregnant|postmenopausal|premenopausal|gravida)\b/gi;
const MALE = /\b(?:man|male|boy|gentleman|he|his|him|himself)\b/gi;

function readAgeYears(text: string): number | undefined {
  const start = AGE_SEX_START.exec(text);
  if (start?.[1] !== undefined) return Number(start[1]);
  const aged = AGED.exec(text);
  if (aged?.[1] !== undefined && aged[2] !== undefined) {
    const unit = aged[2].toLowerCase().replace(/s$/, '');
    return Math.round(Number(aged[1]) * (YEARS_PER[unit] ?? 1) * 100) / 100;
  }
  const word = AGE_WORD.exec(text);
  return word?.[1] === undefined ? undefined : Number(word[1]);
}

/** "48 M" at the start decides; otherwise the words for the patient are counted (others are mentioned less). */
function readSex(text: string): 'female' | 'male' | undefined {
  const start = AGE_SEX_START.exec(text);
  if (start?.[2] !== undefined) return start[2].toLowerCase().startsWith('f') ? 'female' : 'male';
  const female = text.match(FEMALE)?.length ?? 0;
  const male = text.match(MALE)?.length ?? 0;
  if (female === male) return undefined;
  return female > male ? 'female' : 'male';
}

const SCALES = [
  { scale: 'ecog', pattern: /\b(?:ecog|zubrod)(?:\s+(?:performance\s+status|ps|score))?\s*(?:of|is|was|:|=)?\s*([0-5])(?!\d|\.\d)/i },
  { scale: 'who', pattern: /\bwho\s+(?:performance\s+status|ps)\s*(?:of|is|was|:|=)?\s*([0-5])(?!\d|\.\d)/i },
  { scale: 'karnofsky', pattern: /\b(?:karnofsky|kps)(?:\s+(?:performance\s+status|score))?\s*(?:of|is|was|:|=)?\s*(\d{2,3})\s*%?/i },
  { scale: 'lansky', pattern: /\blansky(?:\s+(?:play|performance)?\s*(?:score|status))?\s*(?:of|is|was|:|=)?\s*(\d{2,3})\s*%?/i },
] as const;

function readPerformance(text: string): PatientProfile['performanceStatus'] {
  for (const { scale, pattern } of SCALES) {
    const match = pattern.exec(text);
    if (match?.[1] === undefined) continue;
    const value = Number(match[1]);
    if (value <= (scale === 'ecog' || scale === 'who' ? 5 : 100)) return { scale, value };
  }
  return undefined;
}

const add = <T>(list: T[] | undefined, value: T): T[] => (list === undefined ? [value] : list.includes(value) ? list : [...list, value]);

/** The profile fields one concept of the patient's own words sets. */
function apply(draft: Draft, concept: Concept): void {
  const present = concept.polarity === 'present';
  const threshold = concept.threshold;
  switch (concept.type) {
    case 'cancer-type':
      if (present) draft.cancerType = add(draft.cancerType, concept.value as NonNullable<Draft['cancerType']>[number]);
      else if (concept.value === 'ph-positive') draft.cancerType = add(draft.cancerType, 'ph-negative');
      return;
    case 'disease-state':
      if (concept.value === 'prior-lines') {
        if (present && threshold?.min !== undefined && threshold.max === undefined) draft.priorLines = threshold.min;
      } else if (present) draft.diseaseState = add(draft.diseaseState, concept.value as NonNullable<Draft['diseaseState']>[number]);
      return;
    case 'prior-treatment':
      if (present && concept.planned !== true) draft.priorTreatments = add(draft.priorTreatments, concept.value as NonNullable<Draft['priorTreatments']>[number]);
      return;
    case 'cns':
      if (concept.value === 'cns-involvement') draft.cnsInvolvement = present;
      return;
    case 'infection':
      if (present) draft.infections = add(draft.infections, concept.value as NonNullable<Draft['infections']>[number]);
      return;
    case 'pregnancy':
      if (concept.value === 'pregnant') draft.pregnant = present;
      else if (concept.value === 'breastfeeding') draft.breastfeeding = present;
      return;
    case 'other-cancer':
      draft.otherCancer = present;
      return;
    case 'organ-function': {
      const value = threshold?.value;
      if (!present || value === undefined) return;
      if (concept.value === 'bilirubin' && threshold?.unit === 'x-uln') draft.bilirubinXUln = value;
      else if ((concept.value === 'alt' || concept.value === 'ast' || concept.value === 'alt-ast') && threshold?.unit === 'x-uln') draft.altAstXUln = value;
      else if (concept.value === 'creatinine-clearance' && (threshold?.unit === 'ml/min' || threshold?.unit === 'ml/min/1.73m2')) draft.creatinineClearanceMlMin = value;
      else if (concept.value === 'ejection-fraction' && threshold?.unit === 'percent') draft.ejectionFractionPercent = value;
      return;
    }
    case 'age': case 'sex': case 'performance-status': case 'consent':
      // Read from the whole text with the patterns above: a criterion's reading of these is about limits, not values.
      return;
  }
}

/** A questionnaire answer, "prior chemotherapy: no": the name and a yes/no value. */
const ANSWER = /^([^:]{1,60}):\s*(yes|no|none|never|negative|positive|absent|present|denies)\W*$/i;
const NO_ANSWER = /^(?:no|none|never|negative|absent|denies)$/i;

/**
 * Sentences of a description: its lines, the sentences of each, and the "name: value" pieces of a questionnaire
 * ("breast cancer. prior chemotherapy: no. ECOG: 1"). A yes/no answer is read as the name said or denied.
 */
function sentencesOf(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => splitSentences(line.trim()))
    .flatMap((sentence) => sentence.split(/\.\s+(?=[\w\s/-]{1,60}:)/))
    .map((piece) => {
      const answer = ANSWER.exec(piece.trim());
      if (answer === null) return piece;
      return NO_ANSWER.test(answer[2] ?? '') ? `No ${answer[1] ?? ''}` : (answer[1] ?? '');
    })
    .filter((s) => s.trim() !== '');
}

/**
 * Reads a free-text patient description into a profile (validated by PatientProfileSchema). Fields the text does
 * not speak to are left out, which the matcher reads as "I don't know".
 */
export function extractPatientProfile(text: string): PatientProfile {
  const draft: Draft = {};
  const age = readAgeYears(text);
  if (age !== undefined && age <= 120) draft.age = age;
  const sex = readSex(text);
  if (sex !== undefined) draft.sex = sex;
  for (const sentence of sentencesOf(text)) {
    for (const concept of readCriterion(sentence).concepts) apply(draft, concept);
  }
  const performance = readPerformance(text);
  if (performance !== undefined) draft.performanceStatus = performance;
  if (draft.sex === 'male') {
    draft.pregnant ??= false;
    draft.breastfeeding ??= false;
  }
  return PatientProfileSchema.parse(draft);
}
