/**
 * The one entry point for a trial's eligibility text: split it into criteria (criteria-split.ts) and read the
 * concepts of each (concept-extract.ts). Parse once per trial; matching a profile against the result is cheap.
 */
import relations from './concept-relations.json' with { type: 'json' };
import type { Criterion } from './criterion.ts';
import { CELL_MARKERS, readCriterion } from './concept-extract.ts';
import type { CriterionReading } from './concept-extract.ts';
import { splitCriteria } from './criteria-split.ts';

/** "NOTE: ...", and PDQ's boilerplate on its lymphoma terms ("A new classification scheme ... has been adopted by PDQ", "The terminology ... will replace the former terminology"). */
const NOTE = /^\W*note\b|\bclassification scheme\b.{0,80}\badopted by PDQ\b|\bterminology\b.{0,160}\bwill replace the former terminology\b/is;
/**
 * "Chemotherapy - Not specified", "Radiotherapy: See Disease Characteristics", "See Chemotherapy": a PDQ heading with
 * nothing asked, or a pointer to another heading's items; "Not specified Chemotherapy", the next heading run on
 * after it without its colon.
 */
const NOTHING_ASKED = /^[\w\s,/()-]{0,40}?(?:[:\-–]\s*)?(?:not specified|see (?:disease|patient) characteristics|see (?:prior )?(?:chemotherapy|radiotherapy|biologic therapy|endocrine therapy|surgery|other)|no restrictions?|any)\.?$|^\W*not specified\s+(?:chemotherapy|radiotherapy|surgery|endocrine therapy|biologic therapy|other)\W*$/i;
/**
 * Requirements of the donor, not the patient: items under a "Donor" heading or lead-in, or that open with the word
 * ("Donor must consent to G-CSF", "DONOR: HLA-identical sibling"). The patient cannot answer them.
 */
const ABOUT_DONOR = /^\W*(?:\d+\.\s*)?(?:for\s+)?(?:(?:related|unrelated|sibling|stem cell|allogeneic|potential|matched|the)\s+)?donors?\b/i;
/** A lead-in whose items are exceptions to it: "... with four permissible exceptions:", "with the following exceptions:". */
const EXCEPTIONS_LEAD = /\bexceptions\s*:\s*$/i;
/** A lead-in that ends by naming the donor, whose items are the donor's: "Fully matched or one HLA antigen mismatched sibling donor". */
const DONOR_LEAD = /\bdonors?\s*:?\s*$/i;
/**
 * "Ineligible for part I and considered heavily pretreated if:": the items under it define a group of the trial's
 * patients (for which part they join), and ask nothing of everyone.
 */
const DEFINING_LEAD = /\b(?:considered\b[^:]*\bif|(?:is |are )?defined as|classified as)\s*:\s*$/i;
const UNREAD: CriterionReading = { concepts: [], conditional: false, permissive: false, broadDiagnosis: false };
/** "Induction therapy:", "Postinduction therapy:" left without the items under it: a heading, nothing asked. */
const BARE_HEADING = /^[^:]{1,60}:\s*$/;
/**
 * A later phase of the trial ("Postinduction therapy:" over "Documented complete remission", "0-1"): what is asked
 * under it is asked then, of the person the trial has treated, not of the person asking now.
 */
const LATER_PHASE = /\b(?:post-?induction|post-?remission|consolidation|maintenance|intensification|after induction|transplant phase|prior to (?:transplant|transplantation|consolidation|maintenance)|before (?:transplant|transplantation|consolidation|maintenance))\b/i;
/**
 * "It is expected that five types of patients ... will be referred ... These are:": who the investigators expect, and
 * the list under it, describe and ask nothing.
 */
const EXPECTATION = /^\W*it is (?:expected|anticipated|estimated) that\b/i;
/**
 * "NOTE: A new classification scheme ... has been adopted by PDQ" inside an item, with or without its "NOTE:"
 * ("... B-cell non-Hodgkin's lymphoma (low, intermediate, or high grade) A new classification scheme ..."): a note,
 * nothing asked.
 */
const INLINE_NOTE = /\s+NOTE:\s.*$|\s+A new classification scheme for\b.*$/s;

/** Concept types that say which disease, in which state, after what and at what age: the stuff of a list of diseases. */
const DISEASE_TYPES: ReadonlySet<string> = new Set(['cancer-type', 'disease-state', 'prior-treatment', 'age']);
/** Words that make an item a branch of alternatives itself: a capital "OR", "1 of the following". */
/** A lead-in whose items are examples: "... including the following:", "such as:", "e.g.:". */
const EXAMPLES_LEAD = /\b(?:including|such as|e\.g\.|for example)\b[^:]{0,30}:\s*$/i;
const BRANCH = /\bOR\b|\b(?:1|one|any|either) of the following\b/;
/** "Acute myelogenous leukemia: -in second remission ...": an item opening with its disease as a label. */
const DISEASE_LABEL = /^\W*[^:]{3,60}:\s*\S/;

/**
 * True when an item can be one of a run-on disease section's alternatives: it is a branch itself ("... OR ..."),
 * names a diagnosis ("large cell lymphoma with CNS involvement") or a broad group of them alone ("acute leukaemia"),
 * or names a disease state, past treatment or age and nothing else. An item we cannot read ("Must have CT of
 * abdomen"), an item about other things ("Negative CSF cytology"), a permission ("Early relapse allowed") or a
 * conditional one is read on its own, so it neither rescues nor replaces the diseases the person must have.
 */
function isAlternative(text: string, reading: CriterionReading, permissive: boolean): boolean {
  const asked = reading.concepts.filter((c) => c.planned !== true);
  if (permissive || reading.permissive) return false;
  // A broad group named alone ("L-3 and B-cell leukemia included") is one of the diseases, read or not.
  if (asked.length === 0) return reading.broadDiagnosis && text.split(/\s+/).length <= 8;
  const diagnosis = asked.some((c) => c.type === 'cancer-type' && c.polarity === 'present');
  // "No treatment-related MDS" among the subtypes rules a kind out; it is never one of the kinds to choose from.
  if (!BRANCH.test(text) && asked.every((c) => c.polarity === 'absent')) return false;
  return BRANCH.test(text) || ((!reading.conditional || isDiseaseLabel(text, reading)) && (diagnosis || asked.every((c) => DISEASE_TYPES.has(c.type))));
}

/**
 * "Acute myelogenous leukemia: -in second remission ...": a disease given as a label over its states, read as "for
 * those with it"; among a list of diseases it is one of them, and its states are what it asks.
 */
function isDiseaseLabel(text: string, reading: CriterionReading): boolean {
  const colon = text.indexOf(':');
  return reading.conditional && DISEASE_LABEL.test(text) && reading.concepts.some((c) => c.type === 'cancer-type' && c.polarity === 'present'
    && c.planned !== true && text.indexOf(c.evidence) >= 0 && text.indexOf(c.evidence) < colon);
}

/**
 * Splits ClinicalTrials.gov-style eligibility text into inclusion and exclusion criteria, each with its original
 * words, section, sub-heading, list lead-in and concepts. Null or empty text gives no criteria.
 */
export function parseCriteria(text: string | null): Criterion[] {
  return withOwnDiagnosis(withWaivers(withSharedDiagnosis(withRunOnDiseases(splitCriteria(text).map((item, index) => {
    // "NOTE: A new classification ... has been adopted by PDQ" informs, and "Chemotherapy: Not specified" asks
    // nothing of the person.
    const aboutDonor = [item.text, item.heading ?? '', item.parent ?? ''].some((words) => ABOUT_DONOR.test(words)) || DONOR_LEAD.test(item.parent ?? '');
    const bareHeading = BARE_HEADING.test(item.text) && item.text.split(/\s+/).length <= 5;
    // A note run on after a requirement ("... lymphoma ... NOTE: A new classification scheme ...") leaves the
    // requirement to read.
    const asked = item.text.replace(INLINE_NOTE, '');
    const read = NOTE.test(asked) || NOTHING_ASKED.test(item.text.trim()) || aboutDonor || [item.text, item.parent ?? ''].some((words) => EXPECTATION.test(words))
      ? UNREAD
      : headingRead(bareHeading, readCriterion(asked, { heading: item.heading, parent: item.parent, section: item.section }));
    const later = read.concepts.length > 0 && [item.heading ?? '', item.parent ?? ''].some((words) => LATER_PHASE.test(words));
    // "Histologically confirmed malignancy including the following:" over "Nasopharyngeal carcinoma", "Hodgkin's
    // lymphoma": diseases listed as examples of a broader group, none of them asked for.
    const example = item.parent != null && EXAMPLES_LEAD.test(item.parent) && read.concepts.length > 0
      && read.concepts.every((c) => c.type === 'cancer-type' && c.polarity === 'present');
    const reading = example ? { ...UNREAD, conditional: read.conditional } : later ? { ...read, conditional: true } : read;
    // Consent at the end of a list of alternatives ("... Cervical or anal intraepithelial lesion" / "Ability of
    // subject to understand and ... sign a written informed consent") is asked of everyone, not one more choice.
    const agreementOnly = reading.concepts.length > 0 && reading.concepts.every((c) => c.type === 'consent');
    const anyOf = (item.guessedAnyOf && !isAlternative(item.text, reading, item.permissive)) || agreementOnly ? null : item.anyOf;
    return {
      index,
      section: item.section,
      text: item.text,
      heading: item.heading,
      parent: item.parent,
      anyOf,
      conditional: (reading.conditional && !(anyOf !== null && isDiseaseLabel(item.text, reading))) || DEFINING_LEAD.test(item.parent ?? ''),
      // "No prior treatment ... with four permissible exceptions:" over "Growth factor/cytokine support": each is allowed.
      permissive: item.permissive || reading.permissive || EXCEPTIONS_LEAD.test(item.parent ?? ''),
      broadDiagnosis: reading.broadDiagnosis,
      ...(WAIVER.test(item.text) ? { waivable: true as const } : {}),
      concepts: reading.concepts,
      ...(item.runOnDisease === true ? { runOnDisease: true } : {}),
      ...(item.guessedAnyOf ? { guessed: true } : {}),
    };
  }))).map(withoutMarks)));
}

function withoutMarks(parsed: Parsed): Criterion {
  if (parsed.runOnDisease === undefined && parsed.guessed === undefined) return parsed;
  const criterion: Parsed = { ...parsed };
  delete (criterion as { runOnDisease?: boolean }).runOnDisease;
  delete (criterion as { guessed?: boolean }).guessed;
  return criterion;
}

/** The diseases an item names as present (markers aside). */
function presentDiseases(criterion: Criterion): Set<string> {
  return new Set(criterion.concepts.filter((c) => c.type === 'cancer-type' && c.polarity === 'present' && c.planned !== true && !CELL_MARKERS.has(c.value)).map((c) => c.value));
}
/** The disease states an item asks for. */
function presentStates(criterion: Criterion): Set<string> {
  return new Set(criterion.concepts.filter((c) => c.type === 'disease-state' && c.polarity === 'present').map((c) => c.value));
}
const STATE_EXCLUDES: Readonly<Record<string, readonly string[]>> = relations['disease-state'].excludes;

/**
 * A run-on disease section read as alternatives (its lost bullets leave no other sign) that opens by naming the
 * disease ("Relapsed or refractory CLL", "... confirmed adult AML") and names no other: that first item is the
 * diagnosis every alternative shares, and must hold on its own; the rest stay alternatives of one another.
 */
function withSharedDiagnosis(criteria: readonly Parsed[]): Parsed[] {
  const firstOf = new Map<number, Parsed>();
  for (const c of criteria) if (c.guessed === true && c.anyOf !== null && !firstOf.has(c.anyOf)) firstOf.set(c.anyOf, c);
  const shared = new Set<Parsed>();
  for (const [group, first] of firstOf) {
    const diseases = presentDiseases(first);
    if (diseases.size === 0 || !namesDisease(first)) continue;
    const others = criteria.filter((c) => c !== first && c.anyOf === group);
    // Not when another item names a state the first one's rule out ("ALL in second remission or greater" beside
    // "Patients in first remission with ..."): then the first is one alternative among them.
    const states = presentStates(first);
    const clash = others.some((c) => [...presentStates(c)].some((other) => [...states].some((own) => STATE_EXCLUDES[own]?.includes(other) === true || STATE_EXCLUDES[other]?.includes(own) === true)));
    if (others.length > 0 && !clash && others.every((c) => [...presentDiseases(c)].every((d) => diseases.has(d)))) shared.add(first);
  }
  return criteria.map((c) => (shared.has(c) ? { ...c, anyOf: null } : c));
}

/**
 * A bare heading asks nothing ("Induction therapy:"), unless it names a disease: "Acute lymphocytic leukemia (ALL):"
 * over "CR2", "Induction failures" is one of the trial's diseases, the items under it its states.
 */
function headingRead(bareHeading: boolean, reading: CriterionReading): CriterionReading {
  if (!bareHeading) return reading;
  const diseases = reading.concepts.filter((c) => c.type === 'cancer-type' && c.polarity === 'present');
  return diseases.length > 0 ? { ...reading, concepts: diseases } : UNREAD;
}

type Parsed = Criterion & { readonly runOnDisease?: boolean; readonly guessed?: boolean };

/** An item that names one of a trial's diseases and nothing else about the person: "Ovarian cancer", "Other malignancies". */
function namesDisease(criterion: Criterion): boolean {
  const asked = criterion.concepts.filter((c) => c.planned !== true);
  const named = asked.some((c) => (c.type === 'cancer-type' || c.type === 'other-cancer') && c.polarity === 'present');
  return named && asked.every((c) => c.type === 'cancer-type' || c.type === 'other-cancer' || c.type === 'disease-state' || c.type === 'prior-treatment');
}

/**
 * A run-on NCI disease section that lists several diseases, each followed by the states it must be in ("Ovarian
 * cancer Primary refractory disease or relapsed after first line chemotherapy Testicular cancer Relapsed or
 * refractory disease after 2 regimens"): the items that name only a state or a past treatment go back under the
 * disease named before them, as their lost bullets had them, and count for that disease alone.
 */
function withRunOnDiseases(criteria: readonly Parsed[]): Parsed[] {
  const diseases = criteria.filter((c) => c.runOnDisease === true && namesDisease(c));
  // One disease whose item ends in a colon ("Diagnosis of AML: Failure to achieve ... First relapse ...") leads the
  // states after it as well.
  if (diseases.length < 2 && !(diseases.length === 1 && /:\s*$/.test(diseases[0]?.text ?? ''))) return [...criteria];
  let owner: Parsed | null = null;
  return criteria.map((criterion) => {
    if (criterion.runOnDisease !== true) {
      owner = null;
      return criterion;
    }
    if (namesDisease(criterion)) {
      owner = criterion;
      return criterion;
    }
    const stateOnly = criterion.concepts.length > 0 && criterion.concepts.every((c) => c.type === 'disease-state' || c.type === 'prior-treatment');
    return owner !== null && stateOnly && criterion.parent === null ? { ...criterion, parent: owner.text } : criterion;
  });
}

/**
 * "... unless attributable to malignancy", "(unless due to disease)", "(in the absence of liver involvement)",
 * "(except for bone involvement)": a limit waived when the disease causes it.
 */
const WAIVER = /\bunless\b(?:(?![.;]).){0,60}?\b(?:attributable|attributed|due|related|secondary|caused)\b|\bin the absence of (?:(?![.;]).){0,30}?\binvolvement\b|\bexcept (?:for |in |with |if )?(?:patients with )?(?:[\w-]+\s+){0,2}?(?:involvement|metastases)\b/i;
/** A line that is nothing but a waiver, for the limits beside it. */
const WAIVER_ONLY = /^\W*unless\b/i;

/**
 * A waiver on a line of its own ("Hepatic:" then "(unless due to disease)" above the limits, or "Unless attributable
 * to malignancy" as the last of a lead item's sub-items) covers the limits it sits with: those under the same lead
 * item, and the lead item itself; or, outside any list, those under the same sub-heading.
 */
/** "Patients with symptomatic macroglobulinemic lymphoma who have had no prior treatment ... are eligible": whom the trial is for. */
const ARE_ELIGIBLE = /\b(?:are|is|will be)\s+eligible\b/i;

/**
 * The one inclusion item that names a diagnosis, written as a permission ("Patients with symptomatic
 * macroglobulinemic lymphoma ... are eligible."), says whom the trial is for: a requirement, not a disease allowed
 * besides others. Not where another inclusion item asks for a diagnosis, nor where several such permissions list the
 * diseases a trial takes.
 */
function withOwnDiagnosis(criteria: Criterion[]): Criterion[] {
  const names = (c: Criterion): boolean => c.section === 'inclusion' && !c.conditional && c.concepts.some((k) => k.type === 'cancer-type' && k.polarity === 'present' && k.planned !== true && !CELL_MARKERS.has(k.value));
  const naming = criteria.filter(names);
  const [only] = naming;
  if (naming.length !== 1 || only === undefined || !only.permissive || !ARE_ELIGIBLE.test(only.text) || only.anyOf !== null) return criteria;
  return criteria.map((c) => (c === only ? { ...c, permissive: false } : c));
}

function withWaivers(criteria: Criterion[]): Criterion[] {
  const waivers = criteria.filter((c) => c.concepts.length === 0 && WAIVER_ONLY.test(c.text) && WAIVER.test(c.text));
  const covered = (c: Criterion): boolean => waivers.some((w) => w.section === c.section && (w.parent !== null
    ? c.parent === w.parent || c.text === w.parent
    : c.parent === null && w.heading !== null && c.heading === w.heading));
  return criteria.map((c) => (c.waivable !== true && covered(c) ? { ...c, waivable: true } : c));
}
