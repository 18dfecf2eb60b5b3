/** Editorial pages: every page with where it stands, and the form that starts a new one by its address. */
import { VERSION_STATE_WORDS, type EditorialDocument } from '../../../domain/editorial/documents.ts';
import { can } from '../../../domain/editorial/permissions.ts';
import { html, type Html } from '../../html.ts';
import type { SiteSettings } from '../../site-settings.ts';
import { reviewDate } from '../../views/editorial-text.view.ts';
import { documentPath } from './document.page.ts';
import { errorSummary, renderEditorPage, type Viewer } from './editor-layout.view.ts';

export interface NewPageForm {
  readonly slug: string;
  readonly error: string | null;
}

function standing(page: EditorialDocument): string {
  const parts = [
    page.published !== null && page.review !== null ? `Published; next review due ${reviewDate(page.review.nextReviewDue)}` : 'Not published',
    page.working !== null ? `${VERSION_STATE_WORDS[page.working.state]} (version ${page.working.number})` : null,
  ];
  return parts.filter((part) => part !== null).join('. ');
}

export function renderPagesPage(site: SiteSettings, viewer: Viewer, pages: readonly EditorialDocument[], form: NewPageForm): Html {
  return renderEditorPage(site, {
    title: 'Editorial pages',
    section: 'pages',
    viewer,
    main: html`<h1>Editorial pages</h1>
<p>Introductions such as “Research into ALL”, published at /about/ followed by their address once a reviewer approves them.</p>
${errorSummary(form.error, form.error === null ? null : 'slug')}
${
  pages.length === 0
    ? html`<p>There are no pages yet.</p>`
    : html`<ul class="result-list">${pages.map(
        (page) => html`<li class="result"><h2 class="chips-heading"><a href="${documentPath(page)}">${page.working?.title ?? page.published?.title ?? page.key}</a></h2>
<p>/about/${page.key}. ${standing(page)}.</p></li>`,
      )}</ul>`
}
${
  can(viewer.user, 'content.draft') &&
  html`<h2 id="new">Start a new page</h2>
<form method="get" action="/editor/pages" aria-labelledby="new">
<div class="field${form.error !== null ? ' has-error' : ''}">
<label for="f-slug">Address</label>
<p class="hint" id="f-slug-hint">Lower-case words joined by hyphens, such as research-into-all. The page will be at /about/ followed by it.</p>
<input id="f-slug" name="slug" type="text" spellcheck="false" value="${form.slug}" aria-describedby="f-slug-hint"${form.error !== null && html` aria-invalid="true"`}>
</div>
<button type="submit">Start the page</button>
</form>`
}`,
  });
}
