import type { FastifyInstance } from 'fastify';
import { PAGE_ROUTE } from './page-route.ts';
import { InvalidInput } from '../domain/errors.ts';
import { parseTrialQuery } from '../search/query-params.ts';
import { searchTrials } from '../search/search-trials.ts';
import type { SearchAnswer } from '../search/search-trials.ts';
import { readSearchParams, toParserInput } from './search-params.ts';
import { sendPage } from './send-page.ts';
import type { WebDeps } from './web-deps.ts';
import { sentence } from './words.ts';
import { renderSearchPage } from './views/search.page.ts';

/**
 * GET /trials: the search page, taking exactly the parameters of GET /api/trials through the same parser. A refused
 * parameter (or a postcode we cannot place) shows the form again with the reason beside the field, as a 400.
 */
export function registerSearchPage(app: FastifyInstance, deps: WebDeps): void {
  app.get('/trials', PAGE_ROUTE, async (request, reply) => {
    const params = readSearchParams(request.query);
    // The parser throws at once and the search later; both refusals are answered the same way.
    const search = async (): Promise<SearchAnswer> => searchTrials(deps, parseTrialQuery(toParserInput(params)));
    const outcome = await search().catch((error: unknown) => {
      if (error instanceof InvalidInput) return { field: error.field, message: sentence(error.message) };
      throw error;
    });
    return sendPage(reply, 'trials' in outcome ? 200 : 400, renderSearchPage(deps.site, params, outcome));
  });
}
