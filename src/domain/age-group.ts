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
 *
 * A record that states no bounds at all (mostly legacy PDQ records, which put the age in the criteria text) is not
 * taken as open to everyone when its own words say whom it is for: "Vincristine in Children With Leukemia" must not be
 * listed for people over 60. See {@link ageGroupsFor}.
 */
import { readAge } from './eligibility/thresholds.ts';
import type { Eligibility, Trial } from './trial.ts';

export const AGE_GROUPS = ['children', 'teenagers-young-adults', 'adults', 'older-adults'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** Plain-English UK labels. */
export const AGE_GROUP_LABELS: Readonly<Record<AgeGroup, string>> = {
  children: 'Children (up to 15)',
  'teenagers-young-adults': 'Teenagers and young adults (16 to 24)',
  adults: 'Adults (18 and over)',
  'older-adults': 'Older adults (60 and over)',
};

/** An exact-age range in years, half-open: [from, before). */
interface AgeRange {
  readonly from: number;
  readonly before: number;
}

/**
 * Each group as a half-open range of exact age in years, [from, before): "children" is every age before the 16th
 * birthday, "teenagers-young-adults" from the 16th birthday to the day before the 25th.
 */
export const AGE_GROUP_RANGES: Readonly<Record<AgeGroup, AgeRange>> = {
  children: { from: 0, before: 16 },
  'teenagers-young-adults': { from: 16, before: 25 },
  adults: { from: 18, before: Infinity },
  'older-adults': { from: 60, before: Infinity },
};

type Bounds = Pick<Eligibility, 'minAgeYears' | 'maxAgeYears'>;

/** What a trial says about itself in words, read only when its record gives no age bounds. */
export type AgeWording = Pick<Trial, 'briefTitle' | 'officialTitle' | 'conditions'> & {
  readonly eligibility: Pick<Eligibility, 'criteria'>;
};

/**
 * The exact-age range bounds admit, half-open. A whole-year maximum means up to the next birthday ("17 Years" admits
 * 17.99, as ClinicalTrials.gov reads it); a fractional maximum came from months, weeks or days and is taken as given
 * plus one month. Null bounds stay open.
 */
function admittedRange(min: number | null | undefined, max: number | null | undefined): AgeRange {
  const before = max === null || max === undefined ? Infinity : Number.isInteger(max) ? max + 1 : max + 1 / 12;
  return { from: min ?? 0, before };
}

function groupsOverlapping(ranges: readonly AgeRange[]): AgeGroup[] {
  return AGE_GROUPS.filter((group) => {
    const range = AGE_GROUP_RANGES[group];
    return ranges.some((trial) => trial.from < trial.before && trial.from < range.before && range.from < trial.before);
  });
}

/**
 * Words that say whom a trial is for, each with the ages it stands for. Checked in order; a match's words are blanked
 * before the next pattern runs, so "young adults" and "older adults" are not read again as "adults". "Children" and
 * "paediatric" run to the 18th birthday (children's protocols usually take 16- and 17-year-olds); "young adults" to
 * 39, the usual upper line of adolescent and young adult oncology.
 */
const AGE_WORDS: ReadonlyArray<readonly [RegExp, AgeRange]> = [
  [/\b(?:older|elderly|aged|senior|geriatric)\s+(?:adults?|patients?|people|persons?|individuals?|subjects?|women|men)\b|\belderly\b|\bgeriatric\b|\bseniors\b|\bold age\b/gi, { from: 60, before: Infinity }],
  [/\byoung(?:er)? adults?\b/gi, { from: 16, before: 40 }],
  [/\bAYAs?\b|\bTYAs?\b/g, { from: 16, before: 40 }],
  [/\binfan(?:ts?|cy|tile)\b|\bneonat\w*|\bnew-?borns?\b|\bbabies\b|\btoddlers?\b/gi, { from: 0, before: 2 }],
  [/\badolescen(?:ts?|ce)\b|\bteen(?:s|agers?|age)?\b|\byouths?\b/gi, { from: 10, before: 18 }],
  [/\bchild(?:ren|hood)?\b(?![-\s]?bearing)|\bp(?:a)?ediatrics?\b|\bpaediatrics?\b|\bkids\b/gi, { from: 0, before: 18 }],
  [/\badults?\b/gi, { from: 18, before: Infinity }],
];

/** A criteria line that is the age item of a list: "Age: 18 and over", "- Age 1 to 21", "AGE: Under 22". */
const AGE_ITEM = /^[\s\-*•·o]*(?:patient(?:'s|s')?\s+)?ages?\s*(?:[:\-–]|\bat\b|\bof\b|(?=\d))\s*(.*)$/i;
/** A sentence that gives the participant's age: "patients aged 60 years or older", "18 years of age or older". */
const AGE_SENTENCE = /\baged\b|\bages?\s*(?:[:=≥≤<>]|between|from|of (?:at least )?\d)|\byears? (?:of age|old)\b|\b(?:older|younger) than\b/i;
/**
 * Ages that are not (all) the participant's: donors, parents, performance scales by age, ages at diagnosis, and
 * rules for a subgroup ("women under 50 must use contraception", "if over 60 ...").
 */
const SOMEONE_ELSE = /^\W*(?:no|not|none)\b|\bdonors?\b|contracept|menopaus|child-?\s?bearing|pregnancy test|birth control|\bsiblings?\b|\bparents?\b|\bmothers?\b|\bfathers?\b|\bspouses?\b|\bpartners?\b|\bguardians?\b|\bkarnofsky\b|\blansky\b|\bperformance\b|\b(?:diagnos\w*|onset)\s+(?:before|after|at|under|over|by)\b|\bage at diagnosis\b|\bif\b|\bfor (?:patients|those|children|subjects)\b/i;
/**
 * Whose words these are not: a study of parents, carers or survivors of childhood cancer takes adults although its
 * title names children, so such titles give no evidence from words about children.
 */
const NOT_THE_PARTICIPANTS = /\b(?:parents?|mothers?|fathers?|maternal|pregnan\w*|antenatal|prenatal|caregivers?|carers?|families|family|siblings?|survivors?|teachers?|nurses?|clinicians?|physicians?|staff)\b/i;
/** The indexes in AGE_WORDS of the words for children (infants, adolescents, children). */
const CHILD_WORDS = new Set<number>([3, 4, 5]);

/** The age ranges the words of one text stand for; `numbers` also reads stated ages ("Patients Aged 65 or Older"). */
function rangesInWords(text: string, numbers = false): AgeRange[] {
  const others = NOT_THE_PARTICIPANTS.test(text);
  let rest = text;
  const found: AgeRange[] = [];
  const stated = numbers && !others && AGE_SENTENCE.test(text) ? readStatedAge(text, false) : null;
  if (stated !== null) found.push(stated);
  AGE_WORDS.forEach(([pattern, range], index) => {
    rest = rest.replace(pattern, () => {
      if (!(others && CHILD_WORDS.has(index))) found.push(range);
      return ' ';
    });
  });
  return found;
}

/**
 * The range an age statement gives, or null. "The age of 5" is read as "5 years" first, as the reader of criteria
 * numbers expects an age to say so; a statement that admits no one (a misread) is no evidence.
 */
function readStatedAge(text: string, ageHeading: boolean): AgeRange | null {
  const bounds = readAge(text.replace(/\b(?:the )?age of (\d{1,3})\b(?!\s*(?:years?|months?))/gi, '$1 years'), ageHeading);
  if (bounds === null) return null;
  const range = admittedRange(bounds.min, bounds.max);
  return range.from < range.before ? range : null;
}

const EXCLUSION_HEADING = /^\W*(?:key\s+)?exclusion\b/im;

/**
 * The age ranges the criteria state for the participant, read from the inclusion part only (an exclusion "age over
 * 75" is an upper bound, and saying so needs the section). An item that names no number but says whom ("Age:
 * Children", "Age: Adults") counts by its words.
 */
function rangesInCriteria(criteria: string | null): AgeRange[] {
  if (criteria === null) return [];
  const exclusion = EXCLUSION_HEADING.exec(criteria);
  const inclusion = exclusion === null ? criteria : criteria.slice(0, exclusion.index);
  const found: AgeRange[] = [];
  const lines = inclusion.split(/\n|(?<=\.)\s+(?=[A-Z])/).filter((line) => line.trim() !== '');
  lines.forEach((line, at) => {
    if (SOMEONE_ELSE.test(line)) return;
    const item = AGE_ITEM.exec(line);
    // PDQ puts the heading on a line of its own: "Age:" then "- 18 and over".
    const value = item === null ? null : item[1]?.trim() === '' ? (lines[at + 1] ?? '') : (item[1] ?? '');
    if (value !== null && SOMEONE_ELSE.test(value)) return;
    const text = value ?? (AGE_SENTENCE.test(line) ? line : null);
    if (text === null || /\bnot specified\b/i.test(text)) return;
    if (/\b(?:any age|all ages|no (?:age )?(?:limit|restriction))/i.test(text)) {
      found.push(admittedRange(null, null));
      return;
    }
    const bounds = readStatedAge(text, item !== null);
    if (bounds !== null) found.push(bounds);
    else if (item !== null) found.push(...rangesInWords(text));
  });
  return found;
}

/**
 * The age groups of a trial, in {@link AGE_GROUPS} order.
 *
 * When the record states either bound, the groups are those whose range overlaps the admitted ages: a trial for 18
 * and over is in teenagers-young-adults, adults and older-adults; bounds that admit no one (min above max) give none.
 * The words are never read then, so a trial whose bounds admit a group is always in it.
 *
 * When it states neither (or only a minimum of 0) and `wording` is given, the trial's own words decide, most explicit
 * first: ages its inclusion criteria give for the participant ("Age: 60 and over", "patients aged 1 to 21"), then who
 * its titles and conditions name ("children", "infants", "adolescents", "young adults", "adults", "elderly"), each
 * read as a range of ages and every group any of them overlaps kept. With no such evidence it stays open to every
 * group.
 */
export function ageGroupsFor(eligibility: Bounds, wording?: AgeWording): AgeGroup[] {
  const { minAgeYears: min, maxAgeYears: max } = eligibility;
  const stated = max !== null || (min !== null && min > 0);
  if (stated || wording === undefined) return groupsOverlapping([admittedRange(min, max)]);
  const fromCriteria = rangesInCriteria(wording.eligibility.criteria);
  if (fromCriteria.length > 0) return groupsOverlapping(fromCriteria);
  const titles = [wording.briefTitle, wording.officialTitle ?? ''].flatMap((title) => rangesInWords(title, true));
  const fromWords = [...titles, ...wording.conditions.flatMap((condition) => rangesInWords(condition))];
  return groupsOverlapping(fromWords.length > 0 ? fromWords : [admittedRange(null, null)]);
}
