/**
 * POST /api/match: the request body and the answer as zod schemas, for the OpenAPI document and the tests. The body's
 * search parameters are the very schema GET /api/trials documents (its input side), and the profile is the domain's
 * own schema, so neither is written twice.
 */
import { z } from 'zod';
import { CRITERION_VERDICTS, TRIAL_VERDICTS } from '../../domain/eligibility/match.ts';
import { PatientProfileSchema } from '../../domain/eligibility/profile.ts';
import { PROFILE_FIELDS, QUESTION_KINDS } from '../../domain/eligibility/questions.ts';
import { SECTIONS } from '../../domain/eligibility/criterion.ts';
import { MAX_CANDIDATES } from '../../search/match-trials.ts';
import { trialQueryParamsSchema } from '../../search/query-params.ts';
import { trialSummarySchema } from './response.schema.ts';

const fieldEnum = z.enum(PROFILE_FIELDS as [string, ...string[]]);

/** The body, as documented: validation itself is done by match-body.ts, which names the field at fault. */
export const matchBodySchema = z
  .strictObject({
    profile: PatientProfileSchema.optional().describe(
      'What the person says about themselves (docs/eligibility-concepts.md). Every field is optional: leaving one out means "I don\'t know".',
    ),
    skipped: z.array(fieldEnum).optional().describe('Questions the person chose to skip; they are not asked again.'),
    ...trialQueryParamsSchema.in.shape,
  })
  .meta({ id: 'MatchRequest' });

const criterionResultSchema = z.object({
  section: z.enum(SECTIONS),
  text: z.string().describe('The criterion, quoted from the registry'),
  verdict: z.enum(CRITERION_VERDICTS),
  reason: z.string().describe('Why, in plain English'),
});

/** A profile field's value as an answer carries it: each shape a profile field can take. */
const profileValueSchema = z.union([
  z.number(), z.boolean(), z.string(), z.array(z.string()), z.object({ scale: z.string(), value: z.number() }),
]);

const optionSchema = z.object({
  value: z.string().describe('The option\'s token ("yes", "b-all", "ecog-2"): its name in a form, not a profile value'),
  label: z.string(),
  answer: profileValueSchema.describe(
    'What to send as the profile field for this option: true or false for yes-no, the value for a choice ("female", ' +
    '{ "scale": "ecog", "value": 2 }); for a multi question one item of the list (send the chosen options\' answers as a list)',
  ),
});

const outcomeSchema = z.object({
  value: z.string().describe('The answer: an option token ("yes", "b-all", "none") or, for a number, the lowest value of the range'),
  label: z.string(),
  answer: profileValueSchema.describe(
    'The profile field\'s value for this outcome, ready to send back: a list for a multi question ([] for "none of these"), ' +
    'the lowest value of the range for a number question',
  ),
  remaining: z.number().int().describe('Trials left after this answer'),
});

const nextQuestionSchema = z
  .object({
    field: fieldEnum.describe('The profile field the answer goes into'),
    kind: z.enum(QUESTION_KINDS),
    text: z.string(),
    hint: z.string().nullable(),
    input: z.object({ min: z.number(), max: z.number(), step: z.number(), unit: z.string() }).nullable(),
    options: z.array(optionSchema).describe('The answers to pick from; empty for number questions'),
    outcomes: z.array(outcomeSchema).describe('Each answer (or range of numbers) with the trials left after it'),
    expectedRuledOut: z.number(),
  })
  .meta({ id: 'NextQuestion' });

export const matchResultSchema = z
  .object({
    total: z.number().int().describe('Trials the search finds'),
    considered: z.number().int().describe(`Trials matched: the search's first ${MAX_CANDIDATES}, in its order`),
    maxCandidates: z.number().int(),
    note: z.string(),
    remaining: z.number().int().describe('Matched trials the answers do not rule out'),
    counts: z.object(Object.fromEntries(TRIAL_VERDICTS.map((verdict) => [verdict, z.number().int()])) as Record<(typeof TRIAL_VERDICTS)[number], z.ZodNumber>),
    trials: z.array(
      z.object({
        trial: trialSummarySchema,
        verdict: z.enum(TRIAL_VERDICTS),
        score: z.number(),
        criteria: z.array(criterionResultSchema),
      }),
    ).describe('The best pageSize matched trials: likely eligible, then might be, then not; by score within each'),
    nextQuestion: nextQuestionSchema.nullable().describe('The question that narrows the list most; null when no question left could change it'),
  })
  .meta({ id: 'MatchResult' });
