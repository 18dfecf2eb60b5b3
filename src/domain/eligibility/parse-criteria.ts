/**
 * The one entry point for a trial's eligibility text: split it into criteria (criteria-split.ts) and read the
 * concepts of each (concept-extract.ts). Parse once per trial; matching a profile against the result is cheap.
 */
import type { Criterion } from './criterion.ts';
import { readCriterion } from './concept-extract.ts';
import type { CriterionReading } from './concept-extract.ts';
import { splitCriteria } from './criteria-split.ts';

const NOTE = /^\W*note\b/i;
/** "Chemotherapy - Not specified", "Radiotherapy: See Disease Characteristics": a PDQ heading with nothing asked. */
const NOTHING_ASKED = /^[\w\s,/()-]{0,40}?(?:[:\-–]\s*)?(?:not specified|see (?:disease|patient) characteristics|no restrictions?|any)\.?$/i;
const UNREAD: CriterionReading = { concepts: [], conditional: false, permissive: false, broadDiagnosis: false };

/**
 * Splits ClinicalTrials.gov-style eligibility text into inclusion and exclusion criteria, each with its original
 * words, section, sub-heading, list lead-in and concepts. Null or empty text gives no criteria.
 */
export function parseCriteria(text: string | null): Criterion[] {
  return splitCriteria(text).map((item, index) => {
    // "NOTE: A new classification ... has been adopted by PDQ" informs, and "Chemotherapy: Not specified" asks
    // nothing of the person.
    const reading = NOTE.test(item.text) || NOTHING_ASKED.test(item.text.trim()) ? UNREAD : readCriterion(item.text, { heading: item.heading, parent: item.parent, section: item.section });
    return {
      index,
      section: item.section,
      text: item.text,
      heading: item.heading,
      parent: item.parent,
      anyOf: item.anyOf,
      conditional: reading.conditional,
      permissive: item.permissive || reading.permissive,
      broadDiagnosis: reading.broadDiagnosis,
      concepts: reading.concepts,
    };
  });
}
