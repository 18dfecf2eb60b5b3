/**
 * The "Could I take part?" form's state, carried in the form itself and nowhere else: the search it started from (one
 * hidden `search` field, as a query string), each answer so far (hidden `a` fields, "field:token", in the order given)
 * and each skipped question (hidden `skipped` fields). Every POST sends them all back; the server reads them, adds the
 * new answer and forgets them once the page is sent. No cookie, no session, nothing in the URL.
 */
import { InvalidInput } from '../domain/errors.ts';
import { PatientProfileSchema, parsePatientProfile } from '../domain/eligibility/profile.ts';
import type { PatientProfile } from '../domain/eligibility/profile.ts';
import { NONE_OF_THESE, isProfileField, questionFor } from '../domain/eligibility/questions.ts';
import type { ProfileField, Question } from '../domain/eligibility/questions.ts';
import { readSearchParams } from './search-params.ts';
import type { SearchParams } from './search-params.ts';

/** What the form carries between pages. */
export interface MatchState {
  readonly search: SearchParams;
  /** The answers as tokens, by field, in the order they were given. */
  readonly answers: ReadonlyMap<ProfileField, readonly string[]>;
  readonly skipped: ReadonlySet<ProfileField>;
}

/** A refusal of the answer just given, shown beside its question. */
export interface AnswerError {
  readonly field: ProfileField;
  readonly message: string;
}

/** Most answers any form can carry (every option of every question is far fewer). */
const MAX_ANSWER_FIELDS = 200;

/** Reads a query string (the `search` field, or the URL of GET /match) into search parameters. */
export function searchFromText(text: string): SearchParams {
  const grouped = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(text)) grouped.set(name, [...(grouped.get(name) ?? []), value]);
  // fromEntries defines own properties, so a name such as "__proto__" stays a parameter (and is refused as unknown).
  return readSearchParams(Object.fromEntries(grouped));
}

function questionOrThrow(field: string): Question {
  const question = questionFor(field);
  if (question === undefined) throw new InvalidInput('The form names a question we do not have. Start again from the search.', 'field');
  return question;
}

/**
 * A number as people write it: digits, with a decimal point if needed ("45", "45.5", "0.8", "-1"). Not what
 * Number() also takes ("0x2D" is 45, "1e1" is 10, "" is 0, " 45 " is 45), which nobody means as an age.
 */
const PLAIN_NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** The question in words inside a sentence: its text, quoted ("How old are you?"). */
function named(question: Question): string {
  return `"${question.text}"`;
}

/** The profile value that tokens stand for: a number as typed, an option's answer, or a list of them. */
export function answerOf(question: Question, tokens: readonly string[]): unknown {
  const pick = (token: string): unknown => {
    const option = question.options.find((candidate) => candidate.value === token);
    if (option === undefined) throw new InvalidInput(`That is not one of the answers to ${named(question)}`, question.field);
    return option.answer;
  };
  // A number box or a set of radio buttons sends one answer; two are a form we did not make.
  if (question.kind !== 'multi' && tokens.length > 1) {
    throw new InvalidInput(`Give one answer to ${named(question)}, not ${tokens.length}.`, question.field);
  }
  switch (question.kind) {
    case 'number': {
      const text = (tokens[0] ?? '').trim();
      if (text === '') throw new InvalidInput('Type a number, or skip this question.', question.field);
      if (!PLAIN_NUMBER.test(text)) {
        throw new InvalidInput(`Type the answer to ${named(question)} as a plain number, such as 45 or 1.5 (digits and a decimal point only), or skip this question.`, question.field);
      }
      return Number(text);
    }
    case 'choice':
    case 'yes-no':
      return pick(tokens[0] ?? '');
    case 'multi':
      if (tokens.includes(NONE_OF_THESE)) {
        if (tokens.length > 1) throw new InvalidInput('You ticked "None of these" and another answer. Tick one or the other.', question.field);
        return [];
      }
      if (new Set(tokens).size !== tokens.length) throw new InvalidInput(`Each answer to ${named(question)} can be ticked once only.`, question.field);
      return tokens.map(pick);
  }
}

/**
 * The profile's check of one answer, refused in words that name the question rather than the profile's field
 * ("cancerType: Each value may appear once." means nothing to a patient).
 */
function checkedAnswer(question: Question, tokens: readonly string[]): unknown {
  const value = answerOf(question, tokens);
  const checked = PatientProfileSchema.shape[question.field].safeParse(value);
  if (checked.success) return checked.data;
  if (question.input !== null) {
    const { min, max, unit } = question.input;
    throw new InvalidInput(`Type a number from ${min} to ${max} (${unit}), or skip this question.`, question.field);
  }
  throw new InvalidInput(`That answer to ${named(question)} cannot be used. Choose again, or skip this question.`, question.field);
}

/** The hidden fields' state, from a form body (or, for GET /match, from the URL's search only). */
export function readMatchState(form: URLSearchParams): MatchState {
  const answers = new Map<ProfileField, string[]>();
  const given = form.getAll('a');
  if (given.length > MAX_ANSWER_FIELDS) throw new InvalidInput('The form carries more answers than any questionnaire has. Start again from the search.', 'a');
  for (const item of given) {
    const split = item.indexOf(':');
    const field = item.slice(0, split);
    if (split < 0 || !isProfileField(field)) throw new InvalidInput('The form carries an answer we cannot read. Start again from the search.', 'a');
    const tokens = answers.get(field) ?? [];
    // Only a multi question has several answers; two to any other ("male" and "female") contradict each other.
    if (tokens.length > 0 && questionFor(field)?.kind !== 'multi') {
      throw new InvalidInput(`The form carries more than one answer to "${questionOrThrow(field).text}". Start again from the search.`, 'a');
    }
    tokens.push(item.slice(split + 1));
    answers.set(field, tokens);
  }
  const skipped = new Set<ProfileField>();
  // An answered question is not also skipped.
  for (const field of form.getAll('skipped')) if (isProfileField(field) && !answers.has(field)) skipped.add(field);
  return { search: searchFromText(form.get('search') ?? ''), answers, skipped };
}

/** The page of the list a "Previous" or "Next" button asks for, or null when the form is another action. */
export function readPage(form: URLSearchParams): number | null {
  const page = form.get('page');
  if (page === null) return null;
  if (!/^[1-9]\d{0,3}$/.test(page)) throw new InvalidInput('The form asks for a page of the list we cannot read. Start again from the search.', 'page');
  return Number(page);
}

/** The profile the answers make, checked by the profile's own schema (the error names the question). */
export function profileOf(state: MatchState): PatientProfile {
  const raw: Record<string, unknown> = {};
  for (const [field, tokens] of state.answers) raw[field] = checkedAnswer(questionOrThrow(field), tokens);
  return parsePatientProfile(raw);
}

/** The state after the visitor's action: an answer to the question shown, a skip, or removing an earlier answer. */
export function applyAction(state: MatchState, form: URLSearchParams): MatchState {
  const answers = new Map(state.answers);
  const skipped = new Set(state.skipped);
  const removed = form.get('remove');
  if (removed !== null) {
    if (isProfileField(removed)) {
      answers.delete(removed);
      skipped.delete(removed);
    }
    return { search: state.search, answers, skipped };
  }
  const field = form.get('field');
  if (field === null || field === '') return state;
  const question = questionOrThrow(field);
  if (form.get('action') === 'skip') {
    answers.delete(question.field);
    skipped.add(question.field);
    return { search: state.search, answers, skipped };
  }
  const tokens = form.getAll('answer').map((token) => token.trim()).filter((token) => token !== '');
  if (tokens.length === 0) {
    throw new InvalidInput(question.kind === 'number' ? 'Type a number, or skip this question.' : 'Choose an answer, or skip this question.', question.field);
  }
  // Checked now, so a refusal is shown beside this question rather than as a broken form.
  checkedAnswer(question, tokens);
  answers.delete(question.field);
  answers.set(question.field, question.kind === 'number' ? [String(Number(tokens[0]))] : tokens);
  skipped.delete(question.field);
  return { search: state.search, answers, skipped };
}
