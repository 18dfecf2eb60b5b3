import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Arm, Intervention, Phase, Site, Trial, TrialStatus } from '../trial.ts';
import { PHASES, STATUSES } from '../trial.ts';
import { deriveTrialFacts } from '../trial-facts.ts';
import { emptyTrial, type TrialFields } from '../trial.fixture.ts';
import { DRAFT_TOPICS, draftSummary, plainName, type DraftSummary } from './draft-summary.ts';

const iv = (type: string, name: string): Intervention => ({ type, name, otherNames: [], description: null });
const arm = (label: string, type: string | null): Arm => ({ label, type, description: null, interventionNames: [] });
const site = (country: string | null, facility = 'A hospital'): Site => ({
  facility, city: null, state: null, postcode: null, country, status: null, latitude: null, longitude: null, contacts: [],
});

/** A trial with every field empty or null but its id and title; tests add what they need. */
const trialWith = (fields: TrialFields): Trial => emptyTrial('NCT00000001', fields);

/** An adult relapsed Ph+ ALL trial, shaped like the demo records' ALL trials. */
const ALL_TRIAL = trialWith({
  briefTitle: 'Ponatinib and Blinatumomab for Relapsed Philadelphia Chromosome Positive Acute Lymphoblastic Leukemia',
  conditions: ['Recurrent B Acute Lymphoblastic Leukemia', 'Philadelphia Chromosome Positive'],
  interventions: [
    iv('drug', 'Ponatinib Hydrochloride'),
    iv('biological', 'Blinatumomab'),
    iv('other', 'Laboratory Biomarker Analysis'),
    iv('other', 'Quality-of-Life Assessment'),
  ],
  phases: ['2'],
  status: 'recruiting',
  dates: { start: '2024-03-15', primaryCompletion: null, completion: null, firstPosted: null, lastUpdate: '2025-06', statusVerified: null },
  eligibility: { criteria: null, minAgeYears: 18, maxAgeYears: null, sex: 'all', healthyVolunteers: false },
  enrollment: 60,
  sites: [site('United States'), site('United States'), site('United Kingdom'), site('France')],
});

const sentencesOf = (draft: DraftSummary): string[] => draft.paragraphs.flatMap((paragraph) => paragraph.sentences.map((s) => s.text));

describe('draftSummary', () => {
  it('says what, for whom, where, which phase and where it stands, in plain words', () => {
    const draft = draftSummary(ALL_TRIAL);
    assert.equal(
      draft.text,
      [
        'This trial tests targeted drugs and immunotherapy. Targeted drugs attack a feature of the cancer cells. ' +
          'Immunotherapy helps your body fight the cancer. The treatments are ponatinib and blinatumomab. ' +
          'The team also does some tests only for research. People are also asked to fill in questionnaires.',
        'It is for adults with 2 types of acute lymphoblastic leukaemia (ALL): B-ALL and Ph+ ALL. ' +
          'It is for cancer that has come back. To join, you must be 18 or older.',
        'It takes place at 4 centres in 3 countries: the United States, the United Kingdom and France. One of them is in the UK.',
        'This is a phase 2 trial. It sees how well the treatment works.',
        'It is looking for people to join now. It started in March 2024. It aims to include 60 people. Its record was last changed in June 2025.',
      ].join('\n\n'),
    );
    assert.deepEqual(draft.paragraphs.map((p) => p.topic), DRAFT_TOPICS);
    assert.equal(draft.trialId, 'NCT00000001');
    assert.ok(draft.readability.fleschReadingEase >= 60, `ease ${draft.readability.fleschReadingEase}`);
  });

  it('names the fields behind every sentence', () => {
    const draft = draftSummary(ALL_TRIAL);
    for (const paragraph of draft.paragraphs) for (const sentence of paragraph.sentences) assert.ok(sentence.from.length > 0, sentence.text);
    const whereFrom = draft.paragraphs.find((p) => p.topic === 'where')?.sentences.map((s) => s.from);
    assert.deepEqual(whereFrom, [['sites'], ['sites', 'facts.ukSiteCount']]);
  });

  it('leaves out what the record does not say', () => {
    const draft = draftSummary(trialWith({ conditions: ['Acute Myeloid Leukemia'] }));
    assert.equal(draft.text, 'This trial is for people with acute myeloid leukaemia (AML).\n\nThe registry does not say if it is still open.');
    assert.deepEqual(draft.paragraphs.map((p) => p.topic), ['who', 'status']);
  });

  it('explains one phase or several', () => {
    assert.deepEqual(sentencesOf(draftSummary(trialWith({ phases: ['1', '2'] }))).slice(0, 3), [
      'This is a phase 1 and 2 trial.',
      'It finds the safest dose.',
      'Then it sees how well the treatment works.',
    ]);
    assert.equal(draftSummary(trialWith({ phases: ['not-applicable'] })).text, 'This trial has no phase. Phases are only used for trials of drugs.\n\nThe registry does not say if it is still open.');
    assert.ok(!draftSummary(trialWith({ phases: ['not-applicable'], studyType: 'observational' })).text.includes('phase'));
  });

  it('says ages in years or months, and who else may join', () => {
    const text = (min: number | null, max: number | null, sex: Trial['eligibility']['sex'] = 'all'): string =>
      draftSummary(trialWith({ eligibility: { criteria: null, minAgeYears: min, maxAgeYears: max, sex, healthyVolunteers: true } })).text;
    assert.match(text(1, 21), /To join, you must be 1 to 21 years old\./);
    assert.match(text(0.5, 17), /To join, you must be 6 months to 17 years old\./);
    assert.match(text(null, 17), /To join, you must be 17 or younger\./);
    assert.match(text(65, null), /To join, you must be 65 or older\./);
    assert.match(text(18, 70, 'female'), /It is only for women\. Healthy volunteers can also take part\./);
    assert.ok(!text(null, null).includes('must be'));
  });

  it('says how many centres are in the UK only when it can know', () => {
    const where = (sites: Site[]): string => draftSummary(trialWith({ sites, conditions: ['Melanoma'] })).paragraphs.find((p) => p.topic === 'where')?.sentences.map((s) => s.text).join(' ') ?? '';
    assert.equal(where([site('United Kingdom'), site('UK')]), 'It takes place at 2 centres in the United Kingdom.');
    assert.equal(where([site('Germany')]), 'It takes place at one centre in Germany. It is not in the UK.');
    assert.equal(where([site('Germany'), site(null)]), 'It takes place at 2 centres in Germany.');
    assert.equal(where([site('Germany'), site('United Kingdom'), site('United Kingdom')]), 'It takes place at 3 centres in 2 countries: Germany and the United Kingdom. Of these, 2 are in the UK.');
    const many = ['Spain', 'Italy', 'Canada', 'Japan', 'Brazil'].map((country) => site(country));
    assert.equal(where(many), 'It takes place at 5 centres in 5 countries. None of them are in the UK.');
  });

  it('keeps comparisons, placebos and research-only tests apart from the treatments tested', () => {
    const draft = draftSummary(
      trialWith({
        interventions: [iv('drug', 'Imatinib Mesylate'), iv('drug', 'Placebo'), iv('genetic', 'Polymerase Chain Reaction')],
        arms: [arm('Imatinib', 'experimental'), arm('Placebo', 'placebo comparator')],
      }),
    );
    const sentences = sentencesOf(draft);
    assert.ok(sentences.includes('The treatment is imatinib.'));
    assert.ok(sentences.includes('The trial has 2 groups.'));
    assert.ok(sentences.includes('One group gets a placebo (a dummy treatment with no medicine in it).'));
    assert.ok(sentences.includes('The team also does some tests only for research.'));
    const placeboOnly = sentencesOf(draftSummary(trialWith({ interventions: [iv('drug', 'Aspirin'), iv('drug', 'placebo')] })));
    assert.ok(placeboOnly.includes('Some people get a placebo (a dummy treatment with no medicine in it).'));
  });

  it('lists a few treatments and counts the rest', () => {
    const names = ['Cytarabine', 'Daunorubicin Hydrochloride', 'Etoposide', 'Methotrexate', 'Vincristine Sulfate'];
    const draft = draftSummary(trialWith({ interventions: names.map((name) => iv('drug', name)) }));
    assert.ok(sentencesOf(draft).includes('The treatments are cytarabine, daunorubicin and 3 others.'));
  });

  it('describes observational studies without claiming a treatment', () => {
    const draft = draftSummary(trialWith({ studyType: 'observational', conditions: ['Candidiasis, Oral'], status: 'completed', dates: { start: null, primaryCompletion: null, completion: '2001-11', firstPosted: null, lastUpdate: null, statusVerified: null }, enrollment: 80 }));
    assert.equal(
      draft.text,
      'This is an observational study. It does not give any treatment. It collects facts about people and their health over time.\n\n' +
        'It is about oral candidiasis.\n\nIt has finished. It ended in November 2001. 80 people took part.',
    );
  });

  it('names up to three cancers, counts more, and reads the disease state from the title and conditions', () => {
    const many = sentencesOf(draftSummary(trialWith({ conditions: ['Breast Cancer', 'Lung Cancer', 'Melanoma', 'Prostate Cancer'] })));
    assert.deepEqual(many.slice(0, 2), ['This trial is for people with one of 4 types of cancer.', 'These include breast cancer and lung cancer.']);
    const state = draftSummary(trialWith({ briefTitle: 'Chemotherapy for Newly Diagnosed Metastatic Breast Cancer', conditions: ['Breast Cancer'] }));
    const sentence = state.paragraphs.find((p) => p.topic === 'who')?.sentences[1];
    assert.deepEqual(sentence, { text: 'It is for cancer that has not been treated yet or has spread.', from: ['briefTitle'] });
    const noCancer = sentencesOf(draftSummary(trialWith({ briefTitle: 'Relapsed infections', conditions: ['Recurrent Infection'] })));
    assert.ok(!noCancer.some((text) => text.includes('come back')), 'a disease state is only said of a cancer');
  });

  it('puts plain names on interventions', () => {
    assert.equal(plainName('Doxorubicin Hydrochloride'), 'doxorubicin');
    assert.equal(plainName('CAR-T Cells'), 'CAR-T cells');
    assert.equal(plainName('Sodium'), 'sodium');
  });
});

const COUNTRIES = ['United Kingdom', 'France', 'United States', 'Germany', 'Canada'];
const NAMES = ['Imatinib', 'Cytarabine', 'Blinatumomab', 'Radiation Therapy', 'Placebo', 'Questionnaire Administration', 'Exercise'];
const CONDITIONS = ['Acute Lymphoblastic Leukemia', 'Breast Cancer', 'Hypertension', 'Melanoma', 'Recurrent Neuroblastoma'];
const date = fc.option(fc.tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`));

const generatedTrial = fc
  .record({
    status: fc.constantFrom<TrialStatus>(...STATUSES),
    phases: fc.subarray<Phase>([...PHASES]),
    studyType: fc.constantFrom<Trial['studyType']>('interventional', 'observational', 'expanded-access', 'unknown'),
    min: fc.option(fc.integer({ min: 0, max: 80 })),
    max: fc.option(fc.integer({ min: 1, max: 99 })),
    sex: fc.constantFrom<Trial['eligibility']['sex']>('all', 'female', 'male'),
    enrollment: fc.option(fc.integer({ min: 0, max: 20000 })),
    countries: fc.array(fc.option(fc.constantFrom(...COUNTRIES), { freq: 5 }), { maxLength: 12 }),
    interventions: fc.subarray(NAMES),
    armTypes: fc.array(fc.constantFrom('experimental', 'active comparator', 'placebo comparator', 'no intervention', null), { maxLength: 4 }),
    conditions: fc.subarray(CONDITIONS),
    start: date,
    completion: date,
    lastUpdate: date,
  })
  .map((g) =>
    trialWith({
      status: g.status,
      phases: g.phases,
      studyType: g.studyType,
      conditions: g.conditions,
      eligibility: { criteria: null, minAgeYears: g.min, maxAgeYears: g.max, sex: g.sex, healthyVolunteers: null },
      enrollment: g.enrollment,
      sites: g.countries.map((country) => site(country)),
      interventions: g.interventions.map((name) => iv('drug', name)),
      arms: g.armTypes.map((type, index) => arm(`Arm ${index}`, type)),
      dates: { start: g.start, primaryCompletion: null, completion: g.completion, firstPosted: null, lastUpdate: g.lastUpdate, statusVerified: null },
    }),
  );

describe('draftSummary never invents', () => {
  it('every figure in a draft is one of the trial’s own, and every country one of its sites’', () => {
    fc.assert(
      fc.property(generatedTrial, (trial) => {
        const facts = deriveTrialFacts(trial, null);
        const draft = draftSummary(trial, facts);
        const countries = new Set(trial.sites.map((s) => (s.country === null ? null : s.country)).filter((c) => c !== null));
        const allowed = new Set<number>([
          trial.sites.length, countries.size, facts.ukSiteCount, trial.arms.length, ...trial.interventions.map((_, i) => i + 1),
          // "one of 4 types of cancer" counts the most specific of the derived types: at most all of them.
          ...facts.cancerTypes.map((_, i) => i + 1), ...trial.arms.map((_, i) => i + 1),
          ...[trial.eligibility.minAgeYears, trial.eligibility.maxAgeYears, trial.enrollment].filter((n) => n !== null),
          ...trial.phases.flatMap((phase) => (/^\d$/.test(phase) ? [Number(phase)] : [1])),
          ...[trial.dates.start, trial.dates.completion, trial.dates.lastUpdate].flatMap((d) => (d === null ? [] : [Number(d.slice(0, 4))])),
        ]);
        for (const figure of draft.text.match(/\d[\d,]*/g) ?? []) assert.ok(allowed.has(Number(figure.replace(/,/g, ''))), `${figure} in: ${draft.text}`);
        for (const country of COUNTRIES) if (draft.text.includes(country)) assert.ok(countries.has(country), `${country} in: ${draft.text}`);
        if (trial.sites.length === 0) assert.ok(!/centre|UK/.test(draft.text));
        if (trial.enrollment === null) assert.ok(!/people took part|aims to include/.test(draft.text));
        if (trial.phases.length === 0) assert.ok(!/phase/i.test(draft.text));
        for (const paragraph of draft.paragraphs) for (const sentence of paragraph.sentences) assert.ok(sentence.from.length > 0);
      }),
      { numRuns: 300 },
    );
  });
});
