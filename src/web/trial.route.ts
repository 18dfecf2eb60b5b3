import type { FastifyInstance } from 'fastify';
import { PAGE_ROUTE } from './page-route.ts';
import { classifyCancerTypes } from '../domain/classify/cancer-type.ts';
import { NotFound } from '../domain/errors.ts';
import { parseTrialQuery } from '../search/query-params.ts';
import { getTrialOrThrow, toStoreQuery } from '../search/search-trials.ts';
import { readSearchParams, toParserInput } from './search-params.ts';
import { sendPage } from './send-page.ts';
import { listSites } from './trial-sites.ts';
import type { WebDeps } from './web-deps.ts';
import { renderTrialPage } from './views/trial.page.ts';

/** Longer than any registry id; the API refuses the same. */
const MAX_ID_LENGTH = 100;

/**
 * GET /trials/{id}: one trial by any registry id. The search the reader came from rides along in the query string
 * (validated like any search) so the page links back to it, and its postcode orders the hospitals nearest first.
 */
export function registerTrialPage(app: FastifyInstance, deps: WebDeps): void {
  app.get<{ Params: { id: string } }>('/trials/:id', PAGE_ROUTE, async (request, reply) => {
    const { id } = request.params;
    if (id.length > MAX_ID_LENGTH) throw new NotFound('No trial has an id this long.');
    const params = readSearchParams(request.query);
    const near = toStoreQuery(parseTrialQuery(toParserInput(params)), deps.postcodes).near;
    const trial = await getTrialOrThrow(deps.store, id);
    const data = {
      trial,
      cancerTypes: classifyCancerTypes(trial).map((type) => type.id),
      sites: listSites(trial.sites, deps.postcodes, near),
      params,
    };
    return sendPage(reply, 200, renderTrialPage(deps.site, data));
  });
}
