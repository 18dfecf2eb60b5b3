/**
 * The one reader of search parameters, shared by the JSON API (query string) and the CLI (flags): raw text values
 * in, a validated {@link TrialQuery} out, or an `InvalidInput` naming the parameter at fault. Each value is read by
 * param-values.ts; here they become one schema, with the rules that join parameters (distance needs a postcode).
 */
import { z } from 'zod';
import { AGE_GROUPS } from '../domain/age-group.ts';
import { TREATMENT_KINDS } from '../domain/classify/treatment-kinds.ts';
import { InvalidInput } from '../domain/errors.ts';
import { canonicalCountry } from '../domain/country.ts';
import { DEFAULT_PAGE_SIZE, EMPTY_QUERY, MAX_PAGE_SIZE, SORTS } from '../domain/query.ts';
import type { TrialQuery } from '../domain/query.ts';
import { MAX_QUERY_LENGTH } from '../domain/search-text.ts';
import { PHASES, STATUSES, STUDY_TYPES } from '../domain/trial.ts';
import {
  MAX_AGE_YEARS,
  MAX_WITHIN_MILES,
  Refusal,
  phrases,
  readAge,
  readAgeGroups,
  readCancerTypes,
  readPageSize,
  readPageToken,
  readPhases,
  readPostcode,
  readQ,
  readSex,
  readSort,
  readStatuses,
  readStudyTypes,
  readTreatments,
  readUpdatedSince,
  readWithin,
  yesNo,
} from './param-values.ts';

export { MAX_AGE_YEARS, MAX_PAGE_TOKEN_LENGTH, MAX_PHRASE_LENGTH, MAX_VALUES_PER_PARAMETER, MAX_WITHIN_MILES } from './param-values.ts';

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
  cancerType: repeated('cancerType', readCancerTypes).meta({
    description:
      'Cancer type ids, comma-separated and/or repeated (any may match); a type includes its subtypes, so ' +
      '"leukaemia" finds acute lymphoblastic leukaemia trials. The ids, labels and hierarchy: GET /api/vocab/cancer-types.',
  }),
  treatment: repeated('treatment', readTreatments).meta({
    description:
      `Treatment types, comma-separated and/or repeated (any may match): ${TREATMENT_KINDS.join(', ')}. ` +
      'Every car-t trial is also immunotherapy. Labels: GET /api/vocab/treatments.',
  }),
  ageGroup: repeated('ageGroup', readAgeGroups).meta({
    description:
      `Age groups, comma-separated and/or repeated: ${AGE_GROUPS.join(', ')}; trials whose age limits overlap any ` +
      'of them. Labels and ages: GET /api/vocab/age-groups.',
  }),
  postcode: single('postcode', readPostcode, null).meta({
    description:
      'A UK postcode or postcode district, any case, with or without the space ("SW1A 1AA", "sw1a1aa", "SW1A"); ' +
      'a full postcode is placed at its district. Great Britain only. Needed by within and sort=distance; ' +
      'each trial then reports its nearest open site and the distance. Never stored or logged.',
  }),
  within: single('within', readWithin, null).meta({
    description: `Miles, above 0 and at most ${MAX_WITHIN_MILES}: only trials with an open site this close to postcode (which it needs).`,
  }),
  sort: single('sort', readSort, EMPTY_QUERY.sort).meta({
    description: `${SORTS.join(', ')}; default ${EMPTY_QUERY.sort}. distance (nearest open site first) needs postcode.`,
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
  .transform((params, ctx): TrialQuery => {
    // Distance needs a place: refused rather than ignored, so a forgotten postcode never looks like "no trials near".
    if (params.postcode === null) {
      if (params.within !== null) {
        ctx.addIssue({ code: 'custom', path: ['within'], message: 'within needs a postcode to measure from; add postcode.' });
        return z.NEVER;
      }
      if (params.sort === 'distance') {
        ctx.addIssue({ code: 'custom', path: ['sort'], message: 'sort=distance needs a postcode to measure from; add postcode.' });
        return z.NEVER;
      }
    }
    return {
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
      cancerTypes: params.cancerType,
      treatments: params.treatment,
      ageGroups: params.ageGroup,
      postcode: params.postcode,
      withinMiles: params.within,
      sort: params.sort,
      pageSize: params.pageSize,
      pageToken: params.pageToken,
    };
  });

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
