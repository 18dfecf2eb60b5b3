/**
 * The treatment vocabulary (vocab/treatment-classes.json) compiled once into lexicons.
 */
import vocab from '../vocab/treatment-classes.json' with { type: 'json' };
import { searchTokens } from '../search-text.ts';
import { TREATMENT_KINDS } from './treatment-kinds.ts';
import type { TreatmentKind } from './treatment-kinds.ts';
import { targetInhibitorPhrases } from './treatment-drug-targets.ts';
import { compileLexicon } from './treatment-lexicon.ts';
import type { Lexicon } from './treatment-lexicon.ts';

/**
 * Where a text sits decides which lists apply: `named` (intervention names, arm labels, titles, keywords) takes
 * terms and topics; `described` (descriptions) only terms; `fallback` only mechanism words.
 */
export type Scope = 'named' | 'described' | 'fallback';

export interface KindLexicon {
  readonly kind: TreatmentKind;
  readonly lexicons: Readonly<Record<Scope, Lexicon>>;
}

interface ClassEntry {
  readonly terms: readonly string[];
  readonly topics: readonly string[];
  readonly fallback: readonly string[];
}

const CLASSES: Readonly<Record<TreatmentKind, ClassEntry>> = vocab.classes;
/** "<target> inhibitor" phrases, named only (titles, intervention names, arm labels, keywords). */
const INHIBITORS: ReadonlyMap<string, readonly string[]> = targetInhibitorPhrases(vocab.targetInhibitors.words);

export const KIND_LEXICONS: readonly KindLexicon[] = TREATMENT_KINDS.map((kind) => {
  const entry = CLASSES[kind];
  return {
    kind,
    lexicons: {
      named: compileLexicon([...entry.terms, ...entry.topics, ...(INHIBITORS.get(kind) ?? [])]),
      described: compileLexicon(entry.terms),
      fallback: compileLexicon(entry.fallback),
    },
  };
});

/**
 * Assessments and comparators, supplements (vitamins, plant extracts) and dual-use drugs (megestrol): named alone they
 * add no kind of their own, so only a supportive topic the trial names makes them supportive care.
 */
export const NEUTRAL: Lexicon = compileLexicon([...vocab.neutral.terms, ...vocab.supplements.terms, ...vocab.dualUse.terms]);
/** Support drugs given alongside cancer treatment; see `companion_why` in the vocabulary. */
export const COMPANION: Lexicon = compileLexicon(vocab.classes['supportive-care'].companion);
export const ALLOGENEIC: Lexicon = compileLexicon(vocab.classes['stem-cell-transplant'].allogeneic);
export const AUTOLOGOUS: Lexicon = compileLexicon(vocab.classes['stem-cell-transplant'].autologous);
/** Own-cell words that count only inside a transplant phrase or next to it ("stem cell rescue"). */
export const AUTOLOGOUS_CLOSE: Lexicon = compileLexicon(vocab.classes['stem-cell-transplant'].autologousClose);
/** Transplant names that say nothing of whose cells, although they contain a close own-cell word. */
export const KIND_UNSTATED: Lexicon = compileLexicon(vocab.classes['stem-cell-transplant'].kindUnstated);
/** Words saying the patient's own stem cells are collected and given back, for a description naming no donor. */
export const HARVEST: Lexicon = compileLexicon(vocab.classes['stem-cell-transplant'].harvest);

const words = (list: readonly string[]): ReadonlySet<string> => new Set(list.flatMap((word) => searchTokens(word)));
export const NEGATION = {
  adjacent: words(vocab.negation.adjacent),
  near: words(vocab.negation.near),
  after: words(vocab.negation.after),
  /** Words that say the patients already had the treatment, or cannot have it, up to `within` words before it. */
  history: words(vocab.negation.history.words),
  historyWithin: vocab.negation.history.within,
  /** Lead-ins right before a phrase that put something else in its place ("an alternative to chemotherapy"). */
  pairs: vocab.negation.pairs.map((pair) => searchTokens(pair)),
};

/**
 * Words that put a treatment before the trial's own when a few words stand between ("after high-dose therapy and
 * autologous stem cell support"); 'stop' words end the reach back ("surgery followed by radiotherapy").
 */
export const AFTERWARD = {
  words: words(vocab.negation.afterward.words),
  within: vocab.negation.afterward.within,
  stop: words(vocab.negation.afterward.stop),
};

const isKind = (value: string): value is TreatmentKind => (TREATMENT_KINDS as readonly string[]).includes(value);

/** Words that make a treatment the trial's setting, not what it gives ("patients receiving chemotherapy"). */
export const BACKGROUND = {
  before: words(vocab.background.before),
  after: words(vocab.background.after),
  /** Two-word lead-ins ("caused by", "side effects of"), as normalised word pairs. */
  beforePairs: new Set(vocab.background.beforePairs.map((pair) => searchTokens(pair).join(' '))),
  notFor: new Set(vocab.background.notFor.filter(isKind)),
};

/** Drugs that treat the disease itself, not its side effects, in trials for these cancer types only (MDS). */
export const DISEASE_TREATMENT = {
  cancerTypes: new Set(vocab.diseaseTreatment.cancerTypes),
  /** A parent type that, named bare beside them, adds no disease of its own (PDQ's "Leukemia" on MDS trials). */
  umbrella: new Set(vocab.diseaseTreatment.umbrella),
  kind: isKind(vocab.diseaseTreatment.kind) ? vocab.diseaseTreatment.kind : 'other',
  terms: compileLexicon(vocab.diseaseTreatment.terms),
} as const;

/** Title topics that make a trial one of treating or preventing GVHD, whose drugs then take supportive care. */
export const COMPLICATION_TREATMENT = {
  topics: new Set(vocab.complicationTreatment.topics.map((term) => searchTokens(term).join(' '))),
  kinds: new Set(vocab.complicationTreatment.kinds.filter(isKind)),
  /** Title words (conditioning) that keep a GVHD trial's drugs cancer treatment. */
  notWith: compileLexicon(vocab.complicationTreatment.notWith),
} as const;

/** PDQ's category names ("biological therapy"): the kinds they give count only when no agent of `standsFor` is named. */
export const CATEGORY_NAMES = {
  phrases: new Set(vocab.categoryNames.terms.map((term) => searchTokens(term).join(' '))),
  standsFor: new Set(vocab.categoryNames.standsFor.filter(isKind)),
} as const;

/** Antibody words that make a radiotherapy intervention a radiolabelled antibody, which is targeted as well. */
export const RADIOLABELLED_ANTIBODY: Lexicon = compileLexicon(vocab.radiolabelledAntibody.antibody);

/** Title words that make an observational study one of the effects of cancer and its treatment (supportive care). */
export const OBSERVED_SUPPORT: Lexicon = compileLexicon(vocab.observational.supportTopics);

const byKey = (table: Readonly<Record<string, string>>): ReadonlyMap<string, TreatmentKind> =>
  new Map(Object.entries(table).flatMap(([key, kind]) => (isKind(kind) ? [[key, kind] as const] : [])));

/** Intervention type → kind, for interventions whose name says nothing we know. */
export const KIND_BY_INTERVENTION_TYPE = byKey(vocab.interventionTypes);
/** Registry primary purpose (lower case) → kind. */
export const KIND_BY_PRIMARY_PURPOSE = byKey(vocab.primaryPurpose);
