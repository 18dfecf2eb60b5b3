/**
 * How each search parameter's text is read: one function per parameter, text in, the query's value or a
 * {@link Refusal} out. query-params.ts wires them into one zod schema; messages are written for the person who sent
 * the value, and never repeat more of it than needed (nothing of a postcode).
 */
import { AGE_GROUPS } from '../domain/age-group.ts';
import type { AgeGroup } from '../domain/age-group.ts';
import { CANCER_TYPES } from '../domain/classify/cancer-type.ts';
import { TREATMENT_KINDS } from '../domain/classify/treatment-kinds.ts';
import type { TreatmentKind } from '../domain/classify/treatment-kinds.ts';
import { InvalidInput } from '../domain/errors.ts';
import { parseUkPostcode } from '../domain/postcode.ts';
import { MAX_PAGE_SIZE, SORTS } from '../domain/query.ts';
import type { SortOrder } from '../domain/query.ts';
import { MAX_QUERY_LENGTH } from '../domain/search-text.ts';
import { OPEN_STATUSES, PHASES, STATUSES, STUDY_TYPES } from '../domain/trial.ts';
import type { Phase, StudyType, TrialStatus } from '../domain/trial.ts';
import { ownValue } from '../domain/own-key.ts';

/** Longest condition, intervention or country phrase: longer is a paste accident, not a search. */
export const MAX_PHRASE_LENGTH = 200;
/** Most values one repeatable parameter may carry, so one request cannot ask for thousands of OR-ed filters. */
export const MAX_VALUES_PER_PARAMETER = 50;
/** Page tokens are ours and short; anything longer was not issued by us. */
export const MAX_PAGE_TOKEN_LENGTH = 2048;
export const MAX_AGE_YEARS = 130;
/** Farthest `within` distance: more than Land's End to John o' Groats (about 600 miles as the crow flies). */
export const MAX_WITHIN_MILES = 1000;

/** A reason a value was refused; turned into a zod issue (and then an `InvalidInput`) by query-params.ts. */
export class Refusal {
  constructor(readonly message: string) {}
}

/** Quotes what the user sent back to them, shortened so an error never echoes kilobytes. */
function quoted(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

function isOneOf<T extends string>(values: readonly T[], candidate: string): candidate is T {
  return (values as readonly string[]).includes(candidate);
}

/** Keeps the values of `order` that were asked for, in canonical order, so equal filters give equal queries. */
function inOrder<T extends string>(order: readonly T[], wanted: ReadonlySet<T>): T[] {
  return order.filter((value) => wanted.has(value));
}

/** Comma-separated and/or repeated values, trimmed, empties dropped ("status=" is no filter). */
function commaValues(values: readonly string[]): string[] {
  return values.flatMap((value) => value.split(',')).map((value) => value.trim()).filter((value) => value !== '');
}

/** Statuses as users and registries spell them: "NOT_YET_RECRUITING", "not yet recruiting", "Recruiting". */
export function readStatuses(values: readonly string[]): TrialStatus[] | Refusal {
  const wanted = new Set<TrialStatus>();
  for (const value of commaValues(values)) {
    const key = value.toLowerCase().replace(/[\s_-]+/g, '-');
    // "recruiting" is what a patient means by "can I join": trials about to open count too (PRODUCT.md).
    if (key === 'recruiting') for (const status of OPEN_STATUSES) wanted.add(status);
    else if (isOneOf(STATUSES, key)) wanted.add(key);
    else return new Refusal(`status ${quoted(value)} is not one of: ${STATUSES.join(', ')}.`);
  }
  return inOrder(STATUSES, wanted);
}

/** Phase spellings after upper-casing and removing spaces, dashes, underscores and a leading "PHASE". */
const PHASE_KEYS: Readonly<Record<string, Phase>> = {
  EARLY1: 'early-1',
  EARLYI: 'early-1',
  // CT.gov calls phase 0 "Early Phase 1".
  '0': 'early-1',
  '1': '1',
  I: '1',
  '2': '2',
  II: '2',
  '3': '3',
  III: '3',
  '4': '4',
  IV: '4',
  NA: 'not-applicable',
  'N/A': 'not-applicable',
  NOTAPPLICABLE: 'not-applicable',
};

/** Phases as our values ("2", "early-1"), CT.gov enums ("PHASE2", "EARLY_PHASE1") or roman numerals ("II"). */
export function readPhases(values: readonly string[]): Phase[] | Refusal {
  const wanted = new Set<Phase>();
  for (const value of commaValues(values)) {
    const key = value
      .toUpperCase()
      .replace(/[\s_-]+/g, '')
      .replace(/^PHASE/, '')
      .replace(/^EARLYPHASE/, 'EARLY');
    const phase = ownValue(PHASE_KEYS, key);
    if (phase === undefined) return new Refusal(`phase ${quoted(value)} is not one of: ${PHASES.join(', ')}.`);
    wanted.add(phase);
  }
  return inOrder(PHASES, wanted);
}

export function readStudyTypes(values: readonly string[]): StudyType[] | Refusal {
  const wanted = new Set<StudyType>();
  for (const value of commaValues(values)) {
    const key = value.toLowerCase().replace(/[\s_-]+/g, '-');
    if (!isOneOf(STUDY_TYPES, key)) {
      return new Refusal(`studyType ${quoted(value)} is not one of: ${STUDY_TYPES.join(', ')}.`);
    }
    wanted.add(key);
  }
  return inOrder(STUDY_TYPES, wanted);
}

/**
 * Phrases given by repetition only: condition names contain commas ("Leukemia, Lymphoblastic"), so a comma
 * cannot separate them. Repeats are dropped, first spelling kept.
 */
export function phrases(name: string, tidy: (value: string) => string = (value) => value) {
  return (values: readonly string[]): string[] | Refusal => {
    const kept = new Map<string, string>();
    for (const raw of values) {
      const value = tidy(raw.trim().replace(/\s+/g, ' '));
      if (value === '') continue;
      if (value.length > MAX_PHRASE_LENGTH) {
        return new Refusal(`Each ${name} must be at most ${MAX_PHRASE_LENGTH} characters.`);
      }
      if (!kept.has(value.toLowerCase())) kept.set(value.toLowerCase(), value);
    }
    if (kept.size > MAX_VALUES_PER_PARAMETER) {
      return new Refusal(`Give at most ${MAX_VALUES_PER_PARAMETER} values of ${name}.`);
    }
    return [...kept.values()];
  };
}

export function readQ(value: string): string | Refusal {
  // Counted in characters as people see them (code points), so an emoji is one, not two.
  if (Array.from(value).length > MAX_QUERY_LENGTH) return new Refusal(`q must be at most ${MAX_QUERY_LENGTH} characters.`);
  return value;
}

export function readAge(value: string): number | Refusal {
  // Digits with an optional decimal part only: "1e2", "0x10", "-5" and "Infinity" are not ages people type.
  const age = /^\d{1,3}(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  if (!(age >= 0 && age <= MAX_AGE_YEARS)) {
    return new Refusal(`age must be a number of years from 0 to ${MAX_AGE_YEARS}, not ${quoted(value)}.`);
  }
  return age;
}

export function readSex(value: string): 'female' | 'male' | null | Refusal {
  const key = value.toLowerCase();
  if (key === 'female' || key === 'male') return key;
  // "all" is what registries call "no restriction": as a filter it restricts nothing.
  if (key === 'all') return null;
  return new Refusal(`sex must be female, male or all, not ${quoted(value)}.`);
}

const TRUE_WORDS = new Set(['true', 'yes', '1']);
const FALSE_WORDS = new Set(['false', 'no', '0']);

export function yesNo(name: string) {
  return (value: string): boolean | Refusal => {
    const key = value.toLowerCase();
    if (TRUE_WORDS.has(key)) return true;
    if (FALSE_WORDS.has(key)) return false;
    return new Refusal(`${name} must be true or false (or yes/no, 1/0), not ${quoted(value)}.`);
  };
}

export function readUpdatedSince(value: string): string | Refusal {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null;
  // The round trip rejects dates that do not exist (2023-02-30 would otherwise roll over to 2 March).
  const real = date !== null && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  return real ? value : new Refusal(`updatedSince must be a real date written YYYY-MM-DD, not ${quoted(value)}.`);
}

export function readSort(value: string): SortOrder | Refusal {
  const key = value.toLowerCase();
  return isOneOf(SORTS, key) ? key : new Refusal(`sort must be one of: ${SORTS.join(', ')}.`);
}

export function readPageSize(value: string): number | Refusal {
  const size = /^\d{1,3}$/.test(value) ? Number(value) : Number.NaN;
  if (!(size >= 1 && size <= MAX_PAGE_SIZE)) {
    return new Refusal(`pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}, not ${quoted(value)}.`);
  }
  return size;
}

export function readPageToken(value: string): string | Refusal {
  // Tokens are opaque but ours: printable ASCII. The store decides whether one is genuine.
  if (value.length > MAX_PAGE_TOKEN_LENGTH || !/^[\x21-\x7e]+$/.test(value)) {
    return new Refusal('pageToken is not a page token this service issued; start again from the first page.');
  }
  return value;
}

/** An id as people may type it: any case, spaces or underscores for dashes ("Stem cell transplant", "CAR_T"). */
function idKey(value: string): string {
  return value.toLowerCase().replace(/[\s_-]+/g, '-');
}

/** Values from a fixed list of ids, comma-separated and/or repeated, kept in the list's order. */
function ids<T extends string>(name: string, order: readonly T[], known: () => string) {
  return (values: readonly string[]): T[] | Refusal => {
    const wanted = new Set<T>();
    for (const value of commaValues(values)) {
      const key = idKey(value);
      if (!isOneOf(order, key)) return new Refusal(`${name} ${quoted(value)} is not one of ${known()}.`);
      wanted.add(key);
    }
    return inOrder(order, wanted);
  };
}

const CANCER_TYPE_IDS = CANCER_TYPES.map((type) => type.id);
/** Cancer types named when a value is refused: 66 ids are too many for a message, so the commonest and a pointer. */
const CANCER_TYPE_EXAMPLES = ['acute-lymphoblastic-leukaemia', 'leukaemia', 'lymphoma', 'myeloma', 'breast-cancer', 'lung-cancer'];

export const readCancerTypes = ids('cancerType', CANCER_TYPE_IDS, () =>
  `the cancer type ids, such as ${CANCER_TYPE_EXAMPLES.join(', ')} (all ${CANCER_TYPE_IDS.length}: GET /api/vocab/cancer-types)`,
);
export const readTreatments = ids<TreatmentKind>('treatment', TREATMENT_KINDS, () => TREATMENT_KINDS.join(', '));
export const readAgeGroups = ids<AgeGroup>('ageGroup', AGE_GROUPS, () => AGE_GROUPS.join(', '));

/**
 * A UK postcode or district, kept in its standard form ("SW1A 1AA", "M1"). Whether the district is in our table is
 * the search's question (src/search/search-trials.ts); here only its shape. The refusal never repeats what was sent:
 * a full postcode is personal data, and error messages reach logs and screens.
 */
export function readPostcode(value: string): string | Refusal {
  try {
    const parsed = parseUkPostcode(value);
    return parsed.full ?? parsed.district;
  } catch (error) {
    if (error instanceof InvalidInput) return new Refusal(error.message);
    throw error;
  }
}

export function readWithin(value: string): number | Refusal {
  const miles = /^\d{1,4}(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  if (!(miles > 0 && miles <= MAX_WITHIN_MILES)) {
    return new Refusal(`within must be a number of miles above 0 and at most ${MAX_WITHIN_MILES}, not ${quoted(value)}.`);
  }
  return miles;
}
