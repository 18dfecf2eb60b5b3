/**
 * The public editorial pages (issue 7, part 4): a page the charity wrote and a reviewer approved, such as "Research
 * into ALL", with when it was last reviewed and when it is next due; and the list of them at /about.
 */
import type { PublishedPageLink, PublishedText } from '../../editorial/published.ts';
import { GlossaryMarker } from '../glossary.ts';
import { html, type Html } from '../html.ts';
import type { SiteSettings } from '../site-settings.ts';
import { renderEditorialText, renderReviewDates } from './editorial-text.view.ts';
import { renderPage } from './layout.view.ts';

export function renderEditorialPage(site: SiteSettings, page: PublishedText & { readonly slug: string }): Html {
  const title = page.title ?? page.slug;
  const marker = new GlossaryMarker((term) => `/glossary#${term.id}`);
  return renderPage(site, {
    title,
    section: 'none',
    main: html`<p class="back"><a href="/about">All our guides</a></p>
<h1>${title}</h1>
${renderEditorialText(page.body, marker)}
${renderReviewDates(page.lastReviewed, page.nextReviewDue)}
<p><a href="/trials">Find a trial</a></p>`,
  });
}

export function renderEditorialIndex(site: SiteSettings, pages: readonly PublishedPageLink[]): Html {
  return renderPage(site, {
    title: 'Our guides',
    section: 'none',
    main: html`<h1>Our guides</h1>
${
  pages.length === 0
    ? html`<p>There are no guides yet. <a href="/trials">Find a trial</a> instead.</p>`
    : html`<p>Introductions to research, written in plain English and reviewed regularly.</p>
<ul>${pages.map((page) => html`<li><a href="/about/${page.slug}">${page.title}</a></li>`)}</ul>`
}`,
  });
}
