import type { FastifyInstance } from 'fastify';
import { registerAssetRoutes } from './assets.route.ts';
import { registerEditorialPages } from './editorial-page.route.ts';
import { htmlErrorHandler } from './html-errors.ts';
import { registerMatchPages } from './match.route.ts';
import { registerPageRoutes } from './pages.route.ts';
import { registerSearchPage } from './search.route.ts';
import { registerTrialPage } from './trial.route.ts';
import type { WebDeps } from './web-deps.ts';

/**
 * The patient-facing website: its pages and assets, registered in their own Fastify context so that errors on them
 * become HTML pages while the API keeps its JSON errors.
 */
export async function registerWebsite(app: FastifyInstance, deps: WebDeps): Promise<void> {
  await app.register((web, _options, done) => {
    web.setErrorHandler(htmlErrorHandler(deps.site));
    registerAssetRoutes(web);
    registerPageRoutes(web, deps);
    registerSearchPage(web, deps);
    registerTrialPage(web, deps);
    registerMatchPages(web, deps);
    registerEditorialPages(web, deps);
    done();
  });
}
