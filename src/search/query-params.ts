/**
 * The one reader of search parameters, shared by the JSON API (query string) and the CLI (flags): raw text values
 * in, a validated {@link TrialQuery} out, or an `InvalidInput` naming the parameter at fault.
 */
import { z } from 'zod';
import { canonicalCountry } from '../domain/country.ts';
import { InvalidInput } from '../domain/errors.ts';
import { DEFAULT_PAGE_SIZE, EMPTY_QUERY, MAX_PAGE_SIZE, SORTS } from '../domain/query.ts';
import type { SortOrder, TrialQuery } from '../domain/query.ts';
import { MAX_QUERY_LENGTH } from '../domain/search-text.ts';
import { OPEN_STATUSES, PHASES, STATUSES, STUDY_TYPES } from '../domain/trial.ts';
import type { Phase, StudyType, TrialStatus } from '../domain/trial.ts';

/** Longest condition, intervention or country phrase: longer is a paste accident, not a search. */
export const MAX_PHRASE_LENGTH = 200;
/** Most values one repeatable parameter may carry, so one request cannot ask for thousands of OR-ed filters. */
export const MAX_VALUES_PER_PARAMETER = 50;
/** Page tokens are ours and short; anything longer was not issued by us. */
export const MAX_PAGE_TOKEN_LENGTH = 2048;
export const MAX_AGE_YEARS = 130;

/** A reason a value was refused; turned into a zod issue (and then an `InvalidInput`) by {@link param}. */
class Refusal {
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

/**
 * A parameter that may appear once: the raw value is text (the CLI and the query-string parser both give text);
 * `read` turns it into the query's value or refuses it. An absent or empty value means `fallback`.
 */
function single<T>(name: string, read: (value: string) => T | Refusal, fallback: T) {
  return z
    .string({
      error: (issue) =>
        Array.isArray(issue.input) ? `Give ${name} only once.` : `${name} must be text.`,
    })
    .optional()
    .transform((raw, ctx): T => {
      const value = raw?.trim() ?? '';
      if (value === '') return fallback;
      const result = read(value);
      if (result instanceof Refusal) {
        ctx.addIssue({ code: 'custom', message: result.message, input: raw });
        return z.NEVER;
      }
      return result;
    });
}

/**
 * A repeatable parameter: one value or many (`?condition=a&condition=b`), read together by `read`.
 * The preprocess step only wraps a lone value in a list, so the OpenAPI document shows an array of strings.
 */
function repeated<T>(name: string, read: (values: readonly string[]) => T | Refusal) {
  return z
    .preprocess(
      (raw) => (typeof raw === 'string' ? [raw] : raw),
      z.array(z.string({ error: `Each ${name} must be text.` }), { error: `${name} must be text.` }),
    )
    .optional()
    .transform((raw, ctx): T => {
      const result = read(raw ?? []);
      if (result instanceof Refusal) {
        ctx.addIssue({ code: 'custom', message: result.message, input: raw });
        return z.NEVER;
      }
      return result;
    });
}

/** Statuses as users and registries spell them: "NOT_YET_RECRUITING", "not yet recruiting", "Recruiting". */
function readStatuses(values: readonly string[]): TrialStatus[] | Refusal {
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
function readPhases(values: readonly string[]): Phase[] | Refusal {
  const wanted = new Set<Phase>();
  for (const value of commaValues(values)) {
    const key = value
      .toUpperCase()
      .replace(/[\s_-]+/g, '')
      .replace(/^PHASE/, '')
      .replace(/^EARLYPHASE/, 'EARLY');
    const phase = PHASE_KEYS[key];
    if (phase === undefined) return new Refusal(`phase ${quoted(value)} is not one of: ${PHASES.join(', ')}.`);
    wanted.add(phase);
  }
  return inOrder(PHASES, wanted);
}

function readStudyTypes(values: readonly string[]): StudyType[] | Refusal {
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
function phrases(name: string, tidy: (value: string) => string = (value) => value) {
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

function readQ(value: string): string | Refusal {
  // Counted in characters as people see them (code points), so an emoji is one, not two.
  if (Array.from(value).length > MAX_QUERY_LENGTH) return new Refusal(`q must be at most ${MAX_QUERY_LENGTH} characters.`);
  return value;
}

function readAge(value: string): number | Refusal {
  // Digits with an optional decimal part only: "1e2", "0x10", "-5" and "Infinity" are not ages people type.
  const age = /^\d{1,3}(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  if (!(age >= 0 && age <= MAX_AGE_YEARS)) {
    return new Refusal(`age must be a number of years from 0 to ${MAX_AGE_YEARS}, not ${quoted(value)}.`);
  }
  return age;
}

function readSex(value: string): 'female' | 'male' | null | Refusal {
  const key = value.toLowerCase();
  if (key === 'female' || key === 'male') return key;
  // "all" is what registries call "no restriction": as a filter it restricts nothing.
  if (key === 'all') return null;
  return new Refusal(`sex must be female, male or all, not ${quoted(value)}.`);
}

const TRUE_WORDS = new Set(['true', 'yes', '1']);
const FALSE_WORDS = new Set(['false', 'no', '0']);

function yesNo(name: string) {
  return (value: string): boolean | Refusal => {
    const key = value.toLowerCase();
    if (TRUE_WORDS.has(key)) return true;
    if (FALSE_WORDS.has(key)) return false;
    return new Refusal(`${name} must be true or false (or yes/no, 1/0), not ${quoted(value)}.`);
  };
}

function readUpdatedSince(value: string): string | Refusal {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null;
  // The round trip rejects dates that do not exist (2023-02-30 would otherwise roll over to 2 March).
  const real = date !== null && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  return real ? value : new Refusal(`updatedSince must be a real date written YYYY-MM-DD, not ${quoted(value)}.`);
}

function readSort(value: string): SortOrder | Refusal {
  const key = value.toLowerCase();
  return isOneOf(SORTS, key) ? key : new Refusal(`sort must be one of: ${SORTS.join(', ')}.`);
}

function readPageSize(value: string): number | Refusal {
  const size = /^\d{1,3}$/.test(value) ? Number(value) : Number.NaN;
  if (!(size >= 1 && size <= MAX_PAGE_SIZE)) {
    return new Refusal(`pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}, not ${quoted(value)}.`);
  }
  return size;
}

function readPageToken(value: string): string | Refusal {
  // Tokens are opaque but ours: printable ASCII. The store decides whether one is genuine.
  if (value.length > MAX_PAGE_TOKEN_LENGTH || !/^[\x21-\x7e]+$/.test(value)) {
    return new Refusal('pageToken is not a page token this service issued; start again from the first page.');
  }
  return value;
}

const PARAMETERS = {
  q: single('q', readQ, null).meta({
    description: `Free text (at most ${MAX_QUERY_LENGTH} characters). Words in double quotes are a phrase; nothing is treated as an operator.`,
  }),
  status: repeated('status', readStatuses).meta({
    description:
      `Trial statuses, comma-separated and/or repeated: ${STATUSES.join(', ')}. ` +
      '"recruiting" means recruiting or not yet recruiting. Case, spaces and underscores are ignored.',
  }),
  phase: repeated('phase', readPhases).meta({
    description: `Phases, comma-separated and/or repeated: ${PHASES.join(', ')} (also PHASE2, II, early1).`,
  }),
  studyType: repeated('studyType', readStudyTypes).meta({
    description: `Study types, comma-separated and/or repeated: ${STUDY_TYPES.join(', ')}.`,
  }),
  condition: repeated('condition', phrases('condition')).meta({
    description: 'A condition phrase; repeat the parameter for several (any may match). Commas are part of the phrase.',
  }),
  intervention: repeated('intervention', phrases('intervention')).meta({
    description: 'An intervention phrase (drug, procedure ...); repeat the parameter for several (any may match).',
  }),
  country: repeated('country', phrases('country', canonicalCountry)).meta({
    description: 'A country with a trial site ("United Kingdom", "UK"); repeat the parameter for several.',
  }),
  age: single('age', readAge, null).meta({
    description: `A person's age in years, 0 to ${MAX_AGE_YEARS}, decimals allowed: trials whose age limits include it.`,
  }),
  sex: single('sex', readSex, null).meta({
    description: 'female or male: trials open to that sex. "all" means no filter.',
  }),
  healthyVolunteers: single('healthyVolunteers', yesNo('healthyVolunteers'), null).meta({
    description: 'true or false (also yes/no, 1/0): whether the trial accepts healthy volunteers.',
  }),
  hasResults: single('hasResults', yesNo('hasResults'), null).meta({
    description: 'true or false (also yes/no, 1/0): whether the trial has posted results.',
  }),
  updatedSince: single('updatedSince', readUpdatedSince, null).meta({
    description: 'A date, YYYY-MM-DD: trials last updated on or after it.',
  }),
  sort: single('sort', readSort, EMPTY_QUERY.sort).meta({
    description: `${SORTS.join(' or ')}; default ${EMPTY_QUERY.sort}.`,
  }),
  pageSize: single('pageSize', readPageSize, DEFAULT_PAGE_SIZE).meta({
    description: `Trials per page, 1 to ${MAX_PAGE_SIZE}; default ${DEFAULT_PAGE_SIZE}.`,
  }),
  pageToken: single('pageToken', readPageToken, null).meta({
    description: 'The nextPageToken of the previous page; omit for the first page.',
  }),
};

/** The names of every search parameter, in documentation order. */
export const SEARCH_PARAMETERS = Object.keys(PARAMETERS) as readonly (keyof typeof PARAMETERS)[];

/**
 * The search parameters as a zod schema: raw text values in (what the OpenAPI document describes), a
 * {@link TrialQuery} out. Unknown parameters are refused so a typo ("staus=recruiting") never silently
 * returns every trial.
 */
export const trialQueryParamsSchema = z
  .strictObject(PARAMETERS, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Unknown parameter ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}; ` +
          `the parameters are: ${SEARCH_PARAMETERS.join(', ')}.`
        : 'Search parameters must be a set of named values.',
  })
  .transform(
    (params): TrialQuery => ({
      q: params.q,
      statuses: params.status,
      phases: params.phase,
      studyTypes: params.studyType,
      conditions: params.condition,
      interventions: params.intervention,
      countries: params.country,
      age: params.age,
      sex: params.sex,
      healthyVolunteers: params.healthyVolunteers,
      hasResults: params.hasResults,
      updatedSince: params.updatedSince,
      sort: params.sort,
      pageSize: params.pageSize,
      pageToken: params.pageToken,
    }),
  );

/** Search parameters as they arrive: text, or lists of text for repeated parameters. */
export type TrialQueryParams = z.input<typeof trialQueryParamsSchema>;

/**
 * Reads search parameters (a parsed query string, or CLI flags under the same names) into a {@link TrialQuery}.
 * Empty values mean "no filter".
 *
 * @throws InvalidInput naming the first parameter at fault (its `field`), for unknown parameters too.
 */
export function parseTrialQuery(params: Readonly<Record<string, unknown>>): TrialQuery {
  const result = trialQueryParamsSchema.safeParse(params);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue === undefined) throw new InvalidInput('The search parameters could not be read.');
  const field = issue.code === 'unrecognized_keys' ? issue.keys[0] : issue.path[0];
  throw new InvalidInput(issue.message, typeof field === 'string' ? field : null);
}
