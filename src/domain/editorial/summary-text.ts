/**
 * The format of editorial text (plain-English summaries and editorial pages): plain text, never markup. Blank lines
 * divide paragraphs; a run of lines that each start with "- " or "* " is a bulleted list. That is the whole format:
 * anything else, "<script>" included, is text, stored exactly as typed and escaped wherever it is shown, so no
 * editor's words can ever run as code on a patient's screen (issue 7, security).
 */
import { InvalidInput } from '../errors.ts';

export type TextBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] };

/** Long enough for a page of plain English; a form carrying more is not one of ours. */
export const TEXT_MAX_LENGTH = 6000;
export const TITLE_MAX_LENGTH = 120;

const BULLET = /^\s*[-*]\s+/;
/** Control characters other than line breaks and tabs have no place in prose and would break a JSON column. */
const CONTROL = /(?![\n\t])\p{Cc}/u;
/** Something that looks like an HTML tag: shown to the editor as a warning, never interpreted. */
const TAG_LIKE = /<\/?[a-z!][^>]*>/i;

/** Line endings as one "\n", trailing spaces gone, and no blank lines at either end. */
export function normaliseText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/u, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

/** Checks and normalises a body of editorial text: not empty, not too long, no control characters. */
export function checkText(raw: string): string {
  const text = normaliseText(raw);
  if (text.trim() === '') throw new InvalidInput('Write the text before saving it.', 'body');
  if (text.length > TEXT_MAX_LENGTH) throw new InvalidInput(`The text must be at most ${TEXT_MAX_LENGTH} characters; it has ${text.length}.`, 'body');
  if (CONTROL.test(text)) throw new InvalidInput('The text contains control characters; retype it, or paste it as plain text.', 'body');
  return text;
}

/** Checks a page title: one line, 1 to 120 characters. */
export function checkTitle(raw: string): string {
  const title = raw.replace(/\s+/gu, ' ').trim();
  if (title === '') throw new InvalidInput('Give the page a title.', 'title');
  if (title.length > TITLE_MAX_LENGTH) throw new InvalidInput(`The title must be at most ${TITLE_MAX_LENGTH} characters.`, 'title');
  if (CONTROL.test(title)) throw new InvalidInput('The title must not contain control characters.', 'title');
  return title;
}

/** True when the text holds something that looks like markup, which will be shown as typed. */
export function looksLikeMarkup(text: string): boolean {
  return TAG_LIKE.test(text);
}

/** The text as paragraphs and lists; lines inside a paragraph are joined with spaces. */
export function textBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const chunk of normaliseText(text).split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((line) => line.trim() !== '');
    let prose: string[] = [];
    let items: string[] = [];
    const flushProse = (): void => {
      if (prose.length > 0) blocks.push({ kind: 'paragraph', text: prose.join(' ').replace(/\s+/gu, ' ').trim() });
      prose = [];
    };
    const flushItems = (): void => {
      if (items.length > 0) blocks.push({ kind: 'list', items });
      items = [];
    };
    for (const line of lines) {
      if (BULLET.test(line)) {
        flushProse();
        items.push(line.replace(BULLET, '').trim());
      } else if (items.length > 0 && /^\s+\S/u.test(line)) {
        // An indented line goes on with the item above it.
        items[items.length - 1] = `${items[items.length - 1] ?? ''} ${line.trim()}`;
      } else {
        flushItems();
        prose.push(line);
      }
    }
    flushProse();
    flushItems();
  }
  return blocks;
}

/** The words of the text without list markers: what readability is measured on (each list item a sentence). */
export function plainWords(text: string): string {
  return textBlocks(text)
    .map((block) => (block.kind === 'paragraph' ? block.text : block.items.map((item) => (/[.!?]$/.test(item) ? item : `${item}.`)).join('\n')))
    .join('\n\n');
}
