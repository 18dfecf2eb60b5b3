/**
 * Splits a trial's eligibility text into "who can take part" and "who cannot" lists. Registries keep it as one block
 * of text ("Inclusion Criteria: * ... Exclusion Criteria: * ..."), so this is a simple reading of that layout: the
 * exclusion heading divides the text, bullets and numbered lines start items, other lines continue the item above.
 * A fuller parser (per-criterion meaning, nested lists) is a later piece of work.
 */

export interface CriteriaLists {
  readonly inclusion: readonly string[];
  readonly exclusion: readonly string[];
}

/** "Exclusion Criteria:", "EXCLUSION CRITERIA", "Key exclusion criteria" at the start of a line. */
const EXCLUSION_HEADING = /^[ \t]*(?:key\s+)?exclusion\s+criteria\b[^\n]*$/im;
const INCLUSION_HEADING = /^[ \t]*(?:key\s+)?inclusion\s+criteria\b[^\n:]*:?[ \t]*/im;
/** "* ", "- ", "• ", "1. ", "2) ", "a. ": the markers registries use for list items. */
const ITEM_MARKER = /^[ \t]*(?:[*•·-]|\d{1,2}[.)]|[a-z][.)])[ \t]+/i;

function items(text: string): string[] {
  const found: string[] = [];
  let current: string | null = null;
  let afterBlank = true;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') {
      afterBlank = true;
      continue;
    }
    const marker = ITEM_MARKER.exec(line);
    const body = (marker === null ? line : line.slice(marker[0].length)).trim().replace(/\s+/g, ' ');
    if (marker !== null || afterBlank || current === null) {
      if (current !== null) found.push(current);
      current = body;
    } else {
      current = `${current} ${body}`;
    }
    afterBlank = false;
  }
  if (current !== null) found.push(current);
  return found.filter((item) => item !== '');
}

/** The criteria text as two lists; text with no exclusion heading is all inclusion. */
export function splitCriteria(criteria: string | null): CriteriaLists {
  if (criteria === null || criteria.trim() === '') return { inclusion: [], exclusion: [] };
  const heading = EXCLUSION_HEADING.exec(criteria);
  const before = heading === null ? criteria : criteria.slice(0, heading.index);
  const after = heading === null ? '' : criteria.slice(heading.index + heading[0].length);
  return { inclusion: items(before.replace(INCLUSION_HEADING, '')), exclusion: items(after) };
}
