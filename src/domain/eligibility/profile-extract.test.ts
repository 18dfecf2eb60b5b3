import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchTrial } from './match.ts';
import { parseCriteria } from './parse-criteria.ts';
import { extractPatientProfile } from './profile-extract.ts';

describe('extractPatientProfile', () => {
  it('reads age, sex, diagnosis, state, treatments and performance status from a description', () => {
    const profile = extractPatientProfile('A 34-year-old man with Ph-negative B-ALL in second relapse after chemotherapy and blinatumomab. ECOG 1.');
    assert.equal(profile.age, 34);
    assert.equal(profile.sex, 'male');
    assert.deepEqual([...(profile.cancerType ?? [])].sort(), ['b-all', 'ph-negative']);
    assert.deepEqual(profile.diseaseState, ['relapsed']);
    assert.deepEqual([...(profile.priorTreatments ?? [])].sort(), ['blinatumomab', 'chemotherapy']);
    assert.deepEqual(profile.performanceStatus, { scale: 'ecog', value: 1 });
    // A man is neither pregnant nor breastfeeding.
    assert.equal(profile.pregnant, false);
  });

  it('reads "48 M" note openings, organ-function numbers and negated mentions', () => {
    const profile = extractPatientProfile('58 F with relapsed Philadelphia chromosome-positive ALL after imatinib. She is not pregnant. No CNS involvement. Ejection fraction 55%. Creatinine clearance 80 mL/min.');
    assert.equal(profile.age, 58);
    assert.equal(profile.sex, 'female');
    assert.ok(profile.cancerType?.includes('ph-positive'));
    assert.deepEqual(profile.priorTreatments, ['imatinib']);
    assert.equal(profile.pregnant, false);
    assert.equal(profile.cnsInvolvement, false);
    assert.equal(profile.ejectionFractionPercent, 55);
    assert.equal(profile.creatinineClearanceMlMin, 80);
  });

  it('reads questionnaire answers as said or denied', () => {
    const profile = extractPatientProfile('breast cancer. prior chemotherapy: no. prior radiotherapy: yes. performance status: ECOG 1');
    assert.deepEqual(profile.priorTreatments, ['radiotherapy']);
    assert.deepEqual(profile.performanceStatus, { scale: 'ecog', value: 1 });
  });

  it('leaves unknown what the text does not say', () => {
    const profile = extractPatientProfile('Patient presents with a cough and fever.');
    assert.deepEqual(profile, {});
    // A mention only in the negative does not claim a complete list.
    assert.equal(extractPatientProfile('HIV negative.').infections, undefined);
  });

  it('gives the matcher a profile it can rule out with', () => {
    const criteria = parseCriteria('Inclusion Criteria:\n- T-cell acute lymphoblastic leukaemia\n- Age 18 to 60 years');
    const bAll = extractPatientProfile('A 40-year-old woman with newly diagnosed B-cell acute lymphoblastic leukaemia.');
    const tAll = extractPatientProfile('A 40-year-old woman with newly diagnosed T-cell acute lymphoblastic leukaemia.');
    assert.equal(matchTrial(bAll, criteria).verdict, 'not-eligible');
    assert.equal(matchTrial(tAll, criteria).verdict, 'likely-eligible');
  });
});
