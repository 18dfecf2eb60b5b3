import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { InvalidInput } from '../domain/errors.ts';
import type { NextQuestion } from '../domain/eligibility/questionnaire.ts';
import { isProfileField, questionFor } from '../domain/eligibility/questions.ts';
import { matchTrials } from '../search/match-trials.ts';
import { parseTrialQuery } from '../search/query-params.ts';
import { applyAction, profileOf, readMatchState, readPage, searchFromText } from './match-form.ts';
import type { AnswerError, MatchState } from './match-form.ts';
import { PAGE_ROUTE } from './page-route.ts';
import { toParserInput } from './search-params.ts';
import { sendPage } from './send-page.ts';
import type { WebDeps } from './web-deps.ts';
import { sentence } from './words.ts';
import { renderMatchPage } from './views/match.page.ts';

/** The page's own styles (answers, options, print), beside the site's stylesheet; read once at start. */
const STYLESHEET = readFileSync(new URL('./assets/match.css', import.meta.url), 'utf8');
/** A form with every answer ticked is a few kilobytes; this leaves room and refuses anything silly with a 413. */
const FORM_BODY_LIMIT_BYTES = 32 * 1024;

async function answerPage(deps: WebDeps, reply: FastifyReply, state: MatchState, error: AnswerError | null, page = 1): Promise<FastifyReply> {
  const profile = profileOf(state);
  const query = parseTrialQuery(toParserInput(state.search));
  const answer = await matchTrials(deps, { query, profile, skipped: state.skipped, answerOrder: [...state.answers.keys()] });
  // After a refused answer the same question is shown again, even if the questionnaire would now pick another.
  const refused = error === null ? undefined : questionFor(error.field);
  const question: NextQuestion | null = refused === undefined ? answer.nextQuestion
    : answer.nextQuestion?.question.field === refused.field ? answer.nextQuestion : { question: refused, outcomes: [], expectedRuledOut: 0 };
  // Answers are health data: no cache may keep the page (the server keeps nothing either).
  reply.header('cache-control', 'no-store');
  return sendPage(reply, error === null ? 200 : 400, renderMatchPage(deps.site, { state, answer, error, question, page }));
}

/**
 * GET /match (from a search: the same query string as /trials) starts "Could I take part?"; each answer, and each
 * page of the list, is a POST to /match carrying the search and every answer so far in the form (match-form.ts), so
 * answers never appear in a URL, a log line, a cookie or any store. GET /assets/match.css is the page's stylesheet.
 */
export function registerMatchPages(app: FastifyInstance, deps: WebDeps): void {
  // A context of its own, so the form reader serves these routes only.
  void app.register((scope, _options, done) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT_BYTES }, (_request, body, parsed) => {
      parsed(null, new URLSearchParams(body as string));
    });
    scope.get('/assets/match.css', PAGE_ROUTE, (_request, reply) =>
      reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(STYLESHEET));
    scope.get('/match', PAGE_ROUTE, async (request, reply) => {
      const queryAt = request.url.indexOf('?');
      const search = searchFromText(queryAt < 0 ? '' : request.url.slice(queryAt + 1));
      return answerPage(deps, reply, { search, answers: new Map(), skipped: new Set() }, null);
    });
    scope.post<{ Body: unknown }>('/match', { ...PAGE_ROUTE, bodyLimit: FORM_BODY_LIMIT_BYTES }, async (request, reply) => {
      if (!(request.body instanceof URLSearchParams)) throw new InvalidInput('Send the form as it is on the page.');
      const state = readMatchState(request.body);
      const page = readPage(request.body);
      try {
        // A page of the list is only a look further down it: the answers stay as they are.
        return await answerPage(deps, reply, page === null ? applyAction(state, request.body) : state, null, page ?? 1);
      } catch (error) {
        // A refused answer shows the question again with the reason; anything else is the site's error page.
        if (!(error instanceof InvalidInput) || error.field === null || !isProfileField(error.field)) throw error;
        return answerPage(deps, reply, state, { field: error.field, message: sentence(error.message) });
      }
    });
    done();
  });
}
