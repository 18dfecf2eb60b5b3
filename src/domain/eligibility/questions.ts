/**
 * The questionnaire's questions: one per field of the patient profile, read off `PatientProfileSchema` itself (its
 * fields, their kinds, their allowed values and numeric ranges), so a field added to the profile is a question and a
 * value added to a vocabulary is an answer, with no second list to keep in step. Only the words are written here,
 * and the compiler checks there are words for every field and every value.
 */
import { z } from 'zod';
import type {
  CancerTypeValue, Concept, DiseaseStateValue, InfectionValue, PriorTreatmentValue,
} from './criterion.ts';
import { PatientProfileSchema } from './profile.ts';
import type { PatientProfile } from './profile.ts';

/** A field of the profile; each is one question. */
export type ProfileField = keyof PatientProfile;

export const QUESTION_KINDS = ['number', 'choice', 'multi', 'yes-no'] as const;
/** number: type a value; choice: pick one; multi: tick any (or "none of these"); yes-no: pick yes or no. */
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** One answer a person can pick. `value` is its token in a form or an API field; `answer` goes into the profile. */
export interface AnswerOption {
  readonly value: string;
  readonly label: string;
  readonly answer: PatientProfile[ProfileField];
}

export interface NumberInput {
  readonly min: number;
  readonly max: number;
  /** The smallest difference that matters (1 year, 0.1 times the upper limit of normal). */
  readonly step: number;
  /** "years", "times the upper limit of normal", ... */
  readonly unit: string;
}

export interface Question {
  readonly field: ProfileField;
  readonly kind: QuestionKind;
  /** The question in plain English ("How old are you?"). */
  readonly text: string;
  /** Where to find the answer, or what a word means; null when none is needed. */
  readonly hint: string | null;
  /** The answers to pick from (choice, multi, yes-no); empty for number questions. */
  readonly options: readonly AnswerOption[];
  /** For number questions: the allowed range (from the schema) and its unit; null otherwise. */
  readonly input: NumberInput | null;
}

/** The token for "none of these" in a multi question (an empty list in the profile). */
export const NONE_OF_THESE = 'none';

/** Labels for a vocabulary: every value must be named; null keeps a value out of the questionnaire. */
type Labels<V extends string> = Readonly<Record<V, string | null>>;

interface Words {
  readonly text: string;
  readonly hint?: string;
  readonly labels?: Readonly<Record<string, string | null>>;
  readonly unit?: string;
  readonly step?: number;
  /** For a field that is an object (performance status): the answers offered, each checked against the schema. */
  readonly answers?: readonly { readonly value: string; readonly label: string; readonly answer: unknown }[];
}

const CANCER_TYPES: Labels<CancerTypeValue> = {
  all: 'Acute lymphoblastic leukaemia (ALL), type not known',
  'b-all': 'B-cell ALL',
  't-all': 'T-cell ALL',
  'ph-positive': 'Philadelphia-positive (Ph+)',
  'ph-negative': 'Philadelphia-negative (Ph-)',
  'ph-like': 'Ph-like ALL',
  'bcr-abl1': 'The BCR-ABL1 gene change',
  'cd19-positive': 'Leukaemia cells carry CD19',
  'cd22-positive': 'Leukaemia cells carry CD22',
  aml: 'Acute myeloid leukaemia (AML)',
  cml: 'Chronic myeloid leukaemia (CML)',
  cll: 'Chronic lymphocytic leukaemia (CLL)',
  lymphoma: 'Lymphoma',
  myeloma: 'Myeloma',
  mds: 'Myelodysplastic syndrome (MDS)',
  'other-leukaemia': 'Another kind of leukaemia',
  'solid-tumour': 'A solid tumour (a cancer that is not a blood cancer)',
};

const DISEASE_STATES: Labels<DiseaseStateValue> = {
  'newly-diagnosed': 'Newly diagnosed, not yet treated',
  'first-remission': 'In first remission',
  'second-or-later-remission': 'In a second or later remission',
  remission: 'In remission (not sure which)',
  'mrd-positive': 'MRD positive (a few leukaemia cells can still be found)',
  'mrd-negative': 'MRD negative (no leukaemia cells can be found)',
  relapsed: 'Relapsed (it came back after treatment)',
  refractory: 'Refractory (it did not respond to treatment)',
  // The number of treatments is its own question (priorLines).
  'prior-lines': null,
};

const PRIOR_TREATMENTS: Labels<PriorTreatmentValue> = {
  'allogeneic-transplant': 'A stem cell transplant from a donor (allogeneic)',
  'autologous-transplant': 'A stem cell transplant of your own cells (autologous)',
  transplant: 'A stem cell transplant (not sure which kind)',
  'car-t': 'CAR T-cell therapy',
  tki: 'A targeted drug called a TKI (not sure which)',
  imatinib: 'Imatinib (Glivec)',
  dasatinib: 'Dasatinib (Sprycel)',
  nilotinib: 'Nilotinib (Tasigna)',
  bosutinib: 'Bosutinib (Bosulif)',
  ponatinib: 'Ponatinib (Iclusig)',
  asciminib: 'Asciminib (Scemblix)',
  blinatumomab: 'Blinatumomab (Blincyto)',
  inotuzumab: 'Inotuzumab ozogamicin (Besponsa)',
  rituximab: 'Rituximab',
  chemotherapy: 'Chemotherapy',
  radiotherapy: 'Radiotherapy',
  'investigational-agent': 'A drug in another clinical trial',
  'other-drug': null,
};

const INFECTIONS: Labels<InfectionValue> = {
  hiv: 'HIV',
  'hepatitis-b': 'Hepatitis B',
  'hepatitis-c': 'Hepatitis C',
  'active-infection': 'An infection that is not under control now',
};

const ECOG = [
  'Fully active, as before your illness',
  'Cannot do heavy physical work, but can do light work such as housework or office work',
  'Up and about more than half the day and can look after yourself, but cannot work',
  'In bed or a chair more than half the day, and need some help looking after yourself',
  'In bed or a chair all the time, and need help with everything',
];

const YES_NO = { yes: 'Yes', no: 'No' };

/** The words of every question. The `satisfies` clause makes a new profile field a compile error until it has words. */
const WORDS = {
  age: { text: 'How old are you?', unit: 'years', step: 1 },
  sex: { text: 'What sex were you registered at birth?', hint: 'Trials ask about this because some treatments affect the body differently.', labels: { female: 'Female', male: 'Male' } },
  cancerType: {
    text: 'What kind of cancer do you have?',
    hint: 'Tick all that your specialist has told you about. Ph+ and Ph- are results of a test on the leukaemia cells.',
    labels: CANCER_TYPES,
  },
  diseaseState: {
    text: 'Where are you with your illness now?',
    hint: 'Tick all that apply. Remission means no sign of leukaemia on tests.',
    labels: DISEASE_STATES,
  },
  priorLines: { text: 'How many different treatments (courses) have you had for this cancer?', hint: 'Type 0 if you have not been treated yet.', unit: 'treatments', step: 1 },
  priorTreatments: { text: 'Which of these treatments have you had?', hint: 'Tick all you have had, or "None of these".', labels: PRIOR_TREATMENTS },
  performanceStatus: {
    text: 'Which sentence describes you best on most days?',
    hint: 'Doctors call this your performance status (ECOG score).',
    answers: ECOG.map((label, value) => ({ value: `ecog-${value}`, label, answer: { scale: 'ecog', value } })),
  },
  bilirubinXUln: {
    text: 'What was your latest bilirubin result, as a multiple of the upper limit of normal?',
    hint: 'A liver blood test. Your specialist or your test results can tell you; 1 means at the top of the normal range.',
    unit: 'times the upper limit of normal',
    step: 0.1,
  },
  creatinineClearanceMlMin: {
    text: 'What was your latest creatinine clearance (kidney function) result?',
    hint: 'In mL a minute. Your specialist or your test results can tell you.',
    unit: 'mL/min',
    step: 1,
  },
  altAstXUln: {
    text: 'What was your latest ALT or AST result, as a multiple of the upper limit of normal?',
    hint: 'Liver blood tests. 1 means at the top of the normal range.',
    unit: 'times the upper limit of normal',
    step: 0.1,
  },
  ejectionFractionPercent: {
    text: 'What was your latest heart ejection fraction?',
    hint: 'A percentage from a heart scan (echo or MUGA). Your specialist can tell you.',
    unit: '%',
    step: 1,
  },
  cnsInvolvement: { text: 'Has the leukaemia spread to your brain or spinal fluid (CNS)?', labels: YES_NO },
  infections: { text: 'Do you have any of these infections?', hint: 'Tick all that apply, or "None of these".', labels: INFECTIONS },
  pregnant: { text: 'Are you pregnant?', labels: YES_NO },
  breastfeeding: { text: 'Are you breastfeeding?', labels: YES_NO },
  otherCancer: { text: 'Have you had another, different cancer before?', labels: YES_NO },
} satisfies Readonly<Record<ProfileField, Words>>;

/** Which concepts a field answers: a trial none of whose criteria has such a concept cannot change with it. */
const ANSWERS_CONCEPT: { readonly [F in ProfileField]: (concept: Concept) => boolean } = {
  age: (c) => c.type === 'age',
  sex: (c) => c.type === 'sex',
  cancerType: (c) => c.type === 'cancer-type',
  // "Newly diagnosed" also means no treatments yet, so it answers "at least one prior line" too.
  diseaseState: (c) => c.type === 'disease-state',
  priorLines: (c) => c.type === 'disease-state' && c.value === 'prior-lines',
  priorTreatments: (c) => c.type === 'prior-treatment',
  performanceStatus: (c) => c.type === 'performance-status',
  bilirubinXUln: (c) => c.type === 'organ-function' && c.value === 'bilirubin',
  creatinineClearanceMlMin: (c) => c.type === 'organ-function' && c.value === 'creatinine-clearance',
  altAstXUln: (c) => c.type === 'organ-function' && (c.value === 'alt' || c.value === 'ast' || c.value === 'alt-ast'),
  ejectionFractionPercent: (c) => c.type === 'organ-function' && c.value === 'ejection-fraction',
  cnsInvolvement: (c) => c.type === 'cns',
  infections: (c) => c.type === 'infection',
  pregnant: (c) => c.type === 'pregnancy' && c.value === 'pregnant',
  breastfeeding: (c) => c.type === 'pregnancy' && c.value === 'breastfeeding',
  otherCancer: (c) => c.type === 'other-cancer',
};

/** True when the answer to `field` can decide `concept`. */
export function fieldAnswers(field: ProfileField, concept: Concept): boolean {
  return ANSWERS_CONCEPT[field](concept);
}

function unwrap(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodOptional ? unwrap(schema.unwrap() as z.ZodType) : schema;
}

function enumOptions(field: ProfileField, schema: z.ZodType, words: Words): AnswerOption[] {
  if (!(schema instanceof z.ZodEnum)) throw new Error(`Profile field ${field}: expected a list of named values.`);
  const values = schema.options as readonly string[];
  return values.flatMap((value) => {
    const label = words.labels?.[value];
    if (label === undefined) throw new Error(`Profile field ${field}: no words for the value ${JSON.stringify(value)}.`);
    return label === null ? [] : [{ value, label, answer: value } as AnswerOption];
  });
}

/** Reads one field's schema into a question; throws (at start-up, and in the tests) when the words do not fit it. */
function questionOf(field: ProfileField, fieldSchema: z.ZodType): Question {
  const words: Words = WORDS[field];
  const schema = unwrap(fieldSchema);
  const base = { field, text: words.text, hint: words.hint ?? null };
  if (schema instanceof z.ZodNumber) {
    const { minValue, maxValue } = schema;
    if (minValue === null || maxValue === null || words.unit === undefined || words.step === undefined) {
      throw new Error(`Profile field ${field}: a number needs bounds in the schema and a unit and step in the words.`);
    }
    return { ...base, kind: 'number', options: [], input: { min: minValue, max: maxValue, step: words.step, unit: words.unit } };
  }
  if (schema instanceof z.ZodBoolean) {
    const options: AnswerOption[] = [
      { value: 'yes', label: words.labels?.['yes'] ?? 'Yes', answer: true },
      { value: 'no', label: words.labels?.['no'] ?? 'No', answer: false },
    ];
    return { ...base, kind: 'yes-no', options, input: null };
  }
  if (schema instanceof z.ZodEnum) return { ...base, kind: 'choice', options: enumOptions(field, schema, words), input: null };
  if (schema instanceof z.ZodArray) return { ...base, kind: 'multi', options: enumOptions(field, schema.element as z.ZodType, words), input: null };
  if (schema instanceof z.ZodObject && words.answers !== undefined) {
    const options = words.answers.map((option) => {
      const checked = fieldSchema.safeParse(option.answer);
      if (!checked.success) throw new Error(`Profile field ${field}: the answer ${option.value} does not fit the schema.`);
      return { value: option.value, label: option.label, answer: checked.data as PatientProfile[ProfileField] };
    });
    return { ...base, kind: 'choice', options, input: null };
  }
  throw new Error(`Profile field ${field}: no question can be made from its schema.`);
}

/** Every question, in the profile schema's order (which is also the order to ask in when questions tie). */
export const QUESTIONS: readonly Question[] = Object.entries(PatientProfileSchema.shape).map(([field, schema]) =>
  questionOf(field as ProfileField, schema as z.ZodType),
);

const BY_FIELD: ReadonlyMap<string, Question> = new Map(QUESTIONS.map((question) => [question.field, question]));

/** The question for a field, or undefined for a name that is not a profile field. */
export function questionFor(field: string): Question | undefined {
  return BY_FIELD.get(field);
}

/** The profile fields, in order: what a "skipped" list may name. */
export const PROFILE_FIELDS: readonly ProfileField[] = QUESTIONS.map((question) => question.field);

/** True when `name` is a profile field. */
export function isProfileField(name: string): name is ProfileField {
  return BY_FIELD.has(name);
}
