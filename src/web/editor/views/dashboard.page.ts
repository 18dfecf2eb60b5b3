/** The editor area's first page: who is signed in, their role, and what that role lets them do. */
import { ROLE_WORDS } from '../../../domain/editorial/accounts.ts';
import { actionsOf, type EditorAction } from '../../../domain/editorial/permissions.ts';
import { html, type Html } from '../../html.ts';
import type { SiteSettings } from '../../site-settings.ts';
import { renderEditorPage, type Viewer } from './editor-layout.view.ts';

/** Each permission in words, with the page that does it where that page exists. */
const ACTION_WORDS: Readonly<Record<EditorAction, { readonly text: string; readonly href: string | null }>> = {
  'dashboard.view': { text: 'See this dashboard', href: null },
  'users.manage': { text: 'Add, disable and remove editor accounts', href: '/editor/users' },
  'audit.view': { text: 'Read the audit log of every change', href: '/editor/audit' },
  'content.draft': { text: 'Draft and edit plain-English summaries and editorial pages', href: '/editor/queue' },
  'content.review': { text: 'Approve summaries and pages, or send them back with a comment', href: '/editor/queue?state=submitted' },
};

export function renderDashboardPage(site: SiteSettings, viewer: Viewer): Html {
  const { user } = viewer;
  const role = ROLE_WORDS[user.role];
  const actions = actionsOf(user.role).filter((action) => action !== 'dashboard.view');
  return renderEditorPage(site, {
    title: 'Dashboard',
    section: 'dashboard',
    viewer,
    main: html`<h1>Dashboard</h1>
<p>You are signed in as <strong>${user.displayName}</strong> (${user.email}). Your role is <strong>${role.label}</strong>: ${/^[aeiou]/i.test(role.label) ? 'an' : 'a'} ${role.label.toLowerCase()} ${role.description}.</p>
<h2>What your role lets you do</h2>
<ul>
${actions.map((action) => {
  const words = ACTION_WORDS[action];
  return html`<li>${words.href === null ? words.text : html`<a href="${words.href}">${words.text}</a>`}</li>`;
})}
</ul>`,
  });
}
