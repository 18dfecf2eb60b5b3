import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { z } from 'zod';
import { matchTrial } from './match.ts';
import { parseCriteria } from './parse-criteria.ts';
import { PatientProfileSchema, parsePatientProfile } from './profile.ts';
import type { PatientProfile } from './profile.ts';
import { chooseNextQuestion, remainingCandidates } from './questionnaire.ts';
import type { Candidate } from './questionnaire.ts';
import { NONE_OF_THESE, PROFILE_FIELDS, QUESTIONS, questionFor } from './questions.ts';
import type { ProfileField } from './questions.ts';

const trial = (id: string, inclusion: readonly string[], exclusion: readonly string[] = []): Candidate => ({
  id,
  criteria: parseCriteria(
    `Inclusion Criteria:\n${inclusion.map((item) => `- ${item}`).join('\n')}\n${exclusion.length > 0 ? `Exclusion Criteria:\n${exclusion.map((item) => `- ${item}`).join('\n')}` : ''}`,
  ),
});

/** Realistic criteria in the shapes registries write them: ages, diagnoses, "one of" lists, organ limits, infections. */
const TRIALS: readonly Candidate[] = [
  trial('adult-relapsed', ['Age 18 years or older', 'Relapsed or refractory B-cell ALL', 'ECOG 0-2', 'Bilirubin ≤ 1.5 x ULN'], ['Active CNS involvement', 'HIV positive']),
  trial('young-ph', ['Age 1 to 30 years', 'Philadelphia chromosome-positive ALL', 'Newly diagnosed'], ['Prior imatinib']),
  trial('older', ['Age 60 years or older', 'Acute lymphoblastic leukaemia'], ['Prior allogeneic stem cell transplant', 'Pregnant or breastfeeding']),
  trial('car-t', ['Age 18 to 70 years', 'CD19 positive B-ALL', 'At least 2 prior lines of therapy', 'Creatinine clearance ≥ 60 mL/min'], ['Prior CAR-T therapy', 'Active hepatitis B or hepatitis C']),
  trial('aml', ['Acute myeloid leukaemia', 'Age 18 years or older'], ['Other malignancy within 5 years']),
  trial('women', ['Female', 'Age 18 to 65 years'], ['Pregnant']),
  trial('one-of', ['Patients must have one of the following:', '1. T-cell ALL', '1. T-lymphoblastic lymphoma', 'Ejection fraction ≥ 50%'], ['Known HIV infection']),
  trial('unread', ['Adequate pulmonary function', 'Able to swallow tablets']),
];

const ALL_FIELDS: ReadonlySet<ProfileField> = new Set();

describe('questions', () => {
  it('has one question per profile field, in the schema’s order', () => {
    assert.deepEqual(QUESTIONS.map((question) => question.field), Object.keys(PatientProfileSchema.shape));
    assert.deepEqual(PROFILE_FIELDS, Object.keys(PatientProfileSchema.shape));
  });

  it('offers the schema’s own values as answers, and every answer is a valid profile', () => {
    for (const question of QUESTIONS) {
      for (const option of question.options) {
        assert.doesNotThrow(() => parsePatientProfile({ [question.field]: question.kind === 'multi' ? [option.answer] : option.answer }), `${question.field}: ${option.value}`);
      }
    }
    const cancer = questionFor('cancerType');
    assert.equal(cancer?.kind, 'multi');
    const element = (PatientProfileSchema.shape.cancerType.unwrap() as z.ZodArray).element as z.ZodEnum;
    assert.deepEqual(cancer.options.map((option) => option.value), element.options);
    assert.equal(questionFor('sex')?.kind, 'choice');
    assert.equal(questionFor('pregnant')?.kind, 'yes-no');
    assert.equal(questionFor('performanceStatus')?.options.length, 5);
    // prior-lines is asked as its own number question, not as a disease state.
    assert.ok(!questionFor('diseaseState')?.options.some((option) => option.value === 'prior-lines'));
    assert.ok(!questionFor('priorTreatments')?.options.some((option) => option.value === NONE_OF_THESE));
  });

  it('takes number ranges from the schema', () => {
    assert.deepEqual(questionFor('age')?.input, { min: 0, max: 120, step: 1, unit: 'years' });
    assert.deepEqual(questionFor('priorLines')?.input, { min: 0, max: 30, step: 1, unit: 'treatments' });
    assert.equal(questionFor('bilirubinXUln')?.input?.step, 0.1);
  });
});

describe('chooseNextQuestion', () => {
  it('asks first the question whose answers rule out most trials on average', () => {
    const next = chooseNextQuestion({ remaining: TRIALS, profile: {}, skipped: ALL_FIELDS });
    assert.ok(next !== null);
    for (const question of QUESTIONS) {
      const alone = chooseNextQuestion({ remaining: TRIALS, profile: {}, skipped: new Set(PROFILE_FIELDS.filter((field) => field !== question.field)) });
      assert.ok((alone?.expectedRuledOut ?? 0) <= next.expectedRuledOut, `${question.field} would narrow more than ${next.question.field}`);
    }
    // The diagnosis splits these trials most: the AML trial against the ALL trials, B- against T-cell.
    assert.equal(next.question.field, 'cancerType');
    assert.equal(next.outcomes.find((outcome) => outcome.value === 'aml')?.remaining, 3);
  });

  it('splits a number question into the ranges the trials’ limits make, with the trials left in each', () => {
    const age = chooseNextQuestion({ remaining: TRIALS, profile: {}, skipped: new Set(PROFILE_FIELDS.filter((field) => field !== 'age')) });
    assert.ok(age !== null);
    assert.deepEqual(age.outcomes.map((outcome) => [outcome.label, outcome.remaining]), [
      ['Under 1 year', 2],
      ['1 to 17 years', 3],
      ['18 to 30 years', 7],
      ['31 to 59 years', 6],
      ['60 to 65 years', 7],
      ['66 to 70 years', 6],
      ['71 years or more', 5],
    ]);
    assert.deepEqual(age.outcomes.map((outcome) => outcome.answer), [0, 1, 18, 31, 60, 66, 71]);
  });

  it('counts exactly what matching the whole trial would, for every question and answer', () => {
    const profiles: PatientProfile[] = [{}, { age: 45 }, { age: 45, cancerType: ['b-all'] }, { sex: 'female', priorTreatments: ['imatinib'] }];
    for (const profile of profiles) {
      const remaining = remainingCandidates(TRIALS, profile);
      for (const question of QUESTIONS) {
        if (profile[question.field] !== undefined) continue;
        const others = new Set(PROFILE_FIELDS.filter((field) => field !== question.field));
        const next = chooseNextQuestion({ remaining, profile, skipped: others });
        for (const outcome of next?.outcomes ?? []) {
          const answered = parsePatientProfile({ ...profile, [question.field]: outcome.answer });
          const left = remaining.filter((candidate) => matchTrial(answered, candidate.criteria).verdict !== 'not-eligible').length;
          assert.equal(outcome.remaining, left, `${question.field} = ${outcome.value} after ${JSON.stringify(profile)}`);
        }
      }
    }
  });

  it('keeps the trial’s own diseases when a question decides an exclusion that names one', () => {
    // The trial enrols B-ALL only through a "one of the following" item, outside what a prior-treatment question
    // decides. matchTrial reads the trial's own diseases from every inclusion item, so "Prior CAR-T therapy for
    // B-ALL" turns away anyone with CAR T, whatever their diagnosis: the quick count must agree.
    const candidate: Candidate = {
      id: 'own-disease-in-one-of',
      criteria: parseCriteria([
        'Inclusion Criteria:',
        '- Age 18 years or older',
        '- Patients must have one of the following:',
        '  1. B-cell ALL in second or later relapse',
        '  2. Lymphoblastic lymphoma',
        'Exclusion Criteria:',
        '- Prior CAR-T therapy for B-ALL',
      ].join('\n')),
    };
    assert.ok(candidate.criteria.some((criterion) => criterion.anyOf !== null && criterion.concepts.some((concept) => concept.value === 'b-all')));
    const remaining = [candidate, ...TRIALS];
    const next = chooseNextQuestion({ remaining, profile: {}, skipped: new Set(PROFILE_FIELDS.filter((field) => field !== 'priorTreatments')) });
    assert.ok(next !== null);
    const carT = next.outcomes.find((outcome) => outcome.value === 'car-t');
    assert.ok(carT !== undefined);
    for (const outcome of next.outcomes) {
      const answered = parsePatientProfile({ priorTreatments: outcome.answer });
      const left = remaining.filter((each) => matchTrial(answered, each.criteria).verdict !== 'not-eligible').length;
      assert.equal(outcome.remaining, left, `priorTreatments = ${outcome.value}`);
    }
    assert.equal(matchTrial(parsePatientProfile({ priorTreatments: carT.answer }), candidate.criteria).verdict, 'not-eligible');
  });

  it('does not ask about pregnancy someone who said they are male, or a young child', () => {
    const pregnancyTrial = [trial('no-pregnancy', ['Age 1 year or older'], ['Pregnant or breastfeeding'])];
    const others = new Set(PROFILE_FIELDS.filter((field) => field !== 'pregnant' && field !== 'breastfeeding'));
    assert.ok(chooseNextQuestion({ remaining: pregnancyTrial, profile: {}, skipped: others }) !== null);
    assert.equal(chooseNextQuestion({ remaining: pregnancyTrial, profile: { sex: 'male' }, skipped: others }), null);
    assert.equal(chooseNextQuestion({ remaining: pregnancyTrial, profile: { age: 4 }, skipped: others }), null);
  });

  it('names the ranges of a measurement by their last value, so a result between steps is not misread', () => {
    const bilirubin = [trial('liver', ['Bilirubin ≤ 1.5 x ULN'])];
    const next = chooseNextQuestion({ remaining: bilirubin, profile: {}, skipped: new Set(PROFILE_FIELDS.filter((field) => field !== 'bilirubinXUln')) });
    assert.deepEqual(next?.outcomes.map((outcome) => outcome.label), ['1.5 times the upper limit of normal or less', '1.6 times the upper limit of normal or more']);
  });

  it('never asks an answered or a skipped question again', () => {
    const skipped = new Set<ProfileField>(['age']);
    const next = chooseNextQuestion({ remaining: TRIALS, profile: {}, skipped });
    assert.ok(next !== null && next.question.field !== 'age');
    const profile = parsePatientProfile({ [next.question.field]: next.outcomes[0]?.answer });
    const after = chooseNextQuestion({ remaining: remainingCandidates(TRIALS, profile), profile, skipped });
    assert.ok(after !== null);
    assert.notEqual(after.question.field, next.question.field);
    assert.notEqual(after.question.field, 'age');
  });

  it('stops when no question left could rule out a trial', () => {
    assert.equal(chooseNextQuestion({ remaining: [TRIALS.at(-1)!], profile: {}, skipped: ALL_FIELDS }), null);
    // Asked in turn, always taking the first answer: the questions run out, each one once, and then it stops.
    let profile: PatientProfile = {};
    const asked: ProfileField[] = [];
    for (let next = chooseNextQuestion({ remaining: TRIALS, profile, skipped: ALL_FIELDS }); next !== null;) {
      asked.push(next.question.field);
      const outcome = next.outcomes.find((candidate) => candidate.remaining > 0) ?? next.outcomes[0];
      profile = parsePatientProfile({ ...profile, [next.question.field]: outcome?.answer });
      next = chooseNextQuestion({ remaining: remainingCandidates(TRIALS, profile), profile, skipped: ALL_FIELDS });
    }
    assert.ok(asked.length >= 3, asked.join(', '));
    assert.equal(new Set(asked).size, asked.length);
  });

  it('sets aside answers that would leave nothing when weighing, but still counts them', () => {
    const all = [TRIALS[0]!, TRIALS[1]!, TRIALS[2]!];
    const next = chooseNextQuestion({ remaining: all, profile: {}, skipped: new Set<ProfileField>(['age']) });
    assert.ok(next !== null);
    const cancer = chooseNextQuestion({ remaining: all, profile: {}, skipped: new Set(PROFILE_FIELDS.filter((field) => field !== 'cancerType')) });
    assert.ok(cancer !== null);
    // AML rules out every ALL trial: an unlikely answer for someone who searched for ALL trials, shown as 0 left.
    assert.equal(cancer.outcomes.find((outcome) => outcome.value === 'aml')?.remaining, 0);
    const plausible = cancer.outcomes.filter((outcome) => outcome.remaining > 0);
    const mean = plausible.reduce((sum, outcome) => sum + all.length - outcome.remaining, 0) / plausible.length;
    assert.equal(cancer.expectedRuledOut, mean);
  });
});
