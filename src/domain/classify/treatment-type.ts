/**
 * Treatment type for every trial, from its interventions, arms, titles and keywords (issue 3, item 3).
 *
 * Grouping follows a UK cancer charity's trial pages and Cancer Research UK's treatment types:
 * - chemotherapy: cytotoxic drugs and regimens, wherever they are given, so conditioning before a transplant or
 *   lymphodepletion before CAR T also counts (the charity lists "side effects of chemotherapy" trials here too, so a
 *   title about chemotherapy-induced sickness counts as well as supportive care).
 * - stem-cell-transplant: any stem cell or bone marrow transplant, with `allogeneic` (donor) or `autologous` (own cells)
 *   when the words around it say which; graft-versus-host disease implies a donor transplant, as the charity files
 *   GVHD, infection and gut-bacteria trials under stem cell transplants.
 * - targeted: kinase inhibitors, other small-molecule inhibitors, monoclonal antibodies against cancer targets
 *   (rituximab, trastuzumab) and antibody-drug conjugates (inotuzumab ozogamicin), plus differentiation agents
 *   (tretinoin, arsenic trioxide); drug-name stems (-tinib, -ciclib, -parib, -tuzumab ...) and pharmOncoX targets
 *   cover new drugs.
 * - immunotherapy: checkpoint inhibitors, bispecific T-cell engagers (blinatumomab), cancer vaccines, cytokines
 *   (interleukin-2, interferon), cell therapies (donor lymphocytes, TILs, NK cells), oncolytic viruses and
 *   immunomodulatory drugs (lenalidomide, thalidomide). Every `car-t` trial is also immunotherapy.
 * - radiotherapy, surgery: as named, including total body irradiation, proton, brachytherapy, radioisotopes.
 * - supportive-care: care for side effects, symptoms, infection (antimicrobials, vaccines against infection), GVHD
 *   prevention, gut bacteria, nutrition, exercise, psychological support, growth factors. Measuring quality of life
 *   (questionnaires, assessments) is not care and counts for nothing.
 * - other: hormone therapy (no kind of its own in the API), ablation, photodynamic therapy; and any trial nothing
 *   else fits, so every trial has at least one kind.
 */
import type { Intervention, Trial } from '../trial.ts';
import { drugTargetKind } from './treatment-drug-targets.ts';
import { TREATMENT_KINDS, TRANSPLANT_KINDS } from './treatment-kinds.ts';
import type { TransplantKind, TreatmentAssignment, TreatmentKind } from './treatment-kinds.ts';
import { scanText } from './treatment-scan.ts';
import type { KindHit } from './treatment-scan.ts';
import { KIND_BY_INTERVENTION_TYPE, KIND_BY_PRIMARY_PURPOSE } from './treatment-vocab.ts';

export * from './treatment-kinds.ts';

/** What the classifier reads. `primaryPurpose` is the registry's design field, when the trial model carries it. */
export type ClassifiableTrial = Pick<Trial, 'interventions' | 'arms' | 'briefTitle' | 'officialTitle' | 'keywords'> & {
  readonly primaryPurpose?: string | null;
};

type Found = Map<string, TreatmentAssignment>;

function add(found: Found, kind: TreatmentKind, sub: TransplantKind | undefined, because: string): void {
  const key = `${kind}/${sub ?? ''}`;
  if (!found.has(key)) found.set(key, sub === undefined ? { kind, because } : { kind, sub, because });
}

/** The kinds one intervention brings, and whether it is only an assessment or comparator. */
function interventionHits(intervention: Intervention): { hits: KindHit[]; neutral: boolean } {
  const names = [intervention.name, ...intervention.otherNames].map((name) => scanText(name, 'named'));
  const neutral = names.some((result) => result.neutral);
  const hits = names.flatMap((result) => result.hits);
  const onlyNeutral = neutral && hits.length === 0;
  if (!onlyNeutral) hits.push(...scanText(intervention.description, 'described').hits);
  if (hits.length > 0 || onlyNeutral) return { hits, neutral: onlyNeutral };
  // Nothing we know by name: a new drug's target, its mechanism in words, then its registry type.
  const targetKind = [intervention.name, ...intervention.otherNames].map(drugTargetKind).find((kind) => kind !== null);
  if (targetKind !== undefined && targetKind !== null) return { hits: [{ kind: targetKind, phrase: 'target' }], neutral };
  const mechanism = [intervention.name, ...intervention.otherNames, intervention.description].flatMap(
    (text) => scanText(text, 'fallback').hits,
  );
  if (mechanism.length > 0) return { hits: mechanism, neutral };
  const byType = KIND_BY_INTERVENTION_TYPE.get(intervention.type);
  return { hits: byType === undefined ? [] : [{ kind: byType, phrase: intervention.type }], neutral };
}

/**
 * The treatment types of a trial, each with the reason. Interventions come first, so a reason is an intervention
 * name where one exists; then arms, titles, keywords and the registry's primary purpose. Every trial gets at least
 * one kind: `other` when nothing else fits.
 */
export function classifyTreatments(trial: ClassifiableTrial): TreatmentAssignment[] {
  const found: Found = new Map();
  const companions: Found = new Map();
  let unclassified: string | null = null;
  const record = (hits: readonly KindHit[], because: (hit: KindHit) => string): void => {
    for (const hit of hits) add(hit.companion === true ? companions : found, hit.kind, hit.sub, because(hit));
  };

  for (const intervention of trial.interventions) {
    const { hits } = interventionHits(intervention);
    record(hits, () => intervention.name);
    if (hits.length === 0) unclassified ??= intervention.name;
  }
  for (const arm of trial.arms) {
    record(scanText(arm.label, 'named').hits, () => `arm "${arm.label}"`);
    record(scanText(arm.description, 'described').hits, (hit) => `arm "${arm.label}": ${hit.phrase}`);
  }
  for (const title of [trial.briefTitle, trial.officialTitle]) {
    record(scanText(title, 'named').hits, (hit) => `title: ${hit.phrase}`);
  }
  for (const keyword of trial.keywords) record(scanText(keyword, 'named').hits, () => `keyword "${keyword}"`);
  const purpose = KIND_BY_PRIMARY_PURPOSE.get((trial.primaryPurpose ?? '').toLowerCase());
  if (purpose !== undefined) add(found, purpose, undefined, `primary purpose: ${trial.primaryPurpose ?? ''}`);

  return finish(found, companions, unclassified);
}

/** Kinds that are cancer treatment given by the trial itself; transplant is not one here, see below. */
const TREATING: ReadonlySet<TreatmentKind> = new Set(['chemotherapy', 'targeted', 'immunotherapy', 'car-t', 'radiotherapy', 'surgery', 'other']);

/**
 * Support drugs count when the trial gives no cancer treatment (a transplant trial may still be about GVHD or
 * infection prophylaxis, so a transplant alone does not rule them out). CAR T implies immunotherapy; a transplant of
 * known kind replaces the unspecified one; `other` when nothing fits.
 */
function finish(found: Found, companions: Found, unclassified: string | null): TreatmentAssignment[] {
  const treats = [...found.values()].some((assignment) => TREATING.has(assignment.kind));
  if (!treats) for (const [key, assignment] of companions) if (!found.has(key)) found.set(key, assignment);
  const carT = found.get('car-t/');
  if (carT !== undefined) add(found, 'immunotherapy', undefined, carT.because);
  if (TRANSPLANT_KINDS.some((sub) => found.has(`stem-cell-transplant/${sub}`))) found.delete('stem-cell-transplant/');
  if (found.size === 0) add(found, 'other', undefined, unclassified ?? 'no treatment named');
  const order = (a: TreatmentAssignment): number =>
    TREATMENT_KINDS.indexOf(a.kind) * 3 + (a.sub === undefined ? 0 : 1 + TRANSPLANT_KINDS.indexOf(a.sub));
  return [...found.values()].sort((a, b) => order(a) - order(b));
}
