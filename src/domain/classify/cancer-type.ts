/**
 * Cancer types for a trial, from its conditions and titles, as the most specific types found plus all their
 * ancestors, so that a `leukaemia` filter finds ALL trials. Each assignment says why.
 *
 * - Conditions and titles decide: a transplant trial whose conditions are "Infection" but whose title says
 *   "leukaemia" is a leukaemia trial.
 * - Keywords only refine a type already named (legacy PDQ records list every eligible subtype as keywords, even
 *   on pan-cancer trials), unless conditions and titles name no cancer at all. Every subtype they list is kept,
 *   however many: each is a cancer whose patients the trial enrols (bench/labels/README.md, "label every cancer").
 * - A cancer named as one to prevent ("at high risk of developing breast cancer") is not one the trial enrols.
 * - A trial whose titles enrol healthy volunteers and no patients is `not-cancer`, whatever its conditions name.
 * - `other-cancer` when a cancer word is there but no named cancer; `not-cancer` when there is none.
 */
import type { Trial } from '../trial.ts';
import type { Evidence, ReadText, TrialText } from './cancer-evidence.ts';
import { describe, evidenceFor, matchesAny, readText } from './cancer-evidence.ts';
import { findPattern } from '../vocab/token-pattern.ts';
import { CANCER_TYPE_RULES, CANCER_TYPES, HEALTHY_ONLY, TRANSPLANT_FALLBACK, cancerTypeAncestors } from './cancer-type-vocab.ts';

export { CANCER_TYPES, cancerTypeAncestors, cancerTypeById, cancerTypeDescendants } from './cancer-type-vocab.ts';
export type { CancerType } from './cancer-type-vocab.ts';

export interface CancerTypeAssignment {
  readonly id: string;
  readonly because: string;
}

export type ClassifiableTrial = Pick<Trial, 'conditions' | 'briefTitle' | 'officialTitle' | 'keywords'>;

const FALLBACK = new Set(['other-cancer', 'not-cancer']);
const NAMED_RULES = CANCER_TYPE_RULES.filter((rules) => !FALLBACK.has(rules.id));
const OTHER_RULES = CANCER_TYPE_RULES.filter((rules) => rules.id === 'other-cancer');
const ORDER = new Map(CANCER_TYPES.map((type, index) => [type.id, index]));

function evidenceIn(texts: readonly ReadText[]): Evidence[] {
  return texts.flatMap((text) => NAMED_RULES.map((rules) => evidenceFor(rules, text)).filter((e) => e !== null));
}

function isBelow(id: string, found: ReadonlySet<string>): boolean {
  return cancerTypeAncestors(id).some((ancestor) => found.has(ancestor));
}

/** Types named by conditions and titles, refined by keywords, plus types that need two facts (Ph+ ALL). */
function namedTypes(primary: readonly ReadText[], keywords: readonly ReadText[]): Map<string, Evidence> {
  const found = new Map<string, Evidence>();
  for (const evidence of evidenceIn(primary)) if (!found.has(evidence.id)) found.set(evidence.id, evidence);
  const ids = new Set(found.keys());
  const refinements = new Map<string, Evidence>();
  for (const evidence of evidenceIn(keywords)) {
    if (found.has(evidence.id) || refinements.has(evidence.id)) continue;
    if (ids.size === 0 || isBelow(evidence.id, ids)) refinements.set(evidence.id, evidence);
  }
  for (const [id, evidence] of refinements) found.set(id, evidence);
  for (const rules of NAMED_RULES) {
    if (rules.alsoWhen === null || found.has(rules.id) || !found.has(rules.alsoWhen.type)) continue;
    const marker = primary.find((text) => matchesAny(rules.alsoWhen?.match ?? [], text));
    if (marker !== undefined) {
      const note = `a trial for ${rules.alsoWhen.type} that also says this`;
      found.set(rules.id, { id: rules.id, source: marker.source, words: marker.source.text, note });
    }
  }
  return found;
}

/** Blood cancers for a GvHD or donor-transplant trial that names no disease and no non-malignant reason. */
function transplantFallback(primary: readonly ReadText[]): Evidence | null {
  if (primary.some((text) => matchesAny(TRANSPLANT_FALLBACK.unless, text))) return null;
  for (const text of primary) {
    const span = TRANSPLANT_FALLBACK.match.map((pattern) => findPattern(pattern, text.tokens)[0]).find((s) => s !== undefined);
    if (span === undefined) continue;
    const words = text.raws.slice(span.start, span.end).join(' ');
    return { id: TRANSPLANT_FALLBACK.type, source: text.source, words, note: TRANSPLANT_FALLBACK.because };
  }
  return null;
}

/** Every type found with its ancestors, in vocabulary order; an ancestor says which finding implied it. */
function withAncestors(found: ReadonlyMap<string, Evidence>): CancerTypeAssignment[] {
  const out = new Map<string, string>();
  for (const evidence of found.values()) out.set(evidence.id, describe(evidence));
  for (const evidence of found.values()) {
    for (const ancestor of cancerTypeAncestors(evidence.id)) {
      if (!out.has(ancestor)) out.set(ancestor, `includes ${evidence.id}: ${describe(evidence)}`);
    }
  }
  return [...out]
    .map(([id, because]) => ({ id, because }))
    .sort((a, b) => (ORDER.get(a.id) ?? 0) - (ORDER.get(b.id) ?? 0));
}

/** The cancer types of a trial, most specific with all their ancestors, each with the reason it was given. */
export function classifyCancerTypes(trial: ClassifiableTrial): CancerTypeAssignment[] {
  const read = (kind: TrialText['kind']) => (text: string | null) => (text === null || text.trim() === '' ? [] : [readText({ kind, text })]);
  const primary = [
    ...trial.conditions.flatMap(read('condition')),
    ...read('title')(trial.briefTitle),
    ...read('title')(trial.officialTitle),
  ];
  const titles = primary.filter((text) => text.source.kind === 'title');
  const healthy = titles.find((text) => matchesAny(HEALTHY_ONLY.match, text));
  if (healthy !== undefined && !titles.some((text) => matchesAny(HEALTHY_ONLY.unless, text))) {
    return [{ id: 'not-cancer', because: `title "${healthy.source.text}" enrols healthy volunteers only` }];
  }
  const keywords = trial.keywords.flatMap(read('keyword'));
  const found = namedTypes(primary, keywords);
  if (found.size > 0) return withAncestors(found);
  const transplant = transplantFallback(primary);
  if (transplant !== null) return withAncestors(new Map([[transplant.id, transplant]]));
  for (const text of [...primary, ...keywords]) {
    const evidence = OTHER_RULES.map((rules) => evidenceFor(rules, text)).find((e) => e !== null);
    if (evidence !== undefined) return [{ id: 'other-cancer', because: `${describe(evidence)} but no particular cancer` }];
  }
  return [{ id: 'not-cancer', because: 'no cancer is named in the conditions, titles or keywords' }];
}
