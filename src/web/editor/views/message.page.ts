/** A page that says why a request was refused or failed, and where to go next. */
import { html, type Html } from '../../html.ts';
import type { SiteSettings } from '../../site-settings.ts';
import { renderEditorPage, type Viewer } from './editor-layout.view.ts';

const TITLES: Readonly<Record<number, string>> = {
  400: 'There is a problem with this request',
  401: 'Please sign in',
  403: 'You cannot do this',
  404: 'Page not found',
  409: 'This cannot be done',
  415: 'There is a problem with this request',
  429: 'Too many attempts to sign in',
  503: 'Sorry, the service is unavailable',
};

export function renderMessagePage(site: SiteSettings, status: number, message: string, viewer: Viewer | null): Html {
  const title = TITLES[status] ?? 'Sorry, something went wrong';
  return renderEditorPage(site, {
    title,
    section: 'none',
    viewer,
    main: html`<h1>${title}</h1>
<p>${message}</p>
<ul>
${viewer === null ? html`<li><a href="/editor/login">Sign in</a></li>` : html`<li><a href="/editor">Go to the dashboard</a></li>`}
<li><a href="/">Go to the public site</a></li>
</ul>`,
  });
}
