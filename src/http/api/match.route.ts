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
    options: question.options.map(({ value, label, answer }) => ({ value, label, answer })),
    outcomes: outcomes.map(({ value, label, answer, remaining }) => ({ value, label, answer, remaining })),
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
      let body: unknown;
      try {
        body = JSON.parse(text as string);
      } catch {
        // The parser's message may quote the body, which is health data: only say that it broke.
        parsed(new InvalidInput('The body is not valid JSON.', 'body'), undefined);
        return;
      }
      const refused = prototypeKeyIn(body);
      if (refused === null) parsed(null, body);
      else parsed(refused, undefined);
    });
    registerMatchPost(scope, deps);
    done();
  });
}

/** Keys that could reach an object's prototype if the body were ever merged into another object. */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor']);

/**
 * The refusal of a parsed body holding a key that could reach an object's prototype (as Fastify's own parser refuses
 * them), naming where it is ("profile.__proto__"; "body" at the top), or null. JSON.parse makes such keys plain own
 * properties, so looking after it is safe; the walk keeps a stack of its own, so deep nesting cannot overflow.
 */
function prototypeKeyIn(body: unknown): InvalidInput | null {
  const pending: { value: unknown; path: readonly string[] }[] = [{ value: body, path: [] }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, path } = next;
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, inner] of Object.entries(value)) {
      if (PROTOTYPE_KEYS.has(key) && !Array.isArray(value)) {
        if (path.length === 0) return new InvalidInput(`The body may not contain the key ${JSON.stringify(key)}.`, 'body');
        return new InvalidInput(`${path.join('.')} may not contain the key ${JSON.stringify(key)}.`, [...path, key].join('.'));
      }
      pending.push({ value: inner, path: [...path, key] });
    }
  }
  return null;
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
          'verdict and a plain-English reason. `nextQuestion` gives each option and outcome the `answer` to send back as ' +
          'that profile field (an option of a multi question gives one item of the list). A malformed body or profile ' +
          'is a 400 naming the field.',
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
