/**
 * Age groups as patients and the NHS think of them, from a trial's age bounds.
 *
 * Boundaries follow NHS England's cancer service split: children's cancer services for ages 0–15, and teenage and
 * young adult (TYA) services "for teenagers and young people aged between 16 up to the day before their 25th
 * birthday" (NHS England, Teenager and Young Adults Cancer Services consultation, 2019:
 * https://www.engage.england.nhs.uk/consultation/teenager-and-young-adults-cancer-services/). Adults are 18 and over
 * (UK age of majority; adult trials mostly start at 18), so TYA and adults overlap at 18–24 on purpose: a 20-year-old
 * can join either kind of trial. Older adults are 60 and over, the line the charity draws for ALL ("no standard
 * treatment over 60").
 */
import type { Eligibility } from './trial.ts';

export const AGE_GROUPS = ['children', 'teenagers-young-adults', 'adults', 'older-adults'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** Plain-English UK labels. */
export const AGE_GROUP_LABELS: Readonly<Record<AgeGroup, string>> = {
  children: 'Children (up to 15)',
  'teenagers-young-adults': 'Teenagers and young adults (16 to 24)',
  adults: 'Adults (18 and over)',
  'older-adults': 'Older adults (60 and over)',
};

/**
 * Each group as a half-open range of exact age in years, [from, before): "children" is every age before the 16th
 * birthday, "teenagers-young-adults" from the 16th birthday to the day before the 25th.
 */
export const AGE_GROUP_RANGES: Readonly<Record<AgeGroup, { readonly from: number; readonly before: number }>> = {
  children: { from: 0, before: 16 },
  'teenagers-young-adults': { from: 16, before: 25 },
  adults: { from: 18, before: Infinity },
  'older-adults': { from: 60, before: Infinity },
};

/**
 * The exact-age range a trial's bounds admit, half-open. A whole-year maximum means up to the next birthday
 * ("17 Years" admits 17.99, as ClinicalTrials.gov reads it); a fractional maximum came from months, weeks or days and
 * is taken as given plus one month. Null bounds stay open.
 */
function admittedRange(eligibility: Pick<Eligibility, 'minAgeYears' | 'maxAgeYears'>): { from: number; before: number } {
  const { minAgeYears: min, maxAgeYears: max } = eligibility;
  const before = max === null ? Infinity : Number.isInteger(max) ? max + 1 : max + 1 / 12;
  return { from: min ?? 0, before };
}

/**
 * The age groups whose range overlaps the trial's admitted ages, in {@link AGE_GROUPS} order. A trial for 18 and
 * over is in teenagers-young-adults, adults and older-adults; a trial with bounds that admit no one (min above max)
 * is in none.
 */
export function ageGroupsFor(eligibility: Pick<Eligibility, 'minAgeYears' | 'maxAgeYears'>): AgeGroup[] {
  const trial = admittedRange(eligibility);
  if (trial.from >= trial.before) return [];
  return AGE_GROUPS.filter((group) => {
    const range = AGE_GROUP_RANGES[group];
    return trial.from < range.before && range.from < trial.before;
  });
}
