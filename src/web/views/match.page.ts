/**
 * The "Could I take part?" page: the answers so far (each with the trials left after it), the next question with the
 * trials each answer would leave, and the trials ranked for this person with their reasons per criterion, grouped as
 * meets / does not meet / ask your specialist, a page of the list at a time so every trial can be seen with all its
 * reasons. Each page prints as a list to take to a specialist.
 */
import type { CriterionResult, TrialVerdict } from '../../domain/eligibility/match.ts';
import type { NextQuestion } from '../../domain/eligibility/questionnaire.ts';
import { NONE_OF_THESE, questionFor } from '../../domain/eligibility/questions.ts';
import type { ProfileField, Question } from '../../domain/eligibility/questions.ts';
import type { MatchAnswer, MatchedTrial } from '../../search/match-trials.ts';
import { html } from '../html.ts';
import type { Html } from '../html.ts';
import type { AnswerError, MatchState } from '../match-form.ts';
import { queryString } from '../search-params.ts';
import type { SiteSettings } from '../site-settings.ts';
import { plural } from '../words.ts';
import { renderPage } from './layout.view.ts';
import { statusBadge } from './results.view.ts';

/**
 * Most trials on one page of the list, each with every reason. Every trial of the list is on some page (buttons move
 * between them, without JavaScript), so each can be printed with its reasons; ten keeps a page light on a phone.
 */
export const TRIALS_PER_PAGE = 10;
/**
 * About how much of a page the trials may take, in characters of HTML: a page of trials with long lists of criteria
 * holds fewer of them, so it stays well under 100 KB. A trial is never split across pages.
 */
export const PAGE_BUDGET_CHARS = 60_000;
/** About the HTML around a trial's card, and around each criterion with its reason. */
const CARD_CHARS = 700;
const CRITERION_CHARS = 110;
/** Criteria longer than this are shortened on the page (the trial page has them whole). */
const MAX_CRITERION_CHARS = 320;

export const VERDICT_WORDS: Readonly<Record<TrialVerdict, { readonly label: string; readonly meaning: string }>> = {
  'likely-eligible': { label: 'You may well be able to join', meaning: 'You meet every entry condition we could check.' },
  'might-be-eligible': { label: 'You might be able to join', meaning: 'Some entry conditions need your specialist to check.' },
  'not-eligible': { label: 'You probably cannot join', meaning: 'At least one entry condition rules you out.' },
};

export interface MatchPageData {
  readonly state: MatchState;
  readonly answer: MatchAnswer;
  readonly error: AnswerError | null;
  /** The question to show: the questionnaire's choice, or the one just refused. */
  readonly question: NextQuestion | null;
  /** The page of the list to show, from 1 (a number past the end shows the last page). */
  readonly page: number;
}

/** About the characters of HTML a trial's card takes. */
function cardChars(matched: MatchedTrial): number {
  return matched.results.reduce((sum, result) =>
    sum + CRITERION_CHARS + Math.min(result.criterion.text.length, MAX_CRITERION_CHARS) + result.reason.length, CARD_CHARS + matched.trial.briefTitle.length);
}

/** Where each page of the list starts: a new page after {@link TRIALS_PER_PAGE} trials or {@link PAGE_BUDGET_CHARS}. */
export function pageStarts(trials: readonly MatchedTrial[]): number[] {
  const starts = [0];
  let count = 0;
  let chars = 0;
  for (const [index, trial] of trials.entries()) {
    const size = cardChars(trial);
    if (count > 0 && (count === TRIALS_PER_PAGE || chars + size > PAGE_BUDGET_CHARS)) {
      starts.push(index);
      count = 0;
      chars = 0;
    }
    count += 1;
    chars += size;
  }
  return starts;
}

/** The words of a given answer ("45 years", "B-cell ALL, Ph+", "None of these"). */
function answerWords(question: Question, tokens: readonly string[]): string {
  if (question.kind === 'number') return `${tokens[0] ?? ''} ${question.input?.unit ?? ''}`.trim();
  if (tokens.includes(NONE_OF_THESE)) return 'None of these';
  return tokens.map((token) => question.options.find((option) => option.value === token)?.label ?? token).join('; ');
}

function hiddenState(state: MatchState): Html {
  const search = queryString(state.search).replace(/^\?/, '');
  return html`<input type="hidden" name="search" value="${search}">
${[...state.answers].flatMap(([field, tokens]) => tokens.map((token) => html`<input type="hidden" name="a" value="${field}:${token}">`))}
${[...state.skipped].map((field) => html`<input type="hidden" name="skipped" value="${field}">`)}`;
}

/**
 * Pressing Enter in an answer submits the form with its default button: the first of its submit buttons in the
 * page's order. The "Remove" buttons of the answers above the form belong to it too, so without this button, placed
 * before them and out of sight and of the tab order, Enter would remove the first answer instead of giving this one.
 */
function defaultButton(data: MatchPageData): Html | '' {
  if (data.question === null) return '';
  return html`<button type="submit" form="match-form" name="action" value="answer" class="match-default-button" tabindex="-1" aria-hidden="true">Next question</button>`;
}

function answersSoFar(data: MatchPageData): Html | '' {
  const { state, answer } = data;
  if (state.answers.size === 0 && state.skipped.size === 0) return '';
  const after = new Map(answer.afterEach.map((step) => [step.field, step.remaining]));
  const row = (field: ProfileField, words: string, left: number | undefined): Html => {
    const question = questionFor(field);
    return html`<div><dt>${question?.text ?? field}</dt><dd>${words}${left !== undefined && html` <span class="match-left">(${plural(left, 'trial')} left)</span>`}
<button type="submit" form="match-form" name="remove" value="${field}" class="match-remove">Remove<span class="visually-hidden"> the answer to: ${question?.text ?? field}</span></button></dd></div>`;
  };
  return html`<section aria-labelledby="answers-heading" class="match-answers">
${defaultButton(data)}
<h2 id="answers-heading">Your answers</h2>
<dl class="facts">
${[...state.answers].map(([field, tokens]) => {
    const question = questionFor(field);
    return row(field, question === undefined ? tokens.join(', ') : answerWords(question, tokens), after.get(field));
  })}
${[...state.skipped].map((field) => row(field, 'Skipped', undefined))}
</dl>
</section>`;
}

function outcomeNote(next: NextQuestion, value: string): Html | '' {
  const outcome = next.outcomes.find((candidate) => candidate.value === value);
  return outcome === undefined ? '' : html` <span class="match-left">(leaves ${plural(outcome.remaining, 'trial')})</span>`;
}

function questionInputs(next: NextQuestion, error: AnswerError | null): Html {
  const { question } = next;
  const describedBy = ['q-hint', error !== null ? 'q-error' : ''].filter((id) => id !== '').join(' ');
  if (question.kind === 'number' && question.input !== null) {
    const counts = next.outcomes.map((outcome) => outcome.remaining);
    const range = counts.length === 0 ? '' : `Depending on your answer, ${Math.min(...counts)} to ${Math.max(...counts)} trials would be left.`;
    return html`<label for="q-answer">${question.text}</label>
<p class="hint" id="q-hint">${question.hint ?? ''} In ${question.input.unit}. ${range}</p>
${error !== null && html`<p class="field-error" id="q-error"><span class="visually-hidden">Error: </span>${error.message}</p>`}
<input class="short" type="text" inputmode="decimal" id="q-answer" name="answer" aria-describedby="${describedBy}" autocomplete="off">
<details class="match-ranges"><summary>How each answer changes the list</summary>
<ul>${next.outcomes.map((outcome) => html`<li>${outcome.label}: ${plural(outcome.remaining, 'trial')} left</li>`)}</ul>
</details>`;
  }
  const type = question.kind === 'multi' ? 'checkbox' : 'radio';
  const options = question.kind === 'multi' ? [...question.options, { value: NONE_OF_THESE, label: 'None of these' }] : question.options;
  return html`<fieldset aria-describedby="${describedBy}">
<legend>${question.text}</legend>
<p class="hint" id="q-hint">${question.hint ?? ''}${question.kind === 'multi' ? ' The number beside each answer is the trials left if it is the only one you tick.' : ''}</p>
${error !== null && html`<p class="field-error" id="q-error"><span class="visually-hidden">Error: </span>${error.message}</p>`}
<ul class="match-options">${options.map((option, index) => html`<li><input type="${type}" id="q-${index}" name="answer" value="${option.value}"><label for="q-${index}">${option.label}${outcomeNote(next, option.value)}</label></li>`)}</ul>
</fieldset>`;
}

function questionForm(data: MatchPageData): Html {
  const next = data.question;
  return html`<form id="match-form" method="post" action="/match" autocomplete="off" class="search-form match-question${data.error !== null ? ' has-error' : ''}">
${hiddenState(data.state)}
${next === null
    ? html`<p>No more questions would change your list. You can remove an answer above to change it.</p>`
    : html`<input type="hidden" name="field" value="${next.question.field}">
<h2 id="question-heading">Next question</h2>
${questionInputs(next, data.error)}
<div class="inline-row">
<button type="submit" name="action" value="answer">Next question</button>
<button type="submit" name="action" value="skip" class="match-skip">Skip: I don't know</button>
</div>`}
</form>`;
}

function shorten(text: string): string {
  return text.length <= MAX_CRITERION_CHARS ? text : `${text.slice(0, MAX_CRITERION_CHARS - 1).trimEnd()}…`;
}

const GROUPS: readonly { readonly verdict: CriterionResult['verdict']; readonly title: string }[] = [
  { verdict: 'does-not-meet', title: 'You do not meet' },
  { verdict: 'unknown', title: 'Ask your specialist' },
  { verdict: 'meets', title: 'You meet' },
];

function reasons(results: readonly CriterionResult[], id: string): Html {
  return html`${GROUPS.map(({ verdict, title }) => {
    const inGroup = results.filter((result) => result.verdict === verdict);
    if (inGroup.length === 0) return '';
    return html`<h4 id="${id}-${verdict}" class="match-group match-${verdict}">${title} (${inGroup.length})</h4>
<ul class="criteria" aria-labelledby="${id}-${verdict}">${inGroup.map((result) => html`<li><q>${shorten(result.criterion.text)}</q> <span class="match-reason">${result.reason}</span>${result.criterion.section === 'exclusion' ? html` <span class="match-section">(a reason not to join)</span>` : ''}</li>`)}</ul>`;
  })}`;
}

function trialCard(matched: MatchedTrial, position: number, search: string): Html {
  const { trial } = matched;
  const id = `t${position}`;
  return html`<li class="result match-trial">
<h3><a href="/trials/${encodeURIComponent(trial.id)}${search}">${trial.briefTitle}</a></h3>
<p class="result-status">${statusBadge(trial.status)} <strong>${VERDICT_WORDS[matched.verdict].label}.</strong> ${VERDICT_WORDS[matched.verdict].meaning}</p>
${reasons(matched.results, id)}
<p class="result-meta">${trial.id}</p>
</li>`;
}

/** One stretch of the list as a numbered list that carries on the numbering of the pages before it. */
function trialList(trials: readonly { matched: MatchedTrial; position: number }[], search: string, extraClass = ''): Html | '' {
  const first = trials[0];
  if (first === undefined) return '';
  return html`<ol class="result-list${extraClass}" start="${first.position}">${trials.map(({ matched, position }) => trialCard(matched, position, search))}</ol>`;
}

/** Previous and next page: buttons of the answers' form, so the answers travel as they do for every other step. */
function paging(page: number, pages: number): Html | '' {
  if (pages <= 1) return '';
  return html`<nav class="paging match-paging" aria-label="Pages of the list">
<ul>
${page > 1 && html`<li><button type="submit" form="match-form" name="page" value="${page - 1}" class="match-page-button">Previous page<span class="visually-hidden"> of the list</span></button></li>`}
${page < pages && html`<li><button type="submit" form="match-form" name="page" value="${page + 1}" class="match-page-button">Next page<span class="visually-hidden"> of the list</span></button></li>`}
</ul>
</nav>`;
}

function results(data: MatchPageData): Html {
  const { answer, state } = data;
  const search = queryString(state.search);
  const all = answer.trials;
  const starts = pageStarts(all);
  const pages = starts.length;
  const page = Math.min(Math.max(1, data.page), pages);
  const start = starts[page - 1] ?? 0;
  const shown = all.slice(start, starts[page] ?? all.length).map((matched, index) => ({ matched, position: start + index + 1 }));
  const ranked = shown.filter(({ matched }) => matched.verdict !== 'not-eligible');
  const ruledOut = shown.filter(({ matched }) => matched.verdict === 'not-eligible');
  const ruledOutCount = answer.counts['not-eligible'];
  return html`<section aria-labelledby="match-results" class="results">
<h2 id="match-results">${plural(answer.remaining, 'trial')} you may be able to join</h2>
<p>${answer.counts['likely-eligible']} likely, ${answer.counts['might-be-eligible']} possibly, ${ruledOutCount} ruled out by your answers.
${answer.total > answer.considered ? `We checked the first ${answer.considered} of the ${answer.total} trials your search found, in its order; narrow the search to check the rest.` : ''}</p>
${pages > 1 && html`<p class="match-page-note" id="match-page-note">Trials ${start + 1} to ${start + shown.length} of ${all.length}, with every reason (page ${page} of ${pages}). The ones you may be able to join come first, then the ones your answers rule out. Print each page you want, or answer more questions to make the list shorter.</p>`}
${trialList(ranked, search)}
${ruledOut.length > 0 && html`<h2 id="match-ruled-out">${plural(ruledOutCount, 'trial')} your answers rule out</h2>
${trialList(ruledOut, search, ' match-ruled-out')}`}
${paging(page, pages)}
</section>`;
}

/** The whole page. */
export function renderMatchPage(site: SiteSettings, data: MatchPageData): Html {
  const { answer, state } = data;
  const search = queryString(state.search);
  return renderPage(site, {
    title: `${data.error !== null ? 'Error: ' : ''}${plural(answer.remaining, 'trial')} left: could I take part?`,
    section: 'search',
    main: html`<link rel="stylesheet" href="/assets/match.css">
<p class="back"><a href="/trials${search}">Back to the search results</a></p>
<h1>Could I take part?</h1>
${data.error !== null && html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 id="error-summary-title">There is a problem</h2>
<p><a href="#${data.question?.question.kind === 'number' ? 'q-answer' : 'q-0'}">${data.error.message}</a></p>
</div>`}
<p class="lead">Answer a few questions to see which of the trials from your search you might be able to join, and why. Skip any question you cannot answer.</p>
<p class="note match-privacy">Your answers are not saved anywhere. They stay in this page and are sent only when you press a button; close the page and they are gone.</p>
<p class="match-count" id="match-count"><strong>${plural(answer.remaining, 'trial')} left</strong> of the ${plural(answer.considered, 'trial')} we checked.</p>
${answersSoFar(data)}
${questionForm(data)}
<p class="match-restart"><a href="/match${search}">Start again</a></p>
<div class="specialist">
<h2>Talk to your specialist</h2>
<p>This is a guide, not a decision. Only the trial team can say whether you can join. Print this page to take the list and the reasons to your specialist.</p>
</div>
${results(data)}
<p class="print-note">Printed from ${site.name}. The answers on this page were given by the reader and have not been checked by a doctor.</p>`,
  });
}
