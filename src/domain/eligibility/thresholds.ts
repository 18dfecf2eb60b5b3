/**
 * Numbers in criteria: comparisons written in symbols or words ("≤", "=<", "no greater than", "at least"), ranges
 * ("0-2", "18 to 65"), units ("x ULN", "mL/min/1.73 m²", "µmol/L") and time windows ("within 14 days", "in the
 * past 5 years"). Pure functions over text; the concept reader decides which text to give them.
 */
import type { Comparator, Threshold, Unit } from './criterion.ts';
import { ownValue } from '../own-key.ts';

/** Word forms of comparisons, longest first, rewritten to symbols before numbers are read. */
const WORDED: readonly [RegExp, Comparator][] = [
  [/\b(?:less than or equal to|lower than or equal to|(?:less|lower|smaller) or equal(?: to)?|no (?:more|greater|higher) th[ae][nt]|no (?:more|greater|higher)(?=\s+\d)|not (?:persistently |consistently )?(?:more|greater|higher) than|not exceeding|not to exceed|not exceed|up to|at most|maximum(?: of)?|equal to or (?:less|lower) than|of less than or equal to)\b|≤|=<|<=|<\/=|<\s*or\s*=|⩽/gi, '<='],
  [/\b(?:greater than or equal to|more than or equal to|higher than or equal to|(?:greater|more|higher) or equal(?: to)?|no less than|not less than|no lower than|at least|minimum(?: of)?|equal (?:to )?or (?:greater|more|higher) than|or more)\b|≥|=>|>=|>\/=|>\s*or\s*=|⩾/gi, '>='],
  [/\bor (?:less|lower|fewer|below|younger|better)\b/gi, '<='],
  // "Transaminases greater 5 x upper limit of normal": the "than" left out before a number.
  [/\b(?:less than|lower than|below|under|fewer than|younger than|less(?=\s+\d))\b|</gi, '<'],
  [/\b(?:greater than|more than|higher than|above|over(?: than)?|exceeding|in excess of|older than|greater(?=\s+\d))\b|>/gi, '>'],
];

const ONE_PASS = new RegExp(WORDED.map(([pattern]) => `(${pattern.source})`).join('|'), 'gi');

/** Text with comparisons written as symbols, in one pass (so a symbol written is never read again). */
/** Full-width, arrowhead and stacked forms of the comparison signs, as some registries' text carries them. */
const ODD_SIGNS: Readonly<Record<string, string>> = { '＜': '<', '˂': '<', '‹': '<', '＞': '>', '˃': '>', '›': '>', '≦': '≤', '≧': '≥', '＝': '=' };

export function symbolise(text: string): string {
  return text.replace(/[＜˂‹＞˃›≦≧＝]/g, (sign) => ODD_SIGNS[sign] ?? sign).replace(ONE_PASS, (...groups: unknown[]) => {
    const index = groups.slice(1, WORDED.length + 1).findIndex((group) => group !== undefined);
    return ` ${WORDED[index]?.[1] ?? ''} `;
  });
}

const UNIT_FORMS: readonly [RegExp, Unit][] = [
  [/^(?:x|×|times|fold|-fold)?\s*(?:the\s+)?(?:institutional\s+|upper\s+)?(?:upper limit of (?:the )?normal|uln|upper normal limit|upper limits? of normal)/i, 'x-uln'],
  // "1.5 times normal", "3 x normal for age", "2 times the upper standard": PDQ's ways of writing × ULN.
  [/^(?:x|×|times|fold|-fold)\s*(?:the\s+)?(?:institutional\s+)?(?:normal|upper standard|upper normal|maximum normal|<=\s*normal value)\b/i, 'x-uln'],
  [/^m[lL]\s*\/\s*min(?:ute)?\s*(?:\/|per)\s*1[.,]73\s*m(?:2|\^2|²| 2|\s*sq)/i, 'ml/min/1.73m2'],
  // "≥ 60 cc/min": cubic centimetres are millilitres.
  [/^(?:m[lL]|cc)\s*\/\s*min/i, 'ml/min'],
  [/^mg\s*\/\s*d[lL]/i, 'mg/dl'],
  [/^(?:µ|μ|u|micro)\s*mol(?:es?)?\s*\/\s*[lL]/i, 'umol/l'],
  [/^(?:%|percent|per cent)/i, 'percent'],
  [/^(?:i?u|units?)\s*\/\s*[lL]/i, 'u/l'],
];

/** The unit at the start of text, or null. */
export function unitAt(text: string): Unit | null {
  const trimmed = text.trimStart();
  for (const [pattern, unit] of UNIT_FORMS) if (pattern.test(trimmed)) return unit;
  return null;
}

const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
const COMPARISON = new RegExp(String.raw`(<=|>=|<|>)\s*(?:to\s+)?${NUMBER}`, 'g');

/**
 * The first comparison with a number in text ("≤ 1.5 x ULN", "at least 60 mL/min"), with its unit when one
 * follows. A bare "≤ ULN" or "within normal limits" is 1 x ULN.
 */
export function readComparison(text: string, bare: Comparator = '<='): Threshold | null {
  // "No greater than twice normal": a multiple in words.
  // "≤ 1,5 x the upper limit": a decimal comma, told from a list ("ECOG 0,1 or 2") by the unit after it.
  // "greater than1.5X": a space lost before the number.
  const numbered = text.replace(/\b(than|to)(\d)/gi, '$1 $2').replace(/(\d),(\d{3})\b/g, '$1$2').replace(/(\d),(\d{1,2})(?=\s*(?:x\b|×|times\b|mg|g\/|mmol|µmol|μmol|umol|ml\b|%))/gi, '$1.$2').replace(/\btwice\b/gi, '2 times').replace(/\bthrice\b/gi, '3 times')
    .replace(/\b(two|three|four|five)(?= times\b)/gi, (word) => String(['two', 'three', 'four', 'five'].indexOf(word.toLowerCase()) + 2));
  const symbolic = symbolise(numbered);
  for (const match of symbolic.matchAll(COMPARISON)) {
    const sign = match[1] as Comparator;
    const value = Number(match[2]);
    const unit = unitAt(symbolic.slice(match.index + match[0].length));
    return unit === null ? { comparator: sign, value } : { comparator: sign, value, unit };
  }
  const plain = new RegExp(String.raw`(?:^|\s)${NUMBER}\s*(?=x|×|times|%|m[lL]\s*/|cc\s*/|mg\s*/|µ|μ|umol|u/l|iu/l)`, 'i').exec(symbolic);
  if (plain !== null) {
    const unit = unitAt(symbolic.slice(plain.index + plain[0].length));
    if (unit !== null) return { comparator: bare, value: Number(plain[1]), unit };
  }
  if (/(?:<=|<)\s*(?:the\s+)?(?:institutional\s+)?(?:uln|upper limit of normal)|\bwithin (?:the )?(?:institutional )?normal (?:limits|range)|\bwnl\b|\bnormal\b/i.test(symbolic)) {
    return { comparator: '<=', value: 1, unit: 'x-uln' };
  }
  return null;
}

const WORD_NUMBERS: Readonly<Record<string, number>> = { zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, a: 1, an: 1 };

/** A count written as a number or a word ("2", "two"); NaN when it is neither. */
export function numberOf(word: string): number {
  return ownValue(WORD_NUMBERS, word.toLowerCase()) ?? Number(word);
}

const COUNT = String.raw`(\d+|one|two|three|four|five|six|seven|eight|nine|ten)`;

/**
 * A bound written as a range, a list or a comparison: "0-2", "0~2", "0, 1 or 2", "≥ 70", "60%-100%", "2 or less".
 * On a scale of whole numbers (`wholeGrades`), a strict comparison is read as the number next to it: "ECOG < 3" is
 * at most 2, "Karnofsky less than 80" at most 79.
 */
export function readBounds(text: string, numberPattern = String.raw`(\d{1,3})`, wholeGrades = false): { min?: number; max?: number } | null {
  const symbolic = symbolise(text);
  const n = numberPattern;
  const range = new RegExp(String.raw`${n}\s*%?\s*(?:-|–|~|to|through|and)\s*${n}`).exec(symbolic);
  const list = new RegExp(String.raw`${n}(?:\s*,\s*\d{1,3})*\s*,?\s*(?:or|and|/)\s*${n}`).exec(symbolic);
  const compared = new RegExp(String.raw`(<=|>=|<|>)\s*${n}`).exec(symbolic);
  const trailing = new RegExp(String.raw`${n}\s*%?\s*(<=|>=)`).exec(symbolic);
  const candidates = [range, list, compared, trailing].filter((m): m is RegExpExecArray => m !== null);
  candidates.sort((a, b) => a.index - b.index);
  // "=< 0-2" is the range 0-2, not "at most 0".
  if (range !== null && compared !== null && candidates[0] === compared && range.index <= compared.index + compared[0].length) candidates.unshift(range);
  const first = candidates[0];
  if (first === undefined) {
    // A single grade: "ECOG 0", "performance status of 1".
    const single = new RegExp(String.raw`^\W*(?:(?:performance\s+)?(?:status|score|grade|ps)\s*)?(?:of|=|:)?\s*${n}(?![\d.])`, 'i').exec(symbolic);
    if (single === null) return null;
    const value = numberOf(single[1] ?? '');
    return { min: value, max: value };
  }
  if (first === range || first === list) {
    const a = numberOf(first[1] ?? ''), b = numberOf(first[2] ?? '');
    return { min: Math.min(a, b), max: Math.max(a, b) };
  }
  if (first === compared) {
    const value = numberOf(first[2] ?? '');
    const step = wholeGrades ? 1 : 0;
    if (first[1] === '<') return { max: value - step };
    if (first[1] === '>') return { min: value + step };
    return first[1] === '>=' ? { min: value } : { max: value };
  }
  const value = numberOf(first[1] ?? '');
  // "2 or less" arrives as "2  <= " (the words "or less" are not rewritten), "70 or more" as "70 >=".
  return first[2] === '>=' ? { min: value } : { max: value };
}

/** Prior lines of therapy: "≥ 2 prior lines", "at least one prior regimen", "1-3 prior lines", "no more than 3". */
export function readPriorLines(text: string): { min?: number; max?: number } | null {
  const symbolic = symbolise(text).replace(/\s+or\s+>=/g, ' >=');
  // "1 or 2 chemotherapy regimens", "at least one chemotherapy regimen": the kind of treatment between count and word.
  const near = new RegExp(String.raw`(?:(<=|>=|<|>)\s*)?${COUNT}\s*(>=)?(?:\s*\(\d+\))?\s*(?:-|–|to|or(?=\s+\d|\s+(?:one|two|three|four|five)\b))?\s*${COUNT}?\s*(?:>=)?\s*(?:or more\s+)?(?:(?:combination|cytotoxic)\s+)?(?:(?:chemotherapy|biologic(?:al)?)\s+(?=regimens?|therapies|treatments|lines?))?(?:prior|previous|preceding|lines?|regimens?|salvage|different|systemic|therapies|treatments|courses(?!\s+of\s+(?:\w+\s+){0,2}line\b))`, 'i').exec(symbolic);
  if (near === null) {
    // "Prior lines of therapy ≥ 2": the limit written after the words.
    const written = new RegExp(String.raw`(?:lines?|regimens?|therapies|treatments)(?:\s+of\s+(?:therapy|treatment|chemotherapy))?\s*(<=|>=|<|>|=)\s*${COUNT}\b`, 'i').exec(symbolic);
    if (written === null) return null;
    const n = numberOf(written[2] ?? '');
    if (Number.isNaN(n)) return null;
    return written[1] === '<=' ? { max: n } : written[1] === '<' ? { max: n - 1 } : written[1] === '>' ? { min: n + 1 } : written[1] === '=' ? { min: n, max: n } : { min: n };
  }
  const [, sign, first = '', after, second] = near;
  const a = numberOf(first);
  if (Number.isNaN(a)) return null;
  if (second !== undefined && !Number.isNaN(numberOf(second))) return { min: a, max: numberOf(second) };
  if (sign === '<=' ) return { max: a };
  if (sign === '<') return { max: a - 1 };
  if (sign === '>') return { min: a + 1 };
  if (sign === '>=' || after === '>=') return { min: a };
  return { min: a };
}

/** "within 14 days", "4 weeks prior to", "in the last 3 months": the window in days. */
export function readWithinDays(text: string): number | null {
  const match = /\b(?:within|in the (?:last|past|previous|preceding)|during the (?:last|past|previous))\s+(?:the\s+)?(?:last\s+|past\s+|previous\s+|prior\s+)?(\d+|one|two|three|four|five|six|seven|eight|nine|ten|a)\s*(hours?|days?|weeks?|months?|years?)\b/i.exec(text)
    ?? /\b(\d+|one|two|three|four|six|a)\s*(hours?|days?|weeks?|months?)\s+(?:prior to|before|of)\b/i.exec(text)
    // "Off chemotherapy for 4 weeks": a washout of that length.
    ?? /\boff\b[^.;]{0,40}?\bfor\s+(?:at least\s+|the\s+)?(\d+|one|two|three|four|five|six|a)\s*(hours?|days?|weeks?|months?)\b/i.exec(text)
    // "No more than 72 hours since prior cytarabine": it was given, in the last 72 hours at most.
    ?? /\b(?:no more than|not more than|no greater than|less than|fewer than|under)\s+(\d+|one|two|three|four|five|six|a)\s*(hours?|days?|weeks?|months?)\s+(?:since|from|after)\b/i.exec(text)
    // "Chemotherapy =< 4 weeks" under "Prior therapy": given in the last 4 weeks at most.
    ?? /(?:=<|<=|≤)\s*(\d+)\s*(hours?|days?|weeks?|months?)\b/i.exec(text);
  if (match === null) return null;
  const count = numberOf(match[1] ?? '');
  const unit = (match[2] ?? '').toLowerCase();
  if (unit.startsWith('hour')) return Math.max(1, Math.ceil(count / 24));
  if (unit.startsWith('week')) return count * 7;
  // "12 months" is a year, counted as "1 year" is.
  if (unit.startsWith('month')) return count % 12 === 0 ? (count / 12) * 365 : count * 30;
  if (unit.startsWith('year')) return count * 365;
  return count;
}

/** "within the past 5 years", "in the last 3 years", "disease-free for 5 years", "within the past year". */
export function readWithinYears(text: string): number | null {
  const match = /\b(?:within|in the|during the|for(?: at least)?|in)\s+(?:the\s+)?(?:last|past|previous|preceding|prior)?\s*(\d+|one|two|three|four|five|six|seven|eight|nine|ten)?\s*[- ]?(years?|yrs?)\b/i.exec(text);
  if (match === null) return null;
  return match[1] === undefined ? 1 : numberOf(match[1]);
}

const YEARS = String.raw`(?:years?|yrs?|y\.?o\.?|y)\b`;
/** An age in years: whole, or a fraction of a year as registries give months ("0.5", "17.9"). */
const AGE_NUMBER = String.raw`\d{1,3}(?:\.\d{1,2})?`;
/** What may follow the number of an age: "years", "years old", "-years-old", "years of age". */
const YEARS_OLD = String.raw`(?:\s*-?\s*${YEARS})?(?:\s*-?\s*old| of age)?`;
/** The last few words before a number name the age: "Age: 18-65", "aged at least 16". */
const AGE_JUST_BEFORE = /\b(?:age|ages|aged)\b\s*(?:[:=;]|of|is|must be|should be|at entry|at diagnosis|at enrol?ment|between|from|at)?\s*(?:<=|>=|<|>|=)?\s*\(?\s*$/i;
const DURATION_BEFORE = /\b(?:for|within|in|past|last|over|during|since|after|duration|history|than|of|cr|remission|treatment|therapy|use|lasted|lasting|lasts)\s*(?:<=|>=|<|>)?\s*$/i;
/** Numbers of years that are not ages: "life expectancy of at least 1 year", "IQ at least 70". */
const NOT_AGE = /life expectancy|charlson|comorbidity (?:index|scale|score)|\bsurvival\b|\bIQ\b|predicted|since diagnosis|\bduration\b|time (?:from|since) diagnosis|bone age|physiologic(?:al)? age|\beducation\b|\bschooling\b/i;
/** The names of performance scales. */
const PERFORMANCE_WORDS = /\b(?:ECOG|Karnofsky|Lansky|Zubrod|WHO performance|performance status)\b/i;
/** "5 years since prior chemotherapy" or "within 2 years of diagnosis" is a time, not an age. */
const NOT_TIME = String.raw`(?!\s*(?:since|after|ago|from|before|prior|following|of (?:follow|remission|continuous|disease|treatment|therapy|diagnosis|completion|study)))`;

/**
 * Age bounds in years: "age ≥ 18 years", "18 to 65 years old", "18 years of age or older", "under 70" under the
 * sub-heading "Age". A number counts as an age when "years" follows it or the word age comes just before it.
 */
export function readAge(written: string, underAgeHeading: boolean): { min?: number; max?: number } | null {
  // "Between the age (s) of 2 years - 40 years": NIH's "age (s)" is "ages".
  const text = written.replace(/\bage\s*\(s\)/gi, 'ages');
  // "Status: ECOG 0-2" left under "Age:" by a run-on split: a score's numbers, not ages.
  const ageHeading = underAgeHeading && !PERFORMANCE_WORDS.test(text);
  if (!ageHeading && NOT_AGE.test(text)) return null;
  // "Older than 18", "younger than 65": the comparison itself says it is an age.
  // "No older than 40" is 40 at most, "no younger than 18" 18 at least.
  // "Upper age limit 65 years", "lower age limit: 18", "age limit 18-65": the limit names which bound.
  const unnegated = text.replace(/\bthan(?=\d)/gi, 'than ').replace(/\bno[t]? older than\b/gi, 'age ≤').replace(/\bno[t]? younger than\b/gi, 'age ≥')
    .replace(/\b(upper|lower) age limit(?:\s+(?:of|is))?\s*:?/gi, (_, side: string) => (side.toLowerCase() === 'upper' ? 'age ≤' : 'age ≥'))
    .replace(/\bage limits?(?:\s+(?:of|is))?\s*:?(?=\s*\d{1,3}\s*(?:-|–|to)\s*\d)/gi, 'ages');
  const symbolic = symbolise(unnegated.replace(/\b(older|younger) than\b/gi, 'age $1 than')).replace(/\s+/g, ' ');
  const isAge = (index: number, matched: string): boolean => {
    const before = symbolic.slice(0, index);
    // "being 65-80 aged": the word comes after.
    if (/^\s*aged\b/i.test(symbolic.slice(index + matched.length))) return true;
    // "Minimum age: 16", "under the age of 16": the match names the age itself.
    if (ageHeading || AGE_JUST_BEFORE.test(before) || /\bage\b/i.test(matched)) return true;
    // "statin therapy for > 2 years", "within the past 5 years": a duration, not an age.
    return new RegExp(YEARS, 'i').test(matched) && !DURATION_BEFORE.test(before);
  };
  const bounds: { min?: number; max?: number } = {};
  // "6 months to 17 years", "1 month to 21 years of age": the youngest age in months, as a fraction of a year.
  const fromMonths = /\b(\d{1,2})\s*months?(?:\s+of age|\s+old)?\s*(?:-|–|to)\s*(\d{1,3})\s*(?:years?|yrs?)\b/i.exec(text);
  const beforeMonths = fromMonths === null ? '' : text.slice(0, fromMonths.index);
  if (fromMonths !== null && Number(fromMonths[2]) <= 120 && (!DURATION_BEFORE.test(beforeMonths) || /\bages?(?:\(s\))?\s+of\s*$/i.test(beforeMonths))) {
    return { min: Math.round((Number(fromMonths[1]) / 12) * 100) / 100, max: Number(fromMonths[2]) };
  }
  // "18 to 65", "30 years old and 60 years old", "21- and 64-years", "13 and to 16".
  const range = new RegExp(String.raw`(${AGE_NUMBER})${YEARS_OLD}\s*-?\s*(?:-|–|to|and(?:\s+to)?)\s*(${AGE_NUMBER})(?!\d|\.\d|\s*%|\s*(?:months?|weeks?|days?)\b)(?:\s*-?\s*${YEARS})?${NOT_TIME}`, 'i').exec(symbolic);
  if (range !== null && isAge(range.index, range[0])) {
    const a = Number(range[1]), b = Number(range[2]);
    if (a < b && b <= 120) return { min: a, max: b };
  }
  // "≥ 18 years", "> the age of 40", "Minimum age: 16" (written "≥ age: 16" once comparisons are symbols).
  // Not "younger than 3 months": an age in months has no bound in years.
  // "age < 10 or > 75": a comparison joined by "or" to an age's is an age too.
  let ageEnd = -1;
  for (const match of symbolic.matchAll(new RegExp(String.raw`(<=|>=|<|>)\s*(?:the\s+)?(?:age\s*(?:of\s*)?[:=]?\s*)?(${AGE_NUMBER})(?!\d|\.\d|\s*%|\s*(?:months?|weeks?|days?)\b)(?:\s*-?\s*${YEARS})?${NOT_TIME}`, 'gi'))) {
    const value = Number(match[2]);
    const joined = ageEnd >= 0 && /^\s*,?\s*(?:or|and)\s*$/i.test(symbolic.slice(ageEnd, match.index));
    if (value > 120 || !(isAge(match.index, match[0]) || joined)) continue;
    ageEnd = match.index + match[0].length;
    if (match[1]?.startsWith('>') === true) bounds.min ??= value;
    // Ages are counted in whole years: "< 65" is 64 at most (someone 64 and a half is 64), while "> 49" admits
    // someone 49 and a half, so stays 49.
    else bounds.max ??= match[1] === '<' ? value - 1 : value;
  }
  // "18 years ≤ Age ≤ 70 years": a number before "≤ age" is the lowest age.
  const lowest = new RegExp(String.raw`(${AGE_NUMBER})\s*(?:${YEARS})?\s*(?:<=|<)\s*(?:the\s+)?age\b`, 'i').exec(symbolic);
  if (lowest !== null) bounds.min ??= Number(lowest[1]);
  // "55 and older", "12 or younger", "40 years old or more" (written "40 years old ≥"), "70+ years".
  const after = String.raw`(${AGE_NUMBER})${YEARS_OLD}\s*(?:(?:or|and|&)\s*(older|over|above|greater|>=|>|younger|less|below|<=|<)|(>=|<=)(?!\s*(?:\d|than\b))|(\+)\s*${YEARS})`;
  for (const match of symbolic.matchAll(new RegExp(after, 'gi'))) {
    const value = Number(match[1]);
    const word = match[2] ?? match[3] ?? match[4] ?? '';
    // Only ages grow older.
    if (value > 120 || !(isAge(match.index, match[0]) || /older|younger/i.test(word))) continue;
    if (/older|over|above|greater|>|\+/i.test(word)) bounds.min ??= value;
    else bounds.max ??= value;
  }
  // "18 years of age" alone: the youngest age, as an inclusion item says it.
  const bare = /^\W*(\d{1,2})\s*(?:years?|yrs?)\s*(?:of age|old)\W*$/i.exec(text);
  if (bounds.min === undefined && bounds.max === undefined && bare !== null) bounds.min = Number(bare[1]);
  return bounds.min === undefined && bounds.max === undefined ? null : bounds;
}

/** "At least 4 weeks since prior radiotherapy": the window in days and where the phrase ends, or null. */
export function readSince(text: string): { days: number; end: number } | null {
  // "at least 1-2 months since": a range counts by its upper end; "At least 3 weeks (6 for nitrosourea) since": the
  // bracket gives another window for some drugs, and the first is read; "at least 30 days or 5 half-lives since": the
  // days are read.
  // Not "no more than 72 hours since" (that is a window it falls in: readWithinDays).
  const match = /(?<!\b(?:no|not)\s)(?:\b(?:at least|more than|greater than|over|a minimum of|minimum of)|>=|>|≥)\s*(?:\d+\s*(?:-|–|to)\s*)?(\d+|one|two|three|four|five|six|seven|eight|nine|ten|a)\s*(hours?|days?|weeks?|months?|years?)\s+(?<other>\([^()]{0,40}\)\s+)?(?:or\s+\d+\s+half-?lives\s+)?(?:must have )?(?:elapsed |passed )?(?:since|from|after)\b/i.exec(text);
  if (match === null) return null;
  const days = readWithinDays(`within ${match[1] ?? ''} ${match[2] ?? ''}`);
  // The treatments the window is for start after "since", or inside the bracket before it.
  const end = match.groups?.other === undefined ? match.index + match[0].length : match.index + match[0].indexOf(match.groups.other);
  return days === null ? null : { days, end };
}
