/**
 * The plain-English reason for one verdict: what the trial asks, then what the person told us (or that we do not
 * know). Words come from plain-words.json; aim for a reading age of about 12 and a kind tone.
 */
import words from './plain-words.json' with { type: 'json' };
import type { Concept, Criterion, Threshold } from './criterion.ts';
import type { PatientProfile } from './profile.ts';
import { readAge, readBounds, readPriorLines } from './thresholds.ts';

type Sentence = keyof typeof words.sentences;

const VALUES = words.values as Readonly<Record<string, { who: string; yes: string; no: string }>>;

function fill(name: Sentence, slots: Readonly<Record<string, string | number>> = {}): string {
  return words.sentences[name].replace(/\{(\w+)\}/g, (_, slot: string) => String(slots[slot] ?? ''));
}

/** The phrases every kind of limit has (prior lines add three of their own, for counts of one and none). */
type LimitTemplate = keyof typeof words.limits.age;
type LimitWords = Readonly<Record<LimitTemplate, string>> & { readonly exactlyOne?: string; readonly none?: string; readonly underOne?: string };

/** A numeric limit, as a phrase's name in plain-words.json's `limits` and its numbers. */
interface Bound {
  readonly kind: LimitTemplate | 'exactlyOne' | 'none' | 'underOne';
  readonly n?: number;
  readonly min?: number;
  readonly max?: number;
}

/** The limit a threshold sets: a range, one value, or a comparison; null when it sets none. */
function boundOf(threshold: Threshold | undefined): Bound | null {
  const { min, max, comparator, value } = threshold ?? {};
  if (min !== undefined && max !== undefined) return min === max ? { kind: 'exactly', n: min } : { kind: 'between', min, max };
  if (min !== undefined) return { kind: 'atLeast', n: min };
  if (max !== undefined) return { kind: 'atMost', n: max };
  if (comparator === undefined || value === undefined) return null;
  const kinds = { '>=': 'atLeast', '<=': 'atMost', '>': 'over', '<': 'under' } as const;
  return { kind: kinds[comparator], n: value };
}

/**
 * "aged 18 or over", "who have had 2 or more treatments before": who a numeric limit lets in, from the concept's
 * threshold or, when the extractor read none, from the criterion's own words ("Prior lines of therapy ≥ 2",
 * "Performance status 0-2 (ECOG)", where the number is not after the word the concept was found by). With no number
 * at all it says the trial sets a limit, never "in a certain range".
 */
function range(template: LimitWords, threshold: Threshold | undefined, fallback: () => { min?: number; max?: number } | null, slots: Readonly<Record<string, string>> = {}): string {
  let bound = boundOf(threshold) ?? boundOf(fallback() ?? undefined);
  // Counts of treatments: "1 treatment", "no treatment"; other limits read the same for any number.
  if (bound?.kind === 'exactly' && bound.n === 1 && template.exactlyOne !== undefined) bound = { kind: 'exactlyOne' };
  if ((bound?.kind === 'exactly' || bound?.kind === 'atMost') && bound.n === 0 && template.none !== undefined) bound = { kind: 'none' };
  if (bound?.kind === 'under' && bound.n === 1 && template.underOne !== undefined) bound = { kind: 'underOne' };
  const phrase = bound === null ? template.unknown : template[bound.kind] ?? template.unknown;
  const numbers = { n: bound?.n, min: bound?.min, max: bound?.max };
  // Ages under a year are said in months ("aged 1 month to 21 years"), never as a fraction of a year.
  const young = template === words.limits.age && [numbers.n, numbers.min].some((n) => n !== undefined && n < 1);
  const say = (slot: string, n: number): string => (!young ? String(n) : n < 1 ? months(n) : slot === 'max' ? `${n} years` : String(n));
  return phrase.replace(/\{(\w+)\}/g, (_, slot: string) => {
    const n = numbers[slot as keyof typeof numbers];
    return slots[slot] ?? (n === undefined ? '' : say(slot, n));
  });
}

/** A fraction of a year as months: 0.5 is "6 months", 0.08 "1 month". */
function months(years: number): string {
  const count = Math.max(1, Math.round(years * 12));
  return `${count} ${count === 1 ? 'month' : 'months'}`;
}

function limit(threshold: Threshold | undefined): string {
  if (threshold?.comparator === undefined || threshold.value === undefined) return 'within the limits the trial sets';
  // An ejection fraction against its lower limit of normal: "normal" or "below normal", not "1 times ...".
  if (threshold.unit === 'x-lln' && threshold.value === 1) return threshold.comparator.startsWith('>') ? 'normal' : 'below normal';
  const unit = threshold.unit === undefined ? '' : (words.units as Record<string, string>)[threshold.unit] ?? '';
  const amount = unit === '%' ? `${threshold.value}%` : `${threshold.value}${unit === '' ? '' : ` ${unit}`}`;
  const phrase = (words.comparators as Record<string, string>)[threshold.comparator] ?? '';
  return phrase.includes('{value}') ? phrase.replace('{value}', amount) : `${phrase} ${amount}`;
}

/** "whose bilirubin is 1.5 times the upper limit of normal or less", "aged 18 or over": who a concept is about. */
function whoOf(concept: Concept, criterionText: string): string {
  const scale = (words.scales as Record<string, string>)[concept.value] ?? concept.value;
  if (concept.type === 'age') return range(words.limits.age, concept.threshold, () => readAge(criterionText, false));
  if (concept.type === 'performance-status') {
    // Grades are whole numbers: "ECOG < 3" is at most 2, "Karnofsky < 80" at most 79, as the extractor reads them.
    return range(words.limits.performance, concept.threshold, () => readBounds(criterionText, undefined, true), { scale });
  }
  if (concept.type === 'organ-function') return `whose ${(words.tests as Record<string, string>)[concept.value] ?? concept.value} is ${limit(concept.threshold)}`;
  if (concept.value === 'prior-lines') return range(words.limits.priorLines, concept.threshold, () => readPriorLines(criterionText) ?? readBounds(criterionText));
  return VALUES[`${concept.type}:${concept.value}`]?.who ?? 'with this';
}

function organTold(concept: Concept, profile: PatientProfile): string | undefined {
  switch (concept.value) {
    case 'bilirubin': return profile.bilirubinXUln === undefined ? undefined : `${profile.bilirubinXUln} ${words.units['x-uln']}`;
    case 'alt': case 'ast': case 'alt-ast': return profile.altAstXUln === undefined ? undefined : `${profile.altAstXUln} ${words.units['x-uln']}`;
    case 'creatinine-clearance': return profile.creatinineClearanceMlMin === undefined ? undefined : `${profile.creatinineClearanceMlMin} mL/min`;
    case 'ejection-fraction': return profile.ejectionFractionPercent === undefined ? undefined : `${profile.ejectionFractionPercent}%`;
    default: return undefined;
  }
}

/** What the person told us about a concept, in words. */
function told(concept: Concept, has: boolean, profile: PatientProfile): string {
  if (concept.type === 'age') return `You are ${profile.age ?? ''}.`;
  if (concept.type === 'performance-status') {
    const ps = profile.performanceStatus;
    return ps === undefined ? '' : `You said yours is ${ps.value} (${(words.scales as Record<string, string>)[ps.scale] ?? ps.scale}).`;
  }
  if (concept.type === 'organ-function') {
    const value = organTold(concept, profile);
    return value === undefined ? '' : `You said yours is ${value}.`;
  }
  if (concept.value === 'prior-lines' && profile.priorLines !== undefined) return `You said you have had ${profile.priorLines}.`;
  const value = VALUES[`${concept.type}:${concept.value}`];
  return (has ? value?.yes : value?.no) ?? '';
}

const LEUKAEMIAS: ReadonlySet<string> = new Set(['all', 'b-all', 't-all', 'ph-positive', 'ph-negative', 'ph-like', 'bcr-abl1', 'aml', 'cml', 'cll', 'other-leukaemia']);

/** "leukaemia" for someone who told us theirs is one, else "cancer". */
function diseaseWord(profile: PatientProfile): string {
  return profile.cancerType?.some((type) => LEUKAEMIAS.has(type)) === true ? 'leukaemia' : 'cancer';
}

/** The reason for a criterion's verdict, from the concept that decided it and whether the person has it. */
export function conceptReason(criterion: Criterion, concept: Concept, has: boolean | undefined, profile: PatientProfile): string {
  const wants = (criterion.section === 'inclusion') === (concept.polarity === 'present') ? 'for' : 'notFor';
  const asked = fill(wants, { who: whoOf(concept, criterion.text).replace('{disease}', diseaseWord(profile)) });
  return `${asked} ${has === undefined ? fill('ask') : told(concept, has, profile)}`.trim();
}

export const reasonFor = {
  unread: (): string => fill('unread'),
  planned: (): string => fill('planned'),
  permissive: (): string => fill('permissive'),
  conditional: (): string => fill('conditional'),
  notYourGroup: (): string => fill('notYourGroup'),
  broadGroup: (): string => fill('broadGroup'),
  broadOpen: (): string => fill('broadOpen'),
  anyCancer: (): string => fill('anyCancer'),
  geneticChange: (): string => fill('geneticChange'),
  geneticChangeUnknown: (): string => fill('geneticChangeUnknown'),
  healthyOnly: (): string => fill('healthyOnly'),
  otherDiagnosis: (name: string): string => fill('otherDiagnosis', { name: name.toLowerCase() }),
  oneOf: (): string => fill('oneOf'),
  waivable: (): string => fill('waivable'),
  relaxed: (): string => fill('relaxed'),
};
