/**
 * Recognises the headings of an eligibility text (criteria-headings.json): section headings that switch between
 * inclusion and exclusion, sub-headings that give context ("Hepatic:", "Age:"), and the labels NCI-style records
 * run inline ("PATIENT CHARACTERISTICS: Age: Under 70 Performance status: ...").
 */
import vocab from './criteria-headings.json' with { type: 'json' };
import type { Section } from './criterion.ts';

const whole = (patterns: readonly string[]): RegExp => new RegExp(`^(?:${patterns.join('|')})$`, 'i');

const INCLUSION = whole(vocab.inclusion);
const EXCLUSION = whole(vocab.exclusion);
const PERMISSIVE = whole(vocab.permissive);
const NCI = whole(vocab.nciSections);
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** A section heading: which section it opens, and whether items under it are permitted rather than required. */
export interface SectionHeading {
  readonly section: Section;
  readonly permissive: boolean;
  /** Old NCI PDQ records ("DISEASE CHARACTERISTICS:"), whose lists often lost their bullets. */
  readonly nci: boolean;
}

/** The words of a heading line without its decoration: "- INCLUSION CRITERIA :" → "INCLUSION CRITERIA". */
export function headingWords(line: string): string {
  return line
    .replace(/^[\s\-*•#[(]+/, '')
    .replace(/[\s:.\])]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The section a heading line opens, or null when the line is not a section heading. */
export function sectionHeading(line: string): SectionHeading | null {
  const words = headingWords(line);
  if (words === '' || words.length > 110) return null;
  // "allowed)" closing a bracket opened on the line before ("(patients who had received a prior autologous HCT will
  // be" / "allowed)"): the end of a wrapped item, not a heading.
  if ((line.match(/\)/g) ?? []).length > (line.match(/\(/g) ?? []).length) return null;
  // Donor criteria and amendments are headings too, but only their first words say which section.
  const head = words.replace(/\s*[-–(].*$/, '').trim();
  for (const candidate of head === words ? [words] : [words, head]) {
    if (EXCLUSION.test(candidate)) return { section: 'exclusion', permissive: false, nci: false };
    if (PERMISSIVE.test(candidate)) return { section: 'inclusion', permissive: true, nci: false };
    if (INCLUSION.test(candidate)) return { section: 'inclusion', permissive: false, nci: NCI.test(candidate) };
  }
  return null;
}

/** Sub-heading labels that NCI-style records write inline, longest first so "Prior Medication" beats "Other". */
const SUBHEADINGS = [...vocab.subheadings].sort((a, b) => b.length - a.length);
// In any case after a capital first letter ("Performance Status:", "Endocrine Therapy:"; splitInlineLabels checks the
// capital, as the case-blind flag would let "other:" in a sentence through).
const INLINE_LABEL = new RegExp(`(?:^|(?<=\\s))(${SUBHEADINGS.map(escape).join('|')}):(?=\\s|$)`, 'gi');

/** A run of text under an inline label: "Age: Under 70" → { label: "Age", text: "Under 70" }. */
export interface LabelledPiece {
  readonly label: string | null;
  readonly text: string;
}

/** Splits a line at the known inline sub-heading labels. Text before the first label has no label. */
export function splitInlineLabels(line: string): LabelledPiece[] {
  const pieces: LabelledPiece[] = [];
  let label: string | null = null;
  let from = 0;
  for (const match of line.matchAll(INLINE_LABEL)) {
    if (!/^[A-Z]/.test(match[1] ?? '')) continue;
    const before = line.slice(from, match.index).trim();
    if (before !== '' || label !== null) pieces.push({ label, text: before });
    label = match[1] ?? null;
    from = match.index + match[0].length;
  }
  pieces.push({ label, text: line.slice(from).trim() });
  return pieces.filter((piece) => piece.text !== '' || piece.label !== null);
}

/** Capitalised words that rarely start a new item in run-on NCI text ("Karnofsky 60-100%"). */
export const ITEM_STARTS_NOT: ReadonlySet<string> = new Set(vocab.itemStartsNot);

/** Words that start a new requirement in run-on NCI text ("No", "Patients", "Prior"). */
export const ITEM_OPENERS: ReadonlySet<string> = new Set(vocab.itemOpeners);

/** Abbreviations whose full stop does not end a sentence. */
export const NOT_SENTENCE_ENDS: ReadonlySet<string> = new Set(vocab.notSentenceEnds);

const KNOWN_LABEL = new RegExp(`^(?:${SUBHEADINGS.map(escape).join('|')})$`, 'i');

/** True for a line that is only a known sub-heading label, with or without its colon ("Biologic therapy"). */
export function isKnownLabel(line: string): boolean {
  return KNOWN_LABEL.test(headingWords(line));
}

const LEAD_IN_WORDS = new RegExp(`\\b(?:${vocab.leadInWords.join('|')})\\b`, 'gi');

/** True when a list's lead-in says nothing but "must have one of the following:". */
export function isBareLeadIn(text: string): boolean {
  return text.replace(LEAD_IN_WORDS, ' ').replace(/[^A-Za-z]+/g, ' ').trim() === '';
}
