/**
 * The fact index: every stored trial's filter and facet values held in memory, column by column in typed arrays,
 * so that filters and disjunctive facet counts run as tight loops in this process instead of as a dozen SQL
 * statements per search. At 500,000 trials the SQL facets cost half a second to twenty seconds a search (every facet
 * re-evaluated the text match and joined its child table); these loops take milliseconds over the same rows, and
 * both backends share them, so their counts agree by construction.
 *
 * The index holds no text: the backends still evaluate free text, the condition and intervention phrase filters
 * and the distance filter in their own indexes and hand the matching doc ids over (see `MatchSets`). An index is
 * immutable; a store builds a new one when its data version changes (fact-index-cache.ts).
 */
import { SEXES, STATUSES, STUDY_TYPES, type Sex, type StudyType, type TrialStatus } from '../../domain/trial.ts';

/** The child-table facets the index holds per trial as lists of term ids. */
export const TERM_FACETS = ['condition', 'intervention', 'country', 'cancerType'] as const;
export type TermFacet = (typeof TERM_FACETS)[number];

/** One trial's facts as a backend reads them from its narrow rows. */
export interface FactRow {
  readonly docId: number;
  readonly id: string;
  readonly status: TrialStatus;
  readonly studyType: StudyType;
  readonly sex: Sex;
  readonly healthyVolunteers: boolean | null;
  readonly hasResults: boolean;
  /** Bitmap over PHASE_BITS (shared/fact-bits.ts). */
  readonly phases: number;
  readonly minAge: number | null;
  readonly maxAge: number | null;
  /** YYYY-MM-DD, or null when the registry gives no last update. */
  readonly lastUpdate: string | null;
  /** Bitmap over TREATMENT_BITS (the transplant sub-kinds above them are ignored). */
  readonly treatments: number;
  /** Bitmap over AGE_GROUP_BITS. */
  readonly ageGroups: number;
}

/** Healthy volunteers as stored in the index: 0 no, 1 yes, 2 not said. */
export const HV_UNKNOWN = 2;

/** One child-table facet: every distinct key once, and each trial's keys as a compressed sparse row. */
export interface TermColumn {
  /** Term id → key (the normalised form filters and facets group by). */
  readonly keys: readonly string[];
  readonly idOf: ReadonlyMap<string, number>;
  /** Term id → the value a facet shows (the key's most common spelling; the key itself for cancer types). */
  readonly shown: readonly string[];
  /** Slot s holds the term ids values[offsets[s]] .. values[offsets[s + 1] - 1]. */
  readonly offsets: Uint32Array;
  readonly values: Uint32Array;
}

export interface FactIndex {
  /** The data version it was built from (see fact-index-cache.ts). */
  readonly version: string;
  /** How many trials; a trial's position ("slot") indexes every column. */
  readonly size: number;
  /** Slot → doc id, ascending. */
  readonly docIds: Int32Array;
  /** Slot → the trial's primary id: the tie-break of every sort. */
  readonly ids: readonly string[];
  readonly status: Uint8Array;
  readonly studyType: Uint8Array;
  readonly sex: Uint8Array;
  readonly healthyVolunteers: Uint8Array;
  readonly hasResults: Uint8Array;
  readonly phases: Uint8Array;
  readonly treatments: Uint16Array;
  readonly ageGroups: Uint8Array;
  /** NaN where the trial sets no bound. */
  readonly minAge: Float64Array;
  readonly maxAge: Float64Array;
  /** YYYYMMDD as a number; 0 where there is no date (so it sorts after every date in a newest-first order). */
  readonly lastUpdate: Int32Array;
  readonly terms: Readonly<Record<TermFacet, TermColumn>>;
  /** The slot of a doc id, or -1 when the index does not hold it. */
  slotOf(docId: number): number;
}

/** A YYYY-MM-DD date as the number YYYYMMDD; 0 for null. */
export function dateNumber(date: string | null): number {
  if (date === null) return 0;
  const value = Number(date.slice(0, 4) + date.slice(5, 7) + date.slice(8, 10));
  return Number.isInteger(value) ? value : 0;
}

/** The inverse of {@link dateNumber}, for page tokens: YYYYMMDD back to YYYY-MM-DD, 0 to null. */
export function dateText(value: number): string | null {
  if (value === 0) return null;
  const digits = String(value).padStart(8, '0');
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
}

type NumberArray = Int32Array | Uint8Array | Uint16Array | Float64Array;

/** A growable typed list: millions of values without a JavaScript object or array slot per value. */
class Grow<A extends NumberArray> {
  private data: A;
  length = 0;

  constructor(private readonly make: (n: number) => A) {
    this.data = make(1024);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = this.make(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  at(index: number): number {
    return this.data[index] ?? 0;
  }

  /** The values, in the order `order` gives (positions into this list), as an array of exactly that length. */
  finish(order: Int32Array | null): A {
    const out = this.make(this.length);
    if (order === null) out.set(this.data.subarray(0, this.length));
    else order.forEach((from, to) => {
      out[to] = this.data[from] ?? 0;
    });
    return out;
  }
}

class IntList extends Grow<Int32Array> {
  constructor() {
    super((n) => new Int32Array(n));
  }
}

/** Collects one facet's (doc id, key) pairs, then lays them out by slot. */
class TermCollector {
  private readonly keys: string[] = [];
  private readonly idOf = new Map<string, number>();
  private readonly docs = new IntList();
  private readonly termIds = new IntList();
  private readonly shown = new Map<string, string>();

  add(docId: number, key: string): void {
    let termId = this.idOf.get(key);
    if (termId === undefined) {
      termId = this.keys.length;
      this.keys.push(key);
      this.idOf.set(key, termId);
    }
    this.docs.push(docId);
    this.termIds.push(termId);
  }

  show(key: string, value: string): void {
    this.shown.set(key, value);
  }

  /** A counting sort by slot; pairs of doc ids the index does not hold (written after its facts were read) drop out. */
  build(size: number, slotOf: (docId: number) => number): TermColumn {
    const offsets = new Uint32Array(size + 1);
    const slots = new Int32Array(this.docs.length);
    for (let i = 0; i < this.docs.length; i++) {
      const slot = slotOf(this.docs.at(i));
      slots[i] = slot;
      if (slot >= 0) offsets[slot + 1] = (offsets[slot + 1] ?? 0) + 1;
    }
    for (let s = 0; s < size; s++) offsets[s + 1] = (offsets[s + 1] ?? 0) + (offsets[s] ?? 0);
    const values = new Uint32Array(offsets[size] ?? 0);
    const next = offsets.slice(0, size);
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i] ?? -1;
      if (slot < 0) continue;
      values[next[slot] ?? 0] = this.termIds.at(i);
      next[slot] = (next[slot] ?? 0) + 1;
    }
    return {
      keys: this.keys,
      idOf: this.idOf,
      shown: this.keys.map((key) => this.shown.get(key) ?? key),
      offsets,
      values,
    };
  }
}

const indexer = <T extends string>(values: readonly T[]): ReadonlyMap<T, number> => new Map(values.map((value, index) => [value, index]));
const STATUS_INDEX = indexer(STATUSES);
const STUDY_TYPE_INDEX = indexer(STUDY_TYPES);
const SEX_INDEX = indexer(SEXES);

/**
 * Builds an index from a backend's rows: facts first (in any order), then each facet's (doc id, key) pairs and the
 * spelling each key shows. Pairs of trials without a facts row are ignored.
 */
export class FactIndexBuilder {
  // The facts, column by column as they arrive (a row object per trial would cost ~150 MB at 500,000 trials).
  private readonly docIds = new IntList();
  private readonly ids: string[] = [];
  private readonly status = new Grow((n) => new Uint8Array(n));
  private readonly studyType = new Grow((n) => new Uint8Array(n));
  private readonly sex = new Grow((n) => new Uint8Array(n));
  private readonly healthyVolunteers = new Grow((n) => new Uint8Array(n));
  private readonly hasResults = new Grow((n) => new Uint8Array(n));
  private readonly phases = new Grow((n) => new Uint8Array(n));
  private readonly treatments = new Grow((n) => new Uint16Array(n));
  private readonly ageGroups = new Grow((n) => new Uint8Array(n));
  private readonly minAge = new Grow((n) => new Float64Array(n));
  private readonly maxAge = new Grow((n) => new Float64Array(n));
  private readonly lastUpdate = new IntList();
  private readonly collectors: Record<TermFacet, TermCollector> = {
    condition: new TermCollector(),
    intervention: new TermCollector(),
    country: new TermCollector(),
    cancerType: new TermCollector(),
  };

  constructor(private readonly version: string) {}

  addFacts(row: FactRow): void {
    this.docIds.push(row.docId);
    this.ids.push(row.id);
    this.status.push(STATUS_INDEX.get(row.status) ?? 0);
    this.studyType.push(STUDY_TYPE_INDEX.get(row.studyType) ?? 0);
    this.sex.push(SEX_INDEX.get(row.sex) ?? 0);
    this.healthyVolunteers.push(row.healthyVolunteers === null ? HV_UNKNOWN : row.healthyVolunteers ? 1 : 0);
    this.hasResults.push(row.hasResults ? 1 : 0);
    this.phases.push(row.phases);
    this.treatments.push(row.treatments);
    this.ageGroups.push(row.ageGroups);
    this.minAge.push(row.minAge ?? Number.NaN);
    this.maxAge.push(row.maxAge ?? Number.NaN);
    this.lastUpdate.push(dateNumber(row.lastUpdate));
  }

  addTerm(facet: TermFacet, docId: number, key: string): void {
    this.collectors[facet].add(docId, key);
  }

  /** The value a term facet shows for a key (by default the key itself). */
  showTerm(facet: TermFacet, key: string, value: string): void {
    this.collectors[facet].show(key, value);
  }

  /** Positions in doc id order, or null when the facts came in that order already (as backends read them). */
  private docOrder(): Int32Array | null {
    const n = this.docIds.length;
    let sorted = true;
    for (let i = 1; i < n && sorted; i++) sorted = this.docIds.at(i - 1) < this.docIds.at(i);
    if (sorted) return null;
    return Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => this.docIds.at(a) - this.docIds.at(b));
  }

  build(): FactIndex {
    const order = this.docOrder();
    const size = this.docIds.length;
    const docIds = this.docIds.finish(order);
    const maxDocId = size === 0 ? 0 : (docIds[size - 1] ?? 0);
    const slots = new Int32Array(maxDocId + 1).fill(-1);
    docIds.forEach((docId, slot) => {
      slots[docId] = slot;
    });
    const slotOf = (docId: number): number => (docId >= 0 && docId <= maxDocId ? (slots[docId] ?? -1) : -1);
    return {
      version: this.version,
      size,
      docIds,
      ids: order === null ? this.ids : Array.from(order, (from) => this.ids[from] ?? ''),
      status: this.status.finish(order),
      studyType: this.studyType.finish(order),
      sex: this.sex.finish(order),
      healthyVolunteers: this.healthyVolunteers.finish(order),
      hasResults: this.hasResults.finish(order),
      phases: this.phases.finish(order),
      treatments: this.treatments.finish(order),
      ageGroups: this.ageGroups.finish(order),
      minAge: this.minAge.finish(order),
      maxAge: this.maxAge.finish(order),
      lastUpdate: this.lastUpdate.finish(order),
      terms: {
        condition: this.collectors.condition.build(size, slotOf),
        intervention: this.collectors.intervention.build(size, slotOf),
        country: this.collectors.country.build(size, slotOf),
        cancerType: this.collectors.cancerType.build(size, slotOf),
      },
      slotOf,
    };
  }
}
