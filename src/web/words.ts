/**
 * The plain words the website uses for coded values: statuses, phases, age limits and registry dates. Written for
 * patients, so a status says what it means for joining ("Open to new patients") rather than the registry's term.
 */
import type { PartialDate, Phase, Sex, TrialStatus } from '../domain/trial.ts';

/** A status in words: a short label (shown in a badge, never as colour alone) and what it means for joining. */
export interface StatusWords {
  readonly label: string;
  readonly meaning: string;
  /** Whether a patient could ask to join now: styles the badge, and the label already says it in words. */
  readonly open: boolean;
}

export const STATUS_WORDS: Readonly<Record<TrialStatus, StatusWords>> = {
  recruiting: { label: 'Recruiting', meaning: 'Open to new patients now.', open: true },
  'not-yet-recruiting': { label: 'Opening soon', meaning: 'Not open yet, but will be taking new patients.', open: true },
  'enrolling-by-invitation': { label: 'By invitation', meaning: 'Only people invited by the trial team can join.', open: true },
  'active-not-recruiting': {
    label: 'Closed to new patients',
    meaning: 'No longer taking new patients; still following up the people who joined.',
    open: false,
  },
  completed: { label: 'Finished', meaning: 'The trial has finished.', open: false },
  suspended: { label: 'Paused', meaning: 'Stopped for now; it may open again.', open: false },
  terminated: { label: 'Stopped early', meaning: 'The trial ended before it was planned to.', open: false },
  withdrawn: { label: 'Withdrawn', meaning: 'The trial stopped before anyone joined.', open: false },
  unknown: {
    label: 'Status not known',
    meaning: 'The registry has not been told whether it is still open; the trial team can say.',
    open: false,
  },
};

/** What each phase means, in a few words. */
const PHASE_MEANING: Readonly<Record<Phase, string>> = {
  'early-1': 'a first, small test in people',
  '1': 'finding a safe dose, in a small group',
  '2': 'seeing how well it works and its side effects',
  '3': 'comparing it with the standard treatment, in many people',
  '4': 'following a treatment that is already licensed',
  'not-applicable': 'not a test of a drug, so it has no phase',
};

const PHASE_NAME: Readonly<Record<Phase, string>> = {
  'early-1': 'Early phase 1',
  '1': 'Phase 1',
  '2': 'Phase 2',
  '3': 'Phase 3',
  '4': 'Phase 4',
  'not-applicable': 'No phase',
};

/** A phase's short name: "Phase 2". */
export function phaseName(phase: Phase): string {
  return PHASE_NAME[phase];
}

/** "Phase 1 and 2: finding a safe dose, in a small group; then seeing how well it works ..." or null without phases. */
export function phaseExplained(phases: readonly Phase[]): string | null {
  const [first, ...rest] = phases;
  if (first === undefined) return null;
  if (rest.length === 0) return `${PHASE_NAME[first]}: ${PHASE_MEANING[first]}.`;
  const names = phases.map((phase) => PHASE_NAME[phase].replace(/^Phase /, ''));
  return `Phase ${names.join(' and ')}: ${phases.map((phase) => PHASE_MEANING[phase]).join('; then ')}.`;
}

function years(value: number): string {
  // Registries give months and weeks too; those become fractions of a year, shown to one decimal place.
  return Number.isInteger(value) ? `${value}` : value.toFixed(1);
}

/** "Ages 18 and over", "Ages 1 to 21", "Up to age 17", "Any age". */
export function ageLimits(min: number | null, max: number | null): string {
  if (min === null && max === null) return 'Any age';
  if (max === null) return `Ages ${years(min ?? 0)} and over`;
  if (min === null || min === 0) return `Up to age ${years(max)}`;
  return `Ages ${years(min)} to ${years(max)}`;
}

/** Who may join by sex, or null when anyone may. */
export function sexLimit(sex: Sex): string | null {
  if (sex === 'female') return 'Women only';
  if (sex === 'male') return 'Men only';
  return null;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A registry date as people write it in the UK: "3 February 2023", "February 2023", "2023". */
export function ukDate(date: PartialDate | null): string | null {
  if (date === null) return null;
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (match === null) return date;
  const [, year, month, day] = match;
  const monthName = month === undefined ? undefined : MONTHS[Number(month) - 1];
  if (monthName === undefined) return year ?? date;
  return day === undefined ? `${monthName} ${year}` : `${Number(day)} ${monthName} ${year}`;
}

/** "1 trial", "12 trials". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

/** Miles to show: "about 12 miles" when the place is a district centre, one decimal under ten miles. */
export function milesText(miles: number, approximate: boolean): string {
  const shown = miles < 10 ? miles.toFixed(1) : Math.round(miles).toLocaleString('en-GB');
  return `${approximate ? 'about ' : ''}${shown} ${shown === '1.0' ? 'mile' : 'miles'}`;
}

/** Messages from the parser start with the parameter's name ("postcode must be ..."); on a page they start a sentence. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Countries whose English name takes "the". */
const WITH_THE = /^(?:United |Netherlands|Czech Republic|Philippines|Dominican Republic|Bahamas|Gambia)/;

/** "in the United States", "in Canada": where a hospital is, inside a sentence. */
export function inCountry(country: string | null): string {
  if (country === null || country === '') return 'in another country';
  return WITH_THE.test(country) ? `in the ${country}` : `in ${country}`;
}
