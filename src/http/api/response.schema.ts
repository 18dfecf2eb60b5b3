/**
 * Response shapes of the JSON API as zod schemas, for the OpenAPI document. They are checked against the domain
 * types at compile time (`satisfies`: a field added to `Trial` and missing here fails the build) and against real
 * responses in api.int.test.ts; the server does not re-validate responses at run time.
 */
import { z } from 'zod';
import { TREATMENT_KINDS } from '../../domain/classify/treatment-kinds.ts';
import { FACETS } from '../../domain/query.ts';
import type { FacetName, NearestSiteSummary, TrialSummary } from '../../domain/query.ts';
import { ID_KINDS, PHASES, SEXES, SOURCES, STATUSES, STUDY_TYPES } from '../../domain/trial.ts';
import type { Trial } from '../../domain/trial.ts';
import type { LabelledFacets } from '../../search/facet-labels.ts';
import type { SearchAnswer } from '../../search/search-trials.ts';
import type { Topic } from '../../search/topics.ts';
import type { VocabEntry } from '../../search/vocab-lists.ts';

const nullableText = z.string().nullable();
const status = z.enum(STATUSES);
const phases = z.array(z.enum(PHASES));
/** Registry dates are partial: "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
const partialDate = z.string().describe('YYYY, YYYY-MM or YYYY-MM-DD, as the registry gives it').nullable();

const contact = z.object({
  name: nullableText,
  role: nullableText,
  phone: nullableText,
  email: nullableText,
});

const site = z.object({
  facility: nullableText,
  city: nullableText,
  state: nullableText,
  postcode: nullableText,
  country: nullableText,
  status: status.nullable().describe('This site’s recruitment status; null when the registry gives none'),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  contacts: z.array(contact),
});

/** A full trial, as GET /api/trials/{id} returns it (field meanings follow the ClinicalTrials.gov data dictionary). */
export const trialSchema = z
  .object({
    id: z.string().describe('The primary id: the NCT id when there is one'),
    ids: z.array(z.object({ kind: z.enum(ID_KINDS), value: z.string(), issuer: nullableText })),
    briefTitle: z.string(),
    officialTitle: nullableText,
    acronym: nullableText,
    briefSummary: nullableText,
    detailedDescription: nullableText,
    conditions: z.array(z.string()),
    keywords: z.array(z.string()),
    interventions: z.array(
      z.object({ type: z.string(), name: z.string(), otherNames: z.array(z.string()), description: nullableText }),
    ),
    arms: z.array(
      z.object({
        label: z.string(),
        type: nullableText,
        description: nullableText,
        interventionNames: z.array(z.string()),
      }),
    ),
    phases,
    studyType: z.enum(STUDY_TYPES),
    status,
    statusRaw: nullableText.describe('The registry’s own status value, verbatim'),
    dates: z.object({
      start: partialDate,
      primaryCompletion: partialDate,
      completion: partialDate,
      firstPosted: partialDate,
      lastUpdate: partialDate,
      statusVerified: partialDate,
    }),
    eligibility: z.object({
      criteria: nullableText,
      minAgeYears: z.number().nullable().describe('null: no lower bound'),
      maxAgeYears: z.number().nullable().describe('null: no upper bound'),
      sex: z.enum(SEXES),
      healthyVolunteers: z.boolean().nullable(),
    }),
    enrollment: z.number().int().nullable(),
    sponsor: nullableText,
    collaborators: z.array(z.string()),
    centralContacts: z.array(contact),
    sites: z.array(site),
    hasResults: z.boolean(),
    provenance: z.object({
      source: z.enum(SOURCES),
      recordUpdated: partialDate,
      importedAt: z.string(),
      contentHash: z.string(),
    }),
  })
  .meta({ id: 'Trial' }) satisfies z.ZodType<Trial>;

const nearestSiteSchema = z
  .object({
    facility: nullableText,
    city: nullableText,
    country: nullableText,
    status: status.nullable().describe('The site’s own recruitment status; null when the registry gives none'),
    miles: z.number().describe('Straight-line distance from the postcode’s district centre, rounded to 0.1 mile'),
    approximate: z
      .boolean()
      .describe('True when the site is placed at its own postcode district’s centre, not at registry coordinates'),
  })
  .meta({ id: 'NearestSite' }) satisfies z.ZodType<NearestSiteSummary>;

export const trialSummarySchema = z
  .object({
    id: z.string(),
    briefTitle: z.string(),
    status,
    phases,
    studyType: z.enum(STUDY_TYPES),
    conditions: z.array(z.string()),
    interventions: z.array(z.string()),
    minAgeYears: z.number().nullable(),
    maxAgeYears: z.number().nullable(),
    sex: z.enum(SEXES),
    sponsor: nullableText,
    lastUpdate: partialDate,
    countries: z.array(z.string()),
    siteCount: z.number().int(),
    hasResults: z.boolean(),
    cancerTypes: z
      .array(z.string())
      .describe('Cancer type ids, each with all its broader types (b-cell-all comes with ALL, leukaemia, blood cancers); labels: GET /api/vocab/cancer-types'),
    treatments: z.array(z.enum(TREATMENT_KINDS)).describe('Treatment types; labels: GET /api/vocab/treatments'),
    ukSiteCount: z.number().int().describe('Sites in the United Kingdom'),
    nearestSite: nearestSiteSchema
      .nullable()
      .describe('With a postcode: the nearest open site; null without a postcode or when no site can be placed'),
  })
  .meta({ id: 'TrialSummary' }) satisfies z.ZodType<TrialSummary>;

const facetCounts = z.array(
  z.object({
    value: z.string(),
    count: z.number().int(),
    label: z.string().optional().describe('Plain-English name of the value; on cancerType, treatment and ageGroup'),
  }),
);

/** Counts per value of each filter, each counted with every other filter applied but its own. */
export const facetsSchema = z
  .object(Object.fromEntries(FACETS.map((name) => [name, facetCounts])) as Record<FacetName, typeof facetCounts>)
  .meta({ id: 'Facets' }) satisfies z.ZodType<LabelledFacets>;

export const searchResultSchema = z.object({
  total: z.number().int(),
  trials: z.array(trialSummarySchema),
  facets: facetsSchema,
  nextPageToken: z.string().nullable().describe('Pass as pageToken for the next page; null on the last page'),
}) satisfies z.ZodType<SearchAnswer>;

export const facetsResultSchema = z.object({ total: z.number().int(), facets: facetsSchema });

/** One entry of a vocabulary behind a filter (GET /api/vocab/...). */
export const vocabularySchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string().describe('The value to pass to the filter'),
        label: z.string().describe('Plain-English UK name'),
        parent: z.string().nullable().describe('The broader value, which a filter on it includes; null at the top'),
      }),
    ),
  })
  .meta({ id: 'Vocabulary' }) satisfies z.ZodType<{ items: readonly VocabEntry[] }>;

/** A topic search as GET /api/topics lists it. */
export const topicSchema = z
  .object({
    slug: z.string().describe('Stable: the topic is at /api/topics/{slug}'),
    title: z.string(),
    description: z.string(),
    params: z.record(z.string(), z.array(z.string())).describe('The search parameters the topic fixes'),
    url: z.string().describe('This topic’s API route'),
    apiUrl: z.string().describe('The same search as GET /api/trials'),
    webUrl: z.string().describe('The same search on the website'),
  })
  .meta({ id: 'Topic' }) satisfies z.ZodType<Topic>;

export const topicsSchema = z.object({ topics: z.array(topicSchema) });

export const healthSchema = z.object({ status: z.literal('ok'), trials: z.number().int() });
