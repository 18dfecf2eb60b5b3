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
import { escapeRegExp } from '../escape-regexp.ts';
import { ownValue } from '../own-key.ts';

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


/** A treatment had for a stated time: "receiving chemotherapy for at least 6 weeks", "(at least 2 months since start of therapy)". */
const LASTED = /\bfor (?:at least |a minimum of |more than |over |≥ ?|>= ?)?\d|\bat least \d+ (?:days?|weeks?|months?|years?) since (?:the )?start\b/i;

/** Three-valued truth: true, false, or undefined for "we don't know". */
type Truth = boolean | undefined;

interface Decision {
  readonly truth: Truth;
  readonly concept: Concept;
  readonly has: Truth;
  /**
   * Through a broad group the item names ("Leukemia, lymphoma, ..."), not through the concept: `true` when the
   * group holds the person's cancer, `'open'` when it may ("melanoma or other advanced malignancies"), `'any'` when
   * the item takes any cancer at all ("Malignancy, Castleman's disease, or ...").
   */
  readonly broad?: true | 'open' | 'any';
}

/**
 * Whether what the criterion says is so for this person. Concepts of one type joined by "or" are alternatives
 * (any one will do); everything else must all hold. Returns the concept that decided it, for the reason.
 */
function decide(facts: ProfileFacts, criterion: Criterion, ownDiseases: ReadonlySet<string>): Decision | null {
  const chains: Decision[] = [];
  const anyBranch = criterion.section === 'inclusion' && isDisjunctive(criterion);
  /** Chains joined by "or" whose other branch is a treatment still to come: they cannot fail (see below). */
  const open = new Set<Decision>();
  const items = anyBranch ? branchesOfItem(criterion) : null;
  const segments = items?.segments ?? null;
  const branched = items?.branched === true;
  // "Known HIV infection at the time of informed consent": consent beside another concept only says when; the
  // criterion is about the other one.
  const onlyAgreement = criterion.concepts.every(isAgreement);
  let previousConcept: Concept | null = null;
  /** The last treatment the item plans rather than asks about ("not eligible for BMT"). */
  let lastPlanned: Concept | null = null;
  for (const concept of criterion.concepts) {
    if (isAgreement(concept) && !onlyAgreement) continue;
    // "Age: Children" names an age limit without its numbers: nothing to check, as for words we could not read.
    if (concept.type === 'age' && concept.threshold === undefined) continue;
    // "Patients undergoing HSCT": a treatment the person must be having at entry may be starting just now, so a
    // list of treatments had that lacks it does not rule them out.
    // One the person must have been having for some time ("receiving chemotherapy for at least 6 weeks") is not
    // starting now: someone who never had it does not qualify, and someone who had it may have stopped.
    const ongoingNeeded = concept.ongoing === true && criterion.section === 'inclusion' && concept.polarity === 'present';
    const lasted = ongoingNeeded && LASTED.test(criterion.text);
    const startsNow = ongoingNeeded && !lasted;
    // "Patients with other malignant diseases treatable by transplant" in an inclusion list names a disease other
    // than the list's others, which the person's own may be: we cannot tell.
    const otherDisease = concept.type === 'other-cancer' && criterion.section === 'inclusion' && concept.polarity === 'present';
    let has = concept.planned === true || startsNow || otherDisease ? undefined : conceptHolds(facts, concept);
    if (lasted && has === true) has = undefined;
    // Consent and contraception are things a person agrees to: "unable to consent" in an exclusion list, or
    // "must use contraception" in an inclusion list, never rules anyone out.
    let truth = isAgreement(concept) ? criterion.section === 'inclusion' : has === undefined ? undefined : has === (concept.polarity === 'present');
    // "Refractory leukaemia, lymphoma or solid tumour": not being one of the named types does not rule a leukaemia out.
    // Not across the branches of a list written in one item: each names its own disease, and the broad group is a
    // branch of its own (" -Acute leukaemia after 1 or more relapses -AML with t(9;22) in first remission").
    let broad: boolean | 'open' | 'any' = false;
    // "Children with cancer (or a precancer syndrome) or HIV infection": someone with a cancer is one of them.
    if (truth === false && concept.type === 'infection' && concept.polarity === 'present' && criterion.section === 'inclusion'
      && personsDiseases(facts).length > 0 && ANY_CANCER_OR.test(criterion.text.slice(0, Math.max(0, criterion.text.indexOf(concept.evidence))))) {
      broad = true;
      truth = true;
    }
    // "Malignancy, Castleman's disease, or skin lesions with appearance of Kaposi's sarcoma": any cancer at all,
    // first of the alternatives, takes someone with a cancer whatever the kinds named after it.
    if (truth === false && concept.type === 'cancer-type' && concept.polarity === 'present' && criterion.section === 'inclusion'
      && personsDiseases(facts).length > 0 && ANY_MALIGNANCY_FIRST.test(criterion.text)) {
      broad = 'any';
      truth = true;
    }
    // "Have suspected or known disorder of the immune system or cancer": any cancer, the person's own included, not
    // another cancer besides it.
    if (truth !== true && concept.type === 'other-cancer' && concept.polarity === 'present' && criterion.section === 'inclusion'
      && personsDiseases(facts).length > 0 && BARE_CANCER.test(concept.evidence)) {
      broad = 'any';
      truth = true;
    }
    // "B-cell malignancy, including B-cell NHL or B-cell CLL": a group of one lineage leaves out the other lineage's
    // cancers, so AML is not one of them.
    if (truth === false && criterion.broadDiagnosis && !branched && concept.type === 'cancer-type' && concept.polarity === 'present' && !outsideLineage(criterion.text, facts)) {
      // "Leukemia, lymphoma, or Hodgkin's disease": a leukaemia of any kind is one of them.
      broad = broadGroupHolds(criterion.text, facts.cancer ?? undefined) || insideLineage(criterion.text, facts) || 'open';
      truth = broad === true ? true : undefined;
    }
    // An exclusion cannot turn away everyone with the disease the trial enrols: in an ALL trial, "ALL with
    // Burkitt-like alterations" excludes a kind of ALL named by words we cannot read, so the disease itself says
    // nothing (as for a criterion without concepts).
    if (criterion.section === 'exclusion' && concept.type === 'cancer-type' && concept.polarity === 'present' && ownDiseases.has(concept.value)) continue;
    const decision: Decision = broad === false ? { truth, concept, has } : { truth, concept, has, broad };
    // "Refractory to induction (chemotherapy) or in relapse": an alternative joins the last chain of its type,
    // even with a concept of another type between them. OR: true beats unknown beats false.
    // Not across the alternatives of a list written in one item: each is read on its own.
    const joins = concept.orPrevious === true && concept.polarity === 'present'
      ? chains.findLastIndex((c) => c.concept.type === concept.type && segments?.get(c.concept)?.[0] === segments?.get(concept)?.[0])
      : -1;
    // "In first or second remission, first or second relapse, or high risk ALL with Ph positive t(9;22)": a marker
    // after ", or" is one more alternative to the disease states before it (and a state after one, to the marker).
    const crossJoins = joins < 0 && criterion.section === 'inclusion' && concept.polarity === 'present' && previousConcept !== null
      && crossTypeAlternative(previousConcept, concept) && /,?\s+or\b[^,;]*$/i.test(textBetween(criterion.text, previousConcept, concept))
      ? chains.findLastIndex((c) => c.concept.type === previousConcept?.type && segments?.get(c.concept)?.[0] === segments?.get(concept)?.[0])
      : -1;
    previousConcept = concept;
    const joinAt = joins >= 0 ? joins : crossJoins;
    const joined = chains[joinAt];
    if (concept.planned === true) {
      // "Currently receiving re-induction or designated for chemotherapy": the second branch is a plan we cannot
      // check, so the alternative as a whole cannot fail; unless the first branch holds, it is left unread.
      if (joined !== undefined) open.add(joined);
      lastPlanned = concept;
      continue;
    }
    if (joined !== undefined) {
      if (truth === true && joined.truth !== true || truth === undefined && joined.truth === false) chains[joinAt] = decision;
    } else {
      chains.push(decision);
      // "Not eligible for BMT or interferon, or have failed standard therapy, or have relapsed after BMT": branches
      // after a plan we cannot check, joined to it by "or", cannot fail either.
      if (lastPlanned !== null && !anyBranch && criterion.section === 'inclusion' && (concept.orPrevious === true || /\bor\b/i.test(textBetween(criterion.text, lastPlanned, concept)))) open.add(decision);
    }
  }
  const kept = chains.filter((c) => !open.has(c) || c.truth === true);
  if (kept.length === 0) return null;
  // "ALL in second remission or relapsed: on therapy OR within a year of stopping": the words before the colon
  // hold for every branch; only what follows it is the list of alternatives.
  const leadEnd = anyBranch ? leadEndOf(criterion) : -1;
  const inLead = (d: Decision): boolean => leadEnd >= 0 && criterion.text.indexOf(d.concept.evidence) < leadEnd;
  const branches = kept.filter((d) => !inLead(d));
  // "B cell lymphoma of one of the following types: ... Chronic lymphocytic leukemia, CD22 positive acute
  // lymphocytic leukemia": a lead-in's disease over alternatives that name diseases of their own is their group's
  // name, which the alternatives decide.
  const diseaseBranches = branches.some((d) => d.concept.type === 'cancer-type' && !MARKERS.has(d.concept.value));
  const lead = kept.filter((d) => inLead(d) && !(diseaseBranches && d.concept.type === 'cancer-type' && !MARKERS.has(d.concept.value)));
  if (!anyBranch) return allOf(branches);
  const best = anyOf(alternativesOf(decisionsByBranch(criterion, branches)));
  // An alternative we cannot read ("On therapy OR within one year of stopping therapy") may be the one the person
  // meets: unless a branch we read holds, the alternatives decide nothing and the lead-in alone counts.
  const tail = best !== null && best.truth !== true && branchesOfItem(criterion).unreadBranch ? null : best;
  return allOf(tail === null ? lead : [...lead, tail]);
}

/** A group of all blood cancers, and the cancers it holds. */
const BROAD_BLOOD = /\b(?:hematologic(?:al)?|haematologic(?:al)?|hematopoietic)\s+(?:malignanc(?:y|ies)|cancers?|neoplasms?)\b/i;
const BLOOD_CANCERS: ReadonlySet<string> = new Set(['all', 'b-all', 't-all', 'aml', 'cml', 'cll', 'other-leukaemia', 'lymphoma', 'myeloma', 'mds']);
/** Leukaemias by kind, and the acute ones. */
const ANY_LEUKAEMIA: ReadonlySet<string> = new Set(['all', 'b-all', 't-all', 'aml', 'cml', 'cll', 'other-leukaemia']);
const ACUTE_LEUKAEMIA: ReadonlySet<string> = new Set(['all', 'b-all', 't-all', 'aml']);
/** Lymphoid leukaemias: the lymphoblastic ones and CLL. */
const LYMPHOID_LEUKAEMIA: ReadonlySet<string> = new Set(['all', 'b-all', 't-all', 'cll']);
/**
 * "Leukemia", "acute leukemia" or "lymphoid leukemia" named as a group of its own, in the item's opening list of
 * diseases: first, or after a comma or "or" ("Leukemia, lymphoma, or Hodgkin's disease", "Lymphoma or acute leukemia
 * in remission", "Patients with lymphoid leukemias or lymphomas not easily classified ...").
 */
/** A cancer named with no word making it another one ("prior cancer" is evidence of its own): "cancer", "malignancy". */
const BARE_CANCER = /^(?:cancers?|malignanc(?:y|ies)|malignant disease)$/i;
const ANY_MALIGNANCY_FIRST = /^\W*(?:any\s+)?(?:malignancy|malignancies|cancer|malignant (?:disease|neoplasm|tumou?r))\s*(?:,|\bor\b)/i;
const EXAMPLE_LEUKAEMIA = /\bincluding(?:,?\s+but not limited to)?,?\s+(?:[^.;:]*?,\s*)?(acute\s+|lymphoid\s+)?leuka?emias?\b/i;
const BROAD_LEUKAEMIA = /^(?:patients with\s+)?(?:[\w'-]+(?:\s+[\w'-]+)?(?:,\s*|\s+or\s+)){0,3}(acute\s+|lymphoid\s+)?leuka?emias?\b/i;

/**
 * True when a broad group the item names alone holds the person's cancer. Not in a lead-in ("Patients with lymphoid
 * malignancy and leukemia are candidates. The following diagnoses ...:"), which the items under it narrow.
 */
function broadGroupHolds(text: string, cancer: ReadonlySet<string> | undefined): boolean {
  if (text.includes(':')) return false;
  // "Carcinoma of the breast or hematologic malignancies": any blood cancer is one of them.
  if (cancer !== undefined && BROAD_BLOOD.test(text) && [...cancer].some((c) => BLOOD_CANCERS.has(c))) return true;
  // "Patients with cancer ... including but not limited to, lymphoma, brain tumors, Ewing's sarcoma, leukemia, ...":
  // leukaemia named among the examples of what the item takes.
  const match = BROAD_LEUKAEMIA.exec(text.replace(/^\W+/, '')) ?? EXAMPLE_LEUKAEMIA.exec(text);
  if (match === null || cancer === undefined) return false;
  const group = match[1]?.trim().toLowerCase();
  const kinds = group === undefined ? ANY_LEUKAEMIA : group === 'acute' ? ACUTE_LEUKAEMIA : LYMPHOID_LEUKAEMIA;
  return [...cancer].some((c) => kinds.has(c));
}

/** Any cancer named as one alternative before another: "with cancer (or a precancer syndrome) or ...". */
const ANY_CANCER_OR = /\bwith\s+(?:a\s+|any\s+)?(?:cancer|malignancy|malignant disease)\b[^.;]*\bor\s+(?:[\w-]+\s+){0,2}$/i;
/** Groups of one lineage, and the person's cancers that are surely outside each. */
const LINEAGE_GROUPS: readonly { readonly group: RegExp; readonly outside: ReadonlySet<string>; readonly inside: ReadonlySet<string> }[] = [
  // "Multiple myeloma or other B-cell malignancy": B-ALL, CLL and myeloma are B-cell cancers (a lymphoma may be T-cell).
  { group: /\bB[- ]?cell\s+(?:malignanc|neoplas|lymphoproliferative)/i, outside: new Set(['aml', 'cml', 'mds', 't-all']), inside: new Set(['b-all', 'cll', 'myeloma']) },
  { group: /\blymphoid\s+(?:malignanc|neoplas)/i, outside: new Set(['aml', 'cml', 'mds']), inside: new Set(['b-all', 't-all', 'all', 'cll']) },
  // "Tac-expressing T-cell leukemia and lymphoma": no myeloid disease, nor a B-cell one.
  { group: /\bT[- ]?cell\s+(?:leuka?emias?|lymphomas?|malignanc|neoplas|lymphoproliferative)/i, outside: new Set(['aml', 'cml', 'mds', 'b-all', 'cll', 'myeloma']), inside: new Set(['t-all']) },
];

/** The diseases the person gave, markers aside ("cml" of "cml, ph-positive, bcr-abl1"). */
function personsDiseases(facts: ProfileFacts): string[] {
  return [...(facts.cancer ?? [])].filter((c) => !MARKERS.has(c));
}

/** True when the item's broad group is of one lineage and every disease the person has (markers aside) is of another. */
function outsideLineage(text: string, facts: ProfileFacts): boolean {
  const diseases = personsDiseases(facts);
  return diseases.length > 0 && LINEAGE_GROUPS.some(({ group, outside }) => group.test(text) && diseases.every((c) => outside.has(c)));
}

/** Whether one of the person's cancers is surely in the group of one lineage the item names. */
function insideLineage(text: string, facts: ProfileFacts): boolean {
  return personsDiseases(facts).some((c) => LINEAGE_GROUPS.some(({ group, inside }) => group.test(text) && inside.has(c)));
}

/** A disease state and a marker of the disease: either may be the branch a person meets ("relapsed, or Ph+"). */
function crossTypeAlternative(a: Concept, b: Concept): boolean {
  const marker = (c: Concept): boolean => c.type === 'cancer-type' && MARKERS.has(c.value);
  return (a.type === 'disease-state' && marker(b)) || (marker(a) && b.type === 'disease-state');
}

/** The words between two concepts' evidence in the criterion's text ('' when they cannot be placed). */
function textBetween(text: string, first: Concept, second: Concept): string {
  const from = text.indexOf(first.evidence);
  const to = text.indexOf(second.evidence, from < 0 ? 0 : from + first.evidence.length);
  return from < 0 || to < 0 ? '' : text.slice(from + first.evidence.length, to);
}

/**
 * Where the alternatives of a list written in one item begin (after `from`): at each capital "OR", and at each
 * flattened bullet (" -Acute leukaemia in relapse -Myelodysplastic syndrome ..."); and, in a run-on list joined back
 * under its "any of the following" lead-in, at each line.
 */
const BRANCH_CUT = /\bOR\b|\s-(?=\s?[A-Z(])/g;
function branchCuts(text: string, from: number): number[] {
  // The lines of a run-on list of diseases joined back under "Any of the following diagnoses eligible:" are its
  // alternatives (where no capital "OR" already cuts it, as in a list whose diseases have states of their own).
  const firstLine = text.indexOf('\n');
  const lead = firstLine > 0 ? text.slice(0, firstLine) : '';
  const cut = ONE_OF_LEAD.test(lead) && DISEASE_LIST_LEAD.test(lead) && !/\bOR\b/.test(text) ? LISTED_BRANCH_CUT : BRANCH_CUT;
  return [from, ...[...text.slice(from).matchAll(cut)].map((m) => from + m.index), text.length];
}
const LISTED_BRANCH_CUT = /\bOR\b|\s-(?=\s?[A-Z(])|\n/g;
/** A lead-in to a list of diseases ("diagnoses", "malignancies", "types"), not of symptoms or findings. */
const DISEASE_LIST_LEAD = /\b(?:diagnos[ie]s|malignancies|types|categories|diseases)\b/i;

/** The alternatives of an item, as far as they depend on its words alone (read once per criterion). */
interface ItemBranches {
  /** Which alternatives each concept stands in: every one that repeats its words ("AML ... in first remission
   * -ALL ... in first remission" reads one concept in two places); -1 before the first. */
  readonly segments: ReadonlyMap<Concept, readonly number[]>;
  /** Two or more cuts: alternatives written out one by one, each naming its own disease. */
  readonly branched: boolean;
  /** Some alternative names no concept we read (it may be the one the person meets). */
  readonly unreadBranch: boolean;
  /** Each alternative's words, by its number in `segments` (-1: the words before the first). */
  readonly texts: ReadonlyMap<number, string>;
}

const ITEM_BRANCHES = new WeakMap<Criterion, ItemBranches>();
function branchesOfItem(criterion: Criterion): ItemBranches {
  let known = ITEM_BRANCHES.get(criterion);
  if (known === undefined) {
    const text = criterion.text;
    const from = Math.max(leadEndOf(criterion), 0);
    const cuts = branchCuts(text, from);
    const places = criterion.concepts.map((concept) => [concept.evidence, ...(concept.repeats ?? [])].flatMap((evidence) => {
      const words = escapeRegExp(evidence.trim()).replace(/\s+/g, String.raw`\s+`);
      return [...text.matchAll(new RegExp(String.raw`(?<!\w)${words}(?!\w)`, 'gi'))].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    }));
    const all = places.flat();
    const segments = new Map<Concept, number[]>();
    criterion.concepts.forEach((concept, k) => {
      // "Creatinine" inside "Creatinine clearance" is the other concept's words, not a place of its own.
      const own = (places[k] ?? []).filter((p) => !all.some((q) => q.start <= p.start && p.end <= q.end && q.end - q.start > p.end - p.start));
      const at = own.map((p) => (p.start < from ? -1 : cuts.findLastIndex((cut) => cut <= p.start)));
      segments.set(concept, at.length > 0 ? [...new Set(at)] : [-1]);
    });
    const read = new Set(criterion.concepts.filter((c) => c.planned !== true).flatMap((c) => segments.get(c) ?? []));
    // A stretch with no words (the colon before the first bullet) is no alternative.
    const unreadBranch = cuts.length >= 3 && cuts.slice(0, -1).some((cut, k) => !read.has(k) && /[A-Za-z]{2}/.test(text.slice(cut, cuts[k + 1]).replace(/\bOR\b/, '')));
    const texts = new Map(cuts.slice(0, -1).map((cut, k) => [k, text.slice(cut, cuts[k + 1])] as const));
    texts.set(-1, text.slice(0, from));
    known = { segments, branched: cuts.length > 3, unreadBranch, texts };
    ITEM_BRANCHES.set(criterion, known);
  }
  return known;
}

/** The decisions in each alternative. */
function decisionsByBranch(criterion: Criterion, decisions: readonly Decision[]): Branch[] {
  const { segments, texts } = branchesOfItem(criterion);
  const groups = new Map<number, Decision[]>();
  for (const d of decisions) {
    for (const segment of segments.get(d.concept) ?? [-1]) groups.set(segment, [...(groups.get(segment) ?? []), d]);
  }
  return [...groups].map(([segment, ds]) => ({ decisions: ds, text: texts.get(segment) ?? '' }));
}

/** One alternative of an item: the decisions read in it and its words. */
interface Branch {
  readonly decisions: readonly Decision[];
  readonly text: string;
}

/** A disease named in words no cancer type reads: "Secondary leukemias untreated or in CR1". */
const UNREAD_DISEASE = /\b(?:leuka?emias?|lymphomas?|malignanc(?:y|ies)|cancers?|neoplasms?|myelomas?)\b/i;

/**
 * The alternatives of a list written in one item. A run-on list that lost its nesting names a disease and then, as
 * branches of their own, the states it must be in ("Acute lymphocytic leukemia OR acute myeloid leukemia Failed to
 * achieve CR with induction chemotherapy OR Relapsed within one year of initial CR OR ... Blastic phase chronic
 * myelogenous leukemia"): a branch that names no disease is one more state of the diseases named before it, and a
 * branch naming diseases only shares the states of the branch after it. Each disease with its states is then one
 * alternative.
 */
function alternativesOf(written: readonly Branch[]): Decision[] {
  const branches = written.map((b) => b.decisions);
  const namesDisease = (ds: readonly Decision[]): boolean => ds.some((d) => d.concept.type === 'cancer-type' && !MARKERS.has(d.concept.value));
  // A branch naming a state ("Relapsed within one year of initial CR"); one naming only a treatment ("Stem cell
  // transplantation for a neoplastic disease") is an alternative of its own.
  const namesState = (ds: readonly Decision[]): boolean => !namesDisease(ds) && ds.some((d) => d.concept.type === 'disease-state');
  if (!branches.some(namesState) || !branches.some(namesDisease)) return branches.map(segmentHolds);
  const out: Decision[] = [];
  let diseases: Decision[] = [];
  let states: Decision[] = [];
  const close = (): void => {
    if (diseases.length === 0) return;
    const disease = anyOf(diseases);
    const state = anyOf(states);
    const both = disease === null ? null : state === null ? disease : allOf([disease, state]);
    if (both !== null) out.push(both);
    diseases = [];
    states = [];
  };
  for (const [k, ds] of branches.entries()) {
    if (!namesDisease(ds)) {
      const own = segmentHolds(ds);
      // A disease we cannot read, with its states: an alternative of its own, open unless its states fail.
      if (UNREAD_DISEASE.test(written[k]?.text ?? '')) {
        close();
        out.push(own.truth === false ? own : { ...own, truth: undefined });
        continue;
      }
      // Before any disease, or no state: an alternative of its own.
      if (diseases.length === 0 || !namesState(ds)) out.push(own);
      else states.push(own);
      continue;
    }
    // "Acute lymphocytic leukemia OR acute myeloid leukemia <states>": the first shares the second's states.
    const sharesNext = states.length === 0 && diseases.length > 0;
    if (!sharesNext) close();
    const cancers = ds.filter((d) => d.concept.type === 'cancer-type');
    const rest = ds.filter((d) => d.concept.type !== 'cancer-type');
    const disease = cancerOf(cancers);
    if (disease !== null) diseases.push(disease);
    const own = allOf(rest);
    if (own !== null) states.push(own);
  }
  close();
  return out;
}

/**
 * One alternative: its cancer types are alternatives of one another (a person has one of "myeloma, CLL or
 * lymphoma"), everything else in it must hold as well ("... refractory to 2 lines").
 */
function segmentHolds(decisions: readonly Decision[]): Decision {
  const cancers = decisions.filter((d) => d.concept.type === 'cancer-type');
  const rest = decisions.filter((d) => d.concept.type !== 'cancer-type');
  const cancer = cancerOf(cancers);
  return allOf(cancer === null ? rest : [cancer, ...rest]) ?? (decisions[0] as Decision);
}

/**
 * The cancer an alternative names: its diseases are alternatives of one another, and so are its markers, but a
 * marker narrows the disease ("CD22 positive acute lymphocytic leukemia" is ALL with CD22, not either).
 */
function cancerOf(cancers: readonly Decision[]): Decision | null {
  const disease = anyOf(cancers.filter((d) => !MARKERS.has(d.concept.value)));
  const marker = anyOf(cancers.filter((d) => MARKERS.has(d.concept.value)));
  return disease === null ? marker : marker === null ? disease : allOf([disease, marker]);
}

/** AND: false beats unknown beats true; the first deciding chain gives the reason. */
function allOf(decisions: readonly Decision[]): Decision | null {
  let result: Decision | null = null;
  for (const d of decisions) {
    if (result === null || d.truth === false && result.truth !== false || d.truth === undefined && result.truth === true) result = d;
  }
  return result;
}

/** OR, for branches written "A OR B" or "1 of the following": true beats unknown beats false. */
function anyOf(decisions: readonly Decision[]): Decision | null {
  let result: Decision | null = null;
  for (const d of decisions) {
    if (result === null || d.truth === true && result.truth !== true || d.truth === undefined && result.truth === false) result = d;
  }
  return result;
}

/**
 * Where a lead-in ending in a colon stops: before the first capital "OR", or right after "any of the following
 * features:"; -1 when there is none.
 */
const LEAD_END_CACHE = new WeakMap<Criterion, number>();
const ONE_OF_LEAD = /\b(?:1|one|any|either)(?: one)? of the following\b[^:]{0,60}:|\bat least (?:1|one) of\b[^:]{0,60}:/i;
function leadEndOf(criterion: Criterion): number {
  let end = LEAD_END_CACHE.get(criterion);
  if (end === undefined) {
    const firstOr = /\bOR\b/.exec(criterion.text)?.index ?? -1;
    const colon = criterion.text.indexOf(':');
    const oneOf = ONE_OF_LEAD.exec(criterion.text);
    if (firstOr > 0 && colon > 0 && colon < firstOr) end = colon;
    else if (oneOf !== null && (firstOr < 0 || oneOf.index < firstOr)) end = oneOf.index + oneOf[0].length - 1;
    else end = -1;
    LEAD_END_CACHE.set(criterion, end);
  }
  return end;
}

/**
 * "... or for which no standard therapy exists", "... or advanced malignancy for which no standard effective therapy
 * exists", "... or who are unfit for ...": an alternative we cannot read.
 */
const OPEN_ALTERNATIVE = /\bor\s+(?:(?:any|advanced|metastatic|solid|incurable|other)\s+)*(?:(?:malignan\w*|cancers?|tumou?rs?|disease)\s+)?(?:for (?:whom|which)|in whom|who|whose)\b/i;

/** A cytogenetic finding other than t(9;22): another translocation, 11q23, a lost or gained chromosome, "complex". */
const OTHER_CYTOGENETICS = /\bt\s*\((?!9\s*;\s*22\))\d+\s*[;:,]\s*\d+\)|\b11q23\b|[-+]\s*[5-8]\b|\bmonosomy\b|\bcomplex (?:cytogenetics|karyotype)\b/i;
/** A marker asked for that the profile does not hold (CD19 and CD22 it does): "with expression of CD33", "CD20+". */
const UNREAD_MARKER = /\b(?:expression of|expressing|positive for)\s+(?:the\s+)?CD(?!19\b|22\b)\d+|\bCD(?!19\b|22\b)\d+\s*(?:\+|-?positive\b)/i;
/**
 * An item that opens by naming a blood disorder none of the cancer types holds: "Idiopathic myelofibrosis (IMF) with
 * ...", "Diagnosis of polycythemia vera", "Histochemically proven primary systemic amyloidosis (AL)". Group 1 is the
 * words that say it was proven, if any; group 2 is its name.
 */
const OTHER_BLOOD_DIAGNOSIS = /^\W*((?:histologically|pathologically|cytologically|histochemically)\s+(?:confirmed|proven|documented)\s+|(?:confirmed\s+)?diagnosis\s+of\s+)?((?:idiopathic\s+|primary\s+|secondary\s+)?myelofibrosis|(?:primary\s+)?(?:systemic\s+)?(?:AL\s+)?amyloidosis|myeloproliferative\s+(?:disorders?|neoplasms?|diseases?|syndromes?)|polycyth(?:a)?emia\s+vera|essential\s+thrombocyth(?:a)?emia|aplastic\s+an(?:a)?emia|paroxysmal\s+nocturnal\s+h(?:a)?emoglobinuria)\b/i;
/**
 * Words that ask for a healthy person: "Healthy individual aged ...", "healthy adult volunteers", or a patient's
 * relative ("Family members of patients admitted to ... BMT protocols": the study's subjects are the donors).
 */
const HEALTHY = /^\W*(?:\d+\.\s*)?healthy\b|\bhealthy\s+(?:male\s+|female\s+|adult\s+)?(?:individuals?|volunteers?|subjects?|adults?|persons?|people|participants?)\b|^\W*(?:\d+\.\s*)?(?:family members|relatives|siblings|parents)\s+of\s+(?:the\s+)?(?:patients|children|recipients)\b/i;
/**
 * An item of a trial that names no disease we read and is not for people with the person's cancer: a study of healthy
 * volunteers ("Healthy individual aged between 18 and 60 years", donors for instance), or one of a blood disorder the
 * concept types do not hold, asked for as the item's opening words ("Idiopathic myelofibrosis (IMF) with at least 1
 * poor prognosis characteristic"; chronic myeloid leukaemia is a myeloproliferative disorder, no other diagnosis the
 * person gave is one of them). Where the trial names diseases we read too, such an item is one of its list of
 * diagnoses, and so is a disorder's name alone on a line ("Aplastic anemia"). Null when the item is not such.
 */
function notForPeopleWithCancer(facts: ProfileFacts, criterion: Criterion, ownDiseases: ReadonlySet<string>, branched: boolean): CriterionResult | null {
  const diseases = personsDiseases(facts);
  if (criterion.section !== 'inclusion' || ownDiseases.size > 0 || diseases.length === 0) return null;
  if (HEALTHY.test(criterion.text)) return { criterion, verdict: 'does-not-meet', reason: reasonFor.healthyOnly() };
  if (criterion.concepts.length > 0 || criterion.conditional || criterion.permissive || criterion.anyOf !== null) return null;
  const disorder = OTHER_BLOOD_DIAGNOSIS.exec(criterion.text);
  // "Idiopathic myelofibrosis or other myeloproliferative disorder": the item's other words may name CML's group too.
  if (disorder === null || diseases.some((c) => c === 'cml' && /myeloproliferative/i.test(criterion.text))) return null;
  // A name alone on a line may be one of a list of diseases; proven, it is the trial's diagnosis, unless the
  // inclusion items are branches of one run-on "... OR ..." list, which the split could not tell apart.
  const nameAlone = (disorder[1] === undefined || branched) && criterion.text.slice(disorder.index + disorder[0].length).split(/\s+/).filter((w) => /\w/.test(w)).length < 3;
  return nameAlone ? null : { criterion, verdict: 'does-not-meet', reason: reasonFor.otherDiagnosis(disorder[2] ?? '') };
}

/** A kind of the disease left out that the profile cannot tell apart: "AML, ... excluding M3 (acute promyelocytic leukemia)". */
const LEFT_OUT_KIND = /\b(?:excluding|except(?: for)?|other than|but not)\s+(?:the\s+)?(?:FAB\s+)?(?:M3\b|APL\b|APML\b|acute promyelocytic)/i;

/** Results of criteria none of whose concepts could be weighed: "ask your specialist", never lowering a verdict. */
const UNREAD = new WeakSet<CriterionResult>();
/**
 * Results met by default rather than by what the person said: a permission ("prior imatinib allowed") or an
 * agreement (consent, contraception). They never rule anyone out, and never alone make a trial "likely".
 */
const MET_BY_DEFAULT = new WeakSet<CriterionResult>();

/** Permissions of a disease the person does not have: alternatives in a list of diseases, met by default elsewhere. */
const PERMITTED_DISEASE = new WeakSet<CriterionResult>();

/** Limits a disease can push past ("unless attributable to malignancy"): organ function and performance status. */
const WAIVABLE_TYPES: ReadonlySet<string> = new Set(['organ-function', 'performance-status']);

const conceptKey = (concept: Concept): string => `${concept.type}:${concept.value}`;

/** The words that grant a permission: "allowed", "permitted", "eligible", "acceptable". */
const PERMISSION = /\b(?:allowed|permitted|eligible|acceptable)\b/i;

/**
 * The thing a conditional permission is about, when the item opens with it: "CNS involvement allowed if ...",
 * "Prior CNS leukaemia allowed provided it was treated", "Patients with HIV are eligible if ...". Not a diagnosis:
 * "Lymphoblastic lymphoma: First remission allowed if ..." permits a state, not another disease.
 */
function permittedConcept(criterion: Criterion): Concept | undefined {
  const text = criterion.text;
  return criterion.concepts.find((k) => {
    const at = text.indexOf(k.evidence);
    if (k.type === 'cancer-type' || k.polarity !== 'present' || k.planned === true || at < 0) return false;
    const opensWithIt = text.slice(0, at).trim().split(/\s+/).filter((w) => w !== '').length <= 3;
    return opensWithIt && PERMISSION.test(text.slice(at, at + k.evidence.length + 40));
  });
}

/**
 * What a trial allows on a condition ("CNS involvement allowed if no leukaemic cells remain in the CSF after
 * intrathecal chemotherapy"): a criterion that fails only on such a thing may be met by way of the condition.
 */
const RELAXED = new WeakMap<readonly Criterion[], ReadonlySet<string>>();
function relaxedOf(criteria: readonly Criterion[]): ReadonlySet<string> {
  let relaxed = RELAXED.get(criteria);
  if (relaxed === undefined) {
    const permitted = criteria.filter((c) => c.permissive && c.conditional).map(permittedConcept).filter((k) => k !== undefined);
    // CNS disease allowed once controlled ("if cleared by intrathecal therapy") is CNS disease allowed on a condition.
    relaxed = new Set(permitted.flatMap((k) => (k.type === 'cns' ? ['cns:cns-involvement', 'cns:cns-controlled'] : [conceptKey(k)])));
    RELAXED.set(criteria, relaxed);
  }
  return relaxed;
}

function metByDefault(result: CriterionResult): CriterionResult {
  MET_BY_DEFAULT.add(result);
  return result;
}

/**
 * "Greater than 25% lymphoblasts in marrow is defined as ALL", "Ph negative by cytogenetics but positive for BCR-ABL by
 * FISH are considered Ph positive": how the trial tells its diseases apart, not a requirement.
 */
const DEFINITION = /\b(?:is|are) (?:defined as|considered(?: to be)?)\b/i;
/** An item that says what the person must not be or have: "Patients must not be pregnant". */
const MUST_NOT_BE = /^\W*(?:\d+[.)]\s*)?(?:(?:patients?|subjects?|participants?|they)\s+)?(?:must|should|may)\s+not\s+(?:be|have)\b/i;

const DEFINITIONS = new WeakMap<Criterion, boolean>();
function isDefinition(criterion: Criterion): boolean {
  let known = DEFINITIONS.get(criterion);
  if (known === undefined) {
    known = DEFINITION.test(criterion.text) && criterion.concepts.every((c) => c.type === 'cancer-type');
    DEFINITIONS.set(criterion, known);
  }
  return known;
}

/**
 * "Detectable clonal cytogenetic or molecular abnormality at time of diagnosis": the cancer's cells must carry a
 * genetic change. A Philadelphia chromosome or BCR-ABL1 the person named is one; without one the profile cannot say,
 * and the item is a question for the specialist that counts (not an unread line).
 */
const GENETIC_CHANGE = /\b(?:clonal\s+)?(?:cytogenetic|molecular|chromosom(?:e|al)|genetic)(?:\s+(?:and|or|and\/or)\s+(?:cytogenetic|molecular|chromosom(?:e|al)|genetic))?\s+(?:abnormalit(?:y|ies)|aberrations?|lesions?|markers?)\b/i;
const GENETIC_MARKERS: ReadonlySet<string> = new Set(['ph-positive', 'bcr-abl1']);
function geneticChange(facts: ProfileFacts, criterion: Criterion): CriterionResult | null {
  if (criterion.section !== 'inclusion' || criterion.conditional || criterion.anyOf !== null || NEGATED_OPENING.test(criterion.text)) return null;
  const change = GENETIC_CHANGE.exec(criterion.text);
  if (criterion.concepts.some((c) => c.planned !== true) || change === null) return null;
  // The item asks for the change, not a way of confirming the disease ("Confirmed by cytochemistry ... and/or
  // chromosomal abnormalities"): the change opens it.
  const before = criterion.text.slice(0, change.index);
  if (before.split(/\s+/).filter((w) => /\w/.test(w)).length > 3 || /\b(?:confirm|by|diagnos)/i.test(before)) return null;
  const has = [...(facts.cancer ?? [])].some((c) => GENETIC_MARKERS.has(c));
  return has ? { criterion, verdict: 'meets', reason: reasonFor.geneticChange() } : { criterion, verdict: 'unknown', reason: reasonFor.geneticChangeUnknown() };
}

function judge(facts: ProfileFacts, criterion: Criterion, ownDiseases: ReadonlySet<string>, relaxed: ReadonlySet<string>, branched: boolean): CriterionResult {
  const notForThem = notForPeopleWithCancer(facts, criterion, ownDiseases, branched);
  if (notForThem !== null) return notForThem;
  const decision = isDefinition(criterion) ? null : decide(facts, criterion, ownDiseases);
  if (decision === null) {
    if (criterion.permissive) return metByDefault({ criterion, verdict: 'meets', reason: reasonFor.permissive() });
    const genetic = geneticChange(facts, criterion);
    if (genetic !== null) return genetic;
    const planned = criterion.concepts.some((c) => c.planned === true);
    const result: CriterionResult = { criterion, verdict: 'unknown', reason: planned ? reasonFor.planned() : reasonFor.unread() };
    UNREAD.add(result);
    return result;
  }
  const reason = decision.broad === true ? reasonFor.broadGroup() : decision.broad === 'open' ? reasonFor.broadOpen() : decision.broad === 'any' ? reasonFor.anyCancer()
    : conceptReason(criterion, decision.concept, decision.has, facts.profile);
  // "Patients must not be HIV positive." listed under the exclusions: a requirement in its own words, read as one.
  const asInclusion = criterion.section === 'inclusion' || (decision.concept.polarity === 'absent' && MUST_NOT_BE.test(criterion.text));
  let verdict: CriterionVerdict = decision.truth === undefined ? 'unknown' : decision.truth === asInclusion ? 'meets' : 'does-not-meet';
  // "Other low-grade B-cell neoplasms ... allowed": a disease allowed besides the trial's others is one of its list
  // of diseases, and counts as one where the trial has such a list (PERMITTED_DISEASE, see matchTrial).
  // Not a marker: "Ph-negative CML allowed with ..." permits a kind of the trial's disease, and is met by default.
  if (criterion.permissive && verdict === 'does-not-meet' && criterion.section === 'inclusion' && decision.concept.type === 'cancer-type' && !MARKERS.has(decision.concept.value)) {
    const result: CriterionResult = { criterion, verdict, reason };
    PERMITTED_DISEASE.add(result);
    return result;
  }
  // A permission or an agreement is met whatever the person said, and is marked so (MET_BY_DEFAULT).
  if (criterion.permissive) return metByDefault({ criterion, verdict: 'meets', reason: verdict === 'meets' ? reason : `${reasonFor.permissive()} ${reason}` });
  if (verdict === 'meets' && isAgreement(decision.concept)) return metByDefault({ criterion, verdict, reason });
  if (verdict === 'does-not-meet') {
    if (criterion.waivable === true && WAIVABLE_TYPES.has(decision.concept.type)) return { criterion, verdict: 'unknown', reason: `${reason} ${reasonFor.waivable()}` };
    if (relaxed.has(conceptKey(decision.concept))) return { criterion, verdict: 'unknown', reason: `${reason} ${reasonFor.relaxed()}` };
  }
  // "Refractory to standard therapy or for which no standard therapy exists": an alternative in words we cannot
  // read may be the one the person meets.
  // "Solid tumor or lymphoma that is refractory ... or for which no effective therapy is known" qualifies the
  // cancers it names: someone with another cancer is not in it. An alternative that names a cancer of its own ("or
  // advanced malignancy for which ...") may hold theirs, and so may one about the person ("or who have failed ...",
  // in a list of groups of patients the item is one of).
  const alternative = verdict === 'does-not-meet' && criterion.section === 'inclusion' ? OPEN_ALTERNATIVE.exec(criterion.text) : null;
  const openAlternative = alternative !== null && (decision.concept.type !== 'cancer-type' || !/\b(?:for which|whose)$/i.test(alternative[0]) || /malignan|cancer|tumou?r/i.test(alternative[0]));
  if (openAlternative) verdict = 'unknown';
  // "Poor prognostic cytogenetic features: t(9;22), t(8;14), 11q23 anomalies, ...": Philadelphia-positive disease
  // is one of several findings, the others ones the profile does not hold.
  if (verdict === 'does-not-meet' && criterion.section === 'inclusion' && decision.concept.value === 'ph-positive' && criterion.concepts.every((k) => MARKERS.has(k.value)) && OTHER_CYTOGENETICS.test(criterion.text)) verdict = 'unknown';
  // "Acute lymphocytic leukemia with expression of CD33": a marker the profile does not hold leaves the item open.
  // "Diagnosis of AML, FAB M0-M7, excluding M3": whether the person's AML is the kind left out, the profile cannot say.
  if (verdict === 'meets' && criterion.section === 'inclusion' && decision.concept.type === 'cancer-type' && (UNREAD_MARKER.test(criterion.text) || LEFT_OUT_KIND.test(criterion.text))) verdict = 'unknown';
  // "If HIV positive, must ...": when the person has what the condition names, the rest (which we cannot read)
  // applies to them; when they do not, it does not. A conditional criterion never rules anyone out. When the rest
  // is read and met too ("Creatinine clearance at least 60 mL/min in patients with first relapse"), it is met.
  // "Patients with APL must also enrol on ...", "... for HIV positive patients": for someone whose cancer is another,
  // or who has not that infection, it does not apply at all.
  if (criterion.conditional && verdict === 'does-not-meet' && criterion.section === 'inclusion' && (decision.concept.type === 'cancer-type' || decision.concept.type === 'infection')
    && decision.concept.polarity === 'present' && decision.has === false) {
    return metByDefault({ criterion, verdict: 'meets', reason: reasonFor.notYourGroup() });
  }
  let unreadRest = false;
  if (criterion.conditional && (verdict === 'does-not-meet' || (decision.has === true && decision.concept.polarity === 'present'))) {
    const restMet = verdict === 'meets' && decision.truth === true
      && criterion.concepts.some((c) => c.type !== decision.concept.type && !isAgreement(c) && c.planned !== true);
    // The person is one of those it names, and what it asks of them is in words we could not read: as for any
    // criterion we could not read, a question for the specialist that never lowers the verdict.
    unreadRest = verdict === 'meets' && !restMet;
    if (!restMet) verdict = 'unknown';
  }
  const suffix = (criterion.conditional || openAlternative) && verdict === 'unknown' ? ` ${reasonFor.conditional()}` : '';
  const oneOf = criterion.anyOf === null ? '' : ` ${reasonFor.oneOf()}`;
  const result: CriterionResult = { criterion, verdict, reason: `${reason}${suffix}${oneOf}` };
  if (unreadRest) UNREAD.add(result);
  return result;
}

/** "Histologically confirmed ...", "Diagnosis of ...": an item that opens by naming the diagnosis. */
/** An item that opens by ruling something out ("No prior treatment for leukemia") names no diagnosis to choose. */
const NEGATED_OPENING = /^\W*(?:no|not|none|never|without)\b/i;
const TREATED_FOR = /\b(?:for|against)\s+(?:the\s+|their\s+|this\s+)?(?:\w+\s+)?(?:leuka?emias?|lymphomas?|malignanc(?:y|ies)|disease|cancers?)\b/i;
const DIAGNOSIS_OPENING = /^\W*(?:(?:histologically|pathologically|cytologically|morphologically)\s+)?(?:confirmed|proven|documented|verified|diagnosis of|diagnosed with)\b/i;

/**
 * An inclusion item that names a diagnosis (with its state or past treatment at most: "CML that failed imatinib"),
 * or a broad group such as "acute leukaemia": one entry of the trial's list of diseases.
 */
const DIAGNOSIS_ITEMS = new WeakMap<Criterion, boolean>();
function isDiagnosisItem(criterion: Criterion): boolean {
  let known = DIAGNOSIS_ITEMS.get(criterion);
  if (known === undefined) {
    known = readsAsDiagnosis(criterion);
    DIAGNOSIS_ITEMS.set(criterion, known);
  }
  return known;
}

/**
 * A diagnosis item that is one more disease to choose from. Not a marker of the disease's cells alone ("CD20 or CD19
 * positive", "Philadelphia chromosome- or bcr/abl-positive" under "... non-Hodgkin's lymphoma" or "... CML"), which
 * asks for the marker in the trial's disease; with a state ("In first remission with poor prognostic features
 * (Philadelphia chromosome positive)") it is one of a list whose disease was lost with its nesting.
 */
function isDiseaseChoice(criterion: Criterion): boolean {
  if (!isDiagnosisItem(criterion)) return false;
  const named = criterion.concepts.filter((c) => c.type === 'cancer-type' && c.polarity === 'present');
  const markersOnly = named.length > 0 && named.every((c) => MARKERS.has(c.value));
  return !markersOnly || criterion.concepts.some((c) => c.type === 'disease-state');
}

function readsAsDiagnosis(criterion: Criterion): boolean {
  if (criterion.section !== 'inclusion' || criterion.anyOf !== null || criterion.conditional) return false;
  // A broad group counts alone ("Acute leukaemia"), not as a word inside another requirement ("a CR to prior
  // anti-leukaemia therapy").
  // So does a broad group with its state ("Acute leukaemia in remission").
  // So does one that opens by naming it ("Histologically confirmed malignancy that is refractory to standard therapy").
  // A broad group a treatment was for ("Prior corticosteroids for leukemia allowed") is no diagnosis to choose.
  let named = criterion.broadDiagnosis && !NEGATED_OPENING.test(criterion.text) && (criterion.text.split(/\s+/).length <= 8 || DIAGNOSIS_OPENING.test(criterion.text))
    && !(TREATED_FOR.test(criterion.text) && criterion.concepts.some((concept) => concept.type === 'prior-treatment'))
    && criterion.concepts.every((concept) => concept.type === 'disease-state' || concept.type === 'prior-treatment');
  // "Other malignancies" alone, among a trial's diseases: one more to choose, though we cannot tell which.
  if (criterion.text.split(/\s+/).length <= 4 && criterion.concepts.length > 0
    && criterion.concepts.every((concept) => concept.type === 'other-cancer' && concept.polarity === 'present')) return true;
  for (const concept of criterion.concepts) {
    // "Non-T-cell ALL (CD19+ ...)" rules a subtype out: it narrows the diagnosis, it is not another one to choose.
    if (concept.type === 'cancer-type' && concept.polarity === 'absent') return false;
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
const DISJUNCTIVE = /\bOR\b|\b(?:1|[Oo]ne|[Aa]ny|[Ee]ither)(?: one)? of the following\b|\b[Aa]t least (?:1|one) of\b/;
const DISJUNCTIVE_CACHE = new WeakMap<Criterion, boolean>();
function isDisjunctive(criterion: Criterion): boolean {
  let known = DISJUNCTIVE_CACHE.get(criterion);
  if (known === undefined) {
    known = DISJUNCTIVE.test(criterion.text) && !/^[^a-z]*$/.test(criterion.text);
    DISJUNCTIVE_CACHE.set(criterion, known);
  }
  return known;
}

/** Features of a disease rather than diseases: "Ph-positive", "CD19+" narrow a diagnosis, they do not name another. */
const MARKERS: ReadonlySet<string> = new Set(['ph-positive', 'ph-negative', 'bcr-abl1', 'cd19-positive', 'cd22-positive']);

/** The diseases an item names (cancer types with their parents; "other" for another cancer), or null for none. */
function diseasesOf(criterion: Criterion): ReadonlySet<string> | null {
  const found = new Set<string>();
  for (const concept of criterion.concepts) {
    if (concept.polarity !== 'present' || concept.planned === true || MARKERS.has(concept.value)) continue;
    // "No previous malignancy, with the exception of ... any other surgically cured malignancy from which the patient
    // has been disease free for at least 5 years": a past cancer allowed, not a group the trial enrols.
    if (concept.type === 'other-cancer' && concept.threshold === undefined && !/\bexcept/i.test(criterion.parent ?? '')) found.add('other');
    if (concept.type !== 'cancer-type') continue;
    for (let value: string | undefined = concept.value; value !== undefined; value = ownValue(SUBTYPE_PARENT, value)) found.add(value);
  }
  return found.size > 0 ? found : null;
}

/**
 * Inclusion items that each describe a group of patients by disease ("Patients aged 50 to 74 with NHL, CLL or
 * myeloma who ...", "Patients under 75 with other malignant diseases ...", "Myelodysplastic syndromes"): when two of
 * them name diseases with nothing in common, the trial enrols several groups, and a person need belong to one. Such
 * items are then alternatives, as a list of diagnoses is. Null when the trial enrols one disease (items that all
 * share a disease, as "ALL" and "Ph-positive ALL" do, all apply).
 */
const COHORTS = new WeakMap<readonly Criterion[], ReadonlySet<Criterion> | null>();
function cohortsOf(criteria: readonly Criterion[]): ReadonlySet<Criterion> | null {
  let cohorts = COHORTS.get(criteria);
  if (cohorts === undefined) {
    const items = criteria
      .filter((c) => c.section === 'inclusion' && !c.conditional && !c.permissive && c.anyOf === null)
      .map((c) => ({ criterion: c, diseases: diseasesOf(c) }))
      .filter((item): item is { criterion: Criterion; diseases: ReadonlySet<string> } => item.diseases !== null);
    const disjoint = items.some((a, i) => items.slice(i + 1).some((b) => ![...a.diseases].some((d) => b.diseases.has(d))));
    cohorts = disjoint ? new Set(items.map((item) => item.criterion)) : null;
    COHORTS.set(criteria, cohorts);
  }
  return cohorts;
}

/**
 * The diseases a trial takes, when its inclusion items say so completely: every cancer type (with its parents) that
 * an unconditional inclusion item names, allowed ones included. Null when an inclusion item names a broad group
 * ("haematological malignancies") or another cancer ("other malignant diseases"), which may hold any cancer, or when
 * no item but a permission names a disease.
 */
/**
 * A cancer named by no type ("Histologically confirmed malignancy that is refractory to standard therapy"), which
 * leaves a trial's list of diseases open; not a site or feature of the trial's own disease ("extramedullary tumor"
 * in CML's accelerated phase, "tumor lysis", "tumor cells").
 */
const ANY_CANCER_WORD = /(?<!\bextramedullary\s)\b(?:malignan\w*|cancers?|tumou?rs?|neoplasms?|neoplasia|carcinomas?)\b(?!\s+(?:lysis|cells?|burden|markers?|size)\b)/i;
const TAKEN_DISEASES = new WeakMap<readonly Criterion[], ReadonlySet<string> | null>();
function takenDiseasesOf(criteria: readonly Criterion[]): ReadonlySet<string> | null {
  let taken = TAKEN_DISEASES.get(criteria);
  if (taken === undefined) {
    const found = new Set<string>();
    let open = false;
    let required = false;
    // A list of alternatives some of which name no disease ("AML, MDS or ALL and one of these risks", "concurrent
    // allogeneic transplant", ...) is no list of the diseases taken: a person with another may meet another branch.
    const namesDisease = (c: Criterion): boolean => c.concepts.some((k) => (k.type === 'cancer-type' || k.type === 'other-cancer') && k.polarity === 'present') || c.broadDiagnosis;
    const mixedLists = new Set<number>();
    for (const criterion of criteria) {
      // Only a list written as one, under its lead-in: run-on text read as alternatives is a guess.
      if (criterion.anyOf !== null && criterion.parent !== null && criterion.section === 'inclusion' && !namesDisease(criterion) && criterion.concepts.some((k) => k.type !== 'cancer-type')) mixedLists.add(criterion.anyOf);
    }
    for (const criterion of criteria) {
      if (criterion.section !== 'inclusion' || criterion.conditional || DEFINITION.test(criterion.text)) continue;
      if (criterion.anyOf !== null && mixedLists.has(criterion.anyOf)) continue;
      const named = criterion.concepts.some((c) => c.type === 'cancer-type' && c.polarity === 'present');
      if (named && !criterion.permissive) required = true;
      if (criterion.broadDiagnosis || criterion.concepts.some((c) => c.type === 'other-cancer' && c.polarity === 'present') || (!named && ANY_CANCER_WORD.test(criterion.text))) open = true;
      for (const concept of criterion.concepts) {
        if (concept.type !== 'cancer-type' || concept.polarity !== 'present' || concept.planned === true || MARKERS.has(concept.value)) continue;
        for (let value: string | undefined = concept.value; value !== undefined; value = ownValue(SUBTYPE_PARENT, value)) found.add(value);
      }
    }
    taken = open || !required ? null : found;
    TAKEN_DISEASES.set(criteria, taken);
  }
  return taken;
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
 * Lists of alternatives nested under one alternative ("ALL in first remission with poor-risk cytogenetics such as:"
 * then "Philadelphia chromosome ... OR", "WBC over 100,000 OR", ...): they say what that alternative needs, and
 * count only for it. Returns the alternatives' verdicts with their nested lists folded in (AND with the best of the
 * list), and the nested items, which then count nowhere else.
 */
const NESTED = new WeakMap<readonly Criterion[], ReadonlyMap<number, readonly (readonly number[])[]>>();
/** Which "one of" lists (by criterion index) nest under which alternative: the trial's words alone decide it. */
function nestedLists(criteria: readonly Criterion[]): ReadonlyMap<number, readonly (readonly number[])[]> {
  let known = NESTED.get(criteria);
  if (known === undefined) {
    const members = new Map<number, number[]>();
    criteria.forEach((criterion, at) => {
      if (criterion.anyOf !== null) members.set(criterion.anyOf, [...(members.get(criterion.anyOf) ?? []), at]);
    });
    // A list nests under the alternative whose words end its lead-in (a lead-in carries its own lead-ins before it:
    // "Diagnosis of one of the following: ALL in first remission with poor-risk cytogenetics such as"), or under
    // a disease the trial enrols as one of several ("Acute Myelogenous Leukemia, Age 18-75" over "1. In CR #1, 2,
    // or 3", "2. Any relapse ..."): it says what that disease's patients need, and counts for them only.
    const cohorts = cohortsOf(criteria);
    // An inclusion item that heads items of its own under an alternative ("Chronic myelogenous leukemia" over
    // "Chronic phase 1" over "Failed prior interferon alfa therapy OR ..."): a sub-group of that alternative,
    // whose items say what its patients need, as the alternative's own do.
    const heads = (c: Criterion): boolean => c.section === 'inclusion' && c.parent !== null
      && criteria.some((d) => d.parent === `${c.parent} ${c.text}`)
      && criteria.some((d) => d !== c && (c.parent === d.text || (c.parent ?? '').endsWith(` ${d.text}`))
        && (d.anyOf !== null || cohorts?.has(d) === true || isDiagnosisItem(d) || heads(d)));
    const owns = (c: Criterion): boolean => c.anyOf !== null || cohorts?.has(c) === true || isDiagnosisItem(c) || heads(c);
    const ownerOf = (lead: string | null | undefined, list: readonly number[]): number =>
      lead == null ? -1 : criteria.findIndex((c, at) => owns(c) && !list.includes(at) && (lead === c.text || lead.endsWith(` ${c.text}`)));
    const under = new Map<number, number[][]>();
    for (const list of members.values()) {
      const owner = ownerOf(criteria[list[0] ?? -1]?.parent, list);
      if (owner >= 0) under.set(owner, [...(under.get(owner) ?? []), list]);
    }
    // Items under a disease of the trial's list that are no list of alternatives themselves: disease states or past
    // treatments only ("In Complete Remission #2", "In Complete Remission #3", "Any relapse"), or diagnoses ("the
    // following diseases are the likely candidates: Myelodysplastic syndromes, Hodgkin's disease"), are
    // alternatives, a person being in one state with one disease; anything else ("Bilirubin < 2 mg/dL") must hold
    // as well.
    const loose = new Map<number, number[]>();
    criteria.forEach((criterion, at) => {
      if (criterion.anyOf !== null || criterion.parent === null || criterion.section !== 'inclusion') return;
      const owner = ownerOf(criterion.parent, [at]);
      if (owner >= 0) loose.set(owner, [...(loose.get(owner) ?? []), at]);
    });
    for (const [owner, items] of loose) {
      const stateOnly = (c: Criterion): boolean => c.concepts.every((k) => k.type === 'disease-state' || k.type === 'prior-treatment' || MARKERS.has(k.value));
      // "CR1 - high risk defined as overt CNS involvement, 1 or more risk factors (age 30 and over, ...)": a state
      // with what makes it count, one of the states like the others.
      const leadsWithState = (c: Criterion): boolean => c.concepts.some((k) => k.type === 'disease-state' && k.polarity === 'present' && c.text.indexOf(k.evidence) === 0);
      // Under an alternative of a "one of" list ("Acute lymphoblastic leukemia" over "In second CR", "In first CR
      // with high-risk features"), only a list of states is taken as the alternative's own.
      // Sub-groups of the alternative ("Chronic phase 1" over its own items, beside "Chronic phase 2") are such a
      // list too, the sub-group we cannot read beside one we can read.
      const headed = items.some((at) => heads(criteria[at] as Criterion));
      if (criteria[owner]?.anyOf !== null && !items.every((at) => stateOnly(criteria[at] as Criterion) && ((criteria[at] as Criterion).concepts.length > 0 || headed))) continue;
      const states = items.every((at) => stateOnly(criteria[at] as Criterion) || isDiagnosisItem(criteria[at] as Criterion) || leadsWithState(criteria[at] as Criterion));
      // The last state ending in "OR" ("Relapsed OR") is a list of one: it joins the states before it.
      const lists = under.get(owner) ?? [];
      const lone = states ? lists.findIndex((list) => list.length === 1 && stateOnly(criteria[list[0] as number] as Criterion)) : -1;
      // A line we could not read among states ("High WBC at presentation, unfavorable cytogenetics ..." over "CR1",
      // "Complete remission 2 or higher") is no state to choose instead of them: it stands apart. Beside sub-groups,
      // one we could not read is a sub-group still ("Chronic phase 2" beside "Chronic phase 1").
      const joinable = (at: number): boolean => headed || (criteria[at] as Criterion).concepts.length > 0;
      const alternatives = items.filter(joinable);
      const joined = lone >= 0 ? [...alternatives, ...(lists[lone] as number[])] : alternatives;
      const kept = lone >= 0 ? lists.filter((_, k) => k !== lone) : lists;
      under.set(owner, [...kept, ...(states ? [joined, ...items.filter((at) => !joinable(at)).map((at) => [at])] : items.map((at) => [at]))]);
    }
    known = under;
    NESTED.set(criteria, known);
  }
  return known;
}

/**
 * An item under one of several diseases its parent names, about one of them only ("NHL, CLL or myeloma" over "Low,
 * intermediate or high grade NHL OR"): it is for the people with that disease, and says nothing to the others.
 */
function scopedAway(item: Criterion, owner: Criterion | undefined, cancers: ReadonlySet<string>): boolean {
  if (owner === undefined || cancers.size === 0) return false;
  const its = diseasesOf(item);
  const owners = diseasesOf(owner);
  if (its === null || owners === null || its.has('other') || [...its].some((d) => !owners.has(d))) return false;
  const narrower = [...owners].some((d) => !its.has(d));
  return narrower && ![...its].some((d) => cancers.has(d));
}

function nestedVerdicts(criteria: readonly Criterion[], results: readonly CriterionResult[], cancers: ReadonlySet<string>): {
  verdicts: ReadonlyMap<CriterionResult, { verdict: CriterionVerdict; read: boolean }>;
  folded: ReadonlySet<CriterionResult>;
} {
  const byIndex = nestedLists(criteria);
  const scoped = new Set<CriterionResult>();
  for (const [owner, lists] of byIndex) {
    for (const at of lists.flat()) if (scopedAway(criteria[at] as Criterion, criteria[owner], cancers)) scoped.add(results[at] as CriterionResult);
  }
  const under = new Map([...byIndex].map(([owner, lists]) => [results[owner] as CriterionResult, lists.map((list) => list.map((at) => results[at] as CriterionResult))]));
  const verdicts = new Map<CriterionResult, { verdict: CriterionVerdict; read: boolean }>();
  const folded = new Set<CriterionResult>();
  const effective = (result: CriterionResult, depth: number): { verdict: CriterionVerdict; read: boolean } => {
    const known = verdicts.get(result);
    if (known !== undefined) return known;
    if (scoped.has(result)) return { verdict: 'meets', read: false };
    let verdict: CriterionVerdict = 'meets';
    let listsRead = false;
    for (const list of depth < 4 ? (under.get(result) ?? []) : []) {
      let best: { verdict: CriterionVerdict; read: boolean } | null = null;
      for (const item of list) {
        folded.add(item);
        // "Ph- or bcr/abl-positive" over "Cytogenetic negativity allowed if at least 1 of the following: ...": what
        // an item allows besides its owner never lowers the owner.
        const own = effective(item, depth + 1);
        const its = item.criterion.permissive && RANK[own.verdict] < RANK.meets ? { verdict: 'meets' as const, read: false } : own;
        if (best === null || RANK[its.verdict] > RANK[best.verdict]) best = its;
      }
      if (best === null) continue;
      // A list we could not read at all leaves the alternative as it is.
      if (!best.read && best.verdict === 'unknown') continue;
      if (RANK[best.verdict] < RANK[verdict]) verdict = best.verdict;
      listsRead ||= best.read;
    }
    // A sub-group's name we could not read ("High risk", "Chronic phase 1") is what its items spell out: when they
    // were read, they alone decide it.
    const ownRead = !UNREAD.has(result);
    if (ownRead || !listsRead) verdict = RANK[result.verdict] < RANK[verdict] ? result.verdict : verdict;
    const out = { verdict, read: ownRead || listsRead };
    if (under.has(result)) verdicts.set(result, out);
    return out;
  };
  for (const owner of under.keys()) effective(owner, 0);
  return { verdicts, folded };
}

/**
 * Matches a profile against a trial's criteria (from parseCriteria): a verdict per criterion with its reason, an
 * overall verdict and a score. A trial is `not-eligible` when any criterion (or every alternative of an "one of"
 * list) is not met; `likely-eligible` when every criterion we could read is met (at least one); otherwise
 * `might-be-eligible`. Criteria we could not read are shown as "ask your specialist" and never lower the verdict.
 */
export function matchTrial(profile: PatientProfile, criteria: readonly Criterion[]): TrialMatch {
  const facts = factsOf(profile);
  const ownDiseases = ownDiseasesOf(criteria);
  const relaxed = relaxedOf(criteria);
  // "Aplastic anemia Must have related donor ... OR Bone marrow transplant failure ...": an item followed by run-on
  // branches in capitals may be the first branch.
  const branched = (i: number): boolean => criteria[i + 1]?.section === 'inclusion' && /\w\s+OR\s+\w/.test(criteria[i + 1]?.text ?? '');
  const results = criteria.map((criterion, i) => judge(facts, criterion, ownDiseases, relaxed, branched(i)));
  // An "one of the following" list counts once, as its best alternative.
  const units: { verdict: CriterionVerdict; read: boolean; byDefault: boolean }[] = [];
  const groups = new Map<number, { verdict: CriterionVerdict; read: boolean; someRead: boolean; byDefault: boolean }>();
  // Inclusion items that only name a diagnosis ("Mantle cell lymphoma", "Chronic phase CML") are the trial's list
  // of diseases: alternatives, like an explicit "one of the following" list.
  // "Histologically confirmed relapsed or refractory hematologic malignancy" over "Acute leukemia", "Multiple
  // myeloma", ...: a broad group with its state, first of such a list, is the list's lead: its state holds for every
  // disease in it, so it counts on its own.
  const listed = criteria.filter(isDiseaseChoice);
  const lead = listed.length >= 3 && listed[0]?.broadDiagnosis === true && listed[0].concepts.some((k) => k.type === 'disease-state' && k.polarity === 'present') ? listed[0] : null;
  const diagnoses = lead === null ? listed : listed.slice(1);
  const diagnosisGroup = diagnoses.length >= 2 ? -1 : null;
  // A trial enrolling several groups of patients by disease: its group descriptions are alternatives too, and
  // the list of diagnoses joins them.
  const cohorts = cohortsOf(criteria);
  const nested = nestedVerdicts(criteria, results, facts.cancer ?? new Set<string>());
  const alone = new Map<CriterionResult, CriterionResult>();
  for (let result of results) {
    if (nested.folded.has(result)) continue;
    const own = nested.verdicts.get(result);
    if (own !== undefined) result = { ...result, verdict: own.verdict };
    const read = own?.read ?? !UNREAD.has(result);
    const byDefault = MET_BY_DEFAULT.has(result);
    const inCohorts = cohorts !== null && result.criterion !== lead && (cohorts.has(result.criterion) || isDiagnosisItem(result.criterion));
    const group = result.criterion.anyOf ?? (inCohorts ? -2 : diagnosisGroup !== null && isDiseaseChoice(result.criterion) && result.criterion !== lead ? diagnosisGroup : null);
    if (group === null) {
      // A permitted disease outside any list of diseases permits, and asks nothing.
      if (PERMITTED_DISEASE.has(result)) {
        alone.set(result, { ...result, verdict: 'meets', reason: `${reasonFor.permissive()} ${result.reason}` });
        units.push({ verdict: 'meets', read, byDefault: true });
      } else units.push({ verdict: result.verdict, read, byDefault });
      continue;
    }
    const unit = groups.get(group);
    if (unit === undefined) {
      const fresh = { verdict: result.verdict, read, someRead: read, byDefault };
      groups.set(group, fresh);
      units.push(fresh);
      continue;
    }
    unit.someRead ||= read;
    if (RANK[result.verdict] > RANK[unit.verdict] || (result.verdict === unit.verdict && unit.byDefault && !byDefault)) {
      unit.verdict = result.verdict;
      unit.read = read;
      unit.byDefault = byDefault;
    }
  }
  // A list of alternatives we could read in part, left open only by one we could not ("lymphoma OR ..., or a
  // leukaemia group we cannot tell"), is a question for the specialist that counts, not an unread line.
  for (const unit of groups.values()) if (unit.verdict === 'unknown' && unit.someRead) unit.read = true;
  let met = 0, unknown = 0, failed = 0;
  for (const unit of units) {
    if (unit.verdict === 'meets') met += 1;
    else if (unit.verdict === 'unknown') unknown += 1;
    else failed += 1;
  }
  const readUnknown = unknown - units.filter((u) => !u.read && u.verdict === 'unknown').length;
  const readMet = units.filter((u) => u.read && u.verdict === 'meets' && !u.byDefault).length;
  // Criteria nobody could read are "ask your specialist" and never lower the verdict (every real record has many:
  // donor rules, "investigator's opinion"); but "likely" needs at least one criterion we read and the person meets.
  // A trial that names every disease it takes, none of them the person's: whatever its lists of alternatives left
  // open in words we could not read, they are about those diseases.
  const taken = takenDiseasesOf(criteria);
  const cancers = personsDiseases(facts);
  const otherDisease = taken !== null && cancers.length > 0 && !cancers.some((c) => taken.has(c));
  const verdict: TrialVerdict = failed > 0 || otherDisease ? 'not-eligible' : readUnknown === 0 && readMet > 0 ? 'likely-eligible' : 'might-be-eligible';
  const tier = verdict === 'likely-eligible' ? 2 : verdict === 'might-be-eligible' ? 1 : 0;
  const score = tier + (met + 0.5 * unknown) / (units.length + 1);
  return { verdict, score, results: alone.size === 0 ? results : results.map((r) => alone.get(r) ?? r) };
}
