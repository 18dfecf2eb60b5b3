import type { FastifyInstance } from 'fastify';
import { PAGE_ROUTE } from './page-route.ts';
import type { Html } from './html.ts';
import { sendPage } from './send-page.ts';
import type { WebDeps } from './web-deps.ts';
import { renderGlossaryPage } from './views/glossary.page.ts';
import { renderHomePage } from './views/home.page.ts';
import { renderAccessibilityPage, renderDataSourcesPage, renderHelpPage, renderPrivacyPage } from './views/info.pages.ts';

/** Pages that depend on the deployment's settings only, rendered once. */
const FIXED_PAGES: Readonly<Record<string, (site: WebDeps['site']) => Html>> = {
  '/glossary': renderGlossaryPage,
  '/help': renderHelpPage,
  '/accessibility': renderAccessibilityPage,
  '/privacy': renderPrivacyPage,
  '/data-sources': renderDataSourcesPage,
};

/** GET / (the welcome page, with the number of trials) and the glossary, help and trust pages. */
export function registerPageRoutes(app: FastifyInstance, deps: WebDeps): void {
  app.get('/', PAGE_ROUTE, async (_request, reply) => sendPage(reply, 200, renderHomePage(deps.site, await deps.store.count())));
  for (const [path, render] of Object.entries(FIXED_PAGES)) {
    const page = render(deps.site);
    app.get(path, PAGE_ROUTE, (_request, reply) => sendPage(reply, 200, page));
  }
}
