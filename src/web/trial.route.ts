import type { FastifyInstance } from 'fastify';
import { PAGE_ROUTE } from './page-route.ts';
import { classifyCancerTypes } from '../domain/classify/cancer-type.ts';
import { NotFound } from '../domain/errors.ts';
import type { Trial } from '../domain/trial.ts';
import type { PublishedContent, PublishedText } from '../editorial/published.ts';
import { parseTrialQuery } from '../search/query-params.ts';
import { getTrialOrThrow, toStoreQuery } from '../search/search-trials.ts';
import { readSearchParams, toParserInput } from './search-params.ts';
import { sendPage } from './send-page.ts';
import { publishedContentOf } from './editor/published-content.ts';
import { listSites } from './trial-sites.ts';
import type { WebDeps } from './web-deps.ts';
import { renderTrialPage } from './views/trial.page.ts';

/**
 * The approved summary of a trial: kept under its primary id, or under another of its ids when the trial's primary id
 * has changed since (an ISRCTN trial that later gained an NCT id).
 */
async function summaryOf(published: PublishedContent, trial: Trial): Promise<PublishedText | null> {
  for (const key of [trial.id, ...trial.ids.map((id) => id.value)]) {
    const text = await published.text({ kind: 'trial-summary', key });
    if (text !== null) return text;
  }
  return null;
}

/** Longer than any registry id; the API refuses the same. */
const MAX_ID_LENGTH = 100;

/**
 * GET /trials/{id}: one trial by any registry id. The search the reader came from rides along in the query string
 * (validated like any search) so the page links back to it, and its postcode orders the hospitals nearest first.
 * When the editor area has an approved plain-English summary of the trial, the page shows it with its review dates.
 */
export function registerTrialPage(app: FastifyInstance, deps: WebDeps): void {
  app.get<{ Params: { id: string } }>('/trials/:id', PAGE_ROUTE, async (request, reply) => {
    const { id } = request.params;
    if (id.length > MAX_ID_LENGTH) throw new NotFound('No trial has an id this long.');
    const params = readSearchParams(request.query);
    const near = toStoreQuery(parseTrialQuery(toParserInput(params)), deps.postcodes).near;
    const trial = await getTrialOrThrow(deps.store, id);
    const published = publishedContentOf(request.server);
    const data = {
      trial,
      cancerTypes: classifyCancerTypes(trial).map((type) => type.id),
      sites: listSites(trial.sites, deps.postcodes, near),
      params,
      summary: published === null ? null : await summaryOf(published, trial),
    };
    return sendPage(reply, 200, renderTrialPage(deps.site, data));
  });
}
