/**
 * The glossary (glossary.json: our own plain-English definitions) and the marking of its words in trial text. A
 * marked word links to its definition, which a page shows in full (the glossary page, or a trial page's "Words
 * explained" list), so the explanation needs no script, tooltip or hover and prints with the page.
 */
import { readFileSync } from 'node:fs';
import { Html, escapeHtml, html } from './html.ts';
import { escapeRegExp } from '../domain/escape-regexp.ts';

export interface GlossaryTerm {
  /** Its address on the glossary page (`/glossary#id`). */
  readonly id: string;
  /** The word as a heading shows it. */
  readonly term: string;
  /** Spellings found in trial text; matched whole-word, ignoring case. */
  readonly matches: readonly string[];
  readonly definition: string;
}

interface GlossaryFile {
  readonly terms: readonly GlossaryTerm[];
}

/** Every term, in alphabetical order of its heading. */
export const GLOSSARY: readonly GlossaryTerm[] = (
  JSON.parse(readFileSync(new URL('./glossary.json', import.meta.url), 'utf8')) as GlossaryFile
).terms.toSorted((a, b) => a.term.localeCompare(b.term, 'en-GB', { sensitivity: 'base' }));

const BY_ID: ReadonlyMap<string, GlossaryTerm> = new Map(GLOSSARY.map((term) => [term.id, term]));

/** Which term each spelling belongs to, by its lower-case form. */
const TERM_OF: ReadonlyMap<string, string> = new Map(
  GLOSSARY.flatMap((term) => term.matches.map((spelling) => [spelling.toLowerCase(), term.id] as const)),
);

/**
 * Every spelling, longest first so "relapsed" wins over "relapse", fenced so a term never matches inside a longer
 * word ("phase" in "phased" is not marked; "Ph+" still ends at its plus sign).
 */
const SPELLINGS = new RegExp(
  `(?<![\\w-])(${[...TERM_OF.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![\\w])`,
  'gi',
);

export function glossaryTerm(id: string): GlossaryTerm | undefined {
  return BY_ID.get(id);
}

/**
 * Marks glossary words in one page's text. Each term is marked once per page, where it first appears (marking every
 * "phase" would bury the text in links); `found` lists the terms marked, in order, for the page's definitions list.
 */
export class GlossaryMarker {
  readonly found: GlossaryTerm[] = [];

  /**
   * @param href where a marked word links: the page's own definition, or the glossary page.
   * @param describedBy the id of the definition's text on this page, which screen readers then read with the link.
   */
  constructor(
    private readonly href: (term: GlossaryTerm) => string,
    private readonly describedBy?: (term: GlossaryTerm) => string,
  ) {}

  /** The text, escaped, with the first mention of each term not yet marked on this page made a link. */
  mark(text: string): Html {
    let out = '';
    let last = 0;
    for (const match of text.matchAll(SPELLINGS)) {
      const spelling = match[0];
      const term = BY_ID.get(TERM_OF.get(spelling.toLowerCase()) ?? '');
      if (term === undefined || this.found.includes(term)) continue;
      this.found.push(term);
      const description = this.describedBy === undefined ? '' : html` aria-describedby="${this.describedBy(term)}"`;
      out += escapeHtml(text.slice(last, match.index)) + html`<a class="term" href="${this.href(term)}"${description}>${spelling}</a>`.text;
      last = match.index + spelling.length;
    }
    return new Html(out + escapeHtml(text.slice(last)));
  }
}
