import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TrialfinderError } from '../errors.ts';
import pronunciation from './syllable-exceptions.json' with { type: 'json' };
import { countSyllables, easeBand, measureReadability, scores, splitSentences, splitWords } from './readability.ts';

/**
 * Words with their syllables, counted by saying each aloud (British English). Words in syllable-exceptions.json
 * are left out of the accuracy figure, so it measures the spelling rules alone.
 */
const HAND_COUNTED = [
  'the:1 cat:1 trial:2 trials:2 cancer:2 leukaemia:4 lymphoma:3 chemotherapy:5 radiotherapy:6 immunotherapy:6',
  'treatment:2 treatments:2 people:2 patient:2 patients:2 hospital:3 centre:2 centres:2 phase:1 phases:2',
  'tested:2 testing:2 used:1 uses:2 based:1 aged:1 adults:2 children:2 older:2 years:1 women:2 only:2 likely:2',
  'safely:2 completely:3 management:3 useful:2 careful:2 make:1 makes:1 type:1 types:1 table:2 tables:2 little:2',
  'there:1 where:1 more:1 are:1 free:1 agree:2 true:1 issue:2 continue:3 usual:3 actual:3 individual:5',
  'evaluate:4 quality:3 language:2 guide:1 league:1 fatigue:2 biology:4 period:3 radiation:4 various:3',
  'previous:3 serious:3 infectious:3 religious:3 million:2 opinion:3 union:2 senior:3 diet:2 quiet:2 client:2',
  'friend:1 believe:2 piece:1 series:2 earlier:3 experience:4 audience:3 efficient:3 ancient:2 variety:4 video:3',
  'theory:3 surgeon:2 geography:4 area:3 create:2 created:3 increase:2 diarrhoea:4 haematology:5 anaemia:4',
  'oesophagus:4 does:1 goes:1 being:2 going:2 doing:2 seeing:2 dying:2 saying:2 player:2 yes:1 young:1 beyond:2',
  'day:1 they:1 diagnosed:3 diagnosis:4 randomised:3 hundred:2 enrolled:2 offered:2 changed:1 called:1 planned:1',
  'allowed:2 needed:2 treated:2 placebo:3 medicine:3 doctor:2 nurse:1 blood:1 bone:1 marrow:2 transplant:2',
  'donor:2 stem:1 cell:1 cells:1 drug:1 drugs:1 targeted:3 immune:2 system:2 body:2 every:2 side:1 effects:2',
  'dose:1 doses:2 safe:1 safest:2 group:1 groups:1 compare:2 compared:2 standard:2 study:2 studies:2',
  'information:4 questionnaire:3 research:2 university:5 national:3 institute:3 united:3 states:1 kingdom:2',
  'countries:2 country:2 france:1 germany:3 australia:4 canada:3 italy:3 spain:1 netherlands:3 belgium:2',
  'include:2 includes:2 including:3 recruiting:3 finished:2 stopped:1 paused:1 started:2 ended:2 closed:1 open:2',
  'join:1 joined:1 take:1 part:1 whose:1 come:1 back:1 spread:1 responded:3 relapsed:2 refractory:4 acute:2',
  'myeloid:3 lymphoblastic:4 chronic:2 breast:1 lung:1 prostate:2 cyclophosphamide:5 cytarabine:4 methotrexate:4',
  'imatinib:4 rituximab:4 dexamethasone:5 vincristine:3 etoposide:4 carboplatin:4 paclitaxel:4 docetaxel:4',
  'filgrastim:3 myeloma:4 myelodysplastic:6 eye:1 dyes:1',
]
  .join(' ')
  .split(' ')
  .map((entry) => {
    const [word = '', count = ''] = entry.split(':');
    return { word, count: Number(count) };
  });

const close = (actual: number, expected: number): void => {
  assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} is not ${expected}`);
};

describe('countSyllables', () => {
  it('agrees with hand counts on at least 97% of common and trial words, by rule alone', () => {
    const byRule = HAND_COUNTED.filter(({ word }) => !(word in pronunciation.words));
    const misses = byRule.filter(({ word, count }) => countSyllables(word) !== count);
    assert.ok(byRule.length > 200, 'the list is big enough to mean something');
    assert.ok(misses.length / byRule.length <= 0.03, `misses: ${misses.map((m) => `${m.word} ${countSyllables(m.word)}≠${m.count}`).join(', ')}`);
  });

  it('uses the exceptions list for words the rules miss', () => {
    assert.equal(countSyllables('science'), 2);
    assert.equal(countSyllables('People'), 2);
    assert.equal(countSyllables('sometimes'), 2);
  });

  it('says figures as they are read aloud', () => {
    assert.equal(countSyllables('1948'), 5); // nine-teen for-ty-eight
    assert.equal(countSyllables('2023'), 5); // twen-ty twen-ty-three
    assert.equal(countSyllables('2005'), 5); // two thou-sand and five
    assert.equal(countSyllables('1,200'), 6); // one thou-sand two hun-dred
    assert.equal(countSyllables('101'), 5); // one hun-dred and one
    assert.equal(countSyllables('3.5'), 3); // three point five
    assert.equal(countSyllables('25%'), 5); // twen-ty-five per cent
    assert.equal(countSyllables('12'), 1); // twelve
  });

  it('spells out capitalised abbreviations unless they are said as words, and adds up hyphenated parts', () => {
    assert.equal(countSyllables('ALL'), 3); // A-L-L
    assert.equal(countSyllables('NHS'), 3);
    assert.equal(countSyllables('WHO'), 5); // dou-ble-u H O
    assert.equal(countSyllables('NICE'), 1);
    assert.equal(countSyllables('CAR-T'), 2); // car tee
    assert.equal(countSyllables('T-cell'), 2);
    assert.equal(countSyllables('18-year-old'), 4);
    assert.equal(countSyllables('GvHD'), 4);
    assert.equal(countSyllables('CD19'), 4); // C D nine-teen
    assert.equal(countSyllables('e.g.'), 2);
    assert.equal(countSyllables('Dr.'), 2); // doc-tor
    assert.equal(countSyllables('mg'), 3); // mil-li-grams
  });

  it('reads a line in capitals as words', () => {
    assert.equal(measureReadability('WHO CAN JOIN').syllables, 3);
  });
});

describe('splitSentences and splitWords', () => {
  it('does not end a sentence at an abbreviation, an initialism or a decimal point', () => {
    assert.deepEqual(splitSentences('Dr. Patel gives 2.5 mg, e.g. to adults. It lasts 12 weeks.'), [
      'Dr. Patel gives 2.5 mg, e.g. to adults.',
      'It lasts 12 weeks.',
    ]);
    assert.deepEqual(splitSentences('See No. 5 for more. The answer is no. Then stop!'), ['See No. 5 for more.', 'The answer is no.', 'Then stop!']);
    assert.deepEqual(splitSentences('It is run in the U.K. by the NHS. Is it open? Yes.'), ['It is run in the U.K. by the NHS.', 'Is it open?', 'Yes.']);
  });

  it('ends a sentence at headings, list items and lead-in lines, and joins wrapped lines', () => {
    const text = [
      '# About the trial',
      'This trial tests a new drug for people',
      'with leukaemia.',
      '',
      'You can join if:',
      '- you are 18 or over',
      '- your leukaemia has come back',
      '  after treatment',
      '1. Ask your doctor',
      '2) Call the team',
      '',
      'Who can join',
      'Adults with ALL can join.',
    ].join('\n');
    assert.deepEqual(splitSentences(text), [
      'About the trial',
      'This trial tests a new drug for people with leukaemia.',
      'You can join if:',
      'you are 18 or over',
      'your leukaemia has come back after treatment',
      'Ask your doctor',
      'Call the team',
      'Who can join',
      'Adults with ALL can join.',
    ]);
  });

  it('keeps numbers, contractions, hyphens and thousands together as one word', () => {
    assert.deepEqual(splitWords("Don't give 1,200 mg to 18-year-olds (e.g. in the U.K.)."), ["Don't", 'give', '1,200', 'mg', 'to', '18-year-olds', 'e.g', 'in', 'the', 'U.K']);
    assert.deepEqual(splitSentences('---\n\n* * *'), []);
  });
});

describe('measureReadability', () => {
  it('scores a one-sentence text by hand', () => {
    // 1 sentence, 6 words, 6 syllables. Ease = 206.835 − 1.015 × 6 − 84.6 × 1 = 206.835 − 6.09 − 84.6 = 116.145.
    // Grade = 0.39 × 6 + 11.8 × 1 − 15.59 = 2.34 + 11.8 − 15.59 = −1.45; reading age = max(5, 3.55) = 5.
    const result = measureReadability('The cat sat on the mat.');
    assert.deepEqual([result.sentences, result.words, result.syllables], [1, 6, 6]);
    close(result.fleschReadingEase, 116.145);
    close(result.fleschKincaidGrade, -1.45);
    assert.equal(result.readingAge, 5);
  });

  it('scores abbreviations and figures by hand', () => {
    // "Dr.(doc-tor 2) Patel(2) gives(1) the(1) drug(1), e.g.(2) to(1) adults(2)." 8 words, 12 syllables;
    // "It(1) lasts(1) 12(twelve 1) weeks(1)." 4 words, 4 syllables. 2 sentences, 12 words, 16 syllables.
    // Ease = 206.835 − 1.015 × 6 − 84.6 × 16/12 = 206.835 − 6.09 − 112.8 = 87.945.
    // Grade = 0.39 × 6 + 11.8 × 16/12 − 15.59 = 2.34 + 15.7333… − 15.59 = 2.4833…; reading age 7.4833….
    const result = measureReadability('Dr. Patel gives the drug, e.g. to adults. It lasts 12 weeks.');
    assert.deepEqual([result.sentences, result.words, result.syllables], [2, 12, 16]);
    close(result.fleschReadingEase, 87.945);
    close(result.fleschKincaidGrade, 2.34 + (11.8 * 16) / 12 - 15.59);
    close(result.readingAge, 2.34 + (11.8 * 16) / 12 - 15.59 + 5);
  });

  it('scores a heading and a list by hand', () => {
    // "Who can join" 3 words 3 syllables; "Adults(2) aged(1) 18(eigh-teen 2) or(1) over(2)" 5 words 8;
    // "People(2) with(1) ALL(A-L-L 3)" 3 words 6; "You cannot(2) join if you are pregnant(2)." 7 words 9.
    // 4 sentences, 18 words, 26 syllables. Ease = 206.835 − 1.015 × 4.5 − 84.6 × 26/18 = 206.835 − 4.5675 − 122.2
    // = 80.0675. Grade = 0.39 × 4.5 + 11.8 × 26/18 − 15.59 = 1.755 + 17.0444… − 15.59 = 3.2094…
    const result = measureReadability('Who can join\n\n- Adults aged 18 or over\n- People with ALL\n\nYou cannot join if you are pregnant.');
    assert.deepEqual([result.sentences, result.words, result.syllables], [4, 18, 26]);
    close(result.fleschReadingEase, 80.0675);
    close(result.fleschKincaidGrade, 1.755 + (11.8 * 26) / 18 - 15.59);
    assert.equal(easeBand(result.fleschReadingEase), 'easy');
  });

  it('refuses a text with no words, with a code', () => {
    assert.throws(
      () => measureReadability('  \n- \n...'),
      (error: unknown) => error instanceof TrialfinderError && error.code === 'invalid_input' && error.field === 'text',
    );
  });

  it('puts scores in Flesch’s bands', () => {
    assert.deepEqual([95, 85, 75, 65, 55, 40, 10].map(easeBand), [
      'very easy', 'easy', 'fairly easy', 'plain English', 'fairly difficult', 'difficult', 'very difficult',
    ]);
  });
});

/** Lower-case words with their syllables by our counter, short and long, for generated texts. */
const POOL = ['cat', 'dog', 'trial', 'drug', 'people', 'doctor', 'medicine', 'treatment', 'hospital', 'leukaemia',
  'chemotherapy', 'immunotherapy', 'join', 'safe', 'test', 'new', 'blood', 'understand', 'information', 'radiotherapy'];
const word = fc.constantFrom(...POOL);
const sentence = fc.array(word, { minLength: 2, maxLength: 14 });
const text = fc.array(sentence, { minLength: 1, maxLength: 6 });
const capitalise = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
const render = (sentences: readonly (readonly string[])[]): string =>
  sentences.map((words) => `${capitalise(words.join(' '))}.`).join(' ');

describe('readability properties', () => {
  it('shorter sentences never lower the ease score nor raise the reading age', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (sentences, which, at) => {
        const index = which % sentences.length;
        const chosen = sentences[index]!;
        const cut = 1 + (at % (chosen.length - 1));
        const split = [...sentences.slice(0, index), chosen.slice(0, cut), chosen.slice(cut), ...sentences.slice(index + 1)];
        const before = measureReadability(render(sentences));
        const after = measureReadability(render(split));
        assert.equal(after.sentences, before.sentences + 1);
        assert.equal(after.words, before.words);
        assert.ok(after.fleschReadingEase >= before.fleschReadingEase);
        assert.ok(after.readingAge <= before.readingAge);
      }),
    );
  });

  it('shorter words never lower the ease score nor raise the reading age', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), word, (sentences, which, at, replacement) => {
        const index = which % sentences.length;
        const chosen = sentences[index]!;
        const position = at % chosen.length;
        const original = chosen[position]!;
        fc.pre(countSyllables(replacement) <= countSyllables(original));
        const changed = sentences.map((words, i) => (i === index ? words.map((w, j) => (j === position ? replacement : w)) : words));
        const before = measureReadability(render(sentences));
        const after = measureReadability(render(changed));
        assert.ok(after.fleschReadingEase >= before.fleschReadingEase - 1e-9);
        assert.ok(after.readingAge <= before.readingAge + 1e-9);
      }),
    );
  });

  it('the formulas move the right way for any counts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 3 }), (sentences, words, extra) => {
        const syllables = words + extra * words;
        const base = scores({ sentences, words, syllables });
        assert.ok(scores({ sentences: sentences + 1, words, syllables }).fleschReadingEase > base.fleschReadingEase);
        assert.ok(scores({ sentences, words, syllables: syllables + 1 }).fleschReadingEase < base.fleschReadingEase);
      }),
    );
  });
});
