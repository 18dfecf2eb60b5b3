/**
 * The Porter stemmer (M. F. Porter, "An algorithm for suffix stripping", Program 14(3), 1980), the stemmer Lucene's
 * EnglishAnalyzer (and so the published Pyserini TREC CT runs) applies: "tumors", "tumor" and "tumoral" meet, as do
 * "infections" and "infected". Written from the paper's rules (with the paper's later "logi" and "bli" amendments);
 * tokens holding a digit, and words of one or two letters, are left as they are.
 */

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

/** Is the letter at `at` a consonant (y is one when it follows a vowel or starts the word)? */
function isConsonant(word: string, at: number): boolean {
  const letter = word[at]!;
  if (VOWELS.has(letter)) return false;
  if (letter === 'y') return at === 0 || !isConsonant(word, at - 1);
  return true;
}

/** m, the number of vowel-consonant sequences in the stem: [C](VC)^m[V]. */
function measure(stem: string): number {
  let m = 0;
  let at = 0;
  while (at < stem.length && isConsonant(stem, at)) at += 1;
  while (at < stem.length) {
    while (at < stem.length && !isConsonant(stem, at)) at += 1;
    if (at >= stem.length) break;
    while (at < stem.length && isConsonant(stem, at)) at += 1;
    m += 1;
  }
  return m;
}

function hasVowel(stem: string): boolean {
  for (let at = 0; at < stem.length; at += 1) if (!isConsonant(stem, at)) return true;
  return false;
}

const endsDoubleConsonant = (stem: string): boolean =>
  stem.length >= 2 && stem.at(-1) === stem.at(-2) && isConsonant(stem, stem.length - 1);

/** *o: the stem ends consonant-vowel-consonant, the last not w, x or y ("hop", not "snow"). */
function endsCvc(stem: string): boolean {
  const n = stem.length;
  if (n < 3) return false;
  if (!isConsonant(stem, n - 3) || isConsonant(stem, n - 2) || !isConsonant(stem, n - 1)) return false;
  return !['w', 'x', 'y'].includes(stem[n - 1]!);
}

/** Replaces the longest listed suffix when what precedes it has measure above `minMeasure`; one rule at most. */
function replaceSuffix(word: string, rules: readonly (readonly [string, string])[], minMeasure: number): string {
  for (const [suffix, replacement] of rules) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    return measure(stem) > minMeasure ? stem + replacement : word;
  }
  return word;
}

function step1ab(word: string): string {
  let w = word;
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies')) w = w.slice(0, -2);
  else if (!w.endsWith('ss') && w.endsWith('s')) w = w.slice(0, -1);

  if (w.endsWith('eed')) return measure(w.slice(0, -3)) > 0 ? w.slice(0, -1) : w;
  const cut = w.endsWith('ed') && hasVowel(w.slice(0, -2)) ? 2 : w.endsWith('ing') && hasVowel(w.slice(0, -3)) ? 3 : 0;
  if (cut === 0) return w;
  w = w.slice(0, -cut);
  if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) return `${w}e`;
  if (endsDoubleConsonant(w) && !['l', 's', 'z'].includes(w.at(-1)!)) return w.slice(0, -1);
  if (measure(w) === 1 && endsCvc(w)) return `${w}e`;
  return w;
}

const step1c = (w: string): string => (w.endsWith('y') && hasVowel(w.slice(0, -1)) ? `${w.slice(0, -1)}i` : w);

// Longest first within a shared ending, so that "ational" is tried before "tional".
const STEP2: readonly (readonly [string, string])[] = [
  ['ational', 'ate'], ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['izer', 'ize'], ['bli', 'ble'],
  ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous'], ['ization', 'ize'], ['ation', 'ate'],
  ['ator', 'ate'], ['alism', 'al'], ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous'], ['aliti', 'al'],
  ['iviti', 'ive'], ['biliti', 'ble'], ['logi', 'log'],
];
const STEP3: readonly (readonly [string, string])[] = [
  ['icate', 'ic'], ['ative', ''], ['alize', 'al'], ['iciti', 'ic'], ['ical', 'ic'], ['ful', ''], ['ness', ''],
];
const STEP4 = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ion', 'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize'];

const bySuffixLength = <T extends readonly [string, string]>(rules: readonly T[]): T[] => [...rules].sort((a, b) => b[0].length - a[0].length);
const STEP2_SORTED = bySuffixLength(STEP2);
const STEP3_SORTED = bySuffixLength(STEP3);
const STEP4_SORTED = [...STEP4].sort((a, b) => b.length - a.length);

function step4(w: string): string {
  const suffix = STEP4_SORTED.find((s) => w.endsWith(s));
  if (suffix === undefined) return w;
  const stem = w.slice(0, -suffix.length);
  if (measure(stem) <= 1) return w;
  if (suffix === 'ion' && !(stem.endsWith('s') || stem.endsWith('t'))) return w;
  return stem;
}

function step5(w: string): string {
  let out = w;
  if (out.endsWith('e')) {
    const stem = out.slice(0, -1);
    const m = measure(stem);
    if (m > 1 || (m === 1 && !endsCvc(stem))) out = stem;
  }
  if (out.endsWith('ll') && measure(out) > 1) out = out.slice(0, -1);
  return out;
}

/** The Porter stem of a lower-case token. */
export function porterStem(token: string): string {
  if (token.length <= 2 || !/^[a-z]+$/.test(token)) return token;
  let w = step1c(step1ab(token));
  w = replaceSuffix(w, STEP2_SORTED, 0);
  w = replaceSuffix(w, STEP3_SORTED, 0);
  return step5(step4(w));
}

const memo = new Map<string, string>();

/** porterStem with a cache: a corpus repeats the same few tens of thousands of words. */
export function stem(token: string): string {
  let out = memo.get(token);
  if (out === undefined) memo.set(token, (out = porterStem(token)));
  return out;
}
