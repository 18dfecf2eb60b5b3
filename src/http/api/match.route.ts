import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import { InvalidInput, TrialfinderError } from '../../domain/errors.ts';
import type { NextQuestion } from '../../domain/eligibility/questionnaire.ts';
import type { MatchAnswer } from '../../search/match-trials.ts';
import { matchTrials } from '../../search/match-trials.ts';
import type { ApiDeps } from './api-deps.ts';
import { COMMON_ERROR_RESPONSES, jsonResponse } from './error.schema.ts';
import { readMatchBody } from './match-body.ts';
import type { MatchBody } from './match-body.ts';
import { matchBodySchema, matchResultSchema } from './match.schema.ts';

/** Enough for a profile and every search parameter at its longest; a larger body is refused with a 413. */
export const MATCH_BODY_LIMIT_BYTES = 32 * 1024;

/** The body goes through readMatchBody, which names the field at fault; the zod schema only documents it. */
const matchBodyValidator: FastifySchemaCompiler<unknown> = ({ httpPart }) => (data: unknown) => {
  if (httpPart !== 'body') return { value: data };
  try {
    return { value: readMatchBody(data) };
  } catch (error) {
    if (error instanceof TrialfinderError) return { error };
    throw error;
  }
};

/** The question as the API sends it (api.int tests check the answer against match.schema.ts). */
function questionBody(next: NextQuestion | null) {
  if (next === null) return null;
  const { question, outcomes, expectedRuledOut } = next;
  return {
    field: question.field, kind: question.kind, text: question.text, hint: question.hint, input: question.input,
    options: question.options.map(({ value, label }) => ({ value, label })),
    outcomes: outcomes.map(({ value, label, remaining }) => ({ value, label, remaining })),
    expectedRuledOut,
  };
}

function resultBody(answer: MatchAnswer, pageSize: number) {
  const capped = answer.total > answer.considered;
  return {
    total: answer.total, considered: answer.considered, maxCandidates: answer.maxCandidates,
    note: capped
      ? `Matched the first ${answer.considered} of the ${answer.total} trials the search finds, in its order; narrow the search to match the rest.`
      : `Matched all ${answer.considered} trials the search finds.`,
    remaining: answer.remaining,
    counts: answer.counts,
    trials: answer.trials.slice(0, pageSize).map(({ trial, verdict, score, results }) => ({
      trial, verdict, score,
      criteria: results.map(({ criterion, verdict: met, reason }) => ({ section: criterion.section, text: criterion.text, verdict: met, reason })),
    })),
    nextQuestion: questionBody(answer.nextQuestion),
  };
}

/**
 * POST /api/match: the search's first candidates ranked for one person, with a verdict and reason per criterion,
 * and the next question. POST, so the answers (health data) never sit in a URL; nothing of them is stored or logged.
 */
export function registerMatchRoute(app: FastifyInstance, deps: ApiDeps): void {
  // In a context of its own, so this JSON reader (which names the body as the field at fault) serves this route only.
  void app.register((scope, _options, done) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, text, parsed) => {
      try {
        parsed(null, JSON.parse(text as string, refusePrototypeKeys));
      } catch (error) {
        // The parser's message may quote the body, which is health data: only say where it broke.
        parsed(error instanceof InvalidInput ? error : new InvalidInput('The body is not valid JSON.', 'body'), undefined);
      }
    });
    registerMatchPost(scope, deps);
    done();
  });
}

/** A JSON.parse reviver refusing keys that could reach an object's prototype (as Fastify's own parser does). */
function refusePrototypeKeys(key: string, value: unknown): unknown {
  if (key === '__proto__' || key === 'constructor') throw new InvalidInput(`The body may not contain the key ${JSON.stringify(key)}.`, 'body');
  return value;
}

function registerMatchPost(app: FastifyInstance, deps: ApiDeps): void {
  app.post<{ Body: MatchBody }>(
    '/api/match',
    {
      bodyLimit: MATCH_BODY_LIMIT_BYTES,
      schema: {
        summary: 'Could I take part? Match a person against a search’s trials',
        description:
          'The body is `{ "profile": {...}, "skipped": [...], ...the search parameters of GET /api/trials }` (numbers and ' +
          'booleans may be JSON values). The first 500 trials of the search, in its order, are matched and returned ranked: ' +
          'likely eligible, might be eligible, not eligible, then by score; `pageSize` says how many. Each criterion has a ' +
          'verdict and a plain-English reason. A malformed body or profile is a 400 naming the field.',
        tags: ['trials'],
        body: matchBodySchema,
        response: { 200: jsonResponse('The ranked trials and the next question.', matchResultSchema), ...COMMON_ERROR_RESPONSES },
      },
      validatorCompiler: matchBodyValidator,
    },
    async (request, reply) => {
      const { query, profile, skipped } = request.body;
      const answer = await matchTrials(deps, { query, profile, skipped });
      return reply.header('cache-control', 'no-store').send(resultBody(answer, query.pageSize));
    },
  );
}
