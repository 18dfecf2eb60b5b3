/** A page for a request we cannot answer: what went wrong in plain words, and where to go next. */
import { html } from '../html.ts';
import type { Html } from '../html.ts';
import type { SiteSettings } from '../site-settings.ts';
import { sentence } from '../words.ts';
import { renderPage } from './layout.view.ts';

const TITLES: Readonly<Record<number, string>> = {
  400: 'There is a problem with this address',
  404: 'Page not found',
  503: 'Sorry, the service is unavailable',
};

export function renderErrorPage(site: SiteSettings, status: number, message: string): Html {
  const title = TITLES[status] ?? 'Sorry, something went wrong';
  return renderPage(site, {
    title,
    section: 'none',
    main: html`<h1>${title}</h1>
<p>${sentence(message)}</p>
<ul>
<li><a href="/trials">Search for a trial</a></li>
<li><a href="/">Go to the home page</a></li>
<li><a href="/help">Get help</a></li>
</ul>`,
  });
}
