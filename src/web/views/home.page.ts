/** The welcome page: what the site is for, in a sentence, and the way into search. */
import { html } from '../html.ts';
import type { Html } from '../html.ts';
import type { SiteSettings } from '../site-settings.ts';
import { renderPage } from './layout.view.ts';
import { renderTopicLinks } from './search.page.ts';

export function renderHomePage(site: SiteSettings, trialCount: number): Html {
  return renderPage(site, {
    title: 'Find a cancer clinical trial',
    section: 'home',
    main: html`<h1>Find a cancer clinical trial</h1>
<p class="lead">Clinical trials test new treatments, and new ways of using treatments we already have. Search ${trialCount.toLocaleString('en-GB')} trials by cancer type, treatment and where you live, and take what you find to your specialist.</p>
<form class="search-form home-search" method="get" action="/trials" role="search" aria-label="Trials">
<div class="field">
<label for="f-q">What are you looking for?</label>
<p class="hint" id="f-q-hint">For example: acute lymphoblastic leukaemia, CAR T, imatinib</p>
<input id="f-q" name="q" type="text" aria-describedby="f-q-hint">
</div>
<div class="field">
<label for="f-postcode">Your postcode (optional)</label>
<p class="hint" id="f-postcode-hint">To see how far away each trial is. We do not store it.</p>
<input id="f-postcode" name="postcode" type="text" autocomplete="postal-code" class="short" aria-describedby="f-postcode-hint">
</div>
<button type="submit">Search trials</button>
</form>
<p><a href="/trials">Search with more choices</a> (cancer type, treatment, age group, status and distance).</p>
<h2>Common searches</h2>
${renderTopicLinks()}
<h2>Before you start</h2>
<ul>
<li>Not every trial will suit you. Each has its own conditions for who can take part, and your specialist team is the best judge.</li>
<li>Medical words are explained in our <a href="/glossary">glossary</a>.</li>
<li>We do not ask who you are, and we keep nothing you type. <a href="/privacy">How we handle your searches</a>.</li>
</ul>`,
  });
}
