/**
 * Treatment kinds and age groups are stored as bitmaps (a handful of values each, several per trial): one integer
 * column that a filter tests with `&` and a facet counts bit by bit, with no child table to join. The bit order is
 * frozen here, not taken from the domain lists, because stored bitmaps are read with it; a unit test compares the
 * two, and a change to the domain lists needs a new DERIVATION_VERSION so every stored bitmap is rewritten.
 */
import type { AgeGroup } from '../../domain/age-group.ts';
import type { TransplantKind, TreatmentAssignment, TreatmentKind } from '../../domain/classify/treatment-kinds.ts';
import { InvalidInput } from '../../domain/errors.ts';
import type { Phase } from '../../domain/trial.ts';

/** Bit i of a treatments bitmap stands for TREATMENT_BITS[i]. */
export const TREATMENT_BITS = [
  'chemotherapy',
  'stem-cell-transplant',
  'targeted',
  'immunotherapy',
  'car-t',
  'radiotherapy',
  'surgery',
  'supportive-care',
  'other',
] as const satisfies readonly TreatmentKind[];

/** The transplant sub-kinds ride above the kinds, at TRANSPLANT_BITS_FROM + their index. */
export const TRANSPLANT_BITS = ['allogeneic', 'autologous'] as const satisfies readonly TransplantKind[];
const TRANSPLANT_BITS_FROM = TREATMENT_BITS.length;

/** Bit i of a phases bitmap stands for PHASE_BITS[i]: the order SQLite's migration 0002 stored (a test compares them). */
export const PHASE_BITS = ['early-1', '1', '2', '3', '4', 'not-applicable'] as const satisfies readonly Phase[];

/** Bit i of an age-groups bitmap stands for AGE_GROUP_BITS[i]. */
export const AGE_GROUP_BITS = ['children', 'teenagers-young-adults', 'adults', 'older-adults'] as const satisfies readonly AgeGroup[];

/** The bitmap of some values of a frozen list; a value outside it is bad input (a query naming an unknown kind). */
function bitmapOf<T extends string>(list: readonly T[], values: readonly T[], field: string): number {
  return values.reduce((bits, value) => {
    const bit = list.indexOf(value);
    if (bit < 0) throw new InvalidInput(`Unknown ${field} ${JSON.stringify(value)}`, field);
    return bits | (1 << bit);
  }, 0);
}

/** The values a bitmap holds, in list order. */
function valuesOf<T extends string>(list: readonly T[], bits: number, offset = 0): T[] {
  return list.filter((_, bit) => (bits & (1 << (bit + offset))) !== 0);
}

/** A trial's treatment assignments as a bitmap: every kind, plus which kinds of transplant it says. */
export function treatmentBitmap(assignments: readonly TreatmentAssignment[]): number {
  let bits = bitmapOf<TreatmentKind>(TREATMENT_BITS, assignments.map((a) => a.kind), 'treatments');
  for (const { sub } of assignments) {
    if (sub !== undefined) bits |= 1 << (TRANSPLANT_BITS_FROM + TRANSPLANT_BITS.indexOf(sub));
  }
  return bits;
}

/** The mask a treatments filter tests: any of the kinds. */
export function treatmentMask(kinds: readonly TreatmentKind[]): number {
  return bitmapOf<TreatmentKind>(TREATMENT_BITS, kinds, 'treatments');
}

export function treatmentsOf(bits: number): TreatmentKind[] {
  return valuesOf<TreatmentKind>(TREATMENT_BITS, bits);
}

export function transplantKindsOf(bits: number): TransplantKind[] {
  return valuesOf<TransplantKind>(TRANSPLANT_BITS, bits, TRANSPLANT_BITS_FROM);
}

export function ageGroupBitmap(groups: readonly AgeGroup[]): number {
  return bitmapOf<AgeGroup>(AGE_GROUP_BITS, groups, 'ageGroups');
}

export function ageGroupsOf(bits: number): AgeGroup[] {
  return valuesOf<AgeGroup>(AGE_GROUP_BITS, bits);
}

/** The bitmap of some phases; an unknown phase is bad input. */
export function phaseBitmap(phases: readonly Phase[]): number {
  return bitmapOf<Phase>(PHASE_BITS, phases, 'phases');
}
