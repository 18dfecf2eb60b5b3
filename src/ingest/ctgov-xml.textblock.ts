/**
 * Undoes the layout ClinicalTrials.gov applied to legacy XML text.
 *
 * In public.xsd a `textblock` (brief_summary, detailed_description, eligibility/criteria) is the registry text
 * hard-wrapped to lines of at most {@link WRAP_WIDTH} characters, every line indented to its depth in the
 * document, bullets given a hanging indent and each line ended by `&#xD;` (a carriage return). Plain text
 * elements (arm_group/description, intervention/description) are not wrapped but keep the author's CRLFs.
 */

/** The longest textblock line, indentation included, in 6,786 AllPublicXML records (Feb 2023): CT.gov's wrap width. */
const WRAP_WIDTH = 99;
const LIST_SLACK = 2;

/** A line that starts a list item: "-  text", "*", "•", "o", "1.", "2)", "a.", "(b)". Never joined to the line before. */
const LIST_ITEM = /^(?:[-*•·o]\s|\d{1,3}[.)]\s|[a-zA-Z][.)]\s|\([a-zA-Z0-9]{1,3}\)\s)/;

/**
 * Normalises a public.xsd `textblock`: strips the common leading indentation, rejoins lines CT.gov wrapped,
 * keeps paragraph breaks (one blank line) and list items on their own lines with their relative indentation.
 * Returns null for absent or blank text.
 */
export function normaliseTextblock(raw: string | null): string | null {
  if (raw === null) return null;
  const logical: string[] = [];
  let previous: string | null = null;
  for (const line of splitLines(raw)) {
    if (line.trim() === '') {
      logical.push('');
      previous = null;
    } else if (previous !== null && isSoftWrap(previous, line)) {
      logical[logical.length - 1] = `${logical[logical.length - 1] ?? ''} ${line.trim()}`;
      previous = line;
    } else {
      logical.push(line);
      previous = line;
    }
  }
  return finish(dedent(logical));
}

/** Normalises text that CT.gov did not wrap: line ends unified, trailing spaces and outer blank lines removed. */
export function normalisePlainText(raw: string | null): string | null {
  if (raw === null) return null;
  return finish(dedent(splitLines(raw)));
}

function splitLines(raw: string): string[] {
  return raw
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''));
}

/**
 * True when `next` continues `previous` because the wrapper ran out of room: its first word would not have
 * fitted. The wrapper breaks only at spaces ("flat-top" is never split). It measured the first line of a list
 * item before widening "- " to "-  ", so those lines may end up to {@link LIST_SLACK} characters shorter.
 * Over the 6,786 records every single line break inside a paragraph passes this test; authors' own line
 * breaks survive only as blank lines or list items.
 */
function isSoftWrap(previous: string, next: string): boolean {
  const body = next.trimStart();
  if (LIST_ITEM.test(body)) return false;
  const firstWord = /^\S+/.exec(body)?.[0] ?? '';
  return previous.length + 1 + firstWord.length > WRAP_WIDTH - LIST_SLACK;
}

function dedent(lines: readonly string[]): string[] {
  let common = Infinity;
  for (const line of lines) if (line !== '') common = Math.min(common, /^[ \t]*/.exec(line)?.[0].length ?? 0);
  if (common === Infinity) common = 0;
  return lines.map((line) => line.slice(common));
}

function finish(lines: readonly string[]): string | null {
  const text = lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
  return text.trim() === '' ? null : text;
}
