/**
 * Matches a person's profile against a trial's parsed criteria: a verdict and a plain-English reason per
 * criterion, an overall verdict (docs/eligibility-concepts.md, "Verdicts") and a score to rank trials by.
 * Pure and fast: parse the trial once (parseCriteria), then match as many profiles as you like.
 */
import type { Concept, Criterion } from './criterion.ts';
import { conceptHolds, factsOf, isAgreement } from './concept-truth.ts';
import type { ProfileFacts } from './concept-truth.ts';
import relations from './concept-relations.json' with { type: 'json' };
import type { PatientProfile } from './profile.ts';
import { conceptReason, reasonFor } from './reasons.ts';

export const CRITERION_VERDICTS = ['meets', 'does-not-meet', 'unknown'] as const;
export type CriterionVerdict = (typeof CRITERION_VERDICTS)[number];

export const TRIAL_VERDICTS = ['likely-eligible', 'might-be-eligible', 'not-eligible'] as const;
export type TrialVerdict = (typeof TRIAL_VERDICTS)[number];

export interface CriterionResult {
  readonly criterion: Criterion;
  readonly verdict: CriterionVerdict;
  readonly reason: string;
}

export interface TrialMatch {
  readonly verdict: TrialVerdict;
  /** Higher is a better fit: the verdict's tier (2, 1, 0) plus the share of criteria met, unknowns counting half. */
  readonly score: number;
  readonly results: readonly CriterionResult[];
}


/** Three-valued truth: true, false, or undefined for "we don't know". */
type Truth = boolean | undefined;

interface Decision {
  readonly truth: Truth;
  readonly concept: Concept;
  readonly has: Truth;
}

/**
 * Whether what the criterion says is so for this person. Concepts of one type joined by "or" are alternatives
 * (any one will do); everything else must all hold. Returns the concept that decided it, for the reason.
 */
function decide(facts: ProfileFacts, criterion: Criterion, ownDiseases: ReadonlySet<string>): Decision | null {
  let result: Decision | null = null;
  let chain: Decision | null = null;
  const chains: Decision[] = [];
  const anyBranch = criterion.section === 'inclusion' && isDisjunctive(criterion);
  const close = (): void => {
    if (chain === null) return;
    if (anyBranch) {
      // Branches written "A OR B", "1 of the following": true beats unknown beats false.
      if (result === null || chain.truth === true && result.truth !== true || chain.truth === undefined && result.truth === false) result = chain;
    } else if (result === null || chain.truth === false && result.truth !== false || chain.truth === undefined && result.truth === true) {
      // AND: false beats unknown beats true; the first deciding chain gives the reason.
      result = chain;
    }
    chain = null;
  };
  for (const concept of criterion.concepts) {
    if (concept.planned === true) continue;
    const has = conceptHolds(facts, concept);
    // Consent and contraception are things a person agrees to: "unable to consent" in an exclusion list, or
    // "must use contraception" in an inclusion list, never rules anyone out.
    let truth = isAgreement(concept) ? criterion.section === 'inclusion' : has === undefined ? undefined : has === (concept.polarity === 'present');
    // "Refractory leukaemia, lymphoma or solid tumour": not being one of the named types does not rule a leukaemia out.
    if (truth === false && criterion.broadDiagnosis && concept.type === 'cancer-type' && concept.polarity === 'present') truth = undefined;
    // An exclusion cannot turn away everyone with the disease the trial enrols: in an ALL trial, "ALL with
    // Burkitt-like alterations" excludes a kind of ALL named by words we cannot read, so the disease itself says
    // nothing (as for a criterion without concepts).
    if (criterion.section === 'exclusion' && concept.type === 'cancer-type' && concept.polarity === 'present' && ownDiseases.has(concept.value)) continue;
    const decision: Decision = { truth, concept, has };
    // "Refractory to induction (chemotherapy) or in relapse": an alternative joins the last chain of its type,
    // even with a concept of another type between them. OR: true beats unknown beats false.
    const joins = concept.orPrevious === true && concept.polarity === 'present' ? chains.findLastIndex((c) => c.concept.type === concept.type) : -1;
    const joined = chains[joins];
    if (joined !== undefined) {
      if (truth === true && joined.truth !== true || truth === undefined && joined.truth === false) chains[joins] = decision;
    } else {
      chains.push(decision);
    }
  }
  for (const each of chains) {
    chain = each;
    close();
  }
  return result;
}

function judge(facts: ProfileFacts, criterion: Criterion, ownDiseases: ReadonlySet<string>): CriterionResult {
  const decision = decide(facts, criterion, ownDiseases);
  if (decision === null) {
    if (criterion.permissive) return { criterion, verdict: 'meets', reason: reasonFor.permissive() };
    const planned = criterion.concepts.some((c) => c.planned === true);
    return { criterion, verdict: 'unknown', reason: planned ? reasonFor.planned() : reasonFor.unread() };
  }
  const reason = conceptReason(criterion, decision.concept, decision.has, facts.profile);
  let verdict: CriterionVerdict = decision.truth === undefined ? 'unknown' : decision.truth === (criterion.section === 'inclusion') ? 'meets' : 'does-not-meet';
  if (criterion.permissive && verdict !== 'meets') return { criterion, verdict: 'meets', reason: `${reasonFor.permissive()} ${reason}` };
  // "If HIV positive, must ...": when the person has what the condition names, the rest (which we cannot read)
  // applies to them; when they do not, it does not. A conditional criterion never rules anyone out.
  if (criterion.conditional && (verdict === 'does-not-meet' || (decision.has === true && decision.concept.polarity === 'present'))) verdict = 'unknown';
  const suffix = criterion.conditional && verdict === 'unknown' ? ` ${reasonFor.conditional()}` : '';
  const oneOf = criterion.anyOf === null ? '' : ` ${reasonFor.oneOf()}`;
  return { criterion, verdict, reason: `${reason}${suffix}${oneOf}` };
}

/**
 * An inclusion item that names a diagnosis (with its state or past treatment at most: "CML that failed imatinib"),
 * or a broad group such as "acute leukaemia": one entry of the trial's list of diseases.
 */
function isDiagnosisItem(criterion: Criterion): boolean {
  if (criterion.section !== 'inclusion' || criterion.anyOf !== null || criterion.conditional) return false;
  // A broad group counts alone ("Acute leukaemia"), not as a word inside another requirement ("a CR to prior
  // anti-leukaemia therapy").
  let named = criterion.broadDiagnosis && criterion.concepts.length === 0 && criterion.text.split(/\s+/).length <= 8;
  for (const concept of criterion.concepts) {
    if (concept.type === 'cancer-type' && concept.polarity === 'present') named = true;
    else if (concept.type !== 'cancer-type' && concept.type !== 'disease-state' && concept.type !== 'prior-treatment') return false;
  }
  return named;
}

/**
 * Branches written as alternatives across a whole item: PDQ's capital "OR" between requirements ("Age 51 to 65 and
 * ... OR Diagnosis of T-cell ALL"), or a lead-in "must meet 1 of the following". Lower-case "or" inside a phrase
 * ("relapsed or refractory") is handled concept by concept (`orPrevious`).
 */
const DISJUNCTIVE = /\bOR\b|\b(?:1|one|any|either) of the following\b|\bat least (?:1|one) of\b/;
const DISJUNCTIVE_CACHE = new WeakMap<Criterion, boolean>();
function isDisjunctive(criterion: Criterion): boolean {
  let known = DISJUNCTIVE_CACHE.get(criterion);
  if (known === undefined) {
    known = DISJUNCTIVE.test(criterion.text) && !/^[^a-z]*$/.test(criterion.text);
    DISJUNCTIVE_CACHE.set(criterion, known);
  }
  return known;
}

/** The diseases a trial enrols: cancer types its (unconditional, non-planned) inclusion items name, and their parents. */
const OWN_DISEASES = new WeakMap<readonly Criterion[], ReadonlySet<string>>();
function ownDiseasesOf(criteria: readonly Criterion[]): ReadonlySet<string> {
  let own = OWN_DISEASES.get(criteria);
  if (own === undefined) {
    const found = new Set<string>();
    for (const criterion of criteria) {
      if (criterion.section !== 'inclusion' || criterion.conditional) continue;
      for (const concept of criterion.concepts) {
        if (concept.type !== 'cancer-type' || concept.polarity !== 'present') continue;
        found.add(concept.value);
        const parent = SUBTYPE_PARENT[concept.value];
        if (parent !== undefined) found.add(parent);
      }
    }
    own = found;
    OWN_DISEASES.set(criteria, own);
  }
  return own;
}

const SUBTYPE_PARENT: Readonly<Record<string, string>> = relations['cancer-type'].subtypesOf;

const RANK: Readonly<Record<CriterionVerdict, number>> = { meets: 2, unknown: 1, 'does-not-meet': 0 };

/**
 * Matches a profile against a trial's criteria (from parseCriteria): a verdict per criterion with its reason, an
 * overall verdict and a score. A trial is `not-eligible` when any criterion (or every alternative of an "one of"
 * list) is not met; `likely-eligible` when every criterion we could read is met (at least one); otherwise
 * `might-be-eligible`. Criteria we could not read are shown as "ask your specialist" and never lower the verdict.
 */
export function matchTrial(profile: PatientProfile, criteria: readonly Criterion[]): TrialMatch {
  const facts = factsOf(profile);
  const ownDiseases = ownDiseasesOf(criteria);
  const results = criteria.map((criterion) => judge(facts, criterion, ownDiseases));
  // An "one of the following" list counts once, as its best alternative.
  const units: { verdict: CriterionVerdict; read: boolean }[] = [];
  const groups = new Map<number, { verdict: CriterionVerdict; read: boolean }>();
  // Inclusion items that only name a diagnosis ("Mantle cell lymphoma", "Chronic phase CML") are the trial's list
  // of diseases: alternatives, like an explicit "one of the following" list.
  const diagnoses = criteria.filter(isDiagnosisItem);
  const diagnosisGroup = diagnoses.length >= 2 ? -1 : null;
  for (const result of results) {
    const read = result.criterion.concepts.some((c) => c.planned !== true) || result.criterion.permissive;
    const group = result.criterion.anyOf ?? (diagnosisGroup !== null && isDiagnosisItem(result.criterion) ? diagnosisGroup : null);
    if (group === null) {
      units.push({ verdict: result.verdict, read });
      continue;
    }
    const unit = groups.get(group);
    if (unit === undefined) {
      const fresh = { verdict: result.verdict, read };
      groups.set(group, fresh);
      units.push(fresh);
    } else if (RANK[result.verdict] > RANK[unit.verdict]) {
      unit.verdict = result.verdict;
      unit.read = read;
    }
  }
  let met = 0, unknown = 0, failed = 0;
  for (const unit of units) {
    if (unit.verdict === 'meets') met += 1;
    else if (unit.verdict === 'unknown') unknown += 1;
    else failed += 1;
  }
  const readUnknown = unknown - units.filter((u) => !u.read && u.verdict === 'unknown').length;
  const readMet = units.filter((u) => u.read && u.verdict === 'meets').length;
  // Criteria nobody could read are "ask your specialist" and never lower the verdict (every real record has many:
  // donor rules, "investigator's opinion"); but "likely" needs at least one criterion we read and the person meets.
  const verdict: TrialVerdict = failed > 0 ? 'not-eligible' : readUnknown === 0 && readMet > 0 ? 'likely-eligible' : 'might-be-eligible';
  const tier = verdict === 'likely-eligible' ? 2 : verdict === 'might-be-eligible' ? 1 : 0;
  const score = tier + (met + 0.5 * unknown) / (units.length + 1);
  return { verdict, score, results };
}
