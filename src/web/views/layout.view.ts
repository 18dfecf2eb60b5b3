/** The page shell every page shares: head, skip link, header with navigation, main, and the help footer. */
import { html } from '../html.ts';
import type { Html } from '../html.ts';
import type { SiteSettings } from '../site-settings.ts';
import { supportLineText } from './support.view.ts';

export type Section = 'home' | 'search' | 'glossary' | 'help' | 'none';

export interface PageContent {
  /** The page's own title; the site name is added after it. */
  readonly title: string;
  readonly section: Section;
  readonly main: Html;
  /** Shown on pages that measure distances from a postcode: the postcode table's licence asks for it there. */
  readonly creditsPostcodes?: boolean;
}

const NAV: readonly { readonly section: Section; readonly href: string; readonly label: string }[] = [
  { section: 'search', href: '/trials', label: 'Find a trial' },
  { section: 'glossary', href: '/glossary', label: 'Glossary' },
  { section: 'help', href: '/help', label: 'Help' },
];

/** The OS OpenData attribution for the postcode-district table (data/postcodes/README.md). */
export const POSTCODE_CREDIT =
  'Distances use postcode district centres: contains OS data © Crown copyright and database right 2014; contains ' +
  'Royal Mail data © Royal Mail copyright and database right 2014; contains National Statistics data © Crown ' +
  'copyright and database right 2014.';

/**
 * The start of every document, the public site's and the editor area's: the head with its title (and, for pages
 * search engines must not list, a robots meta) and the skip link.
 */
export function documentStart(title: string, options: { readonly noindex?: boolean } = {}): Html {
  return html`<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${options.noindex === true && html`<meta name="robots" content="noindex, nofollow">
`}<title>${title}</title>
<link rel="stylesheet" href="/assets/site.css">
<link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>`;
}

/** A whole HTML document. */
export function renderPage(site: SiteSettings, page: PageContent): Html {
  return html`${documentStart(`${page.title} – ${site.name}`)}
<header class="site-header">
<div class="wrap">
<a class="site-name" href="/">${site.name}</a>
<nav aria-label="Main">
<ul>${NAV.map(
    (item) =>
      html`<li><a href="${item.href}"${item.section === page.section ? html` aria-current="page"` : ''}>${item.label}</a></li>`,
  )}</ul>
</nav>
</div>
</header>
<main id="main" class="wrap" tabindex="-1">
${page.main}
</main>
<footer class="site-footer">
<div class="wrap">
<p class="footer-help">${supportLineText(site)}</p>
<nav aria-label="About this site">
<ul>
<li><a href="/help">Help and contact</a></li>
<li><a href="/glossary">Glossary</a></li>
<li><a href="/about">Guides from our editors</a></li>
<li><a href="/accessibility">Accessibility</a></li>
<li><a href="/privacy">Privacy</a></li>
<li><a href="/data-sources">Data sources and licences</a></li>
</ul>
</nav>
${page.creditsPostcodes === true && html`<p class="credit">${POSTCODE_CREDIT}</p>`}
<p class="credit">Trial information comes from public registries and may be out of date. It is not medical advice.</p>
</div>
</footer>
</body>
</html>
`;
}
