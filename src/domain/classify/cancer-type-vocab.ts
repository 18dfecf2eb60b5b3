/**
 * Loads the cancer-type hierarchy (vocab/cancer-types.json): labels and parents for filters and facets, and the
 * compiled matching rules the classifier uses. A malformed vocabulary throws when this module loads, so it fails
 * every test rather than one search.
 */
import vocab from '../vocab/cancer-types.json' with { type: 'json' };
import type { TokenPattern } from '../vocab/token-pattern.ts';
import { compilePattern } from '../vocab/token-pattern.ts';
import { searchTokens } from '../search-text.ts';

/** A cancer type as filters, facets and pages show it. */
export interface CancerType {
  readonly id: string;
  /** Plain-English UK label, e.g. "Acute lymphoblastic leukaemia (ALL)". */
  readonly label: string;
  /** The broader type; null at the top (blood cancers, solid tumours, other cancer, not cancer). */
  readonly parent: string | null;
  /** NCI Thesaurus concept codes. */
  readonly nci: readonly string[];
}

/** The rules that assign one type. */
export interface CancerTypeRules {
  readonly id: string;
  readonly match: readonly TokenPattern[];
  readonly abbreviations: readonly TokenPattern[];
  readonly unless: readonly TokenPattern[];
  /** Also assigned when the trial already has `type` and a text matches one of these (e.g. ALL + "Ph positive"). */
  readonly alsoWhen: { readonly type: string; readonly match: readonly TokenPattern[] } | null;
}

interface RawType {
  id: string;
  label: string;
  parent: string | null;
  nci?: string[];
  match?: string[];
  abbreviations?: string[];
  unless?: string[];
  alsoWhen?: { type: string; match: string[] };
}

const raw: readonly RawType[] = vocab.types;
const compile = (sources: readonly string[] = []): TokenPattern[] => sources.map((s) => compilePattern(s, vocab.sets));

/** Every cancer type, parents before children, in the order facets list them. */
export const CANCER_TYPES: readonly CancerType[] = raw.map((type) => ({
  id: type.id,
  label: type.label,
  parent: type.parent,
  nci: type.nci ?? [],
}));

export const CANCER_TYPE_RULES: readonly CancerTypeRules[] = raw.map((type) => ({
  id: type.id,
  match: compile(type.match),
  abbreviations: (type.abbreviations ?? []).map((s) => compilePattern(s, vocab.sets, 'cased')),
  unless: compile(type.unless),
  alsoWhen: type.alsoWhen === undefined ? null : { type: type.alsoWhen.type, match: compile(type.alsoWhen.match) },
}));

/**
 * A last resort for trials that name no disease at all: graft-versus-host disease and donor stem cell transplant
 * trials are for blood cancers unless a non-malignant reason for the transplant is named (sickle cell, organ
 * transplants ...). See cancer-types.json.
 */
export const TRANSPLANT_FALLBACK = {
  type: vocab.transplantFallback.type,
  because: vocab.transplantFallback.because,
  match: compile(vocab.transplantFallback.match),
  unless: compile(vocab.transplantFallback.unless),
} as const;

/** Titles saying the trial enrols only healthy volunteers, who have no cancer (see `healthyOnly` in the vocabulary). */
export const HEALTHY_ONLY = {
  match: compile(vocab.healthyOnly.match),
  unless: compile(vocab.healthyOnly.unless),
} as const;

/**
 * Words that, just before a cancer's name, make it a cancer the trial hopes to prevent rather than one its patients
 * have ("at low risk of developing acute leukaemia"); see cancer-types.json.
 */
export const NOT_ENROLLED = {
  before: new Set(vocab.notEnrolled.before.flatMap((word) => searchTokens(word))),
  within: vocab.notEnrolled.within,
} as const;

/**
 * Gene, protein and virus names that contain a cancer's name ("anaplastic lymphoma kinase", "Kirsten rat sarcoma"):
 * their words are masked before types are matched; see cancer-types.json.
 */
export const NOT_A_DISEASE: readonly TokenPattern[] = compile(vocab.notADisease.match);

const BY_ID: ReadonlyMap<string, CancerType> = new Map(CANCER_TYPES.map((type) => [type.id, type]));
for (const type of CANCER_TYPES) {
  if (type.parent !== null && BY_ID.get(type.parent) === undefined) {
    throw new Error(`cancer-types.json: ${type.id} has unknown parent ${type.parent}.`);
  }
}

/** The type with this id, or undefined. */
export function cancerTypeById(id: string): CancerType | undefined {
  return BY_ID.get(id);
}

/** The ancestors of a type, nearest first (`b-cell-all` → ALL, leukaemia, blood cancers); [] for unknown ids. */
export function cancerTypeAncestors(id: string): string[] {
  const ancestors: string[] = [];
  for (let parent = BY_ID.get(id)?.parent ?? null; parent !== null; parent = BY_ID.get(parent)?.parent ?? null) {
    if (ancestors.includes(parent)) throw new Error(`cancer-types.json: a cycle through ${parent}.`);
    ancestors.push(parent);
  }
  return ancestors;
}

/** The type and every type below it: what a `cancerType` filter for that id accepts. */
export function cancerTypeDescendants(id: string): string[] {
  return CANCER_TYPES.filter((type) => type.id === id || cancerTypeAncestors(type.id).includes(id)).map((t) => t.id);
}
