/**
 * Age and sex from a free-text patient description ("A 58-year-old African-American woman", "48 M with a h/o HTN",
 * "a 6 yo girl", "age: 39"). A stop-gap for the benchmark pipeline until the product reads patient descriptions
 * itself; it looks only at the wording case reports and TREC topics use.
 */

export interface PatientFacts {
  /** Age in years (months and weeks as fractions); null when the text does not say. */
  readonly ageYears: number | null;
  readonly sex: 'female' | 'male' | null;
}

const UNIT_YEARS: Readonly<Record<string, number>> = { y: 1, yr: 1, year: 1, month: 1 / 12, mo: 1 / 12, week: 7 / 365.25, wk: 7 / 365.25, day: 1 / 365.25 };

/** "58-year-old", "58 year old", "58 yo", "58y/o", "6-month-old", "2-week-old", "58-yr-old". */
const AGED = /\b(\d{1,3}(?:\.\d+)?)[\s-]*(years?|yrs?|y|months?|mo|weeks?|wks?|days?)[\s-]*(?:old\b|o\b|\/o\b)/i;
/** "aged 58", "age: 39", "age 39", "at the age of 58". */
const AGE_WORD = /\bage(?:d|\s+of)?\s*[:=]?\s*(\d{1,3})\b/i;
/** "48 M with", "48M", "62 F presents" at the very start of a note. */
const AGE_SEX_START = /^\s*(\d{1,3})\s*-?\s*(m|f|male|female)\b/i;

const FEMALE_WORDS = /\b(woman|women|female|girl|lady|mother|she|her|hers|herself|pregnant|postmenopausal|premenopausal|gravida)\b/gi;
const MALE_WORDS = /\b(man|men|male|boy|gentleman|father|he|his|him|himself)\b/gi;

function unitYears(unit: string): number {
  const key = unit.toLowerCase().replace(/s$/, '');
  return UNIT_YEARS[key] ?? 1;
}

/** The patient's age in years, or null. */
export function extractAge(text: string): number | null {
  const start = AGE_SEX_START.exec(text);
  if (start?.[1] !== undefined) return Number(start[1]);
  const aged = AGED.exec(text);
  if (aged?.[1] !== undefined && aged[2] !== undefined) return Math.round(Number(aged[1]) * unitYears(aged[2]) * 100) / 100;
  const word = AGE_WORD.exec(text);
  return word?.[1] === undefined ? null : Number(word[1]);
}

/**
 * The patient's sex, or null. "48 M" at the start decides; otherwise the words for the patient and the pronouns
 * are counted, the majority winning (a description mentions other people less than the patient).
 */
export function extractSex(text: string): 'female' | 'male' | null {
  const start = AGE_SEX_START.exec(text);
  if (start?.[2] !== undefined) return start[2].toLowerCase().startsWith('f') ? 'female' : 'male';
  const female = text.match(FEMALE_WORDS)?.length ?? 0;
  const male = text.match(MALE_WORDS)?.length ?? 0;
  if (female === male) return null;
  return female > male ? 'female' : 'male';
}

/** Age and sex from a patient description. */
export function extractPatientFacts(text: string): PatientFacts {
  return { ageYears: extractAge(text), sex: extractSex(text) };
}
