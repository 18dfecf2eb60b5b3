/**
 * How easy an English text is to read: the Flesch reading ease score and a UK reading age, for the editors'
 * plain-English summaries (issue 7, part 2).
 *
 * The formulas are the published ones:
 * - Flesch reading ease (Rudolf Flesch, "A new readability yardstick", Journal of Applied Psychology 32(3), 1948):
 *   206.835 − 1.015 × (words / sentences) − 84.6 × (syllables / words). Higher is easier: 60–70 is plain English,
 *   30 and below is for graduates.
 * - Flesch–Kincaid grade level (J. P. Kincaid, R. P. Fishburne, R. L. Rogers and B. S. Chissom, "Derivation of new
 *   readability formulas ... for Navy enlisted personnel", Research Branch Report 8-75, US Naval Technical Training
 *   Command, 1975): 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59, a US school grade.
 *
 * Counting follows Flesch's own instructions as far as software can: figures and symbols count as they are said
 * aloud ("1948" is "nineteen forty-eight", five syllables), capitalised abbreviations are said letter by letter
 * unless listed as said as a word, hyphenated words are one word. Syllables come from spelling rules plus a short
 * list of words the rules miss (syllable-exceptions.json), not a dictionary, so a count can be off by one on an
 * unusual word; over a paragraph the errors are small beside the formulas' own spread. A sentence ends at . ! ? or
 * … (not after an abbreviation, nor before a lower-case word), at a line that is a heading, and at each item of a
 * bulleted or numbered list; semicolons and colons inside a line do not end one (the stricter reading).
 */
import { InvalidInput } from '../errors.ts';
import pronunciation from './syllable-exceptions.json' with { type: 'json' };

/** What the formulas are computed from, and their results. Scores are unrounded; round for display. */
export interface Readability {
  readonly sentences: number;
  readonly words: number;
  readonly syllables: number;
  /** Flesch reading ease; usually 0–100 but unbounded (very short words and sentences score above 100). */
  readonly fleschReadingEase: number;
  /** Flesch–Kincaid US grade level; may be below 0 for very easy text. */
  readonly fleschKincaidGrade: number;
  /** UK reading age in years: the grade plus 5, never below 5. */
  readonly readingAge: number;
}

const EXCEPTIONS: ReadonlyMap<string, number> = new Map(Object.entries(pronunciation.words));
const READ_AS_WORDS: ReadonlyMap<string, number> = new Map(Object.entries(pronunciation.readAsWords));
const ABBREVIATIONS: ReadonlyMap<string, string> = new Map(Object.entries(pronunciation.abbreviations));
/** Abbreviations whose full stop never ends a sentence: they always lead into more words. */
const NEVER_FINAL = new Set(['dr', 'mr', 'mrs', 'ms', 'prof', 'st', 'vs', 'cf', 'approx', 'fig', 'e.g', 'i.e', 'al']);

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

/** Which letters of a lower-case word sound as vowels: y between a vowel and a vowel, or first before one, is a consonant; u after q, and after g before a vowel in "gu-" patterns, is too. */
function vowelMask(word: string): boolean[] {
  const mask: boolean[] = [];
  for (let i = 0; i < word.length; i += 1) {
    const c = word[i] ?? '';
    const prev = word[i - 1] ?? '';
    const next = word[i + 1] ?? '';
    if (c === 'y') {
      const nextVowel = VOWELS.has(next);
      mask.push(!(nextVowel && (i === 0 || mask[i - 1] === true)));
    } else if (c === 'u' && prev === 'q') {
      mask.push(false);
    } else if (c === 'u' && prev === 'g' && VOWELS.has(next) && (i === 1 || word[i - 2] === 'n' || /^e(?:s|d)?$/.test(word.slice(i + 1)))) {
      mask.push(false);
    } else {
      mask.push(VOWELS.has(c));
    }
  }
  return mask;
}

/** Vowel pairs inside one group that are said as two syllables, given the letters around them. */
function extraInGroup(word: string, start: number, end: number, isFirstGroup: boolean): number {
  let extra = 0;
  for (let i = start; i < end - 1; i += 1) {
    const pair = word.slice(i, i + 2);
    const before = word[i - 1] ?? '';
    const after = word.slice(i + 2);
    if (pair === 'ia' && before !== '' && !'cgst'.includes(before)) extra += 1;
    else if (pair === 'io' && (before === '' || (!'cgstx'.includes(before) && !('ln'.includes(before) && after.startsWith('n'))))) extra += 1;
    else if (pair === 'ie' && before !== '' && !'cst'.includes(before)) {
      if (/^(?:nt|nc|t(?!h)|ty)/.test(after) || (!isFirstGroup && /^(?:r|rs|st)$/.test(after))) extra += 1;
    } else if (pair === 'ua' || pair === 'uo' || (pair === 'ye' && i === start && before !== '')) extra += 1; // "my-e-loid"
    else if (pair === 'eo' && !(before === 'g' && after.startsWith('n'))) extra += 1;
    else if (pair === 'ea' && ((after === '' && !isFirstGroup) || (i === 2 && word.startsWith('crea')))) extra += 1;
  }
  return extra;
}

/** Syllables in one lower-case word of letters only, by spelling rules. */
function ruleSyllables(word: string): number {
  const mask = vowelMask(word);
  const groups: [number, number][] = [];
  for (let i = 0; i < word.length; i += 1) {
    if (!mask[i]) continue;
    const start = i;
    while (mask[i + 1] === true) i += 1;
    groups.push([start, i + 1]);
  }
  if (groups.length === 0) return 1;
  let count = groups.length;
  groups.forEach(([start, end], index) => {
    count += extraInGroup(word, start, end, index === 0);
  });
  // "being", "going", "dying": a vowel before the i of a final -ing is a syllable of its own.
  const last = groups[groups.length - 1];
  if (last !== undefined && /ings?$/.test(word) && last[1] - last[0] >= 2 && word[last[1] - 1] === 'i' && last[1] === word.search(/ngs?$/)) count += 1;
  count -= silentEndings(word, mask, groups);
  return Math.max(1, count);
}

/** 1 when the word ends in a silent e, -es, -ed or an e before -ly, -ment, -ful, -less, -ness; else 0. */
function silentEndings(word: string, mask: readonly boolean[], groups: readonly [number, number][]): number {
  if (groups.length < 2) return 0;
  const consonantAt = (i: number): boolean => i >= 0 && mask[i] === false;
  const loneE = (i: number): boolean => word[i] === 'e' && consonantAt(i - 1) && mask[i + 1] !== true;
  const n = word.length;
  // A consonant then l or r before the e keeps it said: "table", "centre", "tables", "hundred", "gentleness".
  const suffix = /(?:ments?|ly|fully|ful|less|ness)$/.exec(word);
  if (suffix !== null && loneE(suffix.index - 1)) {
    const stem = word.slice(0, suffix.index - 1);
    return /[aeiouy]/.test(stem) && !/[^aeiouylr][lr]$/.test(stem) ? 1 : 0;
  }
  if (word.endsWith('e') && loneE(n - 1)) return /[^aeiouylr][lr]e$/.test(word) ? 0 : 1;
  if (word.endsWith('es') && loneE(n - 2)) return /(?:[sxzcg]|ch|sh|[^aeiouylr][lr])es$/.test(word) ? 0 : 1;
  if (word.endsWith('ed') && loneE(n - 2)) return /(?:[td]|[^aeiouylr][lr])ed$/.test(word) ? 0 : 1;
  return 0;
}

/** Syllables of letters said one by one: W is "double-u". */
function spelledOut(letters: string): number {
  return letters.length + 2 * (letters.match(/w/gi) ?? []).length;
}

const UNITS = [2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 3, 1, 2, 2, 2, 2, 3, 2, 2]; // zero … nineteen
const TENS = [0, 0, 2, 2, 2, 2, 2, 3, 2, 2]; // -, -, twenty … ninety

/** Syllables of a whole number said in British English ("one hundred and five"). */
function cardinal(n: number): number {
  if (n < 20) return UNITS[n] ?? 1;
  if (n < 100) return (TENS[Math.floor(n / 10)] ?? 2) + (n % 10 === 0 ? 0 : (UNITS[n % 10] ?? 1));
  if (n < 1000) return cardinal(Math.floor(n / 100)) + 2 + (n % 100 === 0 ? 0 : 1 + cardinal(n % 100));
  for (const [size, word] of [[1e9, 2], [1e6, 2], [1e3, 2]] as const) {
    if (n < size) continue;
    const rest = n % size;
    return cardinal(Math.floor(n / size)) + word + (rest === 0 ? 0 : (rest < 100 ? 1 : 0) + cardinal(rest));
  }
  return 1;
}

/** Syllables of digits said one by one ("oh seven", "point two five"). */
const digitByDigit = (digits: string): number => (digits.match(/\d/g) ?? []).reduce((sum, digit) => sum + cardinal(Number(digit)), 0);

/** Syllables of a figure as said aloud: years in pairs, decimals digit by digit after "point", "%" as "per cent". */
function numberSyllables(figure: string): number {
  const percent = figure.endsWith('%') ? 2 : 0;
  const grouped = figure.includes(',');
  const [whole = '', fraction] = figure.replace(/[%,]/g, '').split('.');
  const n = Number(whole);
  let count: number;
  if (whole.length > 1 && whole.startsWith('0')) count = digitByDigit(whole);
  else if (whole.length > 12) count = whole.length;
  else if (!grouped && /^(?:1[1-9]\d\d|20[1-9]\d)$/.test(whole)) {
    const low = n % 100;
    count = cardinal(Math.floor(n / 100)) + (low === 0 ? 2 : low < 10 ? 1 + cardinal(low) : cardinal(low));
  } else count = cardinal(n);
  if (fraction !== undefined && fraction !== '') count += 1 + digitByDigit(fraction);
  return count + percent;
}

/** Syllables of one run of letters, given whether it is written in capitals as part of a capitalised line. */
function letterRunSyllables(run: string, shouting: boolean): number {
  if (run.length === 1) return run.toUpperCase() === 'W' ? 3 : 1;
  const capitals = run.replace(/[^\p{Lu}]/gu, '').length;
  const initialism = !shouting && capitals >= 2 && capitals >= run.length - 1;
  if (initialism) return READ_AS_WORDS.get(run.toUpperCase()) ?? spelledOut(run);
  const lower = run.toLowerCase();
  const exception = EXCEPTIONS.get(lower) ?? (lower.endsWith('s') ? EXCEPTIONS.get(lower.slice(0, -1)) : undefined);
  if (exception !== undefined) return exception;
  const reading = ABBREVIATIONS.get(lower);
  if (reading !== undefined) return reading.split(' ').reduce((sum, word) => sum + ruleSyllables(word), 0);
  if (!/[aeiouy]/.test(lower)) return spelledOut(run);
  return ruleSyllables(lower.normalize('NFD').replace(/[^a-z]/g, ''));
}

/**
 * Syllables in one word as {@link splitWords} gives it: figures as said aloud, capitalised abbreviations letter by
 * letter, hyphenated and slashed parts added up. `shouting` says the word is in a line written all in capitals, whose
 * words are read as words.
 */
export function countSyllables(word: string, shouting = false): number {
  const bare = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}%+]+$/gu, '');
  if (bare === '') return 0;
  if (/^(?:\p{L}\.)+\p{L}?$/u.test(bare) && bare.includes('.')) {
    const reading = ABBREVIATIONS.get(bare.toLowerCase());
    return reading === undefined ? spelledOut(bare.replace(/\./g, '')) : countSyllables(reading);
  }
  const parts = bare.split(/[-–/]+/).filter((part) => part !== '');
  if (parts.length > 1) return parts.reduce((sum, part) => sum + countSyllables(part, shouting), 0);
  if (/^\d[\d,]*(?:\.\d+)?%?$/.test(bare)) return numberSyllables(bare);
  const runs = bare.match(/\p{L}+|\d+(?:\.\d+)?%?/gu) ?? [];
  const symbols = (bare.match(/[+&]/g) ?? []).length; // "plus", "and"
  return symbols + runs.reduce((sum, run) => sum + (/^\d/.test(run) ? numberSyllables(run) : letterRunSyllables(run, shouting)), 0);
}

/** The words of a sentence: runs of letters and digits with inner apostrophes, hyphens, slashes, full stops and thousands commas. */
export function splitWords(sentence: string): string[] {
  return sentence.match(/[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|['’.\-–/](?=[\p{L}\p{N}])|(?<=\d),(?=\d{3}))*[+%]?/gu) ?? [];
}

const BULLET = /^\s*(?:[-*•·‣◦–—+]|\(?\d{1,3}[.)]|\(?[a-z][.)]|\([ivx]{1,4}\))\s+/i;
const HEADING = /^\s*#{1,6}\s+/;

/** Lines grouped into units that end a sentence wherever they end: paragraphs, headings, list items, lead-ins. */
function textUnits(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const units: string[] = [];
  let current: string[] = [];
  const close = (): void => {
    if (current.length > 0) units.push(current.join(' '));
    current = [];
  };
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '') {
      close();
      return;
    }
    if (BULLET.test(line) || HEADING.test(line)) close();
    current.push(trimmed.replace(BULLET, '').replace(HEADING, ''));
    const next = (lines[index + 1] ?? '').trim();
    const unpunctuated = !/[.!?…:;,]["'”’)\]]*$/.test(trimmed);
    const shortHeading = unpunctuated && /^\p{Lu}/u.test(trimmed) && /^\p{Lu}/u.test(next) && splitWords(trimmed).length <= 8;
    if (HEADING.test(line) || trimmed.endsWith(':') || shortHeading) close();
  });
  close();
  return units;
}

/** Whether the full stop after `before`, followed by `after`, ends a sentence. */
function endsSentence(before: string, after: string): boolean {
  const nextChar = after.trimStart().replace(/^["'“‘([]+/, '').charAt(0);
  if (nextChar === '') return true;
  if (/\p{Ll}/u.test(nextChar)) return false;
  const word = (/[\p{L}\p{N}.]+$/u.exec(before)?.[0] ?? '').toLowerCase().replace(/\.$/, '');
  if (word === 'no' || word === 'nos') return !/\d/.test(nextChar); // "No. 5"
  return !NEVER_FINAL.has(word);
}

/** The sentences of a text: see the module comment for where one ends. Sentences without a word are dropped. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const unit of textUnits(text)) {
    let start = 0;
    for (const match of unit.matchAll(/[.!?…]+["'”’)\]]*(?=\s|$)/g)) {
      const end = match.index + match[0].length;
      if (match[0].startsWith('.') && !endsSentence(unit.slice(start, match.index), unit.slice(end))) continue;
      sentences.push(unit.slice(start, end).trim());
      start = end;
    }
    sentences.push(unit.slice(start).trim());
  }
  return sentences.filter((sentence) => splitWords(sentence).length > 0);
}

/** The two formulas on counts: exported for tests and for callers that count differently. */
export function scores(counts: { sentences: number; words: number; syllables: number }): Pick<Readability, 'fleschReadingEase' | 'fleschKincaidGrade' | 'readingAge'> {
  const wordsPerSentence = counts.words / counts.sentences;
  const syllablesPerWord = counts.syllables / counts.words;
  const fleschReadingEase = 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord;
  const fleschKincaidGrade = 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59;
  // A US grade is a school year; UK children start it at about 5 years older (grade 1 ≈ age 6, UK Year 2), the usual
  // conversion to a UK reading age. Below 5 a reading age says nothing, so it stops there.
  return { fleschReadingEase, fleschKincaidGrade, readingAge: Math.max(5, fleschKincaidGrade + 5) };
}

/**
 * Measures a text. Throws InvalidInput (`text`) when it has no words: a score of nothing would be a made-up number.
 */
export function measureReadability(text: string): Readability {
  const sentences = splitSentences(text);
  let words = 0;
  let syllables = 0;
  for (const sentence of sentences) {
    const tokens = splitWords(sentence);
    // A line in capitals ("WHO CAN JOIN") is read as words, not as a row of abbreviations.
    const shouting = tokens.length >= 3 && tokens.every((token) => token.toUpperCase() === token) && tokens.some((token) => /\p{L}{4}/u.test(token));
    words += tokens.length;
    for (const token of tokens) syllables += countSyllables(token, shouting);
  }
  if (words === 0) throw new InvalidInput('The text has no words to measure.', 'text');
  return { sentences: sentences.length, words, syllables, ...scores({ sentences: sentences.length, words, syllables }) };
}

/** Flesch's own bands for the reading ease score, from "very easy" to "very difficult". */
export function easeBand(score: number): string {
  if (score >= 90) return 'very easy';
  if (score >= 80) return 'easy';
  if (score >= 70) return 'fairly easy';
  if (score >= 60) return 'plain English';
  if (score >= 50) return 'fairly difficult';
  if (score >= 30) return 'difficult';
  return 'very difficult';
}
