/** The glossary page: every term with its definition, each at its own address (`/glossary#remission`). */
import { GLOSSARY } from '../glossary.ts';
import { html } from '../html.ts';
import type { Html } from '../html.ts';
import type { SiteSettings } from '../site-settings.ts';
import { renderPage } from './layout.view.ts';

export function renderGlossaryPage(site: SiteSettings): Html {
  return renderPage(site, {
    title: 'Glossary',
    section: 'glossary',
    main: html`<h1>Glossary</h1>
<p class="lead">What the medical words in trial descriptions mean, in plain English. Your specialist team can say what they mean for you.</p>
<dl class="glossary">${GLOSSARY.map((term) => html`<div id="${term.id}"><dt><dfn>${term.term}</dfn></dt><dd>${term.definition}</dd></div>`)}</dl>`,
  });
}
