/**
 * Editorial text (a plain-English summary or an editorial page) as HTML: paragraphs and bulleted lists only
 * (domain/editorial/summary-text.ts), every word escaped, so whatever an editor typed, "<script>" included, shows
 * as the characters typed and never runs. Glossary words are marked where a page keeps a glossary.
 */
import { textBlocks } from '../../domain/editorial/summary-text.ts';
import type { GlossaryMarker } from '../glossary.ts';
import { html, type Html } from '../html.ts';

/** The text's blocks as HTML, glossary words marked when `marker` is given. */
export function renderEditorialText(text: string, marker: GlossaryMarker | null = null): Html {
  const words = (part: string): Html | string => (marker === null ? part : marker.mark(part));
  return html`${textBlocks(text).map((block) =>
    block.kind === 'paragraph' ? html`<p>${words(block.text)}</p>` : html`<ul>${block.items.map((item) => html`<li>${words(item)}</li>`)}</ul>`,
  )}`;
}

/** "2 March 2026", in UK time. */
export function reviewDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
}

/** The line every reviewed page shows: when it was last reviewed, and when the next review is due. */
export function renderReviewDates(lastReviewed: string, nextReviewDue: string): Html {
  return html`<p class="review-dates">Last reviewed <time datetime="${lastReviewed}">${reviewDate(lastReviewed)}</time>. Next review due <time datetime="${nextReviewDue}">${reviewDate(nextReviewDue)}</time>.</p>`;
}
