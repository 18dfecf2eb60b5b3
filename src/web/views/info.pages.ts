/**
 * The help and trust pages: help and contact, accessibility, privacy, and data sources. What they state about the
 * service must stay true of the code: the privacy page describes src/http/request-log.ts, the absence of any
 * store of visitors, and the "Could I take part?" form of ../match.route.ts (answers only in a POST body, proved
 * absent from logs, files, cookies and the database by src/http/api/match.int.test.ts); the data page follows
 * data/demo/README.md and data/postcodes/README.md.
 */
import { html } from '../html.ts';
import type { Html } from '../html.ts';
import type { SiteSettings } from '../site-settings.ts';
import { POSTCODE_CREDIT, renderPage } from './layout.view.ts';
import { specialistAdvice, supportLineText } from './support.view.ts';

function contactLine(site: SiteSettings, about: string): Html {
  return site.contactEmail === null
    ? html`<p>To tell us about ${about}, contact the organisation that runs this website.</p>`
    : html`<p>To tell us about ${about}, email <a href="mailto:${site.contactEmail}">${site.contactEmail}</a>.</p>`;
}

export function renderHelpPage(site: SiteSettings): Html {
  return renderPage(site, {
    title: 'Help and contact',
    section: 'help',
    main: html`<h1>Help and contact</h1>
<h2>Talking to your specialist</h2>
${specialistAdvice(site)}
<h2>Getting support</h2>
<p>${supportLineText(site)}</p>
<h2>Using this website</h2>
<ul>
<li>Search by words, or choose a cancer type, a treatment type, an age group and whether a trial is recruiting.</li>
<li>Add your postcode to see how far away each trial’s nearest open hospital is, and to list the nearest first.</li>
<li>Every search has its own web address: bookmark it, or send it to someone, and they will see the same search.</li>
<li>On a trial’s page, use your browser’s print command to get a version made for paper.</li>
</ul>
<h2>Mistakes and problems</h2>
${contactLine(site, 'a mistake on a trial page or a problem using the site')}`,
  });
}

export function renderAccessibilityPage(site: SiteSettings): Html {
  return renderPage(site, {
    title: 'Accessibility statement',
    section: 'none',
    main: html`<h1>Accessibility statement</h1>
<p class="lead">We want everyone to be able to use ${site.name}, whatever device they use and however they read the web.</p>
<h2>What we aim for</h2>
<p>This website aims to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. You should be able to:</p>
<ul>
<li>use every part of it with a keyboard alone, and always see where you are on the page;</li>
<li>use it with a screen reader: each page has one main heading, labelled areas and labelled form fields;</li>
<li>zoom in to 200% or more, or use a screen as narrow as 320 pixels, without scrolling sideways;</li>
<li>use it with no JavaScript at all: it needs none;</li>
<li>tell a trial’s status from its words, not only from a colour.</li>
</ul>
<h2>How we check</h2>
<p>Automated tests open every kind of page in a real browser, check it with the axe-core accessibility checker against WCAG 2.0, 2.1 and 2.2 levels A and AA, use the pages by keyboard alone, and check them at phone width. Automated checks find many problems but not all of them.</p>
<h2>What we know is not yet right</h2>
<ul>
<li>Trial descriptions come from public registries and are written by researchers, often in technical language. We explain common medical words, and summaries in plain English are being added.</li>
<li>The lists of who can and cannot take part are split from the registry’s text by a program, and may sometimes join or split items wrongly.</li>
</ul>
<h2>Tell us about a problem</h2>
${contactLine(site, 'an accessibility problem')}`,
  });
}

export function renderPrivacyPage(site: SiteSettings): Html {
  return renderPage(site, {
    title: 'Privacy',
    section: 'none',
    main: html`<h1>Privacy: how we handle your searches</h1>
<p class="lead">What you search for can say a lot about your health. So ${site.name} keeps none of it.</p>
<h2>What we do not store</h2>
<ul>
<li>We do not store your searches, your postcode, your age or anything else you type or choose. They are used to answer that one request and then forgotten.</li>
<li>We do not use cookies, accounts, analytics or advertising, and pages load nothing from other websites.</li>
<li>We do not record which trials you look at.</li>
</ul>
<h2>Your answers to “Could I take part?”</h2>
<p>Your answers to the “Could I take part?” questions travel only in the form on that page, sent when you press one of its buttons and never in the web address. We never store them, write them in our logs or put them in a cookie, and we forget them as soon as the page with your results has been sent to you.</p>
<h2>What our server records</h2>
<p>For each request, the server’s log records only:</p>
<ul>
<li>the kind of request (for example, reading a page);</li>
<li>which kind of page it was, as a pattern such as “/trials/:id”, never the full address, so never your search, your postcode or the trial you opened;</li>
<li>whether it worked, and how long it took;</li>
<li>if something went wrong on our side, a description of the error.</li>
</ul>
<p>These records help us keep the service running. They do not include your IP address or the search words in the page address.</p>
<h2>What stays on your own device</h2>
<p>Your search is part of each page’s web address, so that you can bookmark or share it. Your browser may keep these addresses in its history; you can clear it, or use a private window.</p>
<p>When you follow a link to a trial registry, we ask your browser not to tell that website which page you came from.</p>
<h2>Questions</h2>
${contactLine(site, 'a question about privacy')}`,
  });
}

export function renderDataSourcesPage(site: SiteSettings): Html {
  return renderPage(site, {
    title: 'Data sources and licences',
    section: 'none',
    main: html`<h1>Data sources and licences</h1>
<h2>Trial information</h2>
<p>Trial details come from public trial registries, kept in their original form and read by ${site.name}. When the same trial appears in more than one registry, the most recently updated record is shown.</p>
<ul>
<li><strong>ClinicalTrials.gov</strong>, run by the US National Library of Medicine. Its content is in the public domain in the United States.</li>
<li><strong>The US National Cancer Institute’s Clinical Trials Search</strong> (NCI CTRP data), a work of the US Government.</li>
</ul>
<p>Registries are updated by the people running each trial. Some records are out of date: check a trial’s status with its team or your specialist. Each trial page links to its registry records and shows when the registry was last updated.</p>
<h2>Postcodes and distances</h2>
<p>Distances are measured in a straight line from the middle of your postcode district to each hospital, using postcode district centres worked out from Ordnance Survey Code-Point Open (2014), under the Open Government Licence v3.0.</p>
<p>${POSTCODE_CREDIT}</p>
<p>Northern Ireland, Channel Islands and Isle of Man postcodes are not covered yet.</p>
<h2>Words and explanations</h2>
<p>Plain-English labels, status descriptions and the glossary are written by the ${site.name} team.</p>`,
  });
}
