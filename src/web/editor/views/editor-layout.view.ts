/** The editor area's page shell: the site's stylesheet, its own navigation, and the sign-out button. */
import { ROLE_WORDS, type EditorUser } from '../../../domain/editorial/accounts.ts';
import { can } from '../../../domain/editorial/permissions.ts';
import { html, type Html } from '../../html.ts';
import type { SiteSettings } from '../../site-settings.ts';
import { documentStart } from '../../views/layout.view.ts';
import { FORM_TOKEN_FIELD } from '../editor-session.ts';

export type EditorSection = 'dashboard' | 'queue' | 'pages' | 'users' | 'audit' | 'none';

/** Who is signed in, with the token their forms carry. */
export interface Viewer {
  readonly user: EditorUser;
  readonly formToken: string;
}

export interface EditorPageContent {
  readonly title: string;
  readonly section: EditorSection;
  readonly main: Html;
  /** null on the sign-in page and on refusals to someone not signed in. */
  readonly viewer: Viewer | null;
}

/** The hidden anti-forgery field every form under /editor carries. */
export function formTokenField(token: string): Html {
  return html`<input type="hidden" name="${FORM_TOKEN_FIELD}" value="${token}">`;
}

function navigation(viewer: Viewer, section: EditorSection): Html {
  const items = [
    { section: 'dashboard', href: '/editor', label: 'Dashboard', shown: true },
    { section: 'queue', href: '/editor/queue', label: 'Review queue', shown: true },
    { section: 'pages', href: '/editor/pages', label: 'Pages', shown: true },
    { section: 'users', href: '/editor/users', label: 'Accounts', shown: can(viewer.user, 'users.manage') },
    { section: 'audit', href: '/editor/audit', label: 'Audit log', shown: can(viewer.user, 'audit.view') },
  ].filter((item) => item.shown);
  return html`<nav aria-label="Editor">
<ul>${items.map((item) => html`<li><a href="${item.href}"${item.section === section ? html` aria-current="page"` : ''}>${item.label}</a></li>`)}</ul>
</nav>`;
}

export function renderEditorPage(site: SiteSettings, page: EditorPageContent): Html {
  const { viewer } = page;
  return html`${documentStart(`${page.title} – Editor – ${site.name}`, { noindex: true })}
<header class="site-header">
<div class="wrap">
<a class="site-name" href="/editor">${site.name} editors</a>
${viewer !== null && navigation(viewer, page.section)}
</div>
</header>
<main id="main" class="wrap" tabindex="-1">
${page.main}
</main>
<footer class="site-footer">
<div class="wrap">
${
  viewer === null
    ? html`<p>This area is for the site's editors. <a href="/">Go to the public site</a>.</p>`
    : html`<p>Signed in as ${viewer.user.displayName} (${viewer.user.email}), ${ROLE_WORDS[viewer.user.role].label}.</p>
<form class="inline-form" method="post" action="/editor/logout">
${formTokenField(viewer.formToken)}
<button type="submit">Sign out</button>
</form>
<p><a href="/">Go to the public site</a></p>`
}
</div>
</footer>
</body>
</html>
`;
}

/** An error summary at the top of a form page, linking to the field at fault. */
export function errorSummary(message: string | null, field: string | null): Html | '' {
  if (message === null) return '';
  return html`<div class="error-summary" role="alert">
<h2>There is a problem</h2>
<p>${field === null ? message : html`<a href="#f-${field}">${message}</a>`}</p>
</div>`;
}
