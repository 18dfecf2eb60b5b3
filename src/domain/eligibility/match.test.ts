import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchTrial } from './match.ts';
import type { CriterionVerdict } from './match.ts';
import { parseCriteria } from './parse-criteria.ts';
import { parsePatientProfile } from './profile.ts';
import type { PatientProfile } from './profile.ts';

/** The verdict of a one-criterion trial, inclusion unless the text says otherwise. */
function verdictOf(criterion: string, profile: PatientProfile, section: 'Inclusion' | 'Exclusion' = 'Inclusion'): CriterionVerdict {
  const [result] = matchTrial(profile, parseCriteria(`${section} Criteria:\n- ${criterion}`)).results;
  assert.ok(result !== undefined);
  return result.verdict;
}

const relapsedBAll = parsePatientProfile({
  age: 40, sex: 'male', cancerType: ['b-all', 'ph-negative', 'cd19-positive'], diseaseState: ['relapsed'], priorLines: 2,
  priorTreatments: ['chemotherapy', 'blinatumomab'], performanceStatus: { scale: 'ecog', value: 1 }, bilirubinXUln: 1,
  creatinineClearanceMlMin: 90, altAstXUln: 1, cnsInvolvement: false, infections: [], pregnant: false, breastfeeding: false,
  otherCancer: false,
});

describe('matchTrial: one criterion', () => {
  it('meets or fails inclusion criteria by what the person said', () => {
    assert.equal(verdictOf('Age ≥ 18 years', relapsedBAll), 'meets');
    assert.equal(verdictOf('Age 18 to 30 years', relapsedBAll), 'does-not-meet');
    assert.equal(verdictOf('Relapsed or refractory B-ALL', relapsedBAll), 'meets');
    assert.equal(verdictOf('Newly diagnosed ALL', relapsedBAll), 'does-not-meet');
    assert.equal(verdictOf('Philadelphia chromosome-positive ALL', relapsedBAll), 'does-not-meet');
    assert.equal(verdictOf('T-cell ALL', relapsedBAll), 'does-not-meet');
    assert.equal(verdictOf('Acute myeloid leukaemia', relapsedBAll), 'does-not-meet');
    assert.equal(verdictOf('ECOG 0-2', relapsedBAll), 'meets');
    assert.equal(verdictOf('ECOG 0', relapsedBAll), 'does-not-meet');
    assert.equal(verdictOf('Karnofsky ≥ 70%', relapsedBAll), 'meets');
    assert.equal(verdictOf('Karnofsky ≥ 80%', relapsedBAll), 'unknown');
    assert.equal(verdictOf('Bilirubin ≤ 1.5 x ULN', relapsedBAll), 'meets');
    assert.equal(verdictOf('Bilirubin ≤ 1.5 mg/dL', relapsedBAll), 'unknown');
    assert.equal(verdictOf('Creatinine clearance ≥ 100 mL/min', relapsedBAll), 'does-not-meet');
    assert.equal(verdictOf('No prior blinatumomab', relapsedBAll), 'does-not-meet');
    assert.equal(verdictOf('At least 2 prior lines of therapy', relapsedBAll), 'meets');
    assert.equal(verdictOf('HIV negative', relapsedBAll), 'meets');
    assert.equal(verdictOf('Female', relapsedBAll), 'does-not-meet');
  });

  it('turns exclusion criteria around: meeting the concept means not meeting the criterion', () => {
    assert.equal(verdictOf('Prior CAR-T therapy', relapsedBAll, 'Exclusion'), 'meets');
    assert.equal(verdictOf('Prior blinatumomab', relapsedBAll, 'Exclusion'), 'does-not-meet');
    assert.equal(verdictOf('Active CNS involvement', relapsedBAll, 'Exclusion'), 'meets');
    assert.equal(verdictOf('Active hepatitis B', relapsedBAll, 'Exclusion'), 'meets');
    assert.equal(verdictOf('Pregnant or breastfeeding', relapsedBAll, 'Exclusion'), 'meets');
    assert.equal(verdictOf('Unable to give informed consent', relapsedBAll, 'Exclusion'), 'meets');
    assert.equal(verdictOf('Bilirubin > 3 x ULN', relapsedBAll, 'Exclusion'), 'meets');
  });

  it('says unknown when the profile does not say, and when no concept was read', () => {
    assert.equal(verdictOf('Relapsed ALL', {}), 'unknown');
    assert.equal(verdictOf('Adequate pulmonary function', relapsedBAll), 'unknown');
    assert.equal(verdictOf('Prior imatinib', parsePatientProfile({ priorTreatments: ['tki'] })), 'unknown');
    assert.equal(verdictOf('No chemotherapy within 14 days', relapsedBAll), 'unknown');
  });

  it('never rules anyone out on a permissive or conditional criterion', () => {
    assert.equal(verdictOf('Prior imatinib allowed', relapsedBAll), 'meets');
    assert.equal(verdictOf('If HIV positive, must have CD4 count > 200', parsePatientProfile({ infections: ['hiv'] })), 'unknown');
    assert.equal(verdictOf('At least 4 weeks since prior radiotherapy', relapsedBAll), 'meets');
    assert.equal(verdictOf('Must use effective contraception', relapsedBAll), 'meets');
  });
});

describe('matchTrial: reasons', () => {
  it('explains a verdict in plain words, quoting what the person said', () => {
    const [result] = matchTrial(parsePatientProfile({ diseaseState: ['newly-diagnosed'] }), parseCriteria('- Relapsed ALL')).results;
    assert.equal(result?.reason.split('. ')[0], 'This trial is for people whose cancer has come back (relapsed)');
    assert.match(result?.reason ?? '', /You said yours has not\.$/);
    const [leukaemia] = matchTrial(parsePatientProfile({ cancerType: ['b-all'], diseaseState: ['newly-diagnosed'] }), parseCriteria('- Relapsed ALL')).results;
    assert.equal(leukaemia?.reason, 'This trial is for people whose leukaemia has come back (relapsed). You said yours has not.');
    const [age] = matchTrial(parsePatientProfile({ age: 70 }), parseCriteria('- Age 18 to 65 years')).results;
    assert.equal(age?.reason, 'This trial is for people aged 18 to 65. You are 70.');
    const [exclusion] = matchTrial(relapsedBAll, parseCriteria('Exclusion Criteria:\n- Prior CAR-T')).results;
    assert.equal(exclusion?.reason, 'This trial is not for people who have had CAR T-cell therapy. You said you have not had it.');
    const [unread] = matchTrial(relapsedBAll, parseCriteria('- Adequate pulmonary function')).results;
    assert.match(unread?.reason ?? '', /Ask your specialist/);
  });
});

describe('matchTrial: the trial', () => {
  const trial = parseCriteria([
    'Inclusion Criteria:', '- Age >= 18 years', '- Relapsed or refractory CD19+ B-ALL', '- ECOG 0-2', '- Bilirubin <= 1.5 x ULN',
    '- Patients must have one of the following:', '   - first relapse within 12 months', '   - refractory disease',
    'Exclusion Criteria:', '- Prior CAR-T therapy', '- Active CNS involvement', '- HIV positive', '- Uncontrolled hypertension',
  ].join('\n'));

  it('is likely-eligible when every criterion it could read is met (and few could not be read)', () => {
    const match = matchTrial(relapsedBAll, trial);
    assert.equal(match.verdict, 'likely-eligible');
    assert.equal(match.results.length, 10);
  });

  it('is not-eligible when any criterion is not met, and ranks below', () => {
    const newlyDiagnosed = parsePatientProfile({ ...relapsedBAll, diseaseState: ['newly-diagnosed'], priorLines: 0, priorTreatments: [] });
    const match = matchTrial(newlyDiagnosed, trial);
    assert.equal(match.verdict, 'not-eligible');
    assert.ok(match.score < matchTrial(relapsedBAll, trial).score);
  });

  it('is might-be-eligible when the profile leaves things unknown; unknowns lower the score less than failures', () => {
    const vague = matchTrial(parsePatientProfile({ age: 40 }), trial);
    assert.equal(vague.verdict, 'might-be-eligible');
    const failing = matchTrial(parsePatientProfile({ age: 40, cnsInvolvement: true }), trial);
    assert.equal(failing.verdict, 'not-eligible');
    assert.ok(vague.score > failing.score);
    assert.ok(matchTrial(relapsedBAll, trial).score > vague.score);
  });

  it('needs only one of a "one of the following" list', () => {
    const match = matchTrial(relapsedBAll, trial);
    const group = match.results.filter((r) => r.criterion.anyOf !== null).map((r) => r.verdict);
    assert.deepEqual(group, ['meets', 'unknown']);
    assert.notEqual(match.verdict, 'not-eligible');
  });

  it('treats a list of diagnoses as alternatives', () => {
    const diseases = parseCriteria('DISEASE CHARACTERISTICS:\n  -  Chronic myeloid leukaemia\n  -  Acute lymphoblastic leukaemia\n  -  Multiple myeloma');
    assert.notEqual(matchTrial(relapsedBAll, diseases).verdict, 'not-eligible');
    assert.equal(matchTrial(parsePatientProfile({ cancerType: ['aml'] }), diseases).verdict, 'not-eligible');
  });

  it('gives a trial without criteria a middling verdict', () => {
    assert.equal(matchTrial(relapsedBAll, parseCriteria(null)).verdict, 'might-be-eligible');
  });
});

describe('matchTrial: unknowns and alternatives (added after the first held-out run)', () => {
  const newlyDiagnosed = parsePatientProfile({
    age: 30, cancerType: ['b-all'], diseaseState: ['newly-diagnosed'], priorLines: 0, priorTreatments: [], cnsInvolvement: false,
  });
  const verdictOfTrial = (lines: readonly string[], profile: PatientProfile): string => matchTrial(profile, parseCriteria(lines.join('\n'))).verdict;

  it('never fails an item whose other branch is a treatment still to come', () => {
    assert.equal(verdictOf('On re-induction therapy now or designated for chemotherapy', newlyDiagnosed), 'unknown');
    // Nothing else to weigh: a plan we cannot check does not lower a verdict.
    assert.equal(verdictOfTrial(['- B-ALL', '- On re-induction therapy now or designated for chemotherapy'], newlyDiagnosed), 'likely-eligible');
  });

  it('holds the words before a colon for every branch written with capital OR', () => {
    const item = 'Lymphoblastic leukaemia in second remission or relapsed: on treatment OR within 6 months of stopping it';
    assert.equal(verdictOf(item, newlyDiagnosed), 'does-not-meet');
    // A branch we cannot read may be the one met: the lead-in decides.
    assert.equal(verdictOf(item, relapsedBAll), 'meets');
  });

  it('holds the words before "any of the following …:" for every item of the list', () => {
    const item = 'Babies in first remission with any of the following features: CNS disease, very high white count';
    assert.equal(verdictOf(item, parsePatientProfile({ diseaseState: ['second-or-later-remission'], cnsInvolvement: true })), 'does-not-meet');
    assert.equal(verdictOf(item, parsePatientProfile({ diseaseState: ['first-remission'], cnsInvolvement: true })), 'meets');
  });

  it('takes a relapse or a remission as proof of earlier chemotherapy when treatments are not given', () => {
    assert.equal(verdictOf('No earlier cytotoxic chemotherapy', parsePatientProfile({ diseaseState: ['relapsed'] })), 'does-not-meet');
    assert.equal(verdictOf('No earlier cytotoxic chemotherapy', parsePatientProfile({ age: 30 })), 'unknown');
  });

  it('does not weigh an age limit that has no numbers', () => {
    const children = matchTrial(newlyDiagnosed, parseCriteria('Age: Children')).results[0];
    assert.equal(children?.verdict, 'unknown');
    assert.match(children?.reason ?? '', /Ask your specialist/);
  });

  it('reads "… are excluded" in an exclusion list the way the list means it', () => {
    assert.equal(verdictOf('People with HIV are excluded', parsePatientProfile({ infections: [] }), 'Exclusion'), 'meets');
    assert.equal(verdictOf('People with HIV are excluded', parsePatientProfile({ infections: ['hiv'] }), 'Exclusion'), 'does-not-meet');
  });
});

describe('matchTrial: readings added from the third development set', () => {
  const relapsed = (extra: Record<string, unknown> = {}): PatientProfile =>
    parsePatientProfile({ age: 30, cancerType: ['b-all'], diseaseState: ['relapsed'], priorTreatments: ['chemotherapy'], ...extra });
  const newly = (extra: Record<string, unknown> = {}): PatientProfile =>
    parsePatientProfile({ age: 30, cancerType: ['b-all'], diseaseState: ['newly-diagnosed'], priorTreatments: [], ...extra });

  it('leaves a treatment the person must be having at entry unknown, whatever they had before', () => {
    assert.equal(verdictOf('Patients undergoing an allogeneic stem cell transplant', newly()), 'unknown');
    assert.equal(verdictOf('Patients undergoing an allogeneic stem cell transplant', relapsed({ priorTreatments: ['allogeneic-transplant'] })), 'unknown');
    assert.equal(verdictOf('Patients currently receiving investigational agents', newly(), 'Exclusion'), 'meets');
  });

  it('reads an age limit at diagnosis against the age now only as far as it can tell', () => {
    assert.equal(verdictOf('Aged 25 or under at diagnosis', newly()), 'does-not-meet');
    assert.equal(verdictOf('Aged 25 or under at diagnosis', relapsed()), 'unknown');
    assert.equal(verdictOf('Aged 25 or under at diagnosis', relapsed({ age: 20 })), 'meets');
    assert.equal(verdictOf('Aged 18 or over at diagnosis', relapsed({ age: 16 })), 'does-not-meet');
  });

  it('leaves a treatment limited by dose or site unknown for a person who had it', () => {
    assert.equal(verdictOf('No earlier radiotherapy of more than 20 Gy', relapsed({ priorTreatments: ['chemotherapy', 'radiotherapy'] })), 'unknown');
    assert.equal(verdictOf('No earlier radiotherapy of more than 20 Gy', relapsed()), 'meets');
  });

  it('does not rule out on a limit the trial waives when the disease causes it', () => {
    const high = relapsed({ bilirubinXUln: 2 });
    assert.equal(verdictOf('Bilirubin no greater than 1.5 times ULN', high), 'does-not-meet');
    assert.equal(verdictOf('Bilirubin no greater than 1.5 times ULN unless due to leukaemia', high), 'unknown');
    const besideIt = matchTrial(high, parseCriteria('Inclusion Criteria:\nHepatic:\n- (unless caused by the disease)\n- Bilirubin no greater than 1.5 times ULN'));
    assert.equal(besideIt.verdict, 'might-be-eligible');
  });

  it('does not rule out on something another criterion allows on a condition', () => {
    const trial = parseCriteria('Inclusion Criteria:\n- No active CNS involvement\n- CNS involvement allowed if cleared by intrathecal therapy');
    assert.equal(matchTrial(relapsed({ cnsInvolvement: true }), trial).verdict, 'might-be-eligible');
    assert.equal(matchTrial(relapsed({ cnsInvolvement: true }), parseCriteria('Inclusion Criteria:\n- No active CNS involvement')).verdict, 'not-eligible');
  });

  it('reads the disease states a person gives as all that hold now, and a past remission as one reached before', () => {
    assert.equal(verdictOf('In complete remission', relapsed()), 'does-not-meet');
    assert.equal(verdictOf('In complete remission', newly()), 'does-not-meet');
    assert.equal(verdictOf('Had achieved a complete remission with earlier therapy', relapsed()), 'meets');
    assert.equal(verdictOf('Had achieved a complete remission with earlier therapy', newly()), 'does-not-meet');
  });

  it('reads an item that rules a subtype out as narrowing the diagnosis, not as another one', () => {
    const trial = parseCriteria('Inclusion Criteria:\n- Diagnosis of acute lymphoblastic leukaemia\n- Non-T-cell ALL expressing CD19+');
    assert.equal(matchTrial(parsePatientProfile({ cancerType: ['aml'] }), trial).verdict, 'not-eligible');
  });

  it('reads only diagnoses and branches as the alternatives of a run-on disease section', () => {
    const trial = parseCriteria('DISEASE CHARACTERISTICS: Diagnosis of lymphoma OR acute lymphoblastic leukemia No CNS involvement Must have a recent CT scan');
    assert.equal(matchTrial(parsePatientProfile({ cancerType: ['aml'] }), trial).verdict, 'not-eligible');
    assert.equal(matchTrial(parsePatientProfile({ cancerType: ['all'], cnsInvolvement: true }), trial).verdict, 'not-eligible');
    assert.equal(matchTrial(parsePatientProfile({ cancerType: ['all'], cnsInvolvement: false }), trial).verdict, 'likely-eligible');
  });

  it('counts a list of alternatives left open only by one it could not read as a question, not an unread line', () => {
    const trial = parseCriteria('Inclusion Criteria:\n- One of the following:\n  - Lymphoma\n  - Other leukaemias\n- ECOG 0-2');
    assert.equal(matchTrial(parsePatientProfile({ cancerType: ['all'], performanceStatus: { scale: 'ecog', value: 1 } }), trial).verdict, 'might-be-eligible');
  });
});

describe('matchTrial: readings added from the fourth development set', () => {
  it('reads a trial that enrols several groups of patients by disease as alternatives', () => {
    const trial = parseCriteria([
      'Inclusion Criteria:',
      '- Patients aged 50 to 74 years with non-Hodgkin lymphoma or multiple myeloma who relapsed after autologous transplant',
      '- Patients under 75 years of age with other malignant diseases treatable by allogeneic transplant',
      '- Age 18 years or older',
    ].join('\n'));
    // Someone with ALL is not in the first group, but may be in the second: not ruled out.
    assert.equal(matchTrial(parsePatientProfile({ age: 40, cancerType: ['all'], otherCancer: false }), trial).verdict, 'might-be-eligible');
    // Too young for the first group and without a lymphoma or myeloma: nothing rules out the second group either.
    assert.notEqual(matchTrial(parsePatientProfile({ age: 40, cancerType: ['myeloma'], priorTreatments: ['autologous-transplant'], diseaseState: ['relapsed'] }), trial).verdict, 'not-eligible');
    // One disease named twice, refined the second time, is no choice of groups: both apply.
    const one = parseCriteria('Inclusion Criteria:\n- Diagnosis of acute lymphoblastic leukaemia in first relapse\n- Philadelphia chromosome-positive ALL with ECOG 0-2');
    assert.equal(matchTrial(parsePatientProfile({ cancerType: ['b-all', 'ph-negative'], diseaseState: ['relapsed'] }), one).verdict, 'not-eligible');
  });

  it('reads each flattened bullet of a "one of the following" item as its own alternative', () => {
    const trial = parseCriteria('DISEASE CHARACTERISTICS: Any one of the following conditions: -Acute myeloid leukemia in first remission -Acute lymphocytic leukemia with t(9;22) in first remission -Chronic myeloid leukemia in blast crisis');
    // Newly diagnosed ALL meets none of the branches: the ALL branch needs a first remission too.
    assert.equal(matchTrial(parsePatientProfile({ cancerType: ['b-all', 'ph-negative'], diseaseState: ['newly-diagnosed'] }), trial).verdict, 'not-eligible');
    assert.notEqual(matchTrial(parsePatientProfile({ cancerType: ['aml'], diseaseState: ['first-remission'] }), trial).verdict, 'not-eligible');
  });

  it('lets consent beside another concept say only when, and never makes a trial likely by consent or permission alone', () => {
    assert.equal(verdictOf('Known HIV infection at the time of informed consent', parsePatientProfile({ infections: ['hiv'] }), 'Exclusion'), 'does-not-meet');
    const onlyAgreements = parseCriteria('Inclusion Criteria:\n- Able to give written informed consent\n- Prior imatinib allowed');
    assert.equal(matchTrial(parsePatientProfile({}), onlyAgreements).verdict, 'might-be-eligible');
  });

  it('counts whole-year age limits as people count age', () => {
    assert.equal(verdictOf('Age 17 years or younger', parsePatientProfile({ age: 17.5 })), 'meets');
    assert.equal(verdictOf('Age 18 years or older', parsePatientProfile({ age: 17.9 })), 'does-not-meet');
    // A limit with a fraction of a year (a registry's "6 months") is compared as given.
    assert.equal(verdictOf('Ages 0.5 to 2 years', parsePatientProfile({ age: 0.3 })), 'does-not-meet');
    assert.equal(verdictOf('Ages 0.5 to 2 years', parsePatientProfile({ age: 0.7 })), 'meets');
    assert.equal(verdictOf('Ages 0.5 to 2 years', parsePatientProfile({ age: 40 })), 'does-not-meet');
  });

  it('reads a limit written without a comparison by its section and what a high value means', () => {
    const high = parsePatientProfile({ altAstXUln: 5 });
    const normal = parsePatientProfile({ altAstXUln: 1 });
    assert.equal(verdictOf('SGOT 4 x the upper limit of normal', high, 'Exclusion'), 'does-not-meet');
    assert.equal(verdictOf('SGOT 4 x the upper limit of normal', normal, 'Exclusion'), 'meets');
    assert.equal(verdictOf('SGOT 4 x the upper limit of normal', normal), 'meets');
  });

  it('leaves the donor’s requirements to the specialist', () => {
    const trial = parseCriteria('Inclusion Criteria:\n- Acute leukaemia\n- DONOR:\n  - Donor must consent to G-CSF administration\n  - Age under 75 years');
    const results = matchTrial(parsePatientProfile({ age: 80, priorTreatments: [] }), trial).results;
    assert.ok(results.every((result) => result.verdict !== 'does-not-meet'), JSON.stringify(results.map((r) => [r.criterion.text, r.verdict])));
  });

  it('keeps "Not" with the words wrapped onto the next line', () => {
    const trial = parseCriteria('PATIENT CHARACTERISTICS: Other: Not\n        HIV positive Not pregnant or nursing');
    assert.equal(matchTrial(parsePatientProfile({ infections: [], pregnant: false, breastfeeding: false }), trial).verdict, 'likely-eligible');
  });

  it('lets a score converted from the other scale meet a limit, never fail it', () => {
    assert.equal(verdictOf('Karnofsky 70-100%', parsePatientProfile({ performanceStatus: { scale: 'ecog', value: 2 } })), 'unknown');
    assert.equal(verdictOf('Karnofsky 70-100%', parsePatientProfile({ performanceStatus: { scale: 'ecog', value: 1 } })), 'meets');
    assert.equal(verdictOf('ECOG 0-1', parsePatientProfile({ performanceStatus: { scale: 'ecog', value: 2 } })), 'does-not-meet');
  });

  it('leaves "no uncontrolled CNS disease" open for someone with CNS disease, who may have it under control', () => {
    assert.equal(verdictOf('No uncontrolled CNS leukemia', parsePatientProfile({ cnsInvolvement: true })), 'unknown');
    assert.equal(verdictOf('No uncontrolled CNS leukemia', parsePatientProfile({ cnsInvolvement: false })), 'meets');
    assert.equal(verdictOf('Active CNS involvement', parsePatientProfile({ cnsInvolvement: true }), 'Exclusion'), 'does-not-meet');
  });

  it('counts a list nested under one alternative for that alternative only', () => {
    const trial = parseCriteria([
      'Inclusion Criteria:',
      '- Diagnosis of one of the following:',
      '  - AML or ALL in second remission',
      '  - ALL in first complete remission with poor risk cytogenetics such as',
      '    - Philadelphia chromosome 9:22 OR',
      '    - WBC greater than 100,000/mm3',
      '  - Myelodysplastic syndromes',
    ].join('\n'));
    // Ph-negative ALL in second remission: the nested list is about first remission only.
    assert.notEqual(matchTrial(parsePatientProfile({ cancerType: ['b-all', 'ph-negative'], diseaseState: ['relapsed', 'second-or-later-remission'] }), trial).verdict, 'not-eligible');
    // Newly diagnosed ALL, not in remission: no alternative fits.
    assert.equal(matchTrial(parsePatientProfile({ cancerType: ['b-all', 'ph-negative'], diseaseState: ['newly-diagnosed'] }), trial).verdict, 'not-eligible');
  });

  it('reads refractory anaemia with excess blasts as a myelodysplastic syndrome, not refractory disease', () => {
    const [criterion] = parseCriteria('Inclusion Criteria:\n- Refractory anemia with excess blasts (RAEB)');
    assert.deepEqual(criterion?.concepts.map((c) => `${c.type} ${c.value}`), ['cancer-type mds']);
  });

  it('reads failed conventional therapy as refractory disease, which a relapse after it meets too', () => {
    const criterion = 'Malignancy that has failed conventional therapy';
    assert.equal(verdictOf(criterion, parsePatientProfile({ diseaseState: ['relapsed', 'second-or-later-remission'] })), 'meets');
    assert.equal(verdictOf(criterion, parsePatientProfile({ diseaseState: ['refractory'] })), 'meets');
    assert.equal(verdictOf(criterion, parsePatientProfile({ diseaseState: ['newly-diagnosed'] })), 'does-not-meet');
  });

  it('reads limits written after the words: prior lines "≥ 2", grades before the scale\'s name', () => {
    assert.equal(verdictOf('Prior lines of therapy ≥ 2', parsePatientProfile({ priorLines: 1 })), 'does-not-meet');
    assert.equal(verdictOf('Prior lines of therapy ≥ 2', parsePatientProfile({ priorLines: 3 })), 'meets');
    assert.equal(verdictOf('Performance status 0-2 (ECOG)', parsePatientProfile({ performanceStatus: { scale: 'ecog', value: 3 } })), 'does-not-meet');
    assert.equal(verdictOf('Performance status 0-2 (ECOG)', parsePatientProfile({ performanceStatus: { scale: 'ecog', value: 1 } })), 'meets');
  });

  it('reads a requirement for some of a trial\'s diseases as conditional, and a dose we cannot check as a question', () => {
    const trial = parseCriteria([
      'Inclusion Criteria:',
      '- Diagnosis of one of the following:',
      '  - Acute myeloid leukemia',
      '  - Prostate cancer',
      '- Patients with prostate cancer must have tumor cells in bone marrow',
    ].join('\n'));
    assert.notEqual(matchTrial(parsePatientProfile({ cancerType: ['aml'] }), trial).verdict, 'not-eligible');
    assert.equal(verdictOf('No prior radiotherapy at doses that would preclude study', parsePatientProfile({ priorTreatments: ['radiotherapy'] })), 'unknown');
    assert.equal(verdictOf('No prior radiotherapy', parsePatientProfile({ priorTreatments: ['radiotherapy'] })), 'does-not-meet');
  });

  it('reads a broad group with its state as one of the diseases, and "selected patients ..." as an extension', () => {
    const trial = parseCriteria([
      'Inclusion Criteria:',
      '- Myelodysplastic syndromes',
      '- Acute leukemia in remission',
      '- Chronic myelogenous leukemia in second chronic phase',
      '- Selected patients with any of the above who are older than 65 years with a Karnofsky score of 70 or more',
    ].join('\n'));
    assert.notEqual(matchTrial(parsePatientProfile({ age: 58, cancerType: ['cml'], diseaseState: ['relapsed'] }), trial).verdict, 'not-eligible');
    assert.equal(matchTrial(parsePatientProfile({ age: 58, cancerType: ['myeloma'], diseaseState: ['relapsed'] }), trial).verdict, 'not-eligible');
  });

  it('keeps a broad group\'s leniency to its own branch of a one-of item', () => {
    const trial = parseCriteria('DISEASE CHARACTERISTICS: Any one of the following conditions: -Acute leukemia refractory to induction or after 1 or more relapses -Acute myeloid leukemia in first remission -Myelodysplastic syndrome');
    assert.equal(matchTrial(parsePatientProfile({ cancerType: ['b-all'], diseaseState: ['newly-diagnosed'] }), trial).verdict, 'not-eligible');
    assert.notEqual(matchTrial(parsePatientProfile({ cancerType: ['b-all'], diseaseState: ['relapsed'] }), trial).verdict, 'not-eligible');
  });
});

describe('matchTrial: readings from the retired held-out sets (test2, test3)', () => {
  const relapsedCll = parsePatientProfile({
    age: 70, sex: 'female', cancerType: ['cll'], diseaseState: ['relapsed'], priorLines: 1, priorTreatments: ['chemotherapy'],
    performanceStatus: { scale: 'ecog', value: 1 }, otherCancer: true,
  });

  it('reads a disease on a line of its own as the head of the numbered states indented under it', () => {
    const trial = parseCriteria([
      'Inclusion Criteria:',
      '',
      '    Acute Myeloid Leukemia, Age 18-75',
      '',
      '      1. In first or second remission',
      '',
      '      2. Any relapse with few blasts',
      '',
      '    Acute Lymphoblastic Leukemia, Age 18-75',
      '',
      '      1. In second remission',
      '',
      '      2. Any relapse with few blasts',
      '',
      '    Chronic Myeloid Leukemia, Age 18-75',
      '',
      '      1. Chronic phase',
    ].join('\n'));
    assert.equal(trial.find((c) => c.text.startsWith('In second'))?.parent, 'Acute Lymphoblastic Leukemia, Age 18-75');
    // Relapsed ALL meets the ALL group through its second state; the AML and CML states are not theirs to meet.
    assert.notEqual(matchTrial(relapsedBAll, trial).verdict, 'not-eligible');
    assert.equal(matchTrial(relapsedCll, trial).verdict, 'not-eligible');
  });

  it('leaves an item about one of its parent\'s diseases to the people with that disease', () => {
    const trial = parseCriteria([
      'Inclusion Criteria:',
      '  -  Confirmed non-Hodgkin\'s lymphoma, chronic lymphocytic leukemia, or multiple myeloma',
      '       -  Low or high grade NHL OR',
      '  -  Confirmed Hodgkin\'s disease after chemotherapy',
    ].join('\n'));
    assert.notEqual(matchTrial(relapsedCll, trial).verdict, 'not-eligible');
  });

  it('does not read an age that says whom another limit is for as the trial\'s age limit', () => {
    assert.equal(verdictOf('ECOG 0, 1, or 2 or Lansky > 50% for patients < 16 years of age', relapsedBAll), 'meets');
  });

  it('reads "X patients must" and "patients with X may" as about those patients only', () => {
    assert.equal(verdictOf('Ph chromosome-positive patients must have a matched donor', relapsedBAll), 'meets'); // not Ph-positive: not for them
    assert.equal(verdictOf('Patients in remission may be CD45 negative', relapsedBAll), 'unknown');
    assert.equal(verdictOf('Patients with Ph-positive disease may be up to age 65', relapsedBAll), 'meets');
  });

  it('does not settle "no prior <named drug>" from chemotherapy in general', () => {
    assert.equal(verdictOf('No prior topotecan', relapsedBAll), 'unknown');
    assert.equal(verdictOf('No prior radiotherapy to maximum tolerated levels to any normal organ', parsePatientProfile({ priorTreatments: ['radiotherapy'] })), 'unknown');
  });

  it('does not read organ grafts as stem cell transplants, nor malignant hyperthermia as a cancer', () => {
    const afterAllo = parsePatientProfile({ priorTreatments: ['chemotherapy', 'allogeneic-transplant'], otherCancer: true });
    assert.equal(verdictOf('No prior organ allograft', afterAllo), 'unknown');
    assert.equal(verdictOf('No familial history of malignant hyperthermia', afterAllo), 'unknown');
  });

  it('leaves a concurrent other cancer open when the person has had one', () => {
    assert.equal(verdictOf('No concurrent malignancy', relapsedCll), 'unknown');
    assert.equal(verdictOf('No other malignancy', relapsedCll), 'does-not-meet');
  });

  it('reads what a later phase asks as not asked now, and a bare phase heading as nothing', () => {
    const newlyDiagnosed = parsePatientProfile({ cancerType: ['b-all'], diseaseState: ['newly-diagnosed'], priorTreatments: [] });
    const trial = parseCriteria(['Inclusion Criteria:', '  -  Induction therapy:', '  -  Postinduction therapy:', '       -  Documented complete remission'].join('\n'));
    assert.ok(matchTrial(newlyDiagnosed, trial).results.every((r) => r.verdict !== 'does-not-meet'));
  });

  it('reads "For donors under 18 ..." as about the donor', () => {
    assert.equal(verdictOf('For donors under 18 years of age, an assent form must be completed.', relapsedBAll), 'unknown');
  });
});

describe('matchTrial: readings from the retired held-out set test4', () => {
  const newlyDiagnosed = parsePatientProfile({ age: 30, cancerType: ['b-all'], diseaseState: ['newly-diagnosed'], priorTreatments: [], creatinineClearanceMlMin: 118 });

  it('leaves a narrowed kind of relapse open for someone who relapsed', () => {
    assert.equal(verdictOf('No isolated extramedullary relapse (e.g., testicular, CNS)', relapsedBAll), 'unknown');
    assert.equal(verdictOf('No relapse', relapsedBAll), 'does-not-meet');
  });

  it('does not read a new illness of another kind as a new cancer, nor a life expectancy as a score', () => {
    assert.equal(verdictOf('No history of unstable or newly diagnosed angina pectoris', newlyDiagnosed), 'unknown');
    const [result] = matchTrial(relapsedBAll, parseCriteria('Performance status:\n- Life expectancy: At least 3 months')).results;
    assert.notEqual(result?.verdict, 'does-not-meet');
  });

  it('reads a treatment forbidden after the trial\'s last dose as not asked now', () => {
    assert.equal(verdictOf('No investigational or standard chemotherapy for at least 2 months after completion of last dose of UCN-01', relapsedBAll), 'unknown');
  });

  it('leaves an item open when an alternative is in words it cannot read', () => {
    assert.equal(verdictOf('Malignancy that is refractory to standard therapy or for which no standard therapy exists', newlyDiagnosed), 'unknown');
  });

  it('reads "patients with X must ..." as about those patients even when X is not in the vocabulary', () => {
    assert.equal(verdictOf('Patients with low grade lymphoproliferative disorders must have received at least 1 prior regimen', newlyDiagnosed), 'unknown');
  });

  it('meets a conditional limit the person is named by and meets, and leaves an unread one out of the verdict', () => {
    const afterRelapse = parsePatientProfile({ age: 30, cancerType: ['b-all'], diseaseState: ['relapsed'], priorTreatments: ['chemotherapy'], creatinineClearanceMlMin: 118 });
    assert.equal(verdictOf('Creatinine clearance at least 60 mL/min in patients with first relapse', afterRelapse), 'meets');
    const trial = parseCriteria('Inclusion Criteria:\n- Relapsed ALL\n- No unaspirable pleural effusions in patients with first relapse');
    assert.equal(matchTrial(afterRelapse, trial).verdict, 'likely-eligible');
  });
});

describe('matchTrial: a disease allowed besides the others', () => {
  it('counts "other ... neoplasms allowed" as one of the trial\'s diseases, not as met by anyone', () => {
    const trial = parseCriteria([
      'DISEASE CHARACTERISTICS:',
      '  -  Intermediate- or high-risk chronic lymphocytic leukemia (CLL)',
      '  -  Other low-grade B-cell neoplasms, including follicular lymphoma allowed',
    ].join('\n'));
    assert.equal(matchTrial(relapsedBAll, trial).verdict, 'not-eligible');
    assert.notEqual(matchTrial(parsePatientProfile({ cancerType: ['lymphoma'] }), trial).verdict, 'not-eligible');
  });

  it('lets such a permission alone ask nothing', () => {
    assert.equal(verdictOf('Follicular lymphoma allowed', relapsedBAll), 'meets');
    assert.notEqual(matchTrial(relapsedBAll, parseCriteria('Inclusion Criteria:\n- Follicular lymphoma allowed')).verdict, 'not-eligible');
  });
});

describe('matchTrial: a trial that names every disease it takes', () => {
  it('turns away a person with none of them, whatever alternatives it left open in words we cannot read', () => {
    const trial = parseCriteria([
      'DISEASE CHARACTERISTICS:',
      '  -  Diagnosis of refractory chronic lymphocytic leukemia OR',
      '  -  Evidence of active disease after fludarabine therapy',
    ].join('\n'));
    assert.equal(matchTrial(relapsedBAll, trial).verdict, 'not-eligible');
    assert.notEqual(matchTrial(parsePatientProfile({ cancerType: ['cll'], diseaseState: ['relapsed'] }), trial).verdict, 'not-eligible');
  });

  it('does not when an item names cancer in general, or the person\'s cancer is not given', () => {
    const broad = parseCriteria('Inclusion Criteria:\n- Chronic lymphocytic leukemia OR\n- Any malignancy for which no standard therapy exists');
    assert.notEqual(matchTrial(relapsedBAll, broad).verdict, 'not-eligible');
    const trial = parseCriteria('Inclusion Criteria:\n- Chronic lymphocytic leukemia OR\n- Evidence of active disease');
    assert.notEqual(matchTrial(parsePatientProfile({ age: 40 }), trial).verdict, 'not-eligible');
  });
});

describe('parseCriteria: PDQ boilerplate', () => {
  it('reads nothing into the note on PDQ\'s lymphoma terms', () => {
    const [note] = parseCriteria('Inclusion Criteria:\n- A new classification scheme for adult non-Hodgkin\'s lymphoma has been adopted by PDQ.');
    assert.deepEqual(note?.concepts, []);
  });
});

describe('matchTrial: readings from the retired held-out set test5', () => {
  it('reads the disease states under an alternative of a "one of" list as that alternative\'s alternatives', () => {
    const trial = parseCriteria([
      'DISEASE CHARACTERISTICS:',
      '  -  One of the following hematologic malignancies:',
      '       -  Acute lymphoblastic leukemia',
      '            -  In second or subsequent complete remission (CR)',
      '            -  In first CR with high-risk features (e.g., Philadelphia chromosome-positive)',
      '            -  In first relapse and failed conventional salvage therapy',
      '       -  Acute myelogenous leukemia (AML)',
      '            -  In second or subsequent CR',
    ].join('\n'));
    assert.notEqual(matchTrial(relapsedBAll, trial).verdict, 'not-eligible');
    assert.equal(matchTrial(parsePatientProfile({ cancerType: ['cll'], diseaseState: ['relapsed'] }), trial).verdict, 'not-eligible');
  });

  it('does not read a length of time as an age, nor an age in brackets that says whom a score is for', () => {
    assert.equal(verdictOf('Able to take part in frequent medical care for at least 1-2 years', relapsedBAll), 'unknown');
    assert.notEqual(verdictOf('Performance status - Lansky 50-100% (age 10 and under)', relapsedBAll), 'does-not-meet');
  });

  it('reads a multiple written in words', () => {
    const high = parsePatientProfile({ altAstXUln: 1.8 });
    assert.equal(verdictOf('AST/ALT no greater than twice normal', high), 'meets');
  });

  it('does not carry a negation down from an item above that is no lead-in', () => {
    const trial = parseCriteria([
      'Inclusion Criteria:',
      '  -  AML, not otherwise categorized (M0 [minimally differentiated], M1 [without maturation])',
      '       -  Untreated AML',
    ].join('\n'));
    const untreated = trial.find((c) => c.text === 'Untreated AML');
    assert.ok(untreated?.concepts.some((c) => c.value === 'newly-diagnosed' && c.polarity === 'present'));
  });
});

describe('matchTrial: readings from the retired held-out set test7', () => {
  const untreatedAll = parsePatientProfile({ cancerType: ['b-all'], diseaseState: ['newly-diagnosed'], priorTreatments: [] });

  it('does not take an item ruling out earlier treatment of a broad disease group as a diagnosis to choose', () => {
    const trial = parseCriteria([
      'Inclusion Criteria:',
      '- Acute myeloid leukaemia confirmed by biopsy',
      '- No earlier treatment for leukemia',
      '- No prior chemotherapy',
    ].join('\n'));
    assert.equal(matchTrial(untreatedAll, trial).verdict, 'not-eligible');
  });

  it('asks for the cancer treatment an inclusion item names as the cause of what it treats', () => {
    assert.equal(verdictOf('Fever with neutropenia associated with cytotoxic chemotherapy within the last 3 months', untreatedAll), 'does-not-meet');
    assert.equal(verdictOf('Fever with neutropenia associated with cytotoxic chemotherapy within the last 3 months', relapsedBAll), 'unknown');
    // Not a side effect named to say which one is meant, nor a supportive medicine.
    assert.equal(verdictOf('No nerve damage associated with earlier chemotherapy', untreatedAll), 'unknown');
    assert.notEqual(verdictOf('Sickness (associated with morphine use) not helped by standard anti-sickness drugs', untreatedAll), 'does-not-meet');
  });

  it('reads the lines of a run-on list led by "1 of the following" as alternatives, ending at a new lead-in', () => {
    const trial = parseCriteria([
      'DISEASE CHARACTERISTICS: Neutropenic fever associated with 1 of the following within 3 months before entry: Cytotoxic',
      'chemotherapy Bone marrow transplantation Neutropenia defined as either: ANC below 500/mm3',
    ].join('\n'));
    const lead = trial[0];
    assert.ok(lead !== undefined && !lead.text.includes('defined as'));
    const transplanted = parsePatientProfile({ cancerType: ['b-all'], diseaseState: ['relapsed'], priorTreatments: ['allogeneic-transplant'] });
    assert.notEqual(matchTrial(transplanted, trial).verdict, 'not-eligible');
    assert.equal(matchTrial(untreatedAll, trial).verdict, 'not-eligible');
  });

  it('leaves a treatment being received now open, unless it must have gone on for some time', () => {
    assert.equal(verdictOf('Receiving intensive chemotherapy expected to cause long neutropenia', relapsedBAll), 'unknown');
    assert.equal(verdictOf('Receiving intensive chemotherapy expected to cause long neutropenia', untreatedAll), 'unknown');
    assert.equal(verdictOf('Cancer patients receiving chemotherapy for at least 6 weeks', untreatedAll), 'does-not-meet');
    assert.equal(verdictOf('Cancer patients receiving chemotherapy for at least 6 weeks', relapsedBAll), 'unknown');
  });

  it('carries a negation written after a list of virus codes back to the first of them', () => {
    const clear = parsePatientProfile({ infections: [] });
    assert.equal(verdictOf('HIV-1, HIV-2, HTLV-1 and HTLV-2 negative', clear), 'meets');
    assert.equal(verdictOf('HIV, HTLV-1 negative', parsePatientProfile({ infections: ['hiv'] })), 'does-not-meet');
  });

  it('does not read a treatment someone will not need as one they had', () => {
    assert.notEqual(verdictOf('No need for chest radiotherapy', untreatedAll), 'does-not-meet');
    assert.notEqual(verdictOf('No requirement for chest irradiation', untreatedAll), 'does-not-meet');
  });
});

describe('matchTrial: run-on disease sections (from test7)', () => {
  const relapsed = parsePatientProfile({ cancerType: ['b-all'], diseaseState: ['relapsed'], priorTreatments: ['chemotherapy'] });
  const trial = parseCriteria([
    'DISEASE CHARACTERISTICS: Histologically confirmed cancer Hodgkin lymphoma Relapsed after 2 courses of therapy',
    'Ovarian cancer Primary refractory disease after first line chemotherapy Other malignancies Recurrent or refractory',
    'to standard chemotherapy Must not be greater than 60 days past the end of induction therapy',
    '',
    'PATIENT CHARACTERISTICS: Age: 65 and under',
  ].join('\n'));

  it('puts the states of a run-on list back under the disease named before them', () => {
    const state = trial.find((c) => c.text.startsWith('Primary refractory'));
    assert.equal(state?.parent, 'Ovarian cancer');
  });

  it('reads "other malignancies" among the diseases as one more to choose, open to any cancer', () => {
    assert.equal(matchTrial(relapsed, trial).verdict, 'might-be-eligible');
    assert.equal(matchTrial(parsePatientProfile({ cancerType: ['b-all'], diseaseState: ['newly-diagnosed'], priorTreatments: [] }), trial).verdict, 'not-eligible');
  });

  it('reads "recurrent or refractory" as alternatives and a limit on time since a treatment as no ban on it', () => {
    assert.equal(verdictOf('Recurrent or refractory leukaemia', relapsed), 'meets');
    assert.notEqual(verdictOf('Must not be greater than 60 days past the end of induction therapy', relapsed), 'does-not-meet');
  });

  it('reads PDQ\'s note on its old lymphoma terms as asking nothing', () => {
    const note = parseCriteria('Inclusion Criteria:\nThe terminology of "indolent" or "aggressive" lymphoma will replace the former terminology of "low" grade lymphoma.');
    assert.deepEqual(note[0]?.concepts, []);
  });
  it('does not ask a person about an item for people with another cancer', () => {
    const trial = parseCriteria([
      'Inclusion Criteria:',
      '- Acute lymphoblastic leukaemia',
      '- Patients with a diagnosis of acute promyelocytic leukemia must also be enrolled on the companion study',
    ].join('\n'));
    const result = matchTrial(relapsedBAll, trial);
    assert.equal(result.verdict, 'likely-eligible');
    assert.match(result.results[1]?.reason ?? '', /another kind of cancer/);
  });
  it('leaves a liver limit open "in the absence of liver involvement", and a recommended treatment unasked', () => {
    const high = parsePatientProfile({ altAstXUln: 2.4 });
    assert.equal(verdictOf('AST under twice normal (in the absence of liver involvement)', high), 'unknown');
    assert.notEqual(verdictOf('Donor transplant should be considered first for those with a matched brother or sister', parsePatientProfile({ priorTreatments: [] })), 'does-not-meet');
  });

  it('does not read a phase ruled out as the disease ruled out', () => {
    const cml = parsePatientProfile({ cancerType: ['cml'] });
    assert.notEqual(verdictOf('No blast phase CML', cml), 'does-not-meet');
  });

  it('does not take a disease that is one branch of a list of risks as the only disease a trial takes', () => {
    const trial = parseCriteria([
      'Inclusion Criteria:',
      '- At high risk because of any of the following:',
      '  - Diagnosis of AML or ALL and receiving intensive chemotherapy',
      '  - Concurrent treatment with an allogeneic stem cell transplant',
    ].join('\n'));
    assert.equal(matchTrial(parsePatientProfile({ cancerType: ['cll'], priorTreatments: ['chemotherapy'] }), trial).verdict, 'might-be-eligible');
  });
  it('reads a marker after ", or" as one more alternative to the disease states before it', () => {
    const item = 'ALL in first or second remission, in first relapse, or high risk ALL with Philadelphia positive disease';
    assert.equal(verdictOf(item, parsePatientProfile({ cancerType: ['b-all'], diseaseState: ['newly-diagnosed'] })), 'unknown');
    assert.equal(verdictOf(item, parsePatientProfile({ cancerType: ['b-all', 'ph-positive'], diseaseState: ['newly-diagnosed'] })), 'meets');
    assert.equal(verdictOf(item, parsePatientProfile({ cancerType: ['b-all', 'ph-negative'], diseaseState: ['newly-diagnosed'] })), 'does-not-meet');
  });
  it('meets "Leukemia, lymphoma, or ..." for any leukaemia, but not through a lead-in that the items under it narrow', () => {
    const bAll = parsePatientProfile({ cancerType: ['b-all'] });
    assert.equal(verdictOf('Leukemia, lymphoma, or Hodgkin disease', bAll), 'meets');
    assert.equal(verdictOf('Acute leukemia or lymphoma', parsePatientProfile({ cancerType: ['cll'] })), 'unknown');
    assert.notEqual(verdictOf('Patients with lymphoid cancers and leukemia (including myelodysplasia) may join. The following diagnoses:', bAll), 'meets');
  });

  it('reads how a trial defines its diseases as no requirement, and a presumed infection as an infection', () => {
    assert.equal(verdictOf('More than a quarter of the marrow made of lymphoblasts is defined as ALL', parsePatientProfile({ cancerType: ['aml'] })), 'unknown');
    assert.equal(verdictOf('Presumed infection', parsePatientProfile({ infections: [] })), 'does-not-meet');
  });
  it('reads a current treatment begun some time ago as one the person must have had, still open for those who had it', () => {
    const item = 'Current chemotherapy (at least 2 months since start of therapy)';
    assert.equal(verdictOf(item, parsePatientProfile({ priorTreatments: [] })), 'does-not-meet');
    assert.equal(verdictOf(item, relapsedBAll), 'unknown');
  });
  it('reads "under 18, or over 80" in an exclusion list as two limits, either one excluding', () => {
    const item = 'Age < 18 years, or age > 80 years';
    assert.equal(verdictOf(item, parsePatientProfile({ age: 17 }), 'Exclusion'), 'does-not-meet');
    assert.equal(verdictOf(item, parsePatientProfile({ age: 40 }), 'Exclusion'), 'meets');
    assert.equal(verdictOf(item, parsePatientProfile({ age: 81 }), 'Exclusion'), 'does-not-meet');
    // 80 in whole years may be 80 and a half, or not: only 81 is surely over it.
    assert.equal(verdictOf(item, parsePatientProfile({ age: 80 }), 'Exclusion'), 'meets');
    assert.equal(verdictOf('Younger than18 years old', parsePatientProfile({ age: 17 }), 'Exclusion'), 'does-not-meet');
  });
  it('reads test9\'s wordings: a group named at the end, an example of cancers, a disease heading, an upper count of treatments', () => {
    const clear = parsePatientProfile({ cancerType: ['b-all'], infections: [], priorTreatments: [] });
    assert.equal(verdictOf('No concurrent antiretroviral therapy for HIV positive patients', clear), 'meets');
    assert.notEqual(verdictOf('Advanced cancer, including lymphoma, with no curative therapy', clear), 'does-not-meet');
    assert.equal(verdictOf('No more than 3 prior chemotherapy regimens', clear), 'unknown');
    const trial = parseCriteria([
      'Inclusion Criteria:',
      '- Diagnosis of one of the following:',
      '  - Acute lymphocytic leukemia (ALL):',
      '    - CR2',
      '    - Induction failures',
      '  - Chronic myelogenous leukemia (CML):',
      '    - Chronic phase',
    ].join('\n'));
    assert.deepEqual(trial.find((c) => c.text.startsWith('Acute lymphocytic'))?.concepts.map((c) => c.value), ['all']);
    assert.equal(matchTrial(parsePatientProfile({ cancerType: ['b-all'], diseaseState: ['relapsed', 'second-or-later-remission'] }), trial).verdict, 'likely-eligible');
    assert.equal(matchTrial(parsePatientProfile({ cancerType: ['aml'], diseaseState: ['second-or-later-remission'] }), trial).verdict, 'not-eligible');
  });

  it('takes "lymphoid leukaemias" as a group holding ALL and CLL, not the myeloid leukaemias', () => {
    const trial = parseCriteria('Inclusion Criteria:\n- Patients with lymphoid leukemias or lymphomas of other kinds may join after failing standard treatment');
    const itemFor = (profile: PatientProfile): CriterionVerdict | undefined => matchTrial(profile, trial).results[0]?.verdict;
    assert.equal(itemFor(relapsedBAll), 'meets');
    assert.equal(itemFor(parsePatientProfile({ cancerType: ['cll'], diseaseState: ['refractory'] })), 'meets');
    assert.notEqual(itemFor(parsePatientProfile({ cancerType: ['aml'], diseaseState: ['refractory'] })), 'meets');
  });
});

describe('matchTrial: readings from the retired held-out set test11', () => {
  const newAll = parsePatientProfile({ age: 30, cancerType: ['b-all'], diseaseState: ['newly-diagnosed'], priorTreatments: [] });
  const cmlChronic = parsePatientProfile({ age: 40, cancerType: ['cml', 'ph-positive', 'bcr-abl1'], diseaseState: ['remission'], priorTreatments: ['imatinib'] });

  it('does not take a "No ..." piece of a run-on list of subtypes as one of the subtypes to choose from', () => {
    // The disease section of a bundled NCI record (NCT00003415, public domain), as its flattened text runs.
    const trial = parseCriteria([
      '',
      '        DISEASE CHARACTERISTICS: Histologically confirmed myelodysplatic syndrome (MDS), diagnosed',
      '        at least 3 months prior to study enrollment, with one of the following subtypes: Refractory',
      '        anemia with excess blasts (RAEB) RAEB in transformation (RAEB-T) Chronic myelomonocytic',
      '        leukemia (CMML) CMML with leukocytosis not controlled by hydroxyurea eligible in absence of',
      '        neutropenia No hypoplastic MDS One or more cytopenias required:',
      '        Platelet count no greater than 50,000/mm3',
      '',
      '        PATIENT CHARACTERISTICS: Age: 18 and over Other: No prior malignancy within 2 years',
    ].join('\n'));
    assert.equal(matchTrial(newAll, trial).verdict, 'not-eligible');
  });

  it('keeps a CML trial closed to people with other leukaemias when its accelerated phase names an extramedullary tumour', () => {
    const trial = parseCriteria([
      'DISEASE CHARACTERISTICS: Chronic myeloid leukemia (CML) in chronic phase OR CML in accelerated phase with any of:',
      'Progressive splenomegaly Extramedullary tumor Ph positive OR bcr/abl positive No CML in blast phase',
    ].join(' '));
    assert.equal(matchTrial(newAll, trial).verdict, 'not-eligible');
    assert.notEqual(matchTrial(cmlChronic, trial).verdict, 'not-eligible');
  });

  it('reads "Acute leukaemias in the following categories: AML in CR1 ..." as the list of categories, not as any acute leukaemia', () => {
    const trial = parseCriteria('Inclusion Criteria:\n- Acute leukemias in the following categories: AML in first or second remission (CR1 or CR2)');
    const relapsedAll = parsePatientProfile({ cancerType: ['t-all'], diseaseState: ['relapsed'] });
    assert.equal(matchTrial(relapsedAll, trial).verdict, 'not-eligible');
    assert.equal(trial[0]?.broadDiagnosis, false);
    // Without the lead-in's "the following", the broad group stays one of the diseases taken.
    assert.equal(parseCriteria('Inclusion Criteria:\n- Acute leukemia or AML, relapsed')[0]?.broadDiagnosis, true);
  });

  it('keeps a limit in mg/dL open beside a limit the profile answers, in one item', () => {
    const trial = parseCriteria('Inclusion Criteria:\n- Bilirubin under 2 mg/dL AST under 3 times upper limit of normal');
    const result = matchTrial(parsePatientProfile({ altAstXUln: 1, bilirubinXUln: 0.5 }), trial).results[0];
    assert.equal(result?.verdict, 'unknown');
  });

  it('turns away someone already treated when the trial takes no prior therapy but hydroxyurea, and not someone untreated', () => {
    const trial = parseCriteria('Inclusion Criteria:\n- Acute myeloid leukemia\n- No prior therapy except hydroxyurea');
    assert.equal(matchTrial(parsePatientProfile({ cancerType: ['aml'], diseaseState: ['refractory'], priorTreatments: ['chemotherapy'] }), trial).verdict, 'not-eligible');
    assert.notEqual(matchTrial(parsePatientProfile({ cancerType: ['aml'], diseaseState: ['newly-diagnosed'], priorTreatments: [] }), trial).verdict, 'not-eligible');
  });
});

describe('matchTrial: readings from the retired held-out set test12', () => {
  it('reads the states after a single run-on disease ending in a colon as that disease\'s, closing the trial to other diseases', () => {
    const trial = parseCriteria([
      '',
      '        DISEASE CHARACTERISTICS: Established diagnosis of acute myeloid leukemia:',
      '        Failure to achieve a complete remission with first induction First relapse within 1 year of',
      '        first remission Second relapse after two induction regimens Chemotherapy-related leukemia',
      '        with poor-risk cytogenetics No active CNS leukemia',
      '',
      '        PATIENT CHARACTERISTICS: Age: 18 to 74',
    ].join('\n'));
    const relapsedTAll = parsePatientProfile({ age: 30, cancerType: ['t-all'], diseaseState: ['relapsed'], priorTreatments: ['chemotherapy'] });
    assert.equal(matchTrial(relapsedTAll, trial).verdict, 'not-eligible');
    const relapsedAml = parsePatientProfile({ age: 30, cancerType: ['aml'], diseaseState: ['relapsed'], priorTreatments: ['chemotherapy'] });
    assert.notEqual(matchTrial(relapsedAml, trial).verdict, 'not-eligible');
  });
});

describe('matchTrial: readings from the retired held-out set test13', () => {
  it('meets by default a permission that names a marker ("Ph-negative CML allowed with ...")', () => {
    const trial = parseCriteria('Inclusion Criteria:\n- Chronic myeloid leukemia\n  - Ph-negative CML allowed with a BCR-ABL rearrangement');
    const phPositiveCml = parsePatientProfile({ cancerType: ['cml', 'ph-positive'], diseaseState: ['remission'] });
    assert.notEqual(matchTrial(phPositiveCml, trial).verdict, 'not-eligible');
  });

  it('takes a state with its risk features ("CR1 - high risk defined as ...") as one of a disease\'s states, not a requirement', () => {
    const trial = parseCriteria([
      'Inclusion Criteria:',
      '- Confirmed diagnosis of:',
      '  - Acute myelogenous leukemia',
      '    - CR2',
      '    - Relapsed OR',
      '  - Acute lymphocytic leukemia (ALL)',
      '    - CR1 - high risk defined as CNS involvement or age 30 and over',
      '    - CR2',
      '    - Relapsed OR',
      '  - Multiple myeloma',
    ].join('\n'));
    const relapsedTAll = parsePatientProfile({ age: 18, cancerType: ['t-all'], diseaseState: ['relapsed'], cnsInvolvement: false });
    assert.notEqual(matchTrial(relapsedTAll, trial).verdict, 'not-eligible');
    const newAll = parsePatientProfile({ age: 18, cancerType: ['b-all'], diseaseState: ['newly-diagnosed'], cnsInvolvement: false });
    assert.equal(matchTrial(newAll, trial).verdict, 'not-eligible');
  });

  it('leaves open the branches joined by "or" to a plan it cannot check ("not eligible for BMT ..., or relapsed after BMT")', () => {
    const trial = parseCriteria('Inclusion Criteria:\n- Patients with CML who are not eligible for BMT, or have failed standard therapy, or have relapsed after BMT');
    const cml = parsePatientProfile({ cancerType: ['cml'], diseaseState: ['remission'], priorTreatments: ['imatinib'] });
    assert.notEqual(matchTrial(cml, trial).verdict, 'not-eligible');
    assert.equal(matchTrial(parsePatientProfile({ cancerType: ['aml'] }), trial).verdict, 'not-eligible');
  });
});

describe('matchTrial: readings from the retired held-out set test14', () => {
  it('reads the states after diseases in a run-on "OR" list as those diseases\' states, not as alternatives of their own', () => {
    const trial = parseCriteria([
      '',
      '        DISEASE CHARACTERISTICS: Patients with any of the following diagnoses: Acute lymphocytic',
      '        leukemia OR acute myeloid leukemia Failed to achieve complete remission with induction',
      '        chemotherapy OR Relapsed within one year of first remission OR Any later relapse Blastic',
      '        phase chronic myelogenous leukemia Multiple myeloma',
      '',
      '        PATIENT CHARACTERISTICS: Age: 15 and over',
    ].join('\n'));
    const newAll = parsePatientProfile({ age: 17, cancerType: ['b-all'], diseaseState: ['newly-diagnosed'], priorTreatments: [] });
    assert.equal(matchTrial(newAll, trial).verdict, 'not-eligible');
    const relapsedAll = parsePatientProfile({ age: 30, cancerType: ['b-all'], diseaseState: ['relapsed'], priorTreatments: ['chemotherapy'] });
    assert.equal(matchTrial(relapsedAll, trial).verdict, 'likely-eligible');
  });

  it('keeps a branch that names only a treatment as an alternative of its own', () => {
    const trial = parseCriteria('Inclusion Criteria:\n- Leukemia, lymphoma, or Hodgkin\'s disease OR Stem cell transplantation for a neoplastic disease');
    assert.notEqual(matchTrial(parsePatientProfile({ cancerType: ['b-all'], diseaseState: ['newly-diagnosed'], priorTreatments: [] }), trial).verdict, 'not-eligible');
  });
});

describe('matchTrial: readings from the retired held-out set test15', () => {
  it('takes a broad group with its state, leading a list of diseases, as holding for every disease of the list', () => {
    const trial = parseCriteria([
      '',
      '        DISEASE CHARACTERISTICS: Histologically confirmed relapsed or refractory hematologic',
      '        malignancy Acute leukemia Myelodysplasia Non-Hodgkin\'s lymphoma Multiple myeloma Chronic',
      '        myeloid leukemia',
      '',
      '        PATIENT CHARACTERISTICS: Performance status: ECOG 0-2',
    ].join('\n'));
    const newAll = parsePatientProfile({ cancerType: ['b-all'], diseaseState: ['newly-diagnosed'], performanceStatus: { scale: 'ecog', value: 0 } });
    assert.equal(matchTrial(newAll, trial).verdict, 'not-eligible');
    const relapsedAll = parsePatientProfile({ cancerType: ['b-all'], diseaseState: ['relapsed'], performanceStatus: { scale: 'ecog', value: 0 } });
    assert.notEqual(matchTrial(relapsedAll, trial).verdict, 'not-eligible');
  });

  it('leaves open a refractory cancer "or advanced malignancy for which no standard effective therapy exists"', () => {
    const trial = parseCriteria('Inclusion Criteria:\n- Refractory advanced malignancy after standard therapy or advanced malignancy for which no standard effective therapy exists');
    assert.equal(matchTrial(parsePatientProfile({ cancerType: ['aml'], diseaseState: ['newly-diagnosed'] }), trial).results[0]?.verdict, 'unknown');
  });
});

describe('matchTrial: readings from the retired held-out set test16', () => {
  it('reads diseases listed under "including the following:" as examples, none of them asked for', () => {
    const trial = parseCriteria([
      'Inclusion Criteria:',
      '- Confirmed cancer or lymphoproliferative disease including the following:',
      '  - Nasopharyngeal carcinoma',
      '  - Hodgkin\'s lymphoma',
      '- ECOG 0-2',
    ].join('\n'));
    const all = parsePatientProfile({ cancerType: ['t-all'], performanceStatus: { scale: 'ecog', value: 1 } });
    assert.notEqual(matchTrial(all, trial).verdict, 'not-eligible');
    const listed = parseCriteria('Inclusion Criteria:\n- One of the following:\n  - Nasopharyngeal carcinoma\n  - Hodgkin\'s lymphoma');
    assert.equal(matchTrial(all, listed).verdict, 'not-eligible');
  });
});

describe('matchTrial: readings from the retired held-out set test17', () => {
  it('reads the lines of a run-on list of diagnoses under "Any of the following ...:" as alternatives, each with its own state', () => {
    const trial = parseCriteria([
      '',
      '        DISEASE CHARACTERISTICS: Any of the following diagnoses eligible: Acute myelogenous',
      '        leukemia beyond first complete remission Acute lymphoblastic leukemia Multiple myeloma',
      '        Chronic myelomonocytic leukemia No aplastic anemia',
      '',
      '        PATIENT CHARACTERISTICS: Age: 0.5 to 65',
    ].join('\n'));
    const newAll = parsePatientProfile({ age: 17, cancerType: ['b-all'], diseaseState: ['newly-diagnosed'] });
    assert.notEqual(matchTrial(newAll, trial).verdict, 'not-eligible');
    const amlCr1 = parsePatientProfile({ age: 40, cancerType: ['aml'], diseaseState: ['first-remission'] });
    assert.equal(matchTrial(amlCr1, trial).verdict, 'not-eligible');
  });

  it('leaves open a disease asked for with a marker the profile does not hold ("with expression of CD33")', () => {
    const trial = parseCriteria('Inclusion Criteria:\n- Acute lymphoblastic leukemia with expression of CD33');
    assert.equal(matchTrial(parsePatientProfile({ cancerType: ['b-all'] }), trial).results[0]?.verdict, 'unknown');
    assert.equal(matchTrial(parsePatientProfile({ cancerType: ['b-all', 'cd19-positive'] }), parseCriteria('Inclusion Criteria:\n- ALL with expression of CD19')).results[0]?.verdict, 'meets');
  });
});

describe('matchTrial: readings from the retired held-out set test18', () => {
  it('leaves open a list of poor-risk cytogenetic findings of which Ph-positive disease is one', () => {
    const trial = parseCriteria('Inclusion Criteria:\n- Poor-risk cytogenetics: t(9;22), t(8;14), 11q23 anomalies, monosomy 7, complex cytogenetics');
    assert.equal(matchTrial(parsePatientProfile({ cancerType: ['b-all', 'ph-negative'] }), trial).results[0]?.verdict, 'unknown');
    assert.equal(matchTrial(parsePatientProfile({ cancerType: ['b-all', 'ph-negative'] }), parseCriteria('Inclusion Criteria:\n- Philadelphia chromosome positive')).results[0]?.verdict, 'does-not-meet');
  });

  it('leaves open "... or any other advanced metastatic malignancy for which all standard therapy has failed"', () => {
    const trial = parseCriteria('Inclusion Criteria:\n- Stage IV melanoma, or any other advanced metastatic malignancy for which all standard therapy has failed');
    assert.equal(matchTrial(parsePatientProfile({ cancerType: ['aml'] }), trial).results[0]?.verdict, 'unknown');
  });
});

describe('matchTrial: readings from the retired held-out set test20', () => {
  const nested = parseCriteria([
    'Inclusion Criteria:',
    '  -  Patients with any of the following diagnoses:',
    '       -  Chronic myelogenous leukemia',
    '            -  Chronic phase 1',
    '                 -  Failed prior interferon alfa therapy OR',
    '                 -  Relapsed after prior autologous stem cell transplantation',
    '            -  Chronic phase 2',
    '       -  Acute leukemia',
    '            -  Standard risk',
    '                 -  Age over 60 years',
    '                 -  Complete remission 1 (CR1)',
    '            -  High risk',
    '                 -  High WBC at presentation, unfavorable cytogenetics, mixed lineage',
    '                 -  CR1',
    '                 -  Complete remission 2 or higher',
    '       -  Myelodysplastic syndrome',
  ].join('\n'));
  it('reads sub-groups nested under an alternative ("Acute leukemia" > "High risk" > its states) as that alternative\'s own', () => {
    const secondRemission = parsePatientProfile({ age: 15, cancerType: ['b-all'], diseaseState: ['second-or-later-remission'] });
    assert.notEqual(matchTrial(secondRemission, nested).verdict, 'not-eligible');
    const newlyDiagnosed = parsePatientProfile({ age: 15, cancerType: ['b-all'], diseaseState: ['newly-diagnosed'] });
    assert.equal(matchTrial(newlyDiagnosed, nested).verdict, 'not-eligible');
  });

  it('leaves open a disease "sensitive to" a treatment (no treatment had), or refractory', () => {
    const trial = parseCriteria('Inclusion Criteria:\n- Advanced malignancies that are sensitive to cyclophosphamide/carboplatin therapy OR refractory to standard therapy');
    assert.equal(matchTrial(parsePatientProfile({ cancerType: ['aml'], diseaseState: ['newly-diagnosed'] }), trial).results[0]?.verdict, 'unknown');
    assert.equal(matchTrial(parsePatientProfile({ cancerType: ['aml'], diseaseState: ['newly-diagnosed'] }), parseCriteria('Inclusion Criteria:\n- Refractory to standard therapy')).results[0]?.verdict, 'does-not-meet');
  });

  it('applies a limit labelled with a disease ("NHL: ...") only to people with that disease', () => {
    const trial = parseCriteria('Inclusion Criteria:\n- NHL: Granulocyte count greater than 1,500/mm^3');
    assert.equal(matchTrial(parsePatientProfile({ cancerType: ['cll'] }), trial).results[0]?.verdict, 'meets');
    assert.equal(matchTrial(parsePatientProfile({ cancerType: ['lymphoma'] }), trial).results[0]?.verdict, 'unknown');
  });
});

describe('matchTrial: readings from the retired held-out set test21', () => {
  const bAll = parsePatientProfile({ age: 34, cancerType: ['b-all'], diseaseState: ['relapsed'], priorTreatments: ['chemotherapy'] });
  const tAll = parsePatientProfile({ age: 34, cancerType: ['t-all'], diseaseState: ['relapsed'], priorTreatments: ['chemotherapy'] });
  const aml = parsePatientProfile({ age: 55, cancerType: ['aml'], diseaseState: ['refractory'], priorTreatments: ['chemotherapy'] });
  const listed = parseCriteria([
    '',
    '        DISEASE CHARACTERISTICS: Histologically or cytologically proven B cell lymphoma of one of',
    '        the following types: Any histologic grade of non-Hodgkin\'s lymphoma Chronic lymphocytic',
    '        leukemia CD22 positive acute lymphocytic leukemia Waldenstrom\'s macroglobulinemia Must have',
    '        failed at least 1 standard therapy Autologous peripheral blood stem cells (PBSC) or bone',
    '        marrow available',
  ].join('\n'));
  it('reads a run-on list of kinds under its own "one of the following types:" as that item\'s alternatives, a marker narrowing its disease', () => {
    assert.equal(matchTrial(bAll, listed).verdict, 'might-be-eligible');
    assert.equal(matchTrial(tAll, listed).verdict, 'not-eligible');
    assert.equal(matchTrial(aml, listed).verdict, 'not-eligible');
    // The items after the list are requirements of their own, not alternatives of it.
    assert.deepEqual(listed.map((c) => c.anyOf), [null, null, null]);
  });

  it('reads a branch naming a disease no cancer type reads ("Secondary leukemias untreated or in CR1") as an open alternative', () => {
    const trial = parseCriteria([
      'Inclusion Criteria:',
      '- Diagnosis of any of the following:',
      '  - Myelodysplastic syndrome',
      '  - Secondary leukemias untreated or in complete remission 1 (CR1)',
      '  - Acute myeloid leukemia in complete remission 2 (CR2)',
    ].join('\n'));
    const untreatedAll = parsePatientProfile({ cancerType: ['t-all'], diseaseState: ['newly-diagnosed'] });
    assert.notEqual(matchTrial(untreatedAll, trial).verdict, 'not-eligible');
    assert.equal(matchTrial(parsePatientProfile({ cancerType: ['t-all'], diseaseState: ['refractory'] }), trial).verdict, 'not-eligible');
  });

  it('reads "relapsed" with no remission said as no later remission either', () => {
    assert.equal(verdictOf('In second or later complete remission', parsePatientProfile({ diseaseState: ['relapsed'] })), 'does-not-meet');
    assert.equal(verdictOf('In second or later complete remission', parsePatientProfile({ diseaseState: ['remission'] })), 'unknown');
  });

  it('reads examples under a lead-in ("high risk malignancy including:") beside a list of diagnoses without turning anyone away', () => {
    const trial = parseCriteria([
      'Inclusion Criteria:',
      '- Histologically confirmed high risk malignancy including:',
      '  - Acute lymphocytic leukemia (ALL) in second or subsequent remission',
      '  - Myelodysplastic syndrome with evidence of evolution to acute myeloid leukemia',
      '     - Refractory anemia with excess blasts',
      '  - Non-Hodgkin lymphoma with recurrent disease',
    ].join('\n'));
    const secondRemission = parsePatientProfile({ age: 34, cancerType: ['b-all'], diseaseState: ['relapsed', 'second-or-later-remission'] });
    assert.notEqual(matchTrial(secondRemission, trial).verdict, 'not-eligible');
  });
});

describe('matchTrial: more readings from the retired held-out set test21', () => {
  it('reads a line of a run-on list naming a disease no cancer type reads ("Secondary leukemias ...") as an alternative of its own', () => {
    const trial = parseCriteria([
      '',
      '        DISEASE CHARACTERISTICS: Diagnosis of any of the following: Chronic myelogenous leukemia',
      '        (CML) in first chronic phase Myelodysplastic syndrome Refractory anemia with excess blasts',
      '        (RAEB) RAEB in transformation Secondary leukemias untreated or in complete remission 1',
      '        (CR1) Acute myeloid leukemia in complete remission 2 (CR2) Acute lymphocytic leukemia (ALL)',
      '        in CR2 High-risk acute leukemia in CR1',
    ].join('\n'));
    assert.notEqual(matchTrial(parsePatientProfile({ cancerType: ['t-all'], diseaseState: ['newly-diagnosed'] }), trial).verdict, 'not-eligible');
    assert.equal(matchTrial(parsePatientProfile({ cancerType: ['t-all'], diseaseState: ['refractory'] }), trial).verdict, 'not-eligible');
  });

  it('reads a marker as narrowing the disease of its alternative where states follow the diseases', () => {
    const trial = 'CD22 positive acute lymphocytic leukemia OR Chronic lymphocytic leukemia OR In second relapse';
    assert.equal(verdictOf(trial, parsePatientProfile({ cancerType: ['t-all'], diseaseState: ['relapsed'] })), 'does-not-meet');
    assert.equal(verdictOf(trial, parsePatientProfile({ cancerType: ['cll'], diseaseState: ['relapsed'] })), 'meets');
  });
});

describe('matchTrial: readings from the retired held-out set test22', () => {
  const relapsedAll = parsePatientProfile({ age: 40, cancerType: ['b-all'], diseaseState: ['relapsed'], priorTreatments: ['chemotherapy'] });
  const relapsedCll = parsePatientProfile({ age: 60, cancerType: ['cll'], diseaseState: ['relapsed'], priorTreatments: ['chemotherapy'] });
  it('reads the first item of a run-on disease section read as alternatives, naming the only disease, as the diagnosis they share', () => {
    const trial = parseCriteria([
      '',
      '        DISEASE CHARACTERISTICS: Relapsed or refractory chronic lymphocytic leukemia (CLL)',
      '        Previously treated with alkylating agent Refractory or intolerant to fludarabine OR',
      '        Progressive B-cell CLL as defined by at least 1 of the following: Hemoglobin less than 11 g/dL',
    ].join('\n'));
    assert.equal(trial[0]?.anyOf, null);
    assert.equal(matchTrial(relapsedAll, trial).verdict, 'not-eligible');
    assert.notEqual(matchTrial(relapsedCll, trial).verdict, 'not-eligible');
  });

  it('keeps the first item an alternative when another names a state it rules out', () => {
    const trial = parseCriteria([
      '',
      '        DISEASE CHARACTERISTICS: Histologically confirmed childhood acute lymphoblastic leukemia',
      '        (ALL) in second hematologic remission or greater who have relapsed: On therapy OR Within',
      '        one year of discontinuation of therapy Patients with central nervous system or',
      '        testicular relapse: Occurred within 18 months of diagnosis Patients in first remission with',
      '        greater than 4 weeks to achieve remission',
    ].join('\n'));
    assert.notEqual(trial[0]?.anyOf, null);
    const secondRemission = parsePatientProfile({ age: 15, cancerType: ['b-all'], diseaseState: ['relapsed', 'second-or-later-remission'] });
    assert.notEqual(matchTrial(secondRemission, trial).verdict, 'not-eligible');
  });

  it('drops the start of a heading\'s sentence left on the line before it ("The following leukemias are" / "excluded:")', () => {
    const trial = parseCriteria([
      '',
      '        DISEASE CHARACTERISTICS: Newly diagnosed acute myeloid leukemia (AML) The following leukemias are',
      '        excluded: Blast crisis of chronic myeloid leukemia',
    ].join('\n'));
    assert.deepEqual(trial.map((c) => c.text), ['Newly diagnosed acute myeloid leukemia (AML)', 'Blast crisis of chronic myeloid leukemia']);
    assert.equal(matchTrial(relapsedAll, trial).verdict, 'not-eligible');
  });
});

describe('matchTrial: readings from the retired held-out set test24', () => {
  it('reads "hematologic malignancies" beside a solid tumour as taking any blood cancer', () => {
    assert.equal(verdictOf('Diagnosis of carcinoma of the breast or hematologic malignancies', parsePatientProfile({ cancerType: ['b-all'] })), 'meets');
    assert.equal(verdictOf('Diagnosis of carcinoma of the breast or hematologic malignancies', parsePatientProfile({ cancerType: ['solid-tumour'] })), 'meets');
    assert.equal(verdictOf('Diagnosis of carcinoma of the breast', parsePatientProfile({ cancerType: ['b-all'] })), 'does-not-meet');
  });
});

describe('matchTrial: readings from the retired held-out set test25', () => {
  const firstRemissionAml = parsePatientProfile({ age: 44, cancerType: ['aml'], diseaseState: ['first-remission'], priorLines: 1, priorTreatments: ['chemotherapy'], altAstXUln: 2, bilirubinXUln: 0.7 });
  const untreatedAml = parsePatientProfile({ age: 52, cancerType: ['aml'], diseaseState: ['newly-diagnosed'], priorLines: 0, priorTreatments: [], infections: ['hiv'] });
  const reasonOf = (text: string, profile: PatientProfile): string => matchTrial(profile, parseCriteria(`Inclusion Criteria:\n- ${text}`)).results[0]?.reason ?? '';

  it('takes someone in first remission into "first or second remission or untreated first relapse"', () => {
    assert.equal(verdictOf('Acute myelogenous leukemia in first or second remission or untreated first relapse', firstRemissionAml), 'meets');
    assert.equal(verdictOf('Acute myelogenous leukemia in second remission or untreated first relapse', firstRemissionAml), 'does-not-meet');
  });

  it('leaves open a broad group beside the disease named, but not a group of the other lineage', () => {
    assert.equal(verdictOf('Recurrent or metastatic malignant melanoma or other advanced malignancies', relapsedBAll), 'unknown');
    assert.match(reasonOf('Recurrent or metastatic malignant melanoma or other advanced malignancies', relapsedBAll), /broad group/);
    assert.equal(verdictOf('Metastatic malignant melanoma or other solid tumors', relapsedBAll), 'does-not-meet');
    assert.equal(verdictOf('B-cell malignancy, including B-cell non-Hodgkin\'s lymphoma or B-cell chronic lymphocytic leukemia', untreatedAml), 'does-not-meet');
    assert.equal(verdictOf('B-cell malignancy, including B-cell non-Hodgkin\'s lymphoma or B-cell chronic lymphocytic leukemia', parsePatientProfile({ cancerType: ['cll'] })), 'meets');
  });

  it('says an age under a year in months', () => {
    assert.equal(reasonOf('Children 6 months to 17 years', relapsedBAll), 'This trial is for people aged 6 months to 17 years. You are 40.');
  });

  it('waives a liver limit "except for bone involvement"', () => {
    assert.equal(verdictOf('AST and alkaline phosphatase less than 1.5 times upper limit of normal (ULN) (except for bone involvement)', firstRemissionAml), 'unknown');
    assert.equal(verdictOf('AST and alkaline phosphatase less than 1.5 times upper limit of normal (ULN)', firstRemissionAml), 'does-not-meet');
  });

  it('leaves a transplant "received or will receive" open for someone yet to have one', () => {
    const item = 'Patients who have received or will receive a solid organ transplant or bone marrow transplant';
    assert.equal(verdictOf(item, untreatedAml), 'unknown');
    assert.equal(verdictOf(item, relapsedBAll), 'unknown');
    assert.equal(verdictOf(item, parsePatientProfile({ priorTreatments: ['allogeneic-transplant'] })), 'meets');
  });

  it('leaves the items under a lead-in naming the donor to the donor', () => {
    const trial = 'Inclusion Criteria:\n- Fully matched or one HLA antigen mismatched sibling donor\n  - HIV negative\n  - No older than 65 years';
    assert.deepEqual(matchTrial(untreatedAml, parseCriteria(trial)).results.map((r) => r.verdict), ['unknown', 'unknown', 'unknown']);
  });

  it('allows the exceptions listed under "with four permissible exceptions:"', () => {
    const trial = 'Inclusion Criteria:\n- No prior treatment for acute leukemia with four permissible exceptions:\n  - Emergency leukapheresis;\n  - Growth factor/cytokine support.';
    assert.equal(matchTrial(untreatedAml, parseCriteria(trial)).results[2]?.verdict, 'meets');
    assert.equal(matchTrial(untreatedAml, parseCriteria(trial)).results[2]?.criterion.permissive, true);
  });

  it('leaves open a diagnosis that leaves out a kind of the disease the profile cannot tell apart', () => {
    assert.equal(verdictOf('Unequivocal histologic diagnosis of AML, FAB classification (M0-M7), excluding M3 (acute promyelocytic leukemia)', untreatedAml), 'unknown');
    assert.equal(verdictOf('Unequivocal histologic diagnosis of AML, FAB classification (M0-M7)', untreatedAml), 'meets');
  });
});

describe('matchTrial: readings from the retired held-out set test26', () => {
  it('turns a person with cancer away from a study of healthy volunteers, and only there', () => {
    const donors = parseCriteria('Inclusion Criteria:\n- Healthy healthy individual aged between 18 and 60 years.\n- No active infection');
    const result = matchTrial(relapsedBAll, donors);
    assert.equal(result.verdict, 'not-eligible');
    assert.match(result.results[0]?.reason ?? '', /healthy volunteers/);
    const withPatients = parseCriteria('Inclusion Criteria:\n- Relapsed B-ALL\n- Healthy adult volunteers aged 18 to 60 may donate');
    assert.notEqual(matchTrial(relapsedBAll, withPatients).results[1]?.verdict, 'does-not-meet');
  });

  it('takes someone who had none of a treatment allowed only as a short course', () => {
    assert.equal(verdictOf('Less than 1 month of prior cytarabine', parsePatientProfile({ priorTreatments: [] })), 'meets');
    assert.equal(verdictOf('Less than 1 month of prior cytarabine', relapsedBAll), 'unknown');
    assert.equal(verdictOf('No more than 2 courses of prior chemotherapy', relapsedBAll), 'unknown');
  });
});

describe('matchTrial: readings from the retired held-out set test27', () => {
  const trialOf = (...items: string[]): ReturnType<typeof parseCriteria> => parseCriteria(`Inclusion Criteria:\n${items.map((item) => `- ${item}`).join('\n')}`);
  it('turns away someone with another disease from a trial asking for a blood disorder no cancer type holds', () => {
    const myelofibrosis = trialOf('Idiopathic myelofibrosis (IMF) with at least 1 poor prognosis characteristic', 'ECOG 0-2');
    const result = matchTrial(relapsedBAll, myelofibrosis);
    assert.equal(result.verdict, 'not-eligible');
    assert.equal(result.results[0]?.reason, 'This trial is for people with idiopathic myelofibrosis. You said you have a different illness.');
    assert.equal(matchTrial(parsePatientProfile({ cancerType: ['cml'] }), trialOf('Myeloproliferative disorders in an advanced state with splenomegaly')).verdict, 'might-be-eligible');
  });

  it('takes someone with a cancer into "children with cancer (or a precancer syndrome) or HIV infection"', () => {
    const item = 'Children with cancer (or a precancer syndrome) or HIV infection, between the age(s) of 3 months to 30 years';
    assert.equal(verdictOf(item, parsePatientProfile({ age: 17, cancerType: ['b-all'], infections: [] })), 'meets');
    assert.equal(verdictOf(item, parsePatientProfile({ age: 34, cancerType: ['b-all'], infections: [] })), 'does-not-meet');
    assert.equal(verdictOf('Children with HIV infection', parsePatientProfile({ age: 17, cancerType: ['b-all'], infections: [] })), 'does-not-meet');
  });

  it('leaves such a disease open when it is one entry of a list of diagnoses, or beside diseases we read', () => {
    assert.equal(matchTrial(relapsedBAll, trialOf('Aplastic anemia', 'Myeloproliferative syndrome')).verdict, 'might-be-eligible');
    assert.notEqual(matchTrial(relapsedBAll, trialOf('Relapsed B-ALL', 'Idiopathic myelofibrosis with at least 1 poor prognosis characteristic')).results[1]?.verdict, 'does-not-meet');
  });
});

describe('matchTrial: readings from the retired held-out set test28', () => {
  const trialOf = (...items: string[]): ReturnType<typeof parseCriteria> => parseCriteria(`Inclusion Criteria:\n${items.map((item) => `- ${item}`).join('\n')}`);
  const cll = parsePatientProfile({ age: 72, cancerType: ['cll'], diseaseState: ['relapsed'], priorTreatments: ['chemotherapy'] });

  it('does not count a permission of a treatment "for leukemia" as one more disease the trial takes', () => {
    const apl = trialOf('Newly diagnosed acute promyelocytic leukemia', 'Prior corticosteroids for leukemia allowed');
    assert.equal(matchTrial(cll, apl).verdict, 'not-eligible');
    // A disease allowed on a line of its own still is one.
    assert.notEqual(matchTrial(cll, trialOf('Acute promyelocytic leukemia', 'Chronic lymphocytic leukemia allowed')).verdict, 'not-eligible');
  });

  it('reads nothing asked in a pointer to another heading ("Radiotherapy: See Chemotherapy")', () => {
    const trial = parseCriteria('PRIOR CONCURRENT THERAPY:\nRadiotherapy:\n- See Chemotherapy');
    assert.deepEqual(trial.flatMap((c) => c.concepts), []);
  });

  it('reads the requirement before a PDQ note run on into the same item', () => {
    const nhl = parseCriteria("DISEASE CHARACTERISTICS:\n- Histologically proven stage II, III, or IV high-grade non-Hodgkin's lymphoma that has relapsed NOTE: A new classification scheme for adult non-Hodgkin's lymphoma has been adopted by PDQ. The terminology of \"indolent\" or \"aggressive\" lymphoma will replace the former terminology of \"low\", \"intermediate\", or \"high\" grade lymphoma.");
    assert.equal(matchTrial(relapsedBAll, nhl).verdict, 'not-eligible');
  });

  it('reads diseases given as labels over their states, in a run-on list of conditions, as its alternatives', () => {
    const section = 'DISEASE CHARACTERISTICS: One of the following hematologic conditions: Chronic phase or advanced chronic myelogenous leukemia Acute lymphoblastic leukemia: -relapsed -in second remission or later Acute myelogenous leukemia: -in second remission or later -in first remission with high-risk features\n\nPATIENT CHARACTERISTICS: Age: 18 to 60';
    const trial = parseCriteria(section);
    assert.equal(trial[2]?.conditional, false);
    assert.equal(matchTrial(relapsedBAll, trial).verdict, 'likely-eligible');
    assert.equal(matchTrial(parsePatientProfile({ age: 40, cancerType: ['aml'], diseaseState: ['refractory'] }), trial).verdict, 'not-eligible');
    assert.equal(matchTrial(cll, trial).verdict, 'not-eligible');
  });

  it('asks for a genetic change of the cancer cells: met by a Philadelphia chromosome, otherwise a question that counts', () => {
    const item = 'Detectable clonal cytogenetic or molecular abnormality at time of diagnosis';
    const phPositive = parsePatientProfile({ cancerType: ['b-all', 'ph-positive'] });
    assert.equal(verdictOf(item, phPositive), 'meets');
    assert.equal(verdictOf(item, relapsedBAll), 'unknown');
    assert.equal(matchTrial(relapsedBAll, trialOf('Relapsed acute lymphoblastic leukemia', item)).verdict, 'might-be-eligible');
    // A way of confirming the diagnosis asks for no change.
    assert.equal(matchTrial(relapsedBAll, trialOf('Relapsed acute lymphoblastic leukemia', 'Confirmed by cytochemistry, immunophenotyping, and/or chromosomal abnormalities')).verdict, 'likely-eligible');
    assert.equal(matchTrial(relapsedBAll, trialOf('Relapsed acute lymphoblastic leukemia', 'Confirmed by chromosomal abnormality')).verdict, 'likely-eligible');
  });
});

describe('matchTrial: readings from the development sets test17 and test24 (twenty-seventh round)', () => {
  it('takes a leukaemia named among the examples of what an item takes ("including but not limited to, lymphoma, ..., leukemia")', () => {
    const item = 'Patients with cancer (or a pre-cancer syndrome or rare disease), who present with disease manifestations of special interest to investigators, including but not limited to, lymphoma, brain tumors, Ewing\'s sarcoma, leukemia, osteosarcoma';
    assert.equal(verdictOf(item, relapsedBAll), 'meets');
    assert.notEqual(verdictOf(item.replace(', leukemia', ''), relapsedBAll), 'meets');
  });

  it('reads a normal ejection fraction as 55 % or more, one under 50 % as not normal, and between as open', () => {
    const withEf = (ejectionFractionPercent: number): PatientProfile => parsePatientProfile({ ejectionFractionPercent });
    assert.equal(verdictOf('Normal ejection fraction', withEf(60)), 'meets');
    assert.equal(verdictOf('Normal ejection fraction', withEf(45)), 'does-not-meet');
    assert.equal(verdictOf('Normal ejection fraction', withEf(52)), 'unknown');
    const [result] = matchTrial(withEf(60), parseCriteria('Inclusion Criteria:\n- LVEF within normal limits')).results;
    assert.equal(result?.reason, 'This trial is for people whose heart pumping strength (ejection fraction) is normal. You said yours is 60%.');
  });
});

describe('matchTrial: readings from the retired held-out set test29', () => {
  const trialOf = (...items: string[]): ReturnType<typeof parseCriteria> => parseCriteria(`Inclusion Criteria:\n${items.map((item) => `- ${item}`).join('\n')}`);

  it('does not take a marker of the cells alone ("CD20 or CD19 positive") as one more disease to choose', () => {
    const nhl = parseCriteria([
      "DISEASE CHARACTERISTICS: Histologically confirmed intermediate or high grade non-Hodgkin's",
      'lymphoma Stage II, III, or IV disease B-cell where lymphoid cells are CD20 or CD19 positive',
      "No mantle cell, lymphoblastic, or peripheral T-cell non-Hodgkin's lymphoma Measurable or",
      'evaluable disease No prior treatment for lymphoma',
      '',
      'PATIENT CHARACTERISTICS: Age: 18 and over Performance status: Karnofsky 60-100% Other: No other prior',
      'malignancy within the past 5 years except surgically cured basal or squamous cell skin cancer',
    ].join('\n'));
    const newlyDiagnosedBAll = parsePatientProfile({ age: 24, cancerType: ['b-all'], diseaseState: ['newly-diagnosed'], priorTreatments: [] });
    assert.equal(matchTrial(newlyDiagnosedBAll, nhl).verdict, 'not-eligible');
    // With a state, a marker item is a disease of a list whose nesting was lost, and still an alternative.
    const lost = trialOf('Acute lymphocytic leukemia (ALL): In second or later remission', 'In first remission with poor prognostic features (Philadelphia chromosome positive)');
    assert.notEqual(matchTrial(parsePatientProfile({ cancerType: ['b-all', 'ph-negative'], diseaseState: ['second-or-later-remission'] }), lost).verdict, 'not-eligible');
    // A broad group alone ("Acute leukemia") names no cancer type and still is one of the diseases to choose.
    assert.notEqual(matchTrial(parsePatientProfile({ cancerType: ['aml'] }), trialOf('Acute leukemia', 'Chronic myelogenous leukemia in chronic phase')).verdict, 'not-eligible');
  });

  it('never lowers an item by what it allows besides ("Ph- or bcr/abl-positive" over "Cytogenetic negativity allowed if ...")', () => {
    const cml = parseCriteria([
      'DISEASE CHARACTERISTICS:',
      '  -  Newly diagnosed chronic myelogenous leukemia in chronic phase',
      '  -  Philadelphia chromosome- or bcr/abl-positive',
      '       -  Cytogenetic negativity (analyzed separately) allowed if at least 1 of the',
      '          following criteria is met:',
      '            -  Malaise with decreased performance status',
      '            -  Symptomatic splenomegaly',
      'PATIENT CHARACTERISTICS:',
      '  -  ECOG 0-2',
    ].join('\n'));
    const phPositiveCml = parsePatientProfile({ cancerType: ['cml', 'ph-positive', 'bcr-abl1'], diseaseState: ['newly-diagnosed'], performanceStatus: { scale: 'ecog', value: 0 } });
    assert.equal(matchTrial(phPositiveCml, cml).verdict, 'likely-eligible');
  });

  it('reads "... are considered Ph chromosome positive" as a definition, not a requirement', () => {
    const item = 'Patients determined to be Ph chromosome negative by cytogenetics, but positive for BCR-ABL by FISH or polymerase chain reaction are considered Ph chromosome positive';
    assert.equal(verdictOf(item, relapsedBAll), 'unknown');
  });

  it('judges an ejection fraction below normal as not for someone whose is under 50 %', () => {
    const item = 'LVEF below normal';
    assert.equal(verdictOf(item, parsePatientProfile({ ejectionFractionPercent: 45 }), 'Exclusion'), 'does-not-meet');
    assert.equal(verdictOf(item, parsePatientProfile({ ejectionFractionPercent: 60 }), 'Exclusion'), 'meets');
  });
});

describe('matchTrial: readings from the retired held-out set test30', () => {
  it('leaves "No known AIDS or HIV-associated complex" open for someone with HIV, and turns them away from "HIV positive" exclusions', () => {
    const withHiv = parsePatientProfile({ infections: ['hiv'] });
    assert.equal(verdictOf('No known AIDS or HIV-associated complex', withHiv), 'unknown');
    assert.equal(verdictOf('HIV positive', withHiv, 'Exclusion'), 'does-not-meet');
  });

  it('reads nothing of a trial\'s donor criteria', () => {
    const trial = parseCriteria('Inclusion Criteria:\n\nRecipients:\n\n  -  ECOG 0-1\n\nExclusion Criteria:\n\nDonors:\n\n  -  Pregnant or lactating women\n\n  -  HIV seropositive, confirmed by NAT');
    assert.equal(matchTrial(parsePatientProfile({ performanceStatus: { scale: 'ecog', value: 0 }, pregnant: true, infections: ['hiv'] }), trial).verdict, 'likely-eligible');
  });
});

describe('matchTrial: readings from the retired held-out set test31', () => {
  it('takes someone with any cancer into "Malignancy, Castleman\'s disease, or ..." among alternatives, and asks everyone for consent', () => {
    const trial = parseCriteria('Inclusion Criteria:\n\n  -  Age 18 years or older.\n\nAt least one of the following:\n\n  -  HIV seropositive\n\n  -  Malignancy, Castleman\'s disease, or skin lesions with appearance of Kaposi\'s sarcoma\n\n  -  Ability of subject to understand and the willingness to sign a written informed consent document.');
    const result = matchTrial(parsePatientProfile({ age: 40, cancerType: ['lymphoma'], infections: [] }), trial);
    assert.equal(result.verdict, 'likely-eligible');
    assert.equal(result.results[2]?.reason, 'This trial takes people with any cancer. You said you have one. You only need one of these.');
    assert.equal(trial[3]?.anyOf, null);
  });

  it('leaves a kind of lymphoma open for someone whose lymphoma is of no named kind', () => {
    const lymphoma = parsePatientProfile({ cancerType: ['lymphoma'] });
    assert.equal(verdictOf('No prior T-cell lymphoma', lymphoma), 'unknown');
    assert.equal(verdictOf('No lymphoma', lymphoma), 'does-not-meet');
  });

  it('reads a T-cell group as leaving out myeloid and B-cell diseases', () => {
    const aml = parsePatientProfile({ cancerType: ['aml'] });
    assert.equal(verdictOf('All stages of Tac-expressing T-cell leukemia and lymphoma eligible except smoldering', aml), 'does-not-meet');
  });
});

describe('matchTrial: readings from the retired held-out set test32', () => {
  const newlyDiagnosed = parsePatientProfile({ age: 40, cancerType: ['b-all'], diseaseState: ['newly-diagnosed'], priorTreatments: [] });

  it('leaves "refractory to prior therapy or unlikely to benefit from standard therapy" open for someone not refractory', () => {
    const item = 'Advanced malignancy that is refractory to prior therapy or unlikely to benefit from standard therapy (e.g., chemotherapy, radiotherapy, and surgery)';
    assert.equal(verdictOf(item, newlyDiagnosed), 'unknown');
    assert.equal(verdictOf('Advanced malignancy that is refractory to prior therapy', newlyDiagnosed), 'does-not-meet');
  });

  it('reads the items under "considered heavily pretreated if:" as defining a group, asked of no one', () => {
    const trial = parseCriteria('DISEASE CHARACTERISTICS:\n  -  Advanced malignancy\n       -  Part I: Previously untreated OR minimally pretreated\n            -  Ineligible for part I and considered heavily pretreated if:\n                 -  Prior nitrosoureas or mitomycin\n                 -  Greater than 6 courses of prior combination chemotherapy');
    assert.equal(trial.find((c) => c.text.startsWith('Prior nitrosoureas'))?.conditional, true);
    assert.notEqual(matchTrial(newlyDiagnosed, trial).verdict, 'not-eligible');
  });

  it('takes someone with a cancer into "disorder of the immune system or cancer", but not into another cancer', () => {
    assert.equal(verdictOf('Have suspected or known disorder of the immune system or cancer', newlyDiagnosed), 'meets');
    assert.notEqual(verdictOf('Immune disorder or prior cancer', parsePatientProfile({ cancerType: ['b-all'], otherCancer: false })), 'meets');
  });
});

describe('matchTrial: readings from the retired held-out set test33', () => {
  it('leaves a kind of lymphoma the trial asks for open for someone whose kind is not given', () => {
    assert.equal(verdictOf("Histologically proven Stage III/IV Hodgkin's disease", parsePatientProfile({ cancerType: ['lymphoma'] })), 'unknown');
    assert.equal(verdictOf("Histologically proven Stage III/IV Hodgkin's disease", parsePatientProfile({ cancerType: ['b-all'] })), 'does-not-meet');
  });
});

describe('matchTrial: readings from the retired held-out set test34', () => {
  it('keeps the cancers an item names when its open alternative only qualifies them', () => {
    const item = 'Solid tumour or lymphoma that has progressed on standard treatment or for which no effective treatment exists';
    assert.equal(verdictOf(item, relapsedBAll), 'does-not-meet');
    assert.equal(verdictOf('Lymphoma that has progressed on standard treatment or advanced malignancy for which no effective treatment exists', relapsedBAll), 'unknown');
    assert.equal(verdictOf('Lymphoma that has progressed on standard treatment or who are unfit for it', relapsedBAll), 'unknown');
  });

  it('rules out someone with HIV where the item names HIV beside AIDS, and leaves a stage of it open', () => {
    const withHiv = parsePatientProfile({ infections: ['hiv'] });
    assert.equal(verdictOf('No AIDS or HIV infection', withHiv), 'does-not-meet');
    assert.equal(verdictOf('No AIDS or HIV-related complex', withHiv), 'unknown');
  });

  it('does not ask someone without the disease or infection for what is asked of it', () => {
    assert.equal(verdictOf('Brain CT recommended for metastatic melanoma', relapsedBAll), 'meets');
    assert.equal(verdictOf('Infectious disease review required for complicated infections', relapsedBAll), 'meets');
  });
});

describe('matchTrial: readings from the retired held-out set test37', () => {
  it('lets a B-cell cancer through a group of B-cell malignancies, and leaves a lymphoma open', () => {
    const item = 'Confirmed multiple myeloma or other B-cell malignancy';
    assert.equal(verdictOf(item, relapsedBAll), 'meets');
    assert.equal(verdictOf(item, parsePatientProfile({ cancerType: ['cll'] })), 'meets');
    assert.equal(verdictOf(item, parsePatientProfile({ cancerType: ['lymphoma'] })), 'unknown');
    assert.equal(verdictOf(item, parsePatientProfile({ cancerType: ['aml'] })), 'does-not-meet');
  });
});

describe('matchTrial: readings from the retired held-out set test39', () => {
  const verdictOfTrial = (text: string, profile: PatientProfile): string => matchTrial(profile, parseCriteria(text)).verdict;

  it('turns away people with a cancer from a trial for a proven amyloidosis or aplastic anaemia', () => {
    assert.equal(verdictOfTrial('Inclusion Criteria:\n- Histochemically proven primary systemic amyloidosis (AL)\n- Age 18 and over', relapsedBAll), 'not-eligible');
    assert.equal(verdictOfTrial('Inclusion Criteria:\n- Histologically confirmed aplastic anemia\n- Age 18 and over', relapsedBAll), 'not-eligible');
  });

  it('leaves a proven blood disorder open when run-on branches in capitals follow it', () => {
    const text = 'Inclusion Criteria:\n- Histologically confirmed aplastic anemia\n- Must have related donor OR Bone marrow transplant failure\n- Age 18 and over';
    assert.notEqual(verdictOfTrial(text, relapsedBAll), 'not-eligible');
  });

  it('leaves an unnamed kind of the person\'s cancer open, and keeps the other diseases of the list', () => {
    const item = 'Patients with AML, a certain type of ALL, NHL and MM';
    assert.equal(verdictOf(item, relapsedBAll), 'unknown');
    assert.equal(verdictOf(item, parsePatientProfile({ cancerType: ['aml'] })), 'meets');
    assert.equal(verdictOf(item, parsePatientProfile({ cancerType: ['myeloma'] })), 'meets');
    assert.equal(verdictOf(item, parsePatientProfile({ cancerType: ['lymphoma'] })), 'unknown');
    assert.equal(verdictOf(item, parsePatientProfile({ cancerType: ['mds'] })), 'does-not-meet');
  });
});

describe('matchTrial: readings from the retired held-out set test40', () => {
  it('reads an earlier cancer allowed as an exception to "no previous malignancy" as no group of patients the trial takes', () => {
    const lymphoma = "- Stage III-IV low-grade non-Hodgkin's lymphoma";
    const exception = '- No evidence of a previous or concurrent malignancy, with the exception of 1) treated carcinoma in situ of the cervix, 2) treated skin cancer OR\n  3) any other surgically cured malignancy';
    const years = ' from which the patient has been disease free for at least 5 years';
    const verdict = (lines: string[]): string => matchTrial(relapsedBAll, parseCriteria(['Inclusion Criteria:', ...lines].join('\n'))).verdict;
    assert.equal(verdict([lymphoma, exception + years]), 'not-eligible');
    // Either sign alone: an exception to the item above, or a past cancer with the years since it.
    assert.equal(verdict([lymphoma, exception]), 'not-eligible');
    assert.equal(verdict([lymphoma, `- Any other surgically cured malignancy${years}`]), 'not-eligible');
  });
});

describe('matchTrial: readings from the retired held-out set test41', () => {
  it('leaves a person with another cancer open on "no active second malignancy"', () => {
    const treatedBefore = parsePatientProfile({ cancerType: ['lymphoma'], otherCancer: true });
    assert.equal(verdictOf('No active or uncontrolled second malignancy', treatedBefore), 'unknown');
    assert.equal(verdictOf('No second malignancy', treatedBefore), 'does-not-meet');
  });
});

describe('matchTrial: concept errors of the retired held-out set test38', () => {
  it('compares a count of chemotherapy regimens with all of the person\'s lines only where that settles it', () => {
    const item = 'No more than 1 prior chemotherapy regimen';
    assert.equal(verdictOf(item, parsePatientProfile({ priorLines: 1 })), 'meets');
    assert.equal(verdictOf(item, parsePatientProfile({ priorLines: 2 })), 'unknown');
    assert.equal(verdictOf('At least 2 prior chemotherapy regimens', parsePatientProfile({ priorLines: 1 })), 'does-not-meet');
    assert.equal(verdictOf('At least 2 prior chemotherapy regimens', parsePatientProfile({ priorLines: 3 })), 'unknown');
    assert.equal(verdictOf('No more than 1 prior regimen', parsePatientProfile({ priorLines: 2 })), 'does-not-meet');
  });
});

describe('matchTrial: readings from the retired held-out set test42', () => {
  const trialVerdict = (text: string, profile: PatientProfile): string => matchTrial(profile, parseCriteria(text)).verdict;

  it('reads what the investigators expect, and the list under it, as asking nothing', () => {
    const text = [
      'Inclusion Criteria:',
      '  -  EBV positive lymphoma, or other EBV-associated malignancy OR',
      '  -  Severely immunocompromised patients with blood levels of EBV DNA over 500 copies/ml',
      '',
      'It is expected that three types of patients with EBV lymphomas will be referred and will',
      'consent to participate in this trial. These are:',
      '',
      '  1. Patients developing EBV lymphomas following an allogeneic marrow transplant.',
      '',
      '  2. Patients with AIDS developing EBV lymphomas.',
    ].join('\n');
    assert.equal(trialVerdict(text, relapsedBAll), 'might-be-eligible');
    assert.deepEqual(parseCriteria(text).filter((c) => /^(?:It is expected|Patients developing|Patients with AIDS)/.test(c.text)).map((c) => c.concepts), [[], [], []]);
  });

  it('reads "are eligible for this trial if" as the condition of entry, asked of everyone', () => {
    const text = 'Inclusion Criteria:\n- History of histologically confirmed Hodgkin\'s lymphoma Subjects are eligible for this trial if (1) they have failed at least 1 cycle of chemotherapy, with or without radiotherapy, and if (2) they would be treated with salvage regimens';
    const [item] = parseCriteria(text);
    assert.equal(item?.conditional, false);
    assert.equal(trialVerdict(text, relapsedBAll), 'not-eligible');
    assert.equal(item?.concepts.some((c) => c.value === 'radiotherapy'), false);
  });

  it('reads pregnancy that "does not constitute a contraindication" as allowed', () => {
    const pregnant = parsePatientProfile({ pregnant: true });
    assert.equal(verdictOf('Pregnancy does not constitute a contraindication to infusions of T cells.', pregnant, 'Exclusion'), 'meets');
    assert.equal(verdictOf('Pregnancy is not a contraindication', pregnant, 'Exclusion'), 'meets');
    assert.equal(verdictOf('Pregnancy', pregnant, 'Exclusion'), 'does-not-meet');
  });
});

describe('matchTrial: readings from the retired held-out set test43', () => {
  it('reads the one diagnosis of a trial written as "... are eligible" as whom the trial is for', () => {
    const text = 'Inclusion Criteria:\n1. Patients with symptomatic macroglobulinemic lymphoma who have had no prior treatment are eligible.\n2. Patients must sign an informed consent form.';
    assert.equal(matchTrial(relapsedBAll, parseCriteria(text)).verdict, 'not-eligible');
    const [item] = parseCriteria(text);
    assert.equal(item?.permissive, false);
    // Several such diseases, each "eligible", are the trial's list; none becomes a requirement of everyone.
    const list = parseCriteria('Inclusion Criteria:\n- Patients with AML are eligible\n- Patients with ALL are eligible');
    assert.deepEqual(list.map((c) => c.permissive), [true, true]);
  });

  it('reads "HIV and HTLV-I negative" as no HIV', () => {
    assert.equal(verdictOf('HIV and HTLV-I negative', parsePatientProfile({ infections: ['hiv'] })), 'does-not-meet');
    assert.equal(verdictOf('HIV and HTLV-I negative', parsePatientProfile({ infections: [] })), 'meets');
  });

  it('reads a group whose results are "analyzed separately" as asking nothing of everyone', () => {
    assert.notEqual(verdictOf('Patients with more than 1 prior regimen analyzed separately', parsePatientProfile({ priorLines: 0 })), 'does-not-meet');
  });
});

describe('matchTrial: readings from the retired held-out set test44', () => {
  it('never turns away someone without CNS disease on "No CNS metastasis unless stable"', () => {
    assert.equal(verdictOf('No CNS metastasis unless stable for at least 4 weeks', parsePatientProfile({ cnsInvolvement: false })), 'meets');
  });
});

describe('matchTrial: readings from the retired held-out set test45', () => {
  it('reads the diagnosis before PDQ\'s note on its lymphoma terms, and nothing in "Not specified Chemotherapy"', () => {
    const text = [
      'DISEASE CHARACTERISTICS: Histologically confirmed B-cell non-Hodgkin\'s lymphoma (low, intermediate, or high grade categories) A new classification scheme for adult non-Hodgkin\'s lymphoma has been adopted by PDQ.',
      'PRIOR CONCURRENT THERAPY: Biologic therapy: Not specified Chemotherapy Greater than 4 weeks since prior chemotherapy',
    ].join('\n');
    const parsed = parseCriteria(text);
    assert.equal(parsed[0]?.concepts.some((c) => c.value === 'lymphoma'), true);
    assert.equal(matchTrial(relapsedBAll, parsed).verdict, 'not-eligible');
    assert.deepEqual(parsed.filter((c) => /^Not specified/.test(c.text)).map((c) => c.concepts), [[]]);
  });
});

describe('matchTrial: readings from the retired held-out set test46', () => {
  it('reads "Patients must not be pregnant" under the exclusions as a requirement in its own words', () => {
    const pregnant = parsePatientProfile({ pregnant: true });
    const notPregnant = parsePatientProfile({ pregnant: false });
    assert.equal(verdictOf('Patients must not be pregnant.', pregnant, 'Exclusion'), 'does-not-meet');
    assert.equal(verdictOf('Patients must not be pregnant.', notPregnant, 'Exclusion'), 'meets');
    assert.equal(verdictOf('Pregnant', notPregnant, 'Exclusion'), 'meets');
  });
});

describe('matchTrial: readings from the retired held-out set test47', () => {
  it('reads a study of the patients\' family members as not for people with a cancer', () => {
    const text = 'Inclusion Criteria:\nFamily members of patients admitted to allogeneic BMT protocols.\nAges 18 and older and less than age 65.';
    assert.equal(matchTrial(relapsedBAll, parseCriteria(text)).verdict, 'not-eligible');
    assert.notEqual(matchTrial(relapsedBAll, parseCriteria('Inclusion Criteria:\nAges 18 and older and less than age 65.')).verdict, 'not-eligible');
  });
});

describe('matchTrial: readings from the retired held-out set test48', () => {
  it('takes a CML patient for "myelofibrosis or other myeloproliferative disorder", and not someone with AML', () => {
    const cml = parsePatientProfile({ age: 50, cancerType: ['cml'], diseaseState: ['relapsed'] });
    const aml = parsePatientProfile({ age: 50, cancerType: ['aml'], diseaseState: ['relapsed'] });
    const item = 'Confirmed diagnosis of primary myelofibrosis or other myeloproliferative disorder with marrow fibrosis';
    assert.notEqual(verdictOf(item, cml), 'does-not-meet');
    assert.equal(verdictOf(item, aml), 'does-not-meet');
  });
});

describe('matchTrial: a reading tried on the retired held-out set test49 and dropped', () => {
  it('never lets a child be likely eligible for an adults\' trial whose minors\' consent item names a younger age', () => {
    const child = parsePatientProfile({ age: 15, cancerType: ['b-all'] });
    for (const text of [
      'Inclusion Criteria:\n- Age 18 years or older\n- Patients younger than 18 years must have parental consent',
      'Inclusion Criteria:\n- Age 18 years or older\n- Patients under 18 years of age are not eligible',
    ]) assert.equal(matchTrial(child, parseCriteria(text)).verdict, 'not-eligible', text);
  });
});

describe('matchTrial: probes for false hope, after the fiftieth round', () => {
  const bAll = parsePatientProfile({ age: 40, cancerType: ['b-all'], diseaseState: ['relapsed'], priorTreatments: ['chemotherapy'], priorLines: 1 });

  it('reads an item that is only an abbreviation ("AML") as the diagnosis, not as shouting', () => {
    assert.equal(matchTrial(bAll, parseCriteria('Inclusion Criteria:\n- AML\n- Age 18 or over')).verdict, 'not-eligible');
    assert.equal(matchTrial(bAll, parseCriteria('Inclusion Criteria:\n- ALL\n- Age 18 or over')).verdict, 'likely-eligible');
  });

  it('reads the one diagnosis "will be eligible" as whom the trial is for', () => {
    assert.equal(matchTrial(bAll, parseCriteria('Inclusion Criteria:\n- Patients with AML will be eligible\n- Age 18 or over')).verdict, 'not-eligible');
  });
});
