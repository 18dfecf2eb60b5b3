/**
 * The questionnaire (issue 6, part 5): from a search's candidate trials and the answers so far, the question that
 * narrows the trials most, with how many would remain after each answer. A question is never asked twice: an answer
 * or a skip ("I don't know") takes it off the list. Asking stops when no question left could rule out another trial.
 * In the spirit of DQueST (Liu et al., JAMIA 2019), which asks the question that rules out most trials.
 */
import type { Concept, Criterion } from './criterion.ts';
import { matchTrial } from './match.ts';
import { parsePatientProfile } from './profile.ts';
import type { PatientProfile } from './profile.ts';
import { NONE_OF_THESE, QUESTIONS, fieldAnswers } from './questions.ts';
import type { AnswerOption, ProfileField, Question } from './questions.ts';

/** A trial as the questionnaire sees it: an id and its parsed criteria (parseCriteria). */
export interface Candidate {
  readonly id: string;
  readonly criteria: readonly Criterion[];
}

/** One possible answer and how many of the remaining trials would still be in the list after it. */
export interface Outcome {
  /** The answer's token ("female", "yes", "b-all", "none"); for number questions, the range's lower end. */
  readonly value: string;
  readonly label: string;
  readonly answer: PatientProfile[ProfileField];
  readonly remaining: number;
}

export interface NextQuestion {
  readonly question: Question;
  /**
   * Every answer with the trials left after it. For a multi question each option is counted as if it were the only
   * one ticked, plus "none of these"; for a number question, the ranges between the limits the trials set.
   */
  readonly outcomes: readonly Outcome[];
  /** The average number of trials an answer rules out (over answers that leave at least one trial). */
  readonly expectedRuledOut: number;
}

/** True when the trial cannot take this person (some criterion, or every alternative of a list, is not met). */
function rulesOut(profile: PatientProfile, candidate: Candidate): boolean {
  return matchTrial(profile, candidate.criteria).verdict === 'not-eligible';
}

/** The candidates that the profile does not rule out: the list a person still has. */
export function remainingCandidates<T extends Candidate>(candidates: readonly T[], profile: PatientProfile): T[] {
  return candidates.filter((candidate) => !rulesOut(profile, candidate));
}

function conceptsOf(candidate: Candidate): Concept[] {
  return candidate.criteria.flatMap((criterion) => criterion.concepts);
}

/** Rounds away binary fractions (0.1 + 0.2) so limits print as written. */
const tidy = (n: number): number => Math.round(n * 1000) / 1000;

/** Where a trial's limit on a number splits people: values from the cut upwards fall on the other side. */
function cutsOf(concept: Concept, step: number): number[] {
  const { min, max, comparator, value } = concept.threshold ?? {};
  const cuts: number[] = [];
  if (min !== undefined) cuts.push(min);
  if (max !== undefined) cuts.push(max + step);
  if (comparator !== undefined && value !== undefined) cuts.push(comparator === '<' || comparator === '>=' ? value : value + step);
  return cuts.map(tidy);
}

/** "Under 18 years", "18 to 64 years", "65 years or more": a range of a number question in words. */
function rangeLabel(question: Question, low: number, high: number | null): string {
  const input = question.input;
  const unit = input === null ? '' : input.unit === '%' ? '%' : ` ${input.unit}`;
  const step = input?.step ?? 1;
  // "1 year", not "1 years".
  const units = (n: number): string => (n === 1 ? unit.replace(/s$/, '') : unit);
  if (high === null) return low === input?.min ? 'Any value' : `${low}${units(low)} or more`;
  // Whole numbers (ages) read naturally as "Under 18"; a measurement as the last value on this side, "1.5 or less",
  // so that a result between two steps ("1.55") is not taken for the lower range.
  if (low === input?.min) return step === 1 ? `Under ${high}${units(high)}` : `${tidy(high - step)}${units(tidy(high - step))} or less`;
  const top = tidy(high - step);
  return top <= low ? `${low}${units(low)}` : `${low} to ${top}${unit}`;
}

interface Answer {
  readonly value: string;
  readonly label: string;
  readonly answer: unknown;
  /** For number questions: the range the answer stands for, upper end excluded (null: to the top). */
  readonly range?: readonly [number, number | null];
}

/**
 * The answers to weigh for a question. Number questions get one answer per range between the limits that the
 * relevant trials set (each range's lowest value stands for it); multi questions get each option alone and "none".
 */
function candidateAnswers(question: Question, relevant: readonly Candidate[]): Answer[] {
  if (question.kind === 'multi') {
    return [
      ...question.options.map((option: AnswerOption) => ({ value: option.value, label: option.label, answer: [option.answer] })),
      { value: NONE_OF_THESE, label: 'None of these', answer: [] },
    ];
  }
  if (question.kind !== 'number' || question.input === null) return question.options.map((option) => ({ ...option }));
  const { min, max, step } = question.input;
  const cuts = new Set<number>();
  for (const candidate of relevant) {
    for (const concept of conceptsOf(candidate)) {
      if (!fieldAnswers(question.field, concept)) continue;
      for (const cut of cutsOf(concept, step)) if (cut > min && cut <= max) cuts.add(cut);
    }
  }
  const bounds = [min, ...[...cuts].sort((a, b) => a - b)];
  return bounds.map((low, index) => ({ value: String(low), label: '', answer: low, range: [low, bounds[index + 1] ?? null] as const }));
}

interface Weighed extends Outcome {
  /** The ids ruled out, joined: neighbouring ranges with the same ids are one range. */
  readonly out: string;
  readonly range?: readonly [number, number | null];
}

/**
 * The part of a trial's criteria whose verdict an answer to `field` can change, or null when none can: the criteria
 * with a concept the field decides, every alternative of the "one of" lists they belong to, and every inclusion
 * item that names a cancer type (or a broad group such as "acute leukaemia"), with the whole "one of" list it sits
 * in. matchTrial reads two things across items, and these keep both as the whole trial has them: the list of
 * diagnoses (inclusion items that only name a disease count as alternatives of one another) and the trial's own
 * diseases (every cancer type its inclusion items name, "one of" lists included), which an exclusion such as
 * "prior CAR T for B-ALL" does not count against. A "one of" list is kept whole, never in part, so it counts as
 * its best alternative, as in the whole trial. The trial is still in the list, so no other criterion rules it out,
 * and these alone say whether the answer would: matching them is the same as matching the whole trial
 * (questionnaire.test.ts checks this against matchTrial on every answer), and many times cheaper, since reasons are
 * written for far fewer criteria.
 */
function partThatCanChange(candidate: Candidate, field: ProfileField): Candidate | null {
  const deciding = candidate.criteria.filter((criterion) => criterion.concepts.some((concept) => fieldAnswers(field, concept)));
  if (deciding.length === 0) return null;
  // Every item naming a disease, another cancer included ("patients with other malignant diseases"), stays: the
  // matcher reads them together as the trial's list of diseases or groups of patients.
  const namesDisease = (criterion: Criterion): boolean =>
    criterion.section === 'inclusion' &&
    (criterion.broadDiagnosis || criterion.concepts.some((concept) => concept.type === 'cancer-type' || concept.type === 'other-cancer'));
  const groups = new Set([...deciding, ...candidate.criteria.filter(namesDisease)]
    .flatMap((criterion) => (criterion.anyOf === null ? [] : [criterion.anyOf])));
  const criteria = candidate.criteria.filter((criterion) =>
    deciding.includes(criterion) || namesDisease(criterion) || (criterion.anyOf !== null && groups.has(criterion.anyOf)));
  return { id: candidate.id, criteria };
}

/**
 * Weighs one question: for each answer, which of the remaining trials it would rule out. Only trials with a
 * criterion the question can decide are matched again; the others cannot change.
 */
function weigh(question: Question, remaining: readonly Candidate[], profile: PatientProfile): NextQuestion | null {
  const relevant = remaining.flatMap((candidate) => {
    const part = partThatCanChange(candidate, question.field);
    return part === null ? [] : [part];
  });
  if (relevant.length === 0) return null;
  const outcomes: Weighed[] = [];
  for (const option of candidateAnswers(question, relevant)) {
    const answered = parsePatientProfile({ ...profile, [question.field]: option.answer });
    const ruledOut = relevant.filter((candidate) => rulesOut(answered, candidate)).map((candidate) => candidate.id);
    const outcome: Weighed = {
      value: option.value, label: option.label, answer: answered[question.field], remaining: remaining.length - ruledOut.length,
      out: ruledOut.join('\n'), ...(option.range === undefined ? {} : { range: option.range }),
    };
    const previous = outcomes.at(-1);
    if (previous?.range !== undefined && outcome.range !== undefined && previous.out === outcome.out) {
      outcomes[outcomes.length - 1] = { ...previous, range: [previous.range[0], outcome.range[1]] };
    } else {
      outcomes.push(outcome);
    }
  }
  if (outcomes.every((outcome) => outcome.remaining === remaining.length)) return null;
  const plausible = outcomes.filter((outcome) => outcome.remaining > 0);
  const weighed = plausible.length > 0 ? plausible : outcomes;
  const expectedRuledOut = weighed.reduce((sum, outcome) => sum + remaining.length - outcome.remaining, 0) / weighed.length;
  return {
    question,
    outcomes: outcomes.map(({ value, label, answer, remaining: left, range }) =>
      ({ value, answer, remaining: left, label: range === undefined ? label : rangeLabel(question, range[0], range[1]) })),
    expectedRuledOut,
  };
}

export interface QuestionnaireInput {
  /** The trials still in the list (see {@link remainingCandidates}). */
  readonly remaining: readonly Candidate[];
  /** The answers so far. */
  readonly profile: PatientProfile;
  /** Questions the person skipped ("I don't know"): never asked again. */
  readonly skipped: ReadonlySet<ProfileField>;
}

/** Pregnancy and breastfeeding are not asked of someone who said they are male or is a young child (they may still answer). */
function notForThem(field: ProfileField, profile: PatientProfile): boolean {
  if (field !== 'pregnant' && field !== 'breastfeeding') return false;
  return profile.sex === 'male' || (profile.age !== undefined && profile.age < 10);
}

/**
 * The question to ask next: among the questions not yet answered or skipped, the one whose answers rule out the
 * most trials on average (answers that would rule out every trial are set aside as unlikely for someone who searched
 * for these trials), ties going to the question asked earlier in the profile's order. Null when no question left
 * can rule out any trial: asking more would not change the list.
 */
export function chooseNextQuestion({ remaining, profile, skipped }: QuestionnaireInput): NextQuestion | null {
  let best: NextQuestion | null = null;
  for (const question of QUESTIONS) {
    if (profile[question.field] !== undefined || skipped.has(question.field) || notForThem(question.field, profile)) continue;
    const weighed = weigh(question, remaining, profile);
    if (weighed !== null && (best === null || weighed.expectedRuledOut > best.expectedRuledOut)) best = weighed;
  }
  return best;
}
