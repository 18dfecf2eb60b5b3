/**
 * Treatment type for every trial, from its interventions, arms, titles and keywords (issue 3, item 3).
 *
 * Grouping follows a UK cancer charity's trial pages and Cancer Research UK's treatment types:
 * - chemotherapy: cytotoxic drugs and regimens (with arsenic trioxide), wherever they are given, so conditioning
 *   before a transplant or lymphodepletion before CAR T also counts; but not chemotherapy that is only the trial's
 *   setting ("patients receiving chemotherapy", "chemotherapy-induced nausea": what the trial gives is the support).
 * - stem-cell-transplant: any stem cell or bone marrow transplant the trial gives, or in whose patients it is set
 *   (preventing GVHD around a transplant), with `allogeneic` (donor) or `autologous` (own cells: also stem cell
 *   "rescue", "support" and "reinfusion") when the words around it say which. Treating GVHD after an earlier
 *   transplant is supportive care, not a transplant.
 * - targeted: kinase inhibitors, other small-molecule inhibitors, monoclonal antibodies against cancer targets
 *   (rituximab, trastuzumab) and antibody-drug conjugates (inotuzumab ozogamicin); drug-name stems (-tinib, -ciclib,
 *   -parib, -tuzumab ...) and pharmOncoX targets cover new drugs.
 * - immunotherapy: checkpoint inhibitors, bispecific T-cell engagers (blinatumomab), cancer vaccines, cytokines
 *   (interleukin-2, interferon), cell therapies (donor lymphocytes, TILs, NK cells), oncolytic viruses; the
 *   immunomodulatory drugs (lenalidomide, thalidomide) are both immunotherapy and targeted. Every `car-t` trial is
 *   also immunotherapy.
 * - radiotherapy, surgery: as named, including total body irradiation, proton, brachytherapy, radioisotopes; a
 *   radiolabelled antibody or radioligand (yttrium-90 anti-Tac, lutetium-177 dotatate) is targeted as well. Treatment
 *   the patients already had or cannot have ("cancer removed by surgery", "who cannot receive TBI") does not count.
 * - supportive-care: care for side effects, symptoms, infection (antimicrobials, vaccines against infection), GVHD
 *   prevention, gut bacteria, nutrition, exercise, psychological support, growth factors. Measuring quality of life
 *   (questionnaires, assessments) is not care and counts for nothing, except as the subject of an observational
 *   study (the effects of cancer and its treatment).
 * - other: hormone therapy (no kind of its own in the API), retinoids, gene marking, ablation, photodynamic therapy;
 *   every observational study (it gives nothing of its own; a named drug it follows keeps its kind too); and any
 *   trial nothing else fits, so every trial has at least one kind.
 *
 * Trial-level rules (see {@link classifyTreatments}): a trial for no cancer gets `other` only (an antibody for eczema
 * is not a targeted cancer drug); in a trial for myelodysplastic syndromes alone, drugs that raise blood counts treat
 * the disease; supportive care named only in keywords or descriptions counts only in a trial that gives no
 * treatment; a transplant's kind may come from the summary and description ("the PBSC are reinfused"; and, when they
 * name no donor, own cells harvested and given back); a treatment that titles, arms or keywords name as what came
 * before the trial ("IL-12 after autologous stem cell support", "who have undergone transplantation") counts only
 * when an intervention gives it; a growth factor after "with or without" is what the trial studies (supportive care).
 */
import type { Intervention, Trial } from '../trial.ts';
import { searchTokens } from '../search-text.ts';
import { cancerTypeAncestors, classifyCancerTypes } from './cancer-type.ts';
import { drugTargetKind } from './treatment-drug-targets.ts';
import { hasPhrase } from './treatment-lexicon.ts';
import { TREATMENT_KINDS, TRANSPLANT_KINDS } from './treatment-kinds.ts';
import type { TransplantKind, TreatmentAssignment, TreatmentKind } from './treatment-kinds.ts';
import { scanText } from './treatment-scan.ts';
import type { KindHit } from './treatment-scan.ts';
import {
  CATEGORY_NAMES,
  COMPLICATION_TREATMENT,
  DISEASE_TREATMENT,
  KIND_BY_INTERVENTION_TYPE,
  KIND_BY_PRIMARY_PURPOSE,
  OBSERVED_SUPPORT,
  ALLOGENEIC,
  HARVEST,
  RADIOLABELLED_ANTIBODY,
} from './treatment-vocab.ts';

export * from './treatment-kinds.ts';

/**
 * What the classifier reads. `primaryPurpose` is the registry's design field, when the trial model carries it. The
 * optional fields switch on the trial-level rules: conditions (with the titles and keywords) give the cancer types,
 * the study type says whether the trial gives anything, and the summary and description the transplant's kind.
 */
export type ClassifiableTrial = Pick<Trial, 'interventions' | 'arms' | 'briefTitle' | 'officialTitle' | 'keywords'> &
  Partial<Pick<Trial, 'conditions' | 'studyType' | 'briefSummary' | 'detailedDescription'>> & {
    readonly primaryPurpose?: string | null;
  };

type Found = Map<string, TreatmentAssignment>;

function add(found: Found, kind: TreatmentKind, sub: TransplantKind | undefined, because: string): void {
  const key = `${kind}/${sub ?? ''}`;
  if (!found.has(key)) found.set(key, sub === undefined ? { kind, because } : { kind, sub, because });
}

/** What the trial is for, as far as the treatment rules need it. */
interface TrialSetting {
  /** No cancer is named: whatever it gives, it is not a cancer treatment. */
  readonly notCancer: boolean;
  /** Every cancer named is one where low blood counts are the disease (MDS), so drugs raising them treat it. */
  readonly diseaseIsCytopenia: boolean;
}

function settingOf(trial: ClassifiableTrial): TrialSetting {
  if (trial.conditions === undefined) return { notCancer: false, diseaseIsCytopenia: false };
  const types = classifyCancerTypes({ ...trial, conditions: trial.conditions }).map((type) => type.id);
  const above = new Set(types.flatMap((id) => cancerTypeAncestors(id)));
  const leaves = types.filter((id) => !above.has(id));
  return {
    notCancer: leaves.length === 1 && leaves[0] === 'not-cancer',
    diseaseIsCytopenia:
      leaves.some((id) => DISEASE_TREATMENT.cancerTypes.has(id)) &&
      leaves.every((id) => DISEASE_TREATMENT.cancerTypes.has(id) || DISEASE_TREATMENT.umbrella.has(id)),
  };
}

/** A drug that treats the disease itself in this setting (amifostine or ATG for MDS), or null. */
function diseaseTreatment(intervention: Intervention, setting: TrialSetting): KindHit | null {
  if (!setting.diseaseIsCytopenia) return null;
  const named = [intervention.name, ...intervention.otherNames].find((name) => hasPhrase(DISEASE_TREATMENT.terms, searchTokens(name)));
  return named === undefined ? null : { kind: DISEASE_TREATMENT.kind, phrase: named };
}

/** A support-drug hit that, in this setting, treats the disease (amifostine named in an MDS trial's title). */
function inSetting(hit: KindHit, setting: TrialSetting): KindHit {
  if (!setting.diseaseIsCytopenia || hit.kind !== 'supportive-care' || !hasPhrase(DISEASE_TREATMENT.terms, hit.phrase.split(' '))) return hit;
  return { kind: DISEASE_TREATMENT.kind, phrase: hit.phrase };
}

/** A category name ("biological therapy"), as an intervention name or a matched phrase. */
function isCategory(text: string): boolean {
  return CATEGORY_NAMES.phrases.has(searchTokens(text).join(' '));
}

/** The kinds one intervention brings, and whether it is only an assessment or comparator. */
function interventionHits(intervention: Intervention, setting: TrialSetting, observational: boolean): { hits: KindHit[]; neutral: boolean } {
  const forDisease = diseaseTreatment(intervention, setting);
  if (forDisease !== null) return { hits: [forDisease], neutral: false };
  const names = [intervention.name, ...intervention.otherNames].map((name) => scanText(name, 'named'));
  const neutral = names.some((result) => result.neutral);
  const hits = names.flatMap((result) => result.hits);
  const radiolabelled = radiolabelledAntibody(intervention, hits);
  if (radiolabelled !== null) hits.push(radiolabelled);
  const onlyNeutral = neutral && hits.length === 0;
  // A support drug's description says what it is given alongside ("when they start chemotherapy"), not more treatment.
  const support = hits.length > 0 && hits.every((hit) => hit.kind === 'supportive-care');
  const described = onlyNeutral ? [] : weakSupport(scanText(intervention.description, 'described').hits);
  hits.push(...(support ? described.filter((hit) => hit.kind === 'supportive-care') : described));
  if (hits.length > 0) return { hits, neutral: false };
  // Nothing we know by name: a new drug's target, its mechanism in words, then its registry type.
  const targetKind = onlyNeutral ? null : [intervention.name, ...intervention.otherNames].map(drugTargetKind).find((kind) => kind !== null);
  if (targetKind !== undefined && targetKind !== null) return { hits: [{ kind: targetKind, phrase: 'target' }], neutral };
  // A name that is only an assessment or supplement keeps its mechanism words ("B43-genistein immunoconjugate").
  const mechanism = [intervention.name, ...intervention.otherNames, ...(onlyNeutral ? [] : [intervention.description])].flatMap(
    (text) => scanText(text, 'fallback').hits,
  );
  if (mechanism.length > 0) return { hits: mechanism, neutral: false };
  if (onlyNeutral) return { hits: [], neutral: true };
  // An observational study's "interventions" are exposures and assessments ("patient interviewing"): no kind by type.
  const byType = observational ? undefined : KIND_BY_INTERVENTION_TYPE.get(intervention.type);
  if (byType === undefined) return { hits: [], neutral };
  // A dietary supplement nothing names is given against the cancer, unless the trial is supportive care.
  const supplement = intervention.type === 'dietary supplement' && byType === 'other';
  return { hits: [{ kind: byType, phrase: intervention.type, ...(supplement ? { unlessSupportive: true } : {}) }], neutral };
}

/** A radiotherapy intervention named as an antibody ("yttrium-90 anti-Tac antibody") is targeted as well, or null. */
function radiolabelledAntibody(intervention: Intervention, hits: readonly KindHit[]): KindHit | null {
  // Only radiation named: "radiotherapy + durvalumab" is a combination, not one radiolabelled agent.
  const radiotherapy = hits.find((hit) => hit.kind === 'radiotherapy');
  if (radiotherapy === undefined || hits.some((hit) => hit.kind !== 'radiotherapy')) return null;
  const named = [intervention.name, ...intervention.otherNames].some((name) => hasPhrase(RADIOLABELLED_ANTIBODY, searchTokens(name)));
  return named ? { kind: 'targeted', phrase: `${radiotherapy.phrase} (a radiolabelled antibody)` } : null;
}

/**
 * Supportive care is the object of a trial when its titles, intervention names or arm labels say so. Named only in
 * keywords (PDQ records list every complication as a keyword) or in passing in a description, it counts as a
 * companion: only in a trial that gives nothing else.
 */
function weakSupport(hits: readonly KindHit[]): KindHit[] {
  return hits.map((hit) => (hit.kind === 'supportive-care' ? { ...hit, companion: true } : hit));
}

/**
 * When the titles are about treating or preventing GVHD and name no cancer treatment but a transplant and the trial's
 * own drugs, those drugs are given for GVHD (thalidomide for chronic GVHD is supportive care, not a targeted drug):
 * returns a test for a phrase naming one of them. Null otherwise, as when a title names conditioning or chemotherapy.
 */
function complicationDrugs(titleHits: readonly KindHit[], interventions: readonly Intervention[]): ((phrase: string) => boolean) | null {
  if (!titleHits.some((hit) => COMPLICATION_TREATMENT.topics.has(hit.phrase))) return null;
  const drugs = interventions
    .filter((intervention) => intervention.type === 'drug')
    .map((intervention) => ` ${[intervention.name, ...intervention.otherNames].map((name) => searchTokens(name).join(' ')).join(' ')} `);
  const ownDrug = (phrase: string): boolean => drugs.some((names) => names.includes(` ${phrase} `));
  const only = titleHits.every((hit) => hit.kind === 'supportive-care' || hit.kind === 'stem-cell-transplant' || ownDrug(hit.phrase));
  return only ? ownDrug : null;
}

/** A drug's cancer-treatment kind, in a trial of treating GVHD: supportive care, for the complication. */
function asComplicationCare(hit: KindHit): KindHit {
  return COMPLICATION_TREATMENT.kinds.has(hit.kind) ? { kind: 'supportive-care', phrase: hit.phrase } : hit;
}

/**
 * The transplant kinds the summary and description state, for a trial that gives a transplant of unstated kind; when
 * they state none, own cells if they say the cells are harvested or reinfused and name no donor.
 */
function statedTransplantKinds(trial: ClassifiableTrial): KindHit[] {
  return [trial.briefSummary ?? null, trial.detailedDescription ?? null]
    .flatMap((text) => scanText(text, 'described').hits)
    .filter((hit) => hit.kind === 'stem-cell-transplant' && hit.sub !== undefined && hit.afterward !== true);
}

function describedTransplantKinds(trial: ClassifiableTrial): KindHit[] {
  const texts = [trial.briefSummary ?? null, trial.detailedDescription ?? null];
  const stated = statedTransplantKinds(trial);
  if (stated.length > 0) return stated;
  const words = texts.flatMap((text) => (text === null ? [] : searchTokens(text)));
  if (hasPhrase(ALLOGENEIC, words) || !hasPhrase(HARVEST, words)) return [];
  return [{ kind: 'stem-cell-transplant', sub: 'autologous', phrase: 'own stem cells harvested and given back' }];
}

/**
 * The treatment types of a trial, each with the reason. Interventions come first, so a reason is an intervention
 * name where one exists; then arms, titles, keywords and the registry's primary purpose. Every trial gets at least
 * one kind: `other` when nothing else fits, and only `other` when the trial is for no cancer at all.
 */
export function classifyTreatments(trial: ClassifiableTrial): TreatmentAssignment[] {
  const setting = settingOf(trial);
  if (setting.notCancer) return [{ kind: 'other', because: 'not a cancer trial: no cancer is named in the conditions, titles or keywords' }];
  const found: Found = new Map();
  const companions: Found = new Map();
  const supplements: Found = new Map();
  const categories: Found = new Map();
  let unclassified: string | null = null;
  /**
   * Kinds the interventions give: a title, arm or keyword naming a treatment the patients had first needs one (a
   * record listing no interventions, such as an NCI stub, has only its title to go on, so it keeps the mention).
   */
  const given = new Set<TreatmentKind>();
  const record = (hits: readonly KindHit[], because: (hit: KindHit) => string): void => {
    for (const raw of hits) {
      if (raw.afterward === true && trial.interventions.length > 0 && !given.has(raw.kind)) continue;
      const hit = inSetting(raw, setting);
      const into = hit.companion === true ? companions : hit.unlessSupportive === true ? supplements : hit.category === true || isCategory(hit.phrase) ? categories : found;
      add(into, hit.kind, hit.sub, because(hit));
    }
  };
  const observational = trial.studyType === 'observational';
  const titleHits = [trial.briefTitle, trial.officialTitle].map((title) => ({ title, hits: scanText(title, 'named').hits }));
  // In a trial of treating GVHD, its drugs (named anywhere) are supportive care; null otherwise.
  const conditioning = [trial.briefTitle, trial.officialTitle].some((title) => hasPhrase(COMPLICATION_TREATMENT.notWith, searchTokens(title ?? '')));
  const complicationDrug = conditioning ? null : complicationDrugs(titleHits.flatMap(({ hits }) => hits), trial.interventions);
  const forComplication = (hits: readonly KindHit[]): KindHit[] =>
    complicationDrug === null ? [...hits] : hits.map((hit) => (complicationDrug(hit.phrase) ? asComplicationCare(hit) : hit));

  const givesNothing = new Set<string>();
  const perIntervention = trial.interventions.map((intervention) => {
    const { hits, neutral } = interventionHits(intervention, setting, observational);
    return { intervention, neutral, hits: isCategory(intervention.name) ? hits.map((hit) => ({ ...hit, category: true })) : hits };
  });
  for (const { hits } of perIntervention) for (const hit of hits) if (hit.afterward !== true) given.add(hit.kind);
  for (const { intervention, hits, neutral } of perIntervention) {
    record(intervention.type === 'drug' && complicationDrug !== null ? hits.map(asComplicationCare) : hits, () => intervention.name);
    if (hits.length === 0) unclassified ??= intervention.name;
    if (hits.length === 0 && (neutral || intervention.type === 'diagnostic test')) givesNothing.add(intervention.name);
  }
  for (const arm of trial.arms) {
    record(forComplication(scanText(arm.label, 'named').hits), () => `arm "${arm.label}"`);
    if (observational) continue; // an observational study's arms are cohorts: what patients had, not what it gives
    // An arm whose interventions are all tests or assessments gives no treatment: the treatment its description
    // names is the setting ("a PET-MRI before the chemoradiotherapy").
    if (arm.interventionNames.length > 0 && arm.interventionNames.every((name) => givesNothing.has(name))) continue;
    record(weakSupport(forComplication(scanText(arm.description, 'described').hits)), (hit) => `arm "${arm.label}": ${hit.phrase}`);
  }
  // An observational study whose interventions are all tests studies the test: the treatment its titles name is the
  // test's setting ("MRI for assessing neoadjuvant chemotherapy"), as for an arm of tests below.
  const onlyTests = trial.interventions.length > 0 && trial.interventions.every((intervention) => givesNothing.has(intervention.name));
  const titlesGive = !(observational && onlyTests);
  if (titlesGive) for (const { hits } of titleHits) record(forComplication(hits), (hit) => `title: ${hit.phrase}`);
  // A kind the titles name only as what came before the trial ("maintenance following autologous stem cell
  // transplant") is not given by it, however a keyword names it.
  const titleKinds = titleHits.flatMap(({ hits }) => hits);
  const before = new Set(titleKinds.filter((hit) => hit.afterward === true && !given.has(hit.kind)).map((hit) => hit.kind));
  for (const hit of titleKinds) if (hit.afterward !== true) before.delete(hit.kind);
  const notBefore = (hits: readonly KindHit[]): KindHit[] => (trial.interventions.length === 0 ? [...hits] : hits.filter((hit) => !before.has(hit.kind)));
  // An observational study's keywords index what it looks at ("Radioiodine", "Dosimetry"), not what it gives.
  const keywords = observational ? [] : trial.keywords;
  for (const keyword of keywords) record(weakSupport(forComplication(notBefore(scanText(keyword, 'named').hits))), () => `keyword "${keyword}"`);
  const purpose = KIND_BY_PRIMARY_PURPOSE.get((trial.primaryPurpose ?? '').toLowerCase());
  if (purpose !== undefined) add(found, purpose, undefined, `primary purpose: ${trial.primaryPurpose ?? ''}`);
  if (found.has('stem-cell-transplant/')) {
    record(describedTransplantKinds(trial), (hit) => `description: ${hit.phrase}`);
  } else if ([...found.keys()].some((key) => key.startsWith('stem-cell-transplant/'))) {
    record(statedTransplantKinds(trial), (hit) => `description: ${hit.phrase}`);
  }
  if (observational) {
    add(found, 'other', undefined, 'an observational study: it gives no treatment of its own');
    const topic = [trial.briefTitle, trial.officialTitle ?? ''].find((title) => hasPhrase(OBSERVED_SUPPORT, searchTokens(title)));
    if (topic !== undefined) add(found, 'supportive-care', undefined, `an observational study of the effects of cancer and its treatment: ${topic}`);
  }

  return finish(found, { companions, supplements, categories }, unclassified);
}

/** Kinds that are cancer treatment given by the trial itself, including a transplant. */
const TREATING: ReadonlySet<TreatmentKind> = new Set(['chemotherapy', 'stem-cell-transplant', 'targeted', 'immunotherapy', 'car-t', 'radiotherapy', 'surgery', 'other']);

/** Kinds held back until the trial's other kinds are known (see {@link finish}). */
interface Pending {
  readonly companions: Found;
  readonly supplements: Found;
  readonly categories: Found;
}

const merge = (into: Found, from: Found): void => {
  for (const [key, assignment] of from) if (!into.has(key)) into.set(key, assignment);
};

/**
 * A category name's kinds count when no agent of a kind it may stand for is named; support drugs, and supportive
 * care named only in passing, count when the trial gives no cancer treatment; a supplement's `other` counts when the
 * trial is not supportive care. CAR T implies immunotherapy; a transplant of known kind replaces the unspecified
 * one; `other` when nothing fits.
 */
function finish(found: Found, pending: Pending, unclassified: string | null): TreatmentAssignment[] {
  if (![...found.values()].some((assignment) => CATEGORY_NAMES.standsFor.has(assignment.kind))) merge(found, pending.categories);
  const treats = [...found.values()].some((assignment) => TREATING.has(assignment.kind));
  if (!treats) merge(found, pending.companions);
  if (!found.has('supportive-care/')) merge(found, pending.supplements);
  const carT = found.get('car-t/');
  if (carT !== undefined) add(found, 'immunotherapy', undefined, carT.because);
  if (TRANSPLANT_KINDS.some((sub) => found.has(`stem-cell-transplant/${sub}`))) found.delete('stem-cell-transplant/');
  if (found.size === 0) add(found, 'other', undefined, unclassified ?? 'no treatment named');
  const order = (a: TreatmentAssignment): number =>
    TREATMENT_KINDS.indexOf(a.kind) * 3 + (a.sub === undefined ? 0 : 1 + TRANSPLANT_KINDS.indexOf(a.sub));
  return [...found.values()].sort((a, b) => order(a) - order(b));
}
