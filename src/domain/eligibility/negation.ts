/**
 * Our NegEx-style reading of a criterion (after Chapman et al. 2001 and the ConText extension, Harkema et al.
 * 2009; the method and the trigger lists in negation-triggers.json are our own). A pre-negation trigger ("no",
 * "without", "must not") negates the concepts after it, a post-negation trigger ("negative", "not allowed") the
 * concepts just before it. A scope ends at a terminator ("but", "except", "which"), at a clause mark (. ; :), at
 * another trigger or after {@link PRE_WINDOW} words. Pseudo-triggers ("not only", "gram-negative", "no more
 * than") look like negation and are not: they are consumed first, so no trigger inside them fires.
 */
import triggers from './negation-triggers.json' with { type: 'json' };
import { CLAUSE_ENDS } from './criterion-tokens.ts';
import { PhraseList } from './phrase-list.ts';

export const PRE_WINDOW = 10;
export const POST_WINDOW = 6;

const PRE = new PhraseList(triggers.pre);
const POST = new PhraseList(triggers.post);
/** Post-triggers about the whole clause before them: "Patients with CNS involvement or HIV are excluded". */
const POST_CLAUSE = new PhraseList(triggers.postClause);
const PSEUDO = new PhraseList(triggers.pseudo);
const TERMINATORS = new PhraseList(triggers.terminators);
/**
 * Carve-outs ("except") and what a treatment was for ("no prior therapy for ALL"): the concepts after them in
 * their clause are not what the criterion asks about. Examples ("including", "such as") are not among them: an
 * example of what is excluded is excluded too ("serious illness, such as active infection").
 */
const EXCEPTIONS = new PhraseList(triggers.exceptions);
/** What a treatment was for ("treatment of prostate cancer"): an exception up to "with" or "using", which names the treatment. */
const ABOUT_TREATMENT = new PhraseList(triggers.aboutTreatment);
const NAMES_THE_TREATMENT: ReadonlySet<string> = new Set(['with', 'using']);
/**
 * Words naming a cause. In an inclusion item that rules nothing out, the cause is something the person had: "febrile
 * neutropenia associated with cytotoxic chemotherapy" asks for the chemotherapy; "no neuropathy associated with
 * earlier chemotherapy" (negated) and any exclusion item name it only to say which side effect is meant.
 */
const CAUSED_BY: ReadonlySet<string> = new Set(['associated with', 'induced by', 'due to', 'secondary to', 'caused by', 'resulting from']);

export const CONDITIONAL = new PhraseList(triggers.conditional);
export const PERMISSIVE = new PhraseList(triggers.permissive);
export const PLANNED = new PhraseList(triggers.planned);
export const ONGOING = new PhraseList(triggers.ongoing);
export const NOT_PRIOR_TREATMENT = new PhraseList(triggers.notPriorTreatment);
export const SEX_BOTH = new PhraseList(triggers.sexBoth);
export const SEX_FEMALE = new PhraseList(triggers.sexFemale);
export const SEX_MALE = new PhraseList(triggers.sexMale);
export const SEX_NOT_ABOUT = new PhraseList(triggers.sexNotAbout);
export const BROAD_DIAGNOSIS = new PhraseList(triggers.broadDiagnosis);

/** A span of tokens [start, end) that names a concept. */
export interface Span {
  readonly start: number;
  readonly end: number;
  /** A cancer treatment, which an inclusion item's "associated with" asks for (see {@link CAUSED_BY}). */
  readonly cause?: boolean;
}

type Role = 'pre' | 'post' | 'postClause' | 'pseudo' | 'end' | 'exception' | 'about';

interface Mark {
  readonly role: Role;
  readonly start: number;
  readonly end: number;
}

/** How a concept reads in its sentence. */
export interface SpanContext {
  readonly negated: boolean;
  /** It follows "except" or "other than" in its clause: a carve-out, not a requirement. */
  readonly excepted: boolean;
}

/** The triggers of a word list, left to right; a trigger never starts or ends inside a concept. */
function marksOf(words: readonly string[], spans: readonly Span[]): Mark[] {
  const inSpan = new Uint8Array(words.length + 1);
  for (const span of spans) inSpan.fill(1, span.start, span.end);
  const marks: Mark[] = [];
  const lists: readonly [Role, PhraseList][] = [['exception', EXCEPTIONS], ['about', ABOUT_TREATMENT], ['pre', PRE], ['post', POST], ['postClause', POST_CLAUSE], ['end', TERMINATORS]];
  for (let at = 0; at < words.length; at += 1) {
    if (CLAUSE_ENDS.has(words[at] ?? '')) {
      marks.push({ role: 'end', start: at, end: at + 1 });
      continue;
    }
    // Pseudo-triggers come first and may cover a concept's words ("non-Hodgkin", "gram-negative").
    // Unless a longer clause-wide trigger starts here: "are not eligible for the study" rules out, where "are not
    // eligible for" (transplant) only describes; or a longer pre-trigger: "disease free of prior malignancies" rules
    // them out, where "disease free survival" does not.
    const pseudoEnd = PSEUDO.endAt(words, at);
    if (pseudoEnd > at && POST_CLAUSE.endAt(words, at) <= pseudoEnd && PRE.endAt(words, at) <= pseudoEnd) {
      marks.push({ role: 'pseudo', start: at, end: pseudoEnd });
      at = pseudoEnd - 1;
      continue;
    }
    if (inSpan[at] === 1) continue;
    let best: Mark | null = null;
    for (const [role, list] of lists) {
      const end = list.endAt(words, at);
      if (end <= at || (best !== null && end < best.end)) continue;
      if (inSpan.subarray(at, end).includes(1)) continue;
      // A phrase that is both ("negative") is a post-trigger right after a concept ("HIV negative"), else a pre-trigger.
      if (best !== null && end === best.end) {
        if (best.role === 'pre' && role === 'post' && spanEndsJustBefore(spans, words, at)) best = { role, start: at, end };
        continue;
      }
      best = { role, start: at, end };
    }
    if (best !== null) {
      marks.push(best);
      at = best.end - 1;
    }
  }
  return marks;
}

/** True when a concept ends at most two words before `at`, with only words between ("HIV antibody negative"), or only codes ("HIV, HTLV-1 negative"). */
function spanEndsJustBefore(spans: readonly Span[], words: readonly string[], at: number): boolean {
  return spans.some((span) => span.end <= at && ((at - span.end <= 2 && words.slice(span.end, at).every((w) => /^[\p{L}\p{N}]/u.test(w))) || codesOnly(words, span.end, at)));
}

/**
 * Reads, for each concept span, whether the criterion negates it and whether it is an exception. `inExclusions`
 * says the criterion sits in an exclusion list, where "… are excluded" names what excludes. `openNegation`
 * is true when the text before the criterion (its list's lead-in) ends inside a negation's scope: "No prior
 * therapy with any of the following:" negates every item under it.
 */
export function readSpans(words: readonly string[], spans: readonly Span[], openNegation = false, inExclusions = false): SpanContext[] {
  const marks = marksOf(words, spans);
  return spans.map((span) => {
    let negated = openNegation && !marks.some((m) => m.end <= span.start && (m.role === 'end' || m.role === 'exception' || m.role === 'about'));
    let excepted = false;
    for (const mark of marks) {
      if (mark.end <= span.start) {
        if (mark.role === 'exception') excepted = true;
        // "Treatment of prostate cancer with radium or chemotherapy": the cancer is what was treated, the words
        // after "with" the treatment itself.
        // Only in an exclusion list: in an inclusion list such words are as often a permission ("permissible
        // exceptions: ...; emergency treatment for hyperleukocytosis with hydroxyurea"), which must not become a
        // requirement.
        if (mark.role === 'about' && !(inExclusions && namesTheTreatment(words, mark.end, span.start)) && !(span.cause === true && causeRequired(words, marks, mark, span, inExclusions))) excepted = true;
        // "except:" carries over its colon to the list of exceptions; a full stop or semicolon ends it.
        if (mark.role === 'end' && (words[mark.start] === '.' || words[mark.start] === ';')) excepted = false;
        if (mark.role === 'pre' && inScope(words, marks, mark.end, span.start, preWindow(words, mark)) && !closedBetween(words, mark.start, span.start)) negated = true;
      } else if (mark.start >= span.end && mark.role === 'post' && inScope(words, marks, span.end, mark.start, codesOnly(words, span.end, mark.start) ? 3 * POST_WINDOW : POST_WINDOW) && !openedBetween(words, span.end, mark.start)) {
        negated = true;
      } else if (mark.start >= span.end && mark.role === 'postClause' && !inExclusions && inScope(words, marks.filter((m) => !subjectOf(words, m, mark)), span.end, mark.start, Number.POSITIVE_INFINITY) && !openedBetween(words, span.end, mark.start)) {
        // Under an exclusion heading, "patients with CNS disease are excluded" restates the section: CNS disease
        // is what excludes, so the words are not negated a second time.
        negated = true;
      }
    }
    return { negated, excepted };
  });
}

/** The people a clause-wide trigger speaks of, right before it: "Pregnant patients will be excluded" (no terminator there). */
const SUBJECT_NOUNS: ReadonlySet<string> = new Set(['patients', 'subjects', 'participants']);
function subjectOf(words: readonly string[], mark: Mark, trigger: Mark): boolean {
  return mark.role === 'end' && mark.end === trigger.start && mark.end - mark.start === 1 && SUBJECT_NOUNS.has(words[mark.start] ?? '');
}

/** True when the mark names a cause of the span in an inclusion item no negation opens or reaches (see {@link CAUSED_BY}). */
function causeRequired(words: readonly string[], marks: readonly Mark[], mark: Mark, span: Span, inExclusions: boolean): boolean {
  if (inExclusions || !CAUSED_BY.has(words.slice(mark.start, mark.end).join(' '))) return false;
  // Not past the bracket the cause stands in: "(associated with ...) that is unrelieved by ...".
  if (words.slice(mark.end, span.start).some((w) => w === ')' || w === '(')) return false;
  return !marks.some((m) => ((m.role === 'pre' || m.role === 'exception') && m.start < mark.start) || m.role === 'post' || m.role === 'postClause');
}

/** True when "with" or "using" comes shortly before the concept, after `from`: "of prostate cancer with radium or chemotherapy". */
function namesTheTreatment(words: readonly string[], from: number, concept: number): boolean {
  for (let at = concept - 1; at >= from && at >= concept - 4; at -= 1) {
    if (NAMES_THE_TREATMENT.has(words[at] ?? '')) return true;
    if (CLAUSE_ENDS.has(words[at] ?? '') || words[at] === ':') return false;
  }
  return false;
}

/**
 * How far a pre-negation reaches. An item that opens with it ("No pre-existing renal or hepatic disease, myasthenia
 * gravis, pregnancy, concurrent anticonvulsants") negates its whole list, up to the end of the clause or a
 * terminator; the prefix "non" ("non-medullary thyroid cancer") only the word it is joined to; any other
 * {@link PRE_WINDOW} words.
 */
function preWindow(words: readonly string[], mark: Mark): number {
  if (words[mark.start] === 'non') return 0;
  return mark.start === 0 ? Number.POSITIVE_INFINITY : PRE_WINDOW;
}

/** True when a bracket the trigger stands in closes before the concept: "(no CR) to induction chemotherapy". */
function closedBetween(words: readonly string[], trigger: number, concept: number): boolean {
  let depth = 0;
  for (let at = trigger - 1; at >= 0; at -= 1) {
    if (words[at] === ')') depth += 1;
    else if (words[at] === '(') {
      if (depth === 0) return words.slice(trigger, concept).includes(')');
      depth -= 1;
    }
  }
  return false;
}

/**
 * True when a bracket opens after the concept and is still open at the trigger: "anti-myeloma treatment
 * (radiotherapy is excluded)" excludes, in its bracket, only what the bracket names.
 */
function openedBetween(words: readonly string[], concept: number, trigger: number): boolean {
  let depth = 0;
  for (let at = concept; at < trigger; at += 1) {
    if (words[at] === '(') depth += 1;
    else if (words[at] === ')' && depth > 0) depth -= 1;
  }
  return depth > 0;
}

/** True when nothing ends a scope between two token positions and they are at most `window` words apart. */
function inScope(words: readonly string[], marks: readonly Mark[], from: number, to: number, window: number): boolean {
  if (marks.some((m) => m.start >= from && m.start < to && m.role !== 'pseudo')) return false;
  let count = 0;
  for (let at = from; at < to; at += 1) if (/^[\p{L}\p{N}]/u.test(words[at] ?? '')) count += 1;
  return count <= window;
}

/** A list of short codes between a concept and its post-negation: "HIV-1, HIV-2, HTLV-1, and HTLV-2 negative", "HIV and HTLV-I negative". */
function codesOnly(words: readonly string[], from: number, to: number): boolean {
  // Words come lower-cased and split at hyphens: "htlv", "1". A letter code counts only with its number.
  for (let at = from; at < to; at += 1) {
    const word = words[at] ?? '';
    if (/^(?:[,/-]|and|or|\d{1,2})$/.test(word)) continue;
    // "HTLV-I", "HTLV-II": a roman number after the letters counts as one.
    if (/^[a-z]{2,5}$/.test(word) && /^(?:\d{1,2}|i{1,3})$/.test(words[at + 1] ?? '')) continue;
    if (/^i{1,3}$/.test(word) && /^[a-z]{2,5}$/.test(words[at - 1] ?? '')) continue;
    return false;
  }
  return true;
}

/** True when the text ends inside a pre-negation's scope ("No prior therapy with any of the following:"). */
export function endsNegated(words: readonly string[]): boolean {
  const trimmed = words.length > 0 && CLAUSE_ENDS.has(words.at(-1) ?? '') ? words.slice(0, -1) : words;
  const marks = marksOf(trimmed, []);
  const last = [...marks].reverse().find((m) => m.role !== 'pseudo');
  return last?.role === 'pre' && inScope(trimmed, marks, last.end, trimmed.length, PRE_WINDOW * 2);
}
