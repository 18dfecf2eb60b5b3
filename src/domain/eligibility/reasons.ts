/**
 * The plain-English reason for one verdict: what the trial asks, then what the person told us (or that we do not
 * know). Words come from plain-words.json; aim for a reading age of about 12 and a kind tone.
 */
import words from './plain-words.json' with { type: 'json' };
import type { Concept, Criterion, Threshold } from './criterion.ts';
import type { PatientProfile } from './profile.ts';

type Sentence = keyof typeof words.sentences;

const VALUES = words.values as Readonly<Record<string, { who: string; yes: string; no: string }>>;

function fill(name: Sentence, slots: Readonly<Record<string, string | number>> = {}): string {
  return words.sentences[name].replace(/\{(\w+)\}/g, (_, slot: string) => String(slots[slot] ?? ''));
}

function range(threshold: Threshold | undefined, low: string, high: string): string {
  const { min, max } = threshold ?? {};
  if (min !== undefined && max !== undefined) return min === max ? `${min}` : `${min} to ${max}`;
  if (min !== undefined) return `${min} ${low}`;
  if (max !== undefined) return `${max} ${high}`;
  return 'in a certain range';
}

function limit(threshold: Threshold | undefined): string {
  if (threshold?.comparator === undefined || threshold.value === undefined) return 'within the limits the trial sets';
  const unit = threshold.unit === undefined ? '' : (words.units as Record<string, string>)[threshold.unit] ?? '';
  const amount = unit === '%' ? `${threshold.value}%` : `${threshold.value}${unit === '' ? '' : ` ${unit}`}`;
  const phrase = (words.comparators as Record<string, string>)[threshold.comparator] ?? '';
  return phrase.includes('{value}') ? phrase.replace('{value}', amount) : `${phrase} ${amount}`;
}

/** "whose bilirubin is 1.5 times the upper limit of normal or less", "aged 18 or over": who a concept is about. */
function whoOf(concept: Concept): string {
  const scale = (words.scales as Record<string, string>)[concept.value] ?? concept.value;
  if (concept.type === 'age') return `aged ${range(concept.threshold, 'or over', 'or under')}`;
  if (concept.type === 'performance-status') return `whose everyday activity score (${scale}) is ${range(concept.threshold, 'or more', 'or less')}`;
  if (concept.type === 'organ-function') return `whose ${(words.tests as Record<string, string>)[concept.value] ?? concept.value} is ${limit(concept.threshold)}`;
  if (concept.value === 'prior-lines') return `who have had ${range(concept.threshold, 'or more', 'or fewer')} treatments before`;
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
  const asked = fill(wants, { who: whoOf(concept).replace('{disease}', diseaseWord(profile)) });
  return `${asked} ${has === undefined ? fill('ask') : told(concept, has, profile)}`.trim();
}

export const reasonFor = {
  unread: (): string => fill('unread'),
  planned: (): string => fill('planned'),
  permissive: (): string => fill('permissive'),
  conditional: (): string => fill('conditional'),
  oneOf: (): string => fill('oneOf'),
  waivable: (): string => fill('waivable'),
  relaxed: (): string => fill('relaxed'),
};
