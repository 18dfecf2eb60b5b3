/**
 * The automatic first draft of a trial's plain-English summary (issue 7, part 2): what is tested, for whom, where,
 * which phase and where it stands, in short sentences an editor then rewrites and a reviewer approves.
 *
 * Nothing is invented. Every sentence is built from one or more of the trial's fields, or from the facts the site
 * derives from them (cancer types, treatment types, age groups, UK sites: trial-facts.ts), and names them in `from`,
 * so the editor can check it. A field that is missing leaves its sentence out; general explanations (what a phase
 * means, what chemotherapy is) come from draft-phrases.json, written once and true of every trial. The draft aims
 * for a Flesch reading ease of 60 or more (readability.ts); bench/editorial-drafts.bench.ts measures it on the demo
 * records.
 */
import { CANCER_TYPES, cancerTypeAncestors, cancerTypeById } from '../classify/cancer-type.ts';
import type { TreatmentKind } from '../classify/treatment-kinds.ts';
import { canonicalCountry } from '../country.ts';
import { deriveTrialFacts, type TrialFacts } from '../trial-facts.ts';
import type { Intervention, PartialDate, Phase, Trial, TrialStatus } from '../trial.ts';
import phrases from './draft-phrases.json' with { type: 'json' };
import { measureReadability, type Readability } from './readability.ts';

export const DRAFT_TOPICS = ['what', 'who', 'where', 'phase', 'status'] as const;
export type DraftTopic = (typeof DRAFT_TOPICS)[number];

/** One sentence of the draft and the fields it was built from ("interventions", "facts.cancerTypes", "eligibility.minAgeYears" ...). */
export interface DraftSentence {
  readonly text: string;
  readonly from: readonly string[];
}

export interface DraftParagraph {
  readonly topic: DraftTopic;
  readonly sentences: readonly DraftSentence[];
}

export interface DraftSummary {
  readonly trialId: string;
  /** Paragraphs separated by a blank line: what the editor starts from. */
  readonly text: string;
  readonly paragraphs: readonly DraftParagraph[];
  readonly readability: Readability;
}

/** The derived facts the draft reads; a store's stored facts will do, or they are derived from the trial. */
export type DraftFacts = Pick<TrialFacts, 'cancerTypes' | 'treatments' | 'ageGroups' | 'ukSiteCount'>;

/** A count as UK text writes it: "1,216". */
const count = (n: number): string => n.toLocaleString('en-GB');

const say = (text: string, ...from: string[]): DraftSentence => ({ text: text.charAt(0).toUpperCase() + text.slice(1), from });

/** "a", "a and b", "a, b and c". */
function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** Lower-case words and phrases padded with spaces, so " phrase " finds whole words only. */
function wordsOf(text: string): string {
  return ` ${(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ')} `;
}
const hasPhrase = (words: string, phrase: string): boolean => words.includes(wordsOf(phrase));

const SALTS = new Set(phrases.saltWords);

/** An intervention's name as a draft says it: salt names dropped ("doxorubicin hydrochloride"), Title Case lowered. */
export function plainName(name: string): string {
  const words = name.trim().split(/\s+/);
  while (words.length > 1 && SALTS.has((words[words.length - 1] ?? '').toLowerCase())) words.pop();
  return words.map((word) => (/^\p{Lu}\p{Ll}+$/u.test(word) ? word.toLowerCase() : word)).join(' ');
}

type Role = 'treatment' | 'comparator' | 'tests' | 'questions';
const TESTS = phrases.researchOnly.tests;
const QUESTIONS = phrases.researchOnly.questions;

/** What an intervention is to the draft: a treatment tested, a comparison, or a research-only test or questionnaire. */
function roleOf(intervention: Intervention): Role {
  const words = wordsOf(intervention.name);
  if (phrases.comparators.some((phrase) => words === wordsOf(phrase))) return 'comparator';
  if (['drug', 'biological', 'radiation'].includes(intervention.type)) return 'treatment';
  if (QUESTIONS.some((phrase) => hasPhrase(words, phrase))) return 'questions';
  if (TESTS.some((phrase) => hasPhrase(words, phrase))) return 'tests';
  return 'treatment';
}

type NamedKind = keyof typeof phrases.treatmentKinds;
const isNamedKind = (kind: TreatmentKind): kind is NamedKind => kind in phrases.treatmentKinds;

function whatSentences(trial: Trial, facts: DraftFacts): DraftSentence[] {
  const out: DraftSentence[] = [];
  const noun = phrases.studyNoun[trial.studyType];
  if (trial.acronym !== null && trial.acronym.trim() !== '') out.push(say(`The ${noun} is called ${trial.acronym.trim()}.`, 'acronym'));
  if (trial.studyType === 'observational' || trial.studyType === 'expanded-access') {
    for (const text of phrases.studyType[trial.studyType]) out.push(say(text, 'studyType'));
  }
  let kinds = [...new Set(facts.treatments.map((treatment) => treatment.kind))].filter(isNamedKind);
  if (kinds.includes('car-t')) kinds = kinds.filter((kind) => kind !== 'immunotherapy');
  if (kinds.length > 0) {
    const names = listWords(kinds.map((kind) => phrases.treatmentKinds[kind].name));
    const lead = trial.studyType === 'observational' ? `It looks at people having ${names}.` : `It tests ${names}.`;
    out.push(say(lead, 'facts.treatments'));
    for (const kind of kinds) {
      const explain = phrases.treatmentKinds[kind].explain;
      if (explain !== null) out.push(say(explain, 'facts.treatments'));
    }
    const subs = [...new Set(facts.treatments.flatMap((treatment) => (treatment.sub === undefined ? [] : [treatment.sub])))];
    const [sub] = subs;
    if (sub !== undefined && subs.length === 1) out.push(say(phrases.transplantKinds[sub], 'facts.treatments'));
  }
  const roles = trial.interventions.map((intervention) => ({ intervention, role: roleOf(intervention) }));
  const seen = new Set<string>();
  const names: string[] = [];
  for (const { intervention, role } of roles) {
    const name = plainName(intervention.name);
    if (role !== 'treatment' || name === '' || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    names.push(name);
  }
  if (names.length > 0) {
    // Long lists of drug names are hard going; the editor has the full list on the trial page.
    const shown = names.length > 3 ? [...names.slice(0, 2), `${names.length - 2} others`] : names;
    const subject = trial.studyType === 'observational' ? 'It looks at' : names.length === 1 ? 'The treatment is' : 'The treatments are';
    out.push(say(`${subject} ${listWords(shown)}.`, 'interventions'));
  }
  out.push(...comparisonSentences(trial, roles.some(({ role }) => role === 'comparator')));
  for (const role of ['tests', 'questions'] as const) {
    if (roles.some((entry) => entry.role === role)) out.push(say(phrases.researchOnlyWords[role], 'interventions'));
  }
  return out;
}

/** The trial's groups (arms) that get something to compare with; a placebo named only as an intervention too. */
function comparisonSentences(trial: Trial, namesComparator: boolean): DraftSentence[] {
  const out: DraftSentence[] = [];
  if (trial.arms.length >= 2) {
    out.push(say(`The ${phrases.studyNoun[trial.studyType]} has ${trial.arms.length} groups.`, 'arms'));
    for (const [type, words] of Object.entries(phrases.armTypes)) {
      const count = trial.arms.filter((arm) => arm.type === type).length;
      if (count === 1) out.push(say(`One group gets ${words}.`, 'arms'));
      else if (count > 1) out.push(say(`${count} groups get ${words}.`, 'arms'));
    }
  }
  const placeboArm = trial.arms.some((arm) => arm.type === 'placebo comparator');
  const placebo = trial.interventions.some((intervention) => /^placebos?$/i.test(intervention.name.trim()));
  if (namesComparator && placebo && !placeboArm) out.push(say(`Some people get ${phrases.armTypes['placebo comparator']}.`, 'interventions'));
  return out;
}

/** The most specific cancer types found: a type whose subtype is also there is left out. */
function specificCancerTypes(facts: DraftFacts): string[] {
  const ids = facts.cancerTypes.map((type) => type.id).filter((id) => id !== 'not-cancer');
  const named = ids.filter((id) => id !== 'other-cancer');
  const chosen = named.length > 0 ? named : ids;
  const ancestors = new Set(chosen.flatMap((id) => cancerTypeAncestors(id).filter((ancestor) => ancestor !== id)));
  const order = new Map(CANCER_TYPES.map((type, index) => [type.id, index]));
  return chosen.filter((id) => !ancestors.has(id)).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

const CANCER_WORDS: Readonly<Record<string, string>> = phrases.cancerWords;

/** A cancer type inside a sentence: our own wording, or its label with a common first word lowered. */
function cancerWords(id: string): string {
  const own = CANCER_WORDS[id];
  if (own !== undefined) return own;
  const label = cancerTypeById(id)?.label ?? id;
  return /^\p{Lu}\p{Ll}/u.test(label) && !/^(?:Hodgkin|Burkitt|Wilms|Philadelphia)/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/** The parent of two or three subtypes of one cancer (B-ALL and Ph+ ALL are both ALL), so the draft can name it once. */
function sharedFamily(types: readonly string[]): string | null {
  if (types.length < 2 || types.length > 3) return null;
  const parents = new Set(types.map((id) => cancerTypeById(id)?.parent ?? null));
  const [parent] = parents;
  if (parents.size !== 1 || parent === undefined || parent === null) return null;
  return (cancerTypeById(parent)?.parent ?? null) === null ? null : parent;
}

/** A subtype by its abbreviation when its label has one ("B-ALL"), else in words. */
function shortCancerWords(id: string): string {
  const abbreviation = /\(([^()]*\p{Lu}{2}[^()]*)\)$/u.exec(cancerTypeById(id)?.label ?? '')?.[1];
  return abbreviation ?? cancerWords(id);
}

/** "It is for adults with 2 types of acute lymphoblastic leukaemia (ALL): B-ALL and Ph+ ALL." and the like. */
function cancerSentences(types: readonly string[], people: string, groupFrom: readonly string[]): DraftSentence[] {
  const family = sharedFamily(types);
  if (family !== null) {
    const kinds = `${types.length} types of ${cancerWords(family)}: ${listWords(types.map(shortCancerWords))}`;
    return [say(`It is for ${people} with ${kinds}.`, 'facts.cancerTypes', ...groupFrom)];
  }
  if (types.length <= 3) return [say(`It is for ${people} with ${listWords(types.map(cancerWords))}.`, 'facts.cancerTypes', ...groupFrom)];
  return [
    say(`It is for ${people} with one of ${types.length} types of cancer.`, 'facts.cancerTypes', ...groupFrom),
    say(`These include ${listWords(types.slice(0, 2).map(cancerWords))}.`, 'facts.cancerTypes'),
  ];
}

/** "children", "adults" ... from the age groups, or null when the trial sets no age limit. */
function groupWords(trial: Trial, facts: DraftFacts): string | null {
  if (trial.eligibility.minAgeYears === null && trial.eligibility.maxAgeYears === null) return null;
  const groups = new Set(facts.ageGroups);
  const words: Readonly<Record<string, string>> = phrases.ageGroups;
  if (groups.has('children') && groups.has('adults')) return words['children+adults'] ?? null;
  if (groups.has('children')) return groups.has('teenagers-young-adults') ? (words['children+teenagers-young-adults'] ?? null) : (words['children'] ?? null);
  if (groups.has('adults')) return groups.has('older-adults') && !groups.has('teenagers-young-adults') && (trial.eligibility.minAgeYears ?? 0) >= 60 ? (words['older-adults'] ?? null) : (words['adults'] ?? null);
  if (groups.has('teenagers-young-adults')) return words['teenagers-young-adults'] ?? null;
  return null;
}

/** An age bound in words: whole years, or months under two years ("6 months"). */
function age(years: number): { value: string; unit: string } {
  if (Number.isInteger(years)) return { value: `${years}`, unit: years === 1 ? 'year' : 'years' };
  if (years < 2) {
    const months = Math.max(1, Math.round(years * 12));
    return { value: `${months}`, unit: months === 1 ? 'month' : 'months' };
  }
  return { value: years.toFixed(1), unit: 'years' };
}

function ageSentence(min: number | null, max: number | null): DraftSentence | null {
  const from = ['eligibility.minAgeYears', 'eligibility.maxAgeYears'];
  if (min !== null && min > 0 && max !== null) {
    const low = age(min);
    const high = age(max);
    const lowText = low.unit === high.unit || (low.unit === 'year' && high.unit === 'years') ? low.value : `${low.value} ${low.unit}`;
    return say(`To join, you must be ${lowText} to ${high.value} ${high.unit} old.`, ...from);
  }
  if (min !== null && min > 0) {
    const low = age(min);
    return say(`To join, you must be ${low.value}${low.unit.startsWith('year') ? '' : ` ${low.unit}`} or older.`, from[0] ?? '');
  }
  if (max !== null) {
    const high = age(max);
    return say(`To join, you must be ${high.value}${high.unit.startsWith('year') ? '' : ` ${high.unit}`} or younger.`, from[1] ?? '');
  }
  return null;
}

/** A condition as the registry lists it, in a sentence: "Candidiasis, Oral" becomes "oral candidiasis". */
function conditionWords(condition: string): string {
  const parts = condition.split(/,\s*/);
  const ordered = parts.length === 2 ? `${parts[1] ?? ''} ${parts[0] ?? ''}` : condition;
  return ordered.split(/\s+/).map((word) => (/^\p{Lu}\p{Ll}+$/u.test(word) ? word.toLowerCase() : word)).join(' ');
}

function whoSentences(trial: Trial, facts: DraftFacts): DraftSentence[] {
  const out: DraftSentence[] = [];
  const group = groupWords(trial, facts);
  const people = group ?? 'people';
  const groupFrom = group === null ? [] : ['facts.ageGroups'];
  const types = specificCancerTypes(facts);
  if (types.length > 0) {
    out.push(...cancerSentences(types, people, groupFrom));
    const states: string[] = [];
    const from = new Set<string>();
    for (const state of phrases.diseaseStates) {
      for (const field of ['briefTitle', 'officialTitle', 'conditions'] as const) {
        const value = trial[field];
        const texts = (typeof value === 'string' ? [value] : value === null ? [] : value).map(wordsOf);
        if (!state.match.some((phrase) => texts.some((text) => hasPhrase(text, phrase)))) continue;
        if (!states.includes(state.words)) states.push(state.words);
        from.add(field);
      }
    }
    if (states.length > 0) out.push(say(`It is for cancer that ${states.join(' or ')}.`, ...from));
  } else if (trial.conditions.length > 0) {
    const shown = trial.conditions.slice(0, 3).map(conditionWords);
    const more = trial.conditions.length > 3 ? ` and ${trial.conditions.length - 3} more` : '';
    out.push(say(`It is about ${listWords(shown)}${more}.`, 'conditions'));
    if (group !== null) out.push(say(`It is for ${group}.`, 'facts.ageGroups'));
  }
  const ages = ageSentence(trial.eligibility.minAgeYears, trial.eligibility.maxAgeYears);
  if (ages !== null) out.push(ages);
  if (trial.eligibility.sex !== 'all') out.push(say(phrases.sex[trial.eligibility.sex], 'eligibility.sex'));
  if (trial.eligibility.healthyVolunteers === true) out.push(say(phrases.healthyVolunteers, 'eligibility.healthyVolunteers'));
  return out;
}

const WITH_THE = new Set(phrases.countriesWithThe);
const inCountry = (country: string): string => (WITH_THE.has(country) ? `the ${country}` : country);

function whereSentences(trial: Trial, facts: DraftFacts): DraftSentence[] {
  const out: DraftSentence[] = [];
  const total = trial.sites.length;
  if (total > 0) {
    const named = trial.sites.filter((site) => site.country !== null && site.country.trim() !== '');
    const countries = [...new Set(named.map((site) => canonicalCountry(site.country ?? '')))];
    const centres = total === 1 ? 'one centre' : `${count(total)} centres`;
    const [only] = countries;
    let place = '';
    if (countries.length === 1 && only !== undefined) place = ` in ${inCountry(only)}`;
    else if (countries.length > 1 && countries.length <= 4) place = ` in ${countries.length} countries: ${listWords(countries.map(inCountry))}`;
    else if (countries.length > 4) place = ` in ${countries.length} countries`;
    out.push(say(`It takes place at ${centres}${place}.`, 'sites'));
    const uk = facts.ukSiteCount;
    const allUk = countries.length === 1 && only === 'United Kingdom' && named.length === total;
    if (uk > 0 && !allUk) {
      const text = uk === total ? 'All of them are in the UK.' : uk === 1 ? 'One of them is in the UK.' : `Of these, ${count(uk)} are in the UK.`;
      out.push(say(text, 'sites', 'facts.ukSiteCount'));
    } else if (uk === 0 && named.length === total) {
      out.push(say(total === 1 ? 'It is not in the UK.' : 'None of them are in the UK.', 'sites', 'facts.ukSiteCount'));
    }
  }
  return out;
}

const PHASES: Readonly<Record<Exclude<Phase, 'not-applicable'>, { name: string; does: string }>> = phrases.phases;

function phaseSentences(trial: Trial): DraftSentence[] {
  const phases = trial.phases.filter((phase): phase is Exclude<Phase, 'not-applicable'> => phase !== 'not-applicable');
  if (phases.length === 0) {
    return trial.phases.includes('not-applicable') && trial.studyType === 'interventional' ? phrases.noPhase.map((text) => say(text, 'phases')) : [];
  }
  const names = phases.map((phase) => PHASES[phase].name);
  const name = names.every((n) => n.startsWith('phase ')) ? `phase ${listWords(names.map((n) => n.slice('phase '.length)))}` : listWords(names);
  const out = [say(`This is a ${name} ${phrases.studyNoun[trial.studyType]}.`, 'phases')];
  phases.forEach((phase, index) => out.push(say(`${index === 0 ? 'It' : 'Then it'} ${PHASES[phase].does}.`, 'phases')));
  return out;
}

/** "March 2023" from a registry date; null for a malformed one. */
function monthYear(date: PartialDate | null): string | null {
  const match = date === null ? null : /^(\d{4})(?:-(\d{2}))?/.exec(date);
  if (match === null) return null;
  const month = match[2] === undefined ? undefined : phrases.months[Number(match[2]) - 1];
  return month === undefined ? (match[1] ?? null) : `${month} ${match[1] ?? ''}`;
}

const OPEN: readonly TrialStatus[] = ['recruiting', 'not-yet-recruiting', 'enrolling-by-invitation', 'suspended'];

function statusSentences(trial: Trial): DraftSentence[] {
  const out = [say(phrases.status[trial.status], 'status')];
  const fill = (template: string, date: string): string => template.replace('{date}', date);
  const start = monthYear(trial.dates.start);
  const end = monthYear(trial.dates.completion);
  if (trial.status === 'not-yet-recruiting' && start !== null) out.push(say(fill(phrases.dates.startPlanned, start), 'status', 'dates.start'));
  else if (['recruiting', 'enrolling-by-invitation', 'active-not-recruiting', 'suspended'].includes(trial.status) && start !== null) {
    out.push(say(fill(phrases.dates.started, start), 'status', 'dates.start'));
  } else if ((trial.status === 'completed' || trial.status === 'terminated') && end !== null) out.push(say(fill(phrases.dates.finished, end), 'status', 'dates.completion'));
  const size = trial.enrollment;
  if (size !== null && size > 0) {
    // Registries mark enrolment as planned until recruitment ends and as actual once a trial is complete.
    const people = `${count(size)} ${size === 1 ? 'person' : 'people'}`;
    if (OPEN.includes(trial.status)) out.push(say(`It aims to include ${people}.`, 'enrollment', 'status'));
    else if (trial.status === 'completed' || trial.status === 'terminated') out.push(say(`${people} took part.`, 'enrollment', 'status'));
  }
  const updated = monthYear(trial.dates.lastUpdate);
  if (updated !== null) out.push(say(fill(phrases.dates.updated, updated), 'dates.lastUpdate'));
  return out;
}

/**
 * The first draft of a trial's plain-English summary, with its readability. `facts` defaults to the trial's own
 * derived facts; pass the stored ones to save deriving them again.
 */
export function draftSummary(trial: Trial, facts: DraftFacts = deriveTrialFacts(trial, null)): DraftSummary {
  const built: Record<DraftTopic, DraftSentence[]> = {
    what: whatSentences(trial, facts),
    who: whoSentences(trial, facts),
    where: whereSentences(trial, facts),
    phase: phaseSentences(trial),
    status: statusSentences(trial),
  };
  const paragraphs = DRAFT_TOPICS.map((topic) => ({ topic, sentences: built[topic] })).filter((paragraph) => paragraph.sentences.length > 0);
  // The first sentence names the study; the rest call it "it".
  const first = paragraphs[0]?.sentences[0];
  if (first !== undefined && first.text.startsWith('It ') && paragraphs[0] !== undefined) {
    const renamed = { ...first, text: `This ${phrases.studyNoun[trial.studyType]} ${first.text.slice(3)}` };
    paragraphs[0] = { ...paragraphs[0], sentences: [renamed, ...paragraphs[0].sentences.slice(1)] };
  }
  const text = paragraphs.map((paragraph) => paragraph.sentences.map((sentence) => sentence.text).join(' ')).join('\n\n');
  return { trialId: trial.id, text, paragraphs, readability: measureReadability(text) };
}
