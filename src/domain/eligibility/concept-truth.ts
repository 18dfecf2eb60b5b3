/**
 * Whether a person has the thing a concept names, from their profile: true, false, or undefined when the profile
 * does not say (or cannot: a bilirubin limit in mg/dL when we only know "times the upper limit of normal").
 * Polarity and section are the matcher's business; this answers "does the person have it?" only.
 */
import relations from './concept-relations.json' with { type: 'json' };
import type { Comparator, Concept, Threshold } from './criterion.ts';
import type { PatientProfile } from './profile.ts';

type Links = Readonly<Record<string, readonly string[]>>;

/** A profile's lists closed under "implies", computed once per profile. */
export interface ProfileFacts {
  readonly profile: PatientProfile;
  readonly cancer: ReadonlySet<string> | null;
  readonly state: ReadonlySet<string> | null;
  readonly treatments: ReadonlySet<string> | null;
  readonly infections: ReadonlySet<string> | null;
}

function closure(values: readonly string[] | undefined, implies: Links): ReadonlySet<string> | null {
  if (values === undefined) return null;
  const out = new Set<string>();
  const add = (value: string): void => {
    if (out.has(value)) return;
    out.add(value);
    for (const implied of implies[value] ?? []) add(implied);
  };
  values.forEach(add);
  return out;
}

const FACTS = new WeakMap<PatientProfile, ProfileFacts>();

/** The facts of a profile (cached per profile object: matching one profile against many trials reuses them). */
export function factsOf(profile: PatientProfile): ProfileFacts {
  let facts = FACTS.get(profile);
  if (facts === undefined) {
    facts = {
      profile,
      cancer: closure(profile.cancerType, relations['cancer-type'].implies),
      state: closure(profile.diseaseState, relations['disease-state'].implies),
      treatments: closure(profile.priorTreatments, relations['prior-treatment'].implies),
      infections: profile.infections === undefined ? null : new Set(profile.infections),
    };
    FACTS.set(profile, facts);
  }
  return facts;
}

function excluded(have: ReadonlySet<string>, value: string, excludes: Links): boolean {
  for (const item of have) {
    if (excludes[item]?.includes(value) === true || excludes[value]?.includes(item) === true) return true;
  }
  return false;
}

const DISEASES: ReadonlySet<string> = new Set(relations['cancer-type'].diseases);
const SUBTYPE_OF: Readonly<Record<string, string>> = relations['cancer-type'].subtypesOf;

function cancerHolds(have: ReadonlySet<string> | null, value: string): boolean | undefined {
  if (have === null) return undefined;
  if (have.has(value)) return true;
  if (excluded(have, value, relations['cancer-type'].excludes)) return false;
  // A person's main cancer is one disease: ALL rules out AML, and any other disease rules out ALL's subtypes.
  const disease = DISEASES.has(value) ? value : SUBTYPE_OF[value];
  if (disease !== undefined) {
    for (const other of have) if (DISEASES.has(other) && other !== disease) return false;
  }
  return undefined;
}

function stateHolds(facts: ProfileFacts, concept: Concept): boolean | undefined {
  if (concept.value === 'prior-lines') {
    const lines = facts.profile.priorLines ?? (facts.state?.has('newly-diagnosed') === true ? 0 : undefined);
    if (lines === undefined) return undefined;
    // "No more than 1 prior chemotherapy regimen" (`limited`): a count of one kind of treatment, of which the person's
    // lines of every kind are an upper bound. Under the limit they are surely under it; over it, they may not be.
    if (concept.limited === true && concept.threshold !== undefined) {
      const { min, max } = concept.threshold;
      if (min !== undefined && lines < min) return false;
      if (max !== undefined && lines <= max && min === undefined) return true;
      return undefined;
    }
    return within(lines, concept.threshold) ?? lines > 0;
  }
  const have = facts.state;
  if (have === null) return undefined;
  if (concept.past === true) return pastRemission(have);
  if (concept.failedTherapy === true && (have.has('relapsed') || have.has('refractory'))) return true;
  // "Isolated extramedullary relapse" (`limited`): a relapse, but of a kind the profile does not record.
  if (have.has(concept.value)) return concept.limited === true ? undefined : true;
  // A state the person's rules out, or one that would put them in a state theirs rules out: "relapsed" and no
  // remission said is no second remission either. The relapse a later remission implies is a past one, which a
  // remission now does not rule out.
  const implied = [concept.value, ...(STATE_IMPLIES[concept.value] ?? []).filter((value) => value !== 'relapsed')];
  if (implied.some((value) => excluded(have, value, relations['disease-state'].excludes))) return false;
  return undefined;
}

const STATE_IMPLIES: Links = relations['disease-state'].implies;

/**
 * Whether the person has been in remission at some time: yes when in remission now or relapsed (a relapse follows
 * a remission), no when newly diagnosed; refractory disease may never have reached one.
 */
function pastRemission(have: ReadonlySet<string>): boolean | undefined {
  if (have.has('remission') || have.has('relapsed')) return true;
  return have.has('newly-diagnosed') ? false : undefined;
}

const TREATMENT_IMPLIES: Links = relations['prior-treatment'].implies;
const isTki = (value: string): boolean => TREATMENT_IMPLIES[value]?.includes('tki') ?? false;

/** Disease states that only follow treatment: a relapse, refractory disease or a remission come after chemotherapy. */
/** "Concurrent malignancy", "active second cancer": a cancer now, not one had at some time. */
const CURRENT = /\b(?:concurrent|current|currently|active|coexisting|concomitant)\b/i;
const AFTER_TREATMENT: ReadonlySet<string> = new Set(['relapsed', 'refractory', 'remission', 'first-remission', 'second-or-later-remission', 'mrd-positive', 'mrd-negative']);

function treatmentHolds(facts: ProfileFacts, concept: Concept): boolean | undefined {
  const have = facts.treatments;
  // A person whose treatments we were not told, but whose leukaemia has relapsed or is in remission, has had
  // chemotherapy (when, we still do not know).
  if (have === null) {
    const treated = concept.value === 'chemotherapy' && [...(facts.state ?? [])].some((state) => AFTER_TREATMENT.has(state));
    return treated && concept.threshold?.withinDays === undefined && concept.limited !== true && concept.ongoing !== true ? true : undefined;
  }
  // "Other drugs" are too vague to check against a list, unless the person has had no treatment at all.
  if (relations['prior-treatment'].vague.includes(concept.value)) return have.size === 0 ? false : undefined;
  let had = have.has(concept.value);
  // "A TKI" is known, but not which one: "had imatinib?" stays open.
  if (!had && have.has('tki') && isTki(concept.value)) {
    const specific = [...have].some(isTki);
    if (!specific) return undefined;
  }
  if (!had && concept.value === 'transplant') had = have.has('allogeneic-transplant') || have.has('autologous-transplant');
  // Had it, but when, how much or where? A window ("within 14 days") needs a date we do not ask for; a dose or a
  // site ("more than 25 Gy to the spine") a record we do not have; a treatment under way at entry, whether it is.
  if (had && (concept.threshold?.withinDays !== undefined || concept.limited === true || concept.ongoing === true)) return undefined;
  // "Received or will receive": one still to come may be planned.
  if (!had && concept.orPlanned === true) return undefined;
  return had;
}

/** True when n lies within a min/max threshold; undefined without bounds. */
function within(n: number, threshold: Threshold | undefined): boolean | undefined {
  if (threshold?.min === undefined && threshold?.max === undefined) return undefined;
  return (threshold.min === undefined || n >= threshold.min) && (threshold.max === undefined || n <= threshold.max);
}

/**
 * Whether the person's age is within the limits. An age at diagnosis ("21 and under at diagnosis") is the age now
 * only for a person newly diagnosed; for anyone else it was at most the age now, so only "young enough" (an upper
 * limit met now) or "too young" (a lower limit not met now) can be told.
 */
function ageHolds(facts: ProfileFacts, concept: Concept): boolean | undefined {
  const given = facts.profile.age;
  if (given === undefined) return undefined;
  // Ages in whole years are counted as people count them: at 17½ a person is 17, so "17 or under" holds. A limit
  // with a fraction (a registry's "6 months", 0.5) is compared with the age as given.
  const whole = [concept.threshold?.min, concept.threshold?.max].every((bound) => bound === undefined || Number.isInteger(bound));
  const age = whole ? Math.floor(given) : given;
  const now = within(age, concept.threshold);
  if (concept.atDiagnosis !== true || facts.state?.has('newly-diagnosed') === true) return now;
  const { min, max } = concept.threshold ?? {};
  if (min !== undefined && age < min) return false;
  if (max !== undefined && age > max) return undefined;
  return min === undefined ? now : undefined;
}

/** ECOG grades as Karnofsky ranges (Oken et al. 1982; the usual conversion table). */
const ECOG_AS_KARNOFSKY: readonly (readonly [number, number])[] = [[90, 100], [70, 80], [50, 60], [30, 40], [10, 20], [0, 0]];

function performanceHolds(facts: ProfileFacts, concept: Concept): boolean | undefined {
  const told = facts.profile.performanceStatus;
  if (told === undefined || concept.threshold === undefined) return undefined;
  const ecogLike = (scale: string): boolean => scale === 'ecog' || scale === 'who';
  let range: readonly [number, number];
  const sameScale = ecogLike(told.scale) === ecogLike(concept.value);
  if (sameScale) range = [told.value, told.value];
  else if (ecogLike(told.scale)) range = ECOG_AS_KARNOFSKY[Math.round(told.value)] ?? [0, 0];
  else {
    const grade = told.value >= 90 ? 0 : told.value >= 70 ? 1 : told.value >= 50 ? 2 : told.value >= 30 ? 3 : told.value >= 10 ? 4 : 5;
    range = [grade, grade];
  }
  const low = within(range[0], concept.threshold);
  const high = within(range[1], concept.threshold);
  const holds = low === high ? low : undefined;
  // A score converted from the other scale is a rough guide (the tables disagree near their edges): it may say a
  // limit is met, never that it is not; the specialist scores the person on the trial's own scale.
  return !sameScale && holds === false ? undefined : holds;
}

/** AIDS, AIDS-related complex and HIV-associated complex: stages of the infection, not the infection itself. */
const HIV_STAGE = /\bAIDS\b|\bARC\b|\bassociated complex\b|\bAIDS[- ]related\b/i;

function compare(n: number, comparator: Comparator, limit: number): boolean {
  switch (comparator) {
    case '<': return n < limit;
    case '<=': return n <= limit;
    case '>': return n > limit;
    case '>=': return n >= limit;
  }
}

/** The profile value an organ-function limit is about, when the units agree. */
function organValue(profile: PatientProfile, concept: Concept): number | undefined {
  const unit = concept.threshold?.unit;
  switch (concept.value) {
    case 'bilirubin':
      return unit === 'x-uln' ? profile.bilirubinXUln : undefined;
    case 'alt': case 'ast': case 'alt-ast':
      return unit === 'x-uln' ? profile.altAstXUln : undefined;
    case 'creatinine-clearance':
      return unit === 'ml/min' || unit === 'ml/min/1.73m2' || unit === undefined ? profile.creatinineClearanceMlMin : undefined;
    case 'ejection-fraction':
      return unit === 'percent' || unit === undefined ? profile.ejectionFractionPercent : undefined;
    default:
      return undefined;
  }
}

/**
 * An ejection fraction against its lower limit of normal ("normal", at least 1 x LLN; "below normal", under it): 55 %
 * or more is normal on any usual cut-off, under 50 % on none; between, the trial's own cut-off decides.
 */
function againstNormal(told: number | undefined, comparator: Comparator | undefined): boolean | undefined {
  const normal = told === undefined ? undefined : told >= 55 ? true : told < 50 ? false : undefined;
  if (normal === undefined) return undefined;
  return comparator === '<' || comparator === '<=' ? !normal : normal;
}

function organHolds(profile: PatientProfile, concept: Concept): boolean | undefined {
  if (concept.value === 'ejection-fraction' && concept.threshold?.unit === 'x-lln') return againstNormal(profile.ejectionFractionPercent, concept.threshold.comparator);
  const { comparator, value } = concept.threshold ?? {};
  const told = organValue(profile, concept);
  if (comparator === undefined || value === undefined || told === undefined) return undefined;
  return compare(told, comparator, value);
}

/** Concepts that are things to agree to, not facts about the person: consent, contraception. */
export function isAgreement(concept: Concept): boolean {
  return concept.type === 'consent' || (concept.type === 'pregnancy' && concept.value === 'contraception');
}

/** Whether the person has what the concept names (polarity aside). */
export function conceptHolds(facts: ProfileFacts, concept: Concept): boolean | undefined {
  const holds = holdsAsNamed(facts, concept);
  return holds === false && concept.orUnread === true ? undefined : holds;
}

function holdsAsNamed(facts: ProfileFacts, concept: Concept): boolean | undefined {
  const { profile } = facts;
  switch (concept.type) {
    case 'age':
      return ageHolds(facts, concept);
    case 'sex':
      return profile.sex === undefined ? undefined : profile.sex === concept.value;
    case 'cancer-type': {
      const has = cancerHolds(facts.cancer, concept.value);
      // "No prior T-cell lymphoma" (`limited`): a kind of the disease the person has, which the profile cannot name.
      return has === true && concept.limited === true ? undefined : has;
    }
    case 'disease-state':
      return stateHolds(facts, concept);
    case 'prior-treatment':
      return concept.planned === true ? undefined : treatmentHolds(facts, concept);
    case 'performance-status':
      return performanceHolds(facts, concept);
    case 'organ-function':
      return organHolds(profile, concept);
    case 'cns':
      if (profile.cnsInvolvement === undefined) return undefined;
      // "Uncontrolled CNS leukaemia" (`limited`): CNS disease may be controlled, which the profile does not say.
      if (concept.value === 'cns-involvement') return concept.limited === true && profile.cnsInvolvement ? undefined : profile.cnsInvolvement;
      return profile.cnsInvolvement ? undefined : true;
    case 'infection':
      if (facts.infections === null) return undefined;
      // "No known AIDS or HIV-associated complex": a stage of HIV infection, which someone with HIV may not have reached.
      // "No AIDS or HIV" names the infection too (a repeat of the concept), which rules them out.
      if (concept.value === 'hiv' && facts.infections.has('hiv') && HIV_STAGE.test(concept.evidence)
        && ![concept.evidence, ...(concept.repeats ?? [])].some((mention) => /\bHIV\b(?![- ](?:associated|related) complex)/i.test(mention))) return undefined;
      return facts.infections.has(concept.value);
    case 'pregnancy':
      if (concept.value === 'contraception') return true;
      return concept.value === 'pregnant' ? profile.pregnant : profile.breastfeeding;
    case 'other-cancer':
      if (profile.otherCancer === undefined) return undefined;
      // "No concurrent malignancy": a cancer had before may be over; the profile does not say whether it is now.
      return profile.otherCancer && (concept.threshold?.withinYears !== undefined || CURRENT.test(concept.evidence) || concept.limited === true) ? undefined : profile.otherCancer;
    case 'consent':
      return true;
  }
}
