import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { readCriterion } from './concept-extract.ts';
import { expandAlternatives } from './concept-vocab.ts';
import { CONCEPT_VALUES } from './criterion.ts';

/** "type value polarity" for each concept of a criterion. */
const read = (text: string, context = {}): string[] => readCriterion(text, context).concepts.map((c) => `${c.type} ${c.value} ${c.polarity}`);
const only = (text: string, context = {}): Record<string, unknown> => {
  const [concept] = readCriterion(text, context).concepts;
  assert.ok(concept !== undefined, `no concept in "${text}"`);
  return { type: concept.type, value: concept.value, polarity: concept.polarity, ...(concept.threshold ?? {}) };
};

describe('readCriterion: negation', () => {
  it('reads pre-negation triggers', () => {
    assert.deepEqual(read('No prior CAR-T'), ['prior-treatment car-t absent']);
    assert.deepEqual(read('without CNS involvement'), ['cns cns-involvement absent']);
    assert.deepEqual(read('Must not be pregnant'), ['pregnancy pregnant absent']);
    assert.deepEqual(read('Patients who have not received blinatumomab'), ['prior-treatment blinatumomab absent']);
    assert.deepEqual(read('Negative pregnancy test'), ['pregnancy pregnant absent']);
    assert.deepEqual(read('Not pregnant or nursing'), ['pregnancy pregnant absent', 'pregnancy breastfeeding absent']);
    assert.deepEqual(read('No history of HIV, hepatitis B or hepatitis C infection'), ['infection hiv absent', 'infection hepatitis-b absent', 'infection hepatitis-c absent']);
    assert.deepEqual(read('Unable to give informed consent'), ['consent consent absent']);
  });

  it('reads post-negation triggers', () => {
    assert.deepEqual(read('HIV negative'), ['infection hiv absent']);
    assert.deepEqual(read('Hepatitis B surface antigen negative'), ['infection hepatitis-b absent']);
    assert.deepEqual(read('TKI-naive'), ['prior-treatment tki absent']);
    assert.deepEqual(read('Prior CAR-T therapy is not allowed'), ['prior-treatment car-t absent']);
    assert.deepEqual(read('Patients with CNS involvement or HIV are excluded'), ['cns cns-involvement absent', 'infection hiv absent']);
  });

  it('keeps what names a negative state as a value of its own', () => {
    assert.deepEqual(read('Ph-negative B-ALL'), ['cancer-type ph-negative present', 'cancer-type b-all present']);
    assert.deepEqual(read('MRD negative'), ['disease-state mrd-negative present']);
    assert.deepEqual(read('CD19-negative relapse'), ['cancer-type cd19-positive absent', 'disease-state relapsed present']);
  });

  it('ends a scope at a conjunction, a clause mark or another trigger', () => {
    assert.deepEqual(read('No CNS involvement but HIV positive patients may enrol'), ['cns cns-involvement absent', 'infection hiv present']);
    assert.deepEqual(read('No prior CAR-T; prior blinatumomab'), ['prior-treatment car-t absent', 'prior-treatment blinatumomab present']);
    assert.deepEqual(read('HIV negative, hepatitis B positive'), ['infection hiv absent', 'infection hepatitis-b present']);
  });

  it('ignores pseudo-triggers', () => {
    assert.deepEqual(read('Not only relapsed disease'), ['disease-state relapsed present']);
    assert.deepEqual(read('gram-negative bacterial infection'), ['infection active-infection present']);
    assert.deepEqual(read('No change in dose of imatinib'), ['prior-treatment imatinib present']);
    assert.deepEqual(read('Non-Hodgkin lymphoma'), ['cancer-type lymphoma present']);
    assert.deepEqual(read('Bilirubin no greater than 2 times upper limit of normal').slice(0, 1), ['organ-function bilirubin present']);
  });

  it('drops carve-outs, and keeps examples as mentions', () => {
    assert.deepEqual(read('No other malignancy within 5 years except basal cell carcinoma'), ['other-cancer other-malignancy absent']);
    // Prior therapy for the disease is chemotherapy; the disease it was for is not a diagnosis asked about.
    assert.deepEqual(read('No prior therapy for ALL'), ['prior-treatment chemotherapy absent']);
    assert.deepEqual(read('No prior cytostatic drugs except vincristine'), ['prior-treatment chemotherapy absent']);
    // An example of what the item is about counts as named by it.
    assert.deepEqual(read('Serious illness, for instance uncontrolled fungal infection'), ['infection active-infection present']);
  });

  it('carries a negated lead-in onto the items under it', () => {
    assert.deepEqual(read('imatinib', { parent: 'No prior therapy with any of the following:' }), ['prior-treatment imatinib absent']);
    assert.deepEqual(read('imatinib', { parent: 'Prior therapy with one of the following:' }), ['prior-treatment imatinib present']);
  });

  it('flags conditional and permissive criteria', () => {
    assert.equal(readCriterion('If HIV positive, must be on effective antiretroviral therapy').conditional, true);
    assert.equal(readCriterion('Women of childbearing potential must use contraception').conditional, true);
    assert.equal(readCriterion('Prior imatinib allowed').permissive, true);
    assert.equal(readCriterion('Prior imatinib not allowed').permissive, false);
    assert.deepEqual(read('Prior imatinib not allowed'), ['prior-treatment imatinib absent']);
  });

  it('marks treatments the trial plans rather than ones the person had', () => {
    const [concept] = readCriterion('Must be eligible for allogeneic stem cell transplant').concepts;
    assert.equal(concept?.value, 'allogeneic-transplant');
    assert.equal(concept?.planned, true);
  });
});

describe('readCriterion: concepts and thresholds', () => {
  it('reads ages', () => {
    assert.deepEqual(only('age ≥ 18 years'), { type: 'age', value: 'age', polarity: 'present', min: 18 });
    assert.deepEqual(only('Patients aged 18 to 65 years'), { type: 'age', value: 'age', polarity: 'present', min: 18, max: 65 });
    assert.deepEqual(only('18 years of age or older'), { type: 'age', value: 'age', polarity: 'present', min: 18 });
    assert.deepEqual(only('Under 70', { heading: 'Age' }), { type: 'age', value: 'age', polarity: 'present', max: 69 });
    assert.deepEqual(read('At least 5 years since prior chemotherapy').filter((c) => c.startsWith('age')), []);
    assert.deepEqual(read('Life expectancy of at least 1 year'), []);
  });

  it('reads performance status on each scale, dropping the best end of the scale', () => {
    assert.deepEqual(only('ECOG 0-2'), { type: 'performance-status', value: 'ecog', polarity: 'present', max: 2 });
    assert.deepEqual(only('ECOG performance status of 0, 1 or 2'), { type: 'performance-status', value: 'ecog', polarity: 'present', max: 2 });
    assert.deepEqual(only('Karnofsky ≥ 70%'), { type: 'performance-status', value: 'karnofsky', polarity: 'present', min: 70 });
    assert.deepEqual(only('Karnofsky 60%-100%'), { type: 'performance-status', value: 'karnofsky', polarity: 'present', min: 60 });
    assert.deepEqual(only('Lansky performance status ≥ 50'), { type: 'performance-status', value: 'lansky', polarity: 'present', min: 50 });
    assert.deepEqual(only('Zubrod 0-1', { heading: 'Performance status' }), { type: 'performance-status', value: 'ecog', polarity: 'present', max: 1 });
    assert.deepEqual(only('Performance status 70-100%'), { type: 'performance-status', value: 'karnofsky', polarity: 'present', min: 70 });
  });

  it('reads organ function with comparator, value and unit', () => {
    const bilirubin = readCriterion('Total bilirubin ≤ 1.5 x ULN').concepts[0];
    assert.deepEqual(bilirubin?.threshold, { comparator: '<=', value: 1.5, unit: 'x-uln' });
    assert.deepEqual(readCriterion('Creatinine clearance ≥ 60 mL/min').concepts[0]?.threshold, { comparator: '>=', value: 60, unit: 'ml/min' });
    assert.deepEqual(readCriterion('eGFR \u2265 50 mL/min/1.73 m2').concepts[0]?.threshold, { comparator: '>=', value: 50, unit: 'ml/min/1.73m2' });
    assert.deepEqual(readCriterion('Creatinine less than 1.1 mg/dL (100 micromoles/L)').concepts[0]?.threshold, { comparator: '<', value: 1.1, unit: 'mg/dl' });
    assert.deepEqual(readCriterion('LVEF >= 45%').concepts[0]?.threshold, { comparator: '>=', value: 45, unit: 'percent' });
    const liver = readCriterion('AST and ALT =< 2.5 × institutional ULN').concepts[0];
    assert.equal(liver?.value, 'alt-ast');
    assert.deepEqual(liver?.threshold, { comparator: '<=', value: 2.5, unit: 'x-uln' });
    const both = readCriterion('ALT < 3 x ULN and bilirubin < 2 x ULN').concepts;
    assert.deepEqual(both.map((c) => [c.value, c.threshold?.value]), [['alt', 3], ['bilirubin', 2]]);
  });

  it('keeps the named scale and the precise mention, and drops numbers beyond a scale', () => {
    assert.deepEqual(read('ECOG performance status =< 2 (Karnofsky >= 50%)'), ['performance-status ecog present', 'performance-status karnofsky present']);
    assert.deepEqual(read('Prior allogeneic hematopoietic stem cell transplant (HSCT)'), ['prior-treatment allogeneic-transplant present']);
    assert.deepEqual(read('SGPT and SGOT < 4 x the upper limit of normal'), ['organ-function alt-ast present']);
    assert.equal(readCriterion('ECOG 7').concepts[0]?.threshold, undefined);
  });

  it('reads cancer types and disease states, including signs', () => {
    assert.deepEqual(read('Relapsed or refractory CD19+ B-ALL'), ['disease-state relapsed present', 'disease-state refractory present', 'cancer-type cd19-positive present', 'cancer-type b-all present']);
    assert.deepEqual(read('Philadelphia chromosome (Ph)-positive acute lymphoblastic leukaemia'), ['cancer-type ph-positive present', 'cancer-type all present']);
    assert.deepEqual(read('Ph+ ALL'), ['cancer-type ph-positive present', 'cancer-type all present']);
    assert.deepEqual(read('T-ALL in first complete remission (CR1)'), ['cancer-type t-all present', 'disease-state first-remission present']);
    assert.deepEqual(read('ALL patients'), ['cancer-type all present']);
    assert.deepEqual(read('all patients must sign'), []);
    assert.deepEqual(read('ALL PATIENTS MUST SIGN'), []);
  });

  it('marks alternatives joined by "or"', () => {
    const [relapsed, refractory] = readCriterion('Relapsed or refractory ALL').concepts;
    assert.equal(relapsed?.orPrevious, undefined);
    assert.equal(refractory?.orPrevious, true);
  });

  it('reads prior lines, windows and prior treatments named by drug', () => {
    assert.deepEqual(only('Received ≥ 2 prior lines of therapy'), { type: 'disease-state', value: 'prior-lines', polarity: 'present', min: 2 });
    assert.deepEqual(only('No chemotherapy within 14 days of enrolment'), { type: 'prior-treatment', value: 'chemotherapy', polarity: 'absent', withinDays: 14 });
    assert.deepEqual(only('At least 4 weeks since prior radiotherapy'), { type: 'prior-treatment', value: 'radiotherapy', polarity: 'absent', withinDays: 28 });
    assert.deepEqual(read('Prior treatment with Gleevec or Sprycel'), ['prior-treatment imatinib present', 'prior-treatment dasatinib present']);
    assert.deepEqual(read('Prior tisagenlecleucel'), ['prior-treatment car-t present']);
    assert.deepEqual(read('Known hypersensitivity to imatinib'), []);
  });

  it('reads sex only when one sex is named outside a pregnancy sentence', () => {
    assert.deepEqual(read('Male patients only'), ['sex male present']);
    assert.deepEqual(read('Postmenopausal women'), []);
    assert.deepEqual(read('Men and women aged 18 or over').filter((c) => c.startsWith('sex')), []);
  });

  it('uses the sub-heading "Excluded within 30 days of study entry" as the window', () => {
    assert.deepEqual(only('Cytotoxic chemotherapy.', { heading: 'Excluded within 30 days of study entry' }), { type: 'prior-treatment', value: 'chemotherapy', polarity: 'present', withinDays: 30 });
  });
});

describe('concept vocabularies', () => {
  it('writes out alternatives of several words', () => {
    assert.deepEqual(expandAlternatives('(mrd|minimal residual disease) positive'), ['mrd positive', 'minimal residual disease positive']);
    assert.deepEqual(expandAlternatives('a (b c)? d'), ['a b c d', 'a d']);
    assert.deepEqual(expandAlternatives('(x|y) z'), ['(x|y) z']);
  });

  it('gives only values of docs/eligibility-concepts.md, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        for (const concept of readCriterion(text).concepts) assert.ok(CONCEPT_VALUES[concept.type].includes(concept.value));
      }),
      { numRuns: 300 },
    );
  });
});

describe('readCriterion: readings added after the first held-out run', () => {
  it('reads grades under a "Performance status" sub-heading, and whole grades under a strict limit', () => {
    assert.deepEqual(only('2 or less', { heading: 'Performance status' }), { type: 'performance-status', value: 'ecog', polarity: 'present', max: 2 });
    assert.deepEqual(only('Zubrod score < 2'), { type: 'performance-status', value: 'ecog', polarity: 'present', max: 1 });
    assert.deepEqual(only('WHO performance status 0~1'), { type: 'performance-status', value: 'who', polarity: 'present', max: 1 });
  });

  it('does not read a drug code as a performance status', () => {
    assert.deepEqual(read('Given PS-512 by mouth'), []);
  });

  it('reads "non-malignant" as no cancer', () => {
    assert.deepEqual(read('Another non-malignant blood condition'), []);
    assert.deepEqual(read('Non-Hodgkin lymphoma'), ['cancer-type lymphoma present']);
  });

  it('leaves the treatment a disease resisted to the disease state', () => {
    assert.deepEqual(read('Leukaemia refractory to consolidation chemotherapy'), ['disease-state refractory present']);
    assert.deepEqual(read('Did not respond (no CR) to first induction chemotherapy'), ['disease-state refractory present']);
    assert.deepEqual(read('Primary induction failure, meaning no remission after the first course'), ['disease-state refractory present']);
    assert.deepEqual(read('Failed two prior lines of therapy'), ['disease-state refractory present', 'disease-state prior-lines present']);
  });

  it('reads what a treatment was for, and treatment names, as the treatment only', () => {
    assert.deepEqual(read('No earlier chemotherapy for lymphoblastic leukemia'), ['prior-treatment chemotherapy absent']);
    assert.deepEqual(read('No prior remission induction chemotherapy'), ['prior-treatment chemotherapy absent']);
    assert.deepEqual(read('Prior therapy: no prior treatment for their leukemia'), ['disease-state newly-diagnosed present', 'prior-treatment chemotherapy absent']);
  });

  it('reads "untreated" before an infection as the infection\'s', () => {
    assert.deepEqual(read('No untreated fungal infection'), ['infection active-infection absent']);
  });

  it('reads washouts, recent treatment and tapering', () => {
    assert.deepEqual(only('Must have been off chemotherapy for 3 weeks'), { type: 'prior-treatment', value: 'chemotherapy', polarity: 'absent', withinDays: 21 });
    assert.deepEqual(only('No more than 48 hours since the last intrathecal chemotherapy'), { type: 'prior-treatment', value: 'chemotherapy', polarity: 'present', withinDays: 2 });
    assert.deepEqual(read('Steroids must have been tapered off before enrolment'), ['prior-treatment other-drug absent']);
    assert.deepEqual(only('At least 5 weeks since any nitrosoureas'), { type: 'prior-treatment', value: 'chemotherapy', polarity: 'absent', withinDays: 35 });
  });

  it('files hydroxyurea and biological therapy as other drugs', () => {
    assert.deepEqual(read('Hydroxyurea to lower the white count is permitted'), ['prior-treatment other-drug present']);
    assert.deepEqual(read('No prior biological therapy'), ['prior-treatment other-drug absent']);
  });

  it('reads ages without numbers in years, and leaves survival and schooling alone', () => {
    assert.deepEqual(readCriterion('Children', { heading: 'Age' }).concepts.map((c) => [c.type, c.threshold]), [['age', undefined]]);
    assert.deepEqual(read('Babies under 6 months of age at diagnosis'), ['age age present']);
    assert.deepEqual(read('Illness that limits survival to under 3 years'), []);
    assert.deepEqual(read('At least 8 years of education'), []);
  });

  it('reads newer names of leukaemias and disease states', () => {
    assert.deepEqual(read('Relapsed acute promyelocytic leukemia'), ['disease-state relapsed present', 'cancer-type aml present']);
    assert.deepEqual(read('Recurrent acute myeloid leukemia'), ['disease-state relapsed present', 'cancer-type aml present']);
    assert.deepEqual(read('Progressive disease on the last scan'), ['disease-state relapsed present']);
    assert.deepEqual(read('B-progenitor acute lymphoblastic leukemia'), ['cancer-type b-all present']);
  });

  it('reads "… are excluded" in an exclusion list as what excludes', () => {
    assert.deepEqual(read('People with HIV are excluded', { section: 'exclusion' }), ['infection hiv present']);
    assert.deepEqual(read('People with HIV are excluded'), ['infection hiv absent']);
  });

  it('reads a planned treatment offered as an alternative as planned', () => {
    const concepts = readCriterion('On re-induction therapy now or designated for chemotherapy').concepts;
    assert.deepEqual(concepts.map((c) => [c.value, c.planned === true]), [['chemotherapy', false], ['chemotherapy', true]]);
  });
});

describe('readCriterion: readings added from the third development set', () => {
  const flags = (text: string, context = {}): string[] =>
    readCriterion(text, context).concepts.map((c) => [c.type, c.value, c.polarity, ...['planned', 'ongoing', 'limited', 'atDiagnosis', 'past'].filter((f) => (c as unknown as Record<string, unknown>)[f] === true)].join(' '));

  it('marks a treatment the person is having at entry as ongoing', () => {
    assert.deepEqual(flags('Patients undergoing an allogeneic stem cell transplant for any reason'), ['prior-treatment allogeneic-transplant present ongoing']);
    assert.deepEqual(flags('Everyone who has been prescribed rituximab'), ['prior-treatment rituximab present ongoing']);
  });

  it('reads "for" before a transplant as a plan, and a physiologic age as no age', () => {
    assert.deepEqual(flags('Physiological age 60 or younger for autologous stem cell transplantation', { heading: 'Age' }), ['prior-treatment autologous-transplant present planned']);
  });

  it('reads a negated relapse that followed a treatment as the treatment negated', () => {
    assert.deepEqual(flags('No relapse after an allogeneic transplant'), ['prior-treatment allogeneic-transplant absent']);
  });

  it('marks an age limit at diagnosis', () => {
    assert.deepEqual(flags('Aged 25 or under at diagnosis'), ['age age present atDiagnosis']);
  });

  it('reads "all patients in relapse" as a condition, and a remission sought by reinduction as no remission', () => {
    const reading = readCriterion('All patients in relapse should have tried reinduction of remission');
    assert.equal(reading.conditional, true);
    assert.deepEqual(reading.concepts.map((c) => c.value), ['relapsed', 'chemotherapy']);
  });

  it('leaves out a treatment named as the cause of a side effect', () => {
    assert.deepEqual(read('No grade 3 neuropathy associated with earlier chemotherapy'), []);
  });

  it('marks a treatment limited by dose or site', () => {
    assert.deepEqual(flags('No earlier radiotherapy of more than 20 Gy'), ['prior-treatment radiotherapy absent limited']);
    assert.deepEqual(flags('No earlier radiotherapy to the chest'), ['prior-treatment radiotherapy absent limited']);
  });

  it('marks a remission reached in the past', () => {
    assert.deepEqual(flags('Had achieved a complete remission with earlier therapy'), ['disease-state remission present past']);
  });

  it('names aggressive NK-cell leukaemia and B-precursor ALL', () => {
    assert.deepEqual(read('Aggressive NK-cell leukaemia, new or recurrent'), ['cancer-type other-leukaemia present']);
    assert.deepEqual(read('B-precursor ALL'), ['cancer-type b-all present']);
  });

  it('reads CSF cytology as CNS disease, and recurrence and recurrent non-Hodgkin lymphoma as relapse', () => {
    assert.deepEqual(read('Negative CSF cytology'), ['cns cns-involvement absent']);
    assert.deepEqual(read('Recurrence after earlier treatment'), ['disease-state relapsed present']);
    assert.deepEqual(read('Recurrent non-Hodgkin lymphoma'), ['disease-state relapsed present', 'cancer-type lymphoma present']);
  });
});

describe('readCriterion: readings added in the fourth round (prior treatments, other cancers, states, CNS)', () => {
  const flags = (text: string, context = {}): string[] =>
    readCriterion(text, context).concepts.map((c) => [c.type, c.value, c.polarity, ...['planned', 'ongoing'].filter((f) => (c as unknown as Record<string, unknown>)[f] === true)].join(' '));

  it('reads classes of drugs as other drugs, and more classes of cytotoxic drugs as chemotherapy', () => {
    assert.deepEqual(read('Earlier treatment with a checkpoint inhibitor'), ['prior-treatment other-drug present']);
    assert.deepEqual(read('Any earlier immunotherapy'), ['prior-treatment other-drug present']);
    assert.deepEqual(read('Use of immunosuppressive drugs in the last month'), ['prior-treatment other-drug present']);
    assert.deepEqual(read('Has had an anti-PD-L1 antibody'), ['prior-treatment other-drug present']);
    assert.deepEqual(read('Earlier targeted therapy'), ['prior-treatment other-drug present']);
    assert.deepEqual(read('Has had a BTK inhibitor'), ['prior-treatment other-drug present']);
    assert.deepEqual(read('On anticoagulation therapy'), ['prior-treatment other-drug present']);
    assert.deepEqual(read('Has taken herbal medicines with anticancer claims'), ['prior-treatment other-drug present']);
    assert.deepEqual(read('Earlier taxane or platinum doublet'), ['prior-treatment chemotherapy present']);
    assert.deepEqual(read('Took part in a study and was given a research drug'), ['prior-treatment investigational-agent present']);
    assert.deepEqual(read('TBI of 12 Gy in 6 fractions'), ['prior-treatment radiotherapy present']);
  });

  it('reads a treatment with a drug it does not know as another drug', () => {
    assert.deepEqual(read('Must not have received prior treatment with Zorbavir'), ['prior-treatment other-drug absent']);
    assert.deepEqual(read('Has never received prior XB-12 treatment'), ['prior-treatment other-drug absent']);
    // A treatment it knows says what it is: no second, vaguer concept.
    assert.deepEqual(read('Prior treatment with imatinib'), ['prior-treatment imatinib present']);
    assert.deepEqual(read('Treated with at least 2 prior regimens'), ['disease-state prior-lines present']);
  });

  it('keeps both of two joined modifiers: autologous or allogeneic, recurrent/refractory', () => {
    assert.deepEqual(read('Autologous or allogeneic haematopoietic stem cell transplantation'), ['prior-treatment autologous-transplant present', 'prior-treatment allogeneic-transplant present']);
    assert.deepEqual(read('Criteria for recurrent/refractory disease'), ['disease-state relapsed present', 'disease-state refractory present']);
  });

  it('reads progression as relapse, more ways of counting lines, and "non-recurrent"', () => {
    assert.deepEqual(read('Disease progression after the last treatment'), ['disease-state relapsed present']);
    assert.deepEqual(read('Progressed on standard therapy'), ['disease-state relapsed present']);
    assert.deepEqual(only('At least one prior systemic therapy'), { type: 'disease-state', value: 'prior-lines', polarity: 'present', min: 1 });
    assert.deepEqual(read('Second-line or later treatment'), ['disease-state prior-lines present']);
    assert.deepEqual(read('Primary (non-recurrent) disease'), ['disease-state relapsed absent']);
    assert.deepEqual(read('Presence of measurable residual disease'), ['disease-state mrd-positive present']);
  });

  it('reads a cancer word listed among other conditions as another cancer', () => {
    assert.deepEqual(read('Severe heart disease, malignancy, autoimmune disorders'), ['other-cancer other-malignancy present']);
    assert.deepEqual(read('Serious chronic diseases such as heart failure or tumors'), ['other-cancer other-malignancy present']);
    assert.deepEqual(read('Known malignant pleural effusion'), ['other-cancer other-malignancy present']);
    // Alone in an inclusion it is the trial's own disease; after "of" or before another noun it is about something else.
    assert.deepEqual(read('Advanced cancer and measurable disease'), []);
    assert.deepEqual(read('Cancer survivors, heart disease'), []);
  });

  it('reads a cancer word alone in an exclusion list as another cancer', () => {
    assert.deepEqual(only('Malignancy within the past 5 years', { section: 'exclusion' }), { type: 'other-cancer', value: 'other-malignancy', polarity: 'present', withinYears: 5 });
    assert.deepEqual(read('Malignancy within the past 5 years', { section: 'inclusion' }), []);
    assert.deepEqual(read('Anaemia due to malignancy', { section: 'exclusion' }), []);
  });

  it('reads more wordings of CNS disease, and "disease-free" as no negation', () => {
    assert.deepEqual(read('Central nervous system manifestations of malignancy'), ['cns cns-involvement present']);
    assert.deepEqual(read('CNS or overt testicular leukaemia at diagnosis'), ['cns cns-involvement present']);
    assert.deepEqual(read('Treated and clinically stable brain metastasis'), ['cns cns-controlled present']);
    assert.deepEqual(read('Earlier CNS leukaemia allowed if treated and now disease-free'), ['cns cns-controlled present']);
    assert.deepEqual(read('Untreated brain metastases'), ['cns cns-involvement present']);
  });

  it('keeps a bracket to itself: a negation or a plan outside it does not reach in or out', () => {
    assert.deepEqual(flags('Has had anticancer therapy (radiotherapy is excluded) in the last 4 weeks'), ['prior-treatment other-drug present', 'prior-treatment radiotherapy absent']);
    assert.deepEqual(flags('Scheduled to receive anticancer therapy (radiotherapy is permitted)'), ['prior-treatment other-drug present planned', 'prior-treatment radiotherapy present']);
    assert.deepEqual(flags('Eligibility for treatment with tyrosine kinase inhibitors (TKI)'), ['prior-treatment tki present planned']);
  });

  it('reads "prior or concurrent" as a past treatment, and "available for" as a plan', () => {
    assert.deepEqual(flags('Prior or concurrent inhaled steroids allowed'), ['prior-treatment other-drug present']);
    assert.deepEqual(flags('Donor available for an allogeneic transplant'), ['prior-treatment allogeneic-transplant present planned']);
  });
});

describe('readCriterion: what a treatment was for, and the treatment named after "with"', () => {
  it('in an exclusion list, reads the treatment after "with" and not the disease it treated', () => {
    const found = read('Ongoing treatment of bowel cancer with radiotherapy or chemotherapy', { section: 'exclusion' });
    assert.ok(found.includes('prior-treatment chemotherapy present'), found.join('; '));
    assert.ok(!found.some((c) => c.startsWith('cancer-type')), found.join('; '));
    // Without "with", the treatment is about the disease, as before: "no prior therapy for ALL" names no ALL.
    assert.ok(!read('No prior therapy for ALL', { section: 'exclusion' }).some((c) => c.startsWith('cancer-type')));
  });

  it('in an inclusion list, keeps what follows "treatment for" an exception, as a permission may be written so', () => {
    assert.deepEqual(read('urgent treatment for a high white count with hydroxyurea'), []);
  });
});

describe('readCriterion: other cancers named in exclusion lists', () => {
  it('reads a cancer word after "evidence of" or "stage of", before "history", and misspelt "malignance"', () => {
    const exclusion = { section: 'exclusion' as const };
    for (const text of ['Clinical evidence of malignancy', 'cancer history', 'end stage of malignancy', 'Known malignance']) {
      assert.deepEqual(read(text, exclusion), ['other-cancer other-malignancy present'], text);
    }
    // Not in an inclusion list, where the words name the trial's own disease.
    assert.deepEqual(read('Clinical evidence of malignancy'), []);
  });

  it('reads acute, chronic, recent and manifest infections as active infection', () => {
    for (const text of ['Manifest acute infection', 'Recent infection', 'acute or chronic infections']) {
      assert.deepEqual(read(text, { section: 'exclusion' }), ['infection active-infection present'], text);
    }
  });

  it('reads medicines outside cancer care as other drugs, and drugs against an infection beside it as its measure', () => {
    for (const text of ['Use of antibiotics within the last 4 weeks', 'Chronic opioid therapy', 'Taking statins']) {
      assert.deepEqual(read(text, { section: 'exclusion' }), ['prior-treatment other-drug present'], text);
    }
    assert.deepEqual(read('Opioid use disorder', { section: 'exclusion' }), []);
    assert.deepEqual(read('Serious infection not controlled by antibiotics', { section: 'exclusion' }), ['infection active-infection present']);
  });
});

describe('readCriterion: translocations written with brackets', () => {
  it('reads t(9;22) and "Philadelphia chromosome 9:22" as Philadelphia-positive', () => {
    assert.ok(read('ALL with t(9;22)').includes('cancer-type ph-positive present'));
    assert.ok(read('Philadelphia chromosome 9:22').includes('cancer-type ph-positive present'));
    assert.ok(!read('AML with t(8;21)').includes('cancer-type ph-positive present'));
  });
});

describe('readCriterion: readings added from the fifth development set (LCT texts)', () => {
  it('reads refusing and volunteering as consent, and "recurrent <site> cancer" as relapse', () => {
    assert.deepEqual(read('Participants who decline to take part', { section: 'exclusion' }), ['consent consent absent']);
    assert.deepEqual(read('Subjects who agreed to participate'), ['consent consent present']);
    assert.ok(read('recurrent head and neck cancer').includes('disease-state relapsed present'));
  });

  it('reads everyday medicines, injections into a joint, and a lowest age written before "≤ Age"', () => {
    assert.deepEqual(read('Regular use of painkillers', { section: 'exclusion' }), ['prior-treatment other-drug present']);
    assert.deepEqual(read('Steroid injection in the last 3 months', { section: 'exclusion' }), ['prior-treatment other-drug present']);
    assert.deepEqual(readCriterion('20 years ≤ Age ≤ 60 years').concepts[0]?.threshold, { min: 20, max: 60 });
  });

  it('reads "over 3 weeks after radiotherapy" as a washout, an item opening with "Adults" as an age, and not "could not tolerate" as a treatment had', () => {
    assert.deepEqual(readCriterion('Over 2 weeks after radiotherapy').concepts[0]?.threshold, { withinDays: 14 });
    assert.ok(read('Adults with a confirmed diagnosis').includes('age age present'));
    assert.deepEqual(read('Patients who could not tolerate chemotherapy', { section: 'exclusion' }), []);
  });
});

describe('readCriterion: a condition after "or" is an alternative, not what the item hangs on', () => {
  it('keeps "..., or, if ..." unconditional and "If ..., must ..." conditional', () => {
    assert.equal(readCriterion('Complete remission documented on day 29 or, if 2 more weeks of induction are needed, on day 43').conditional, false);
    assert.equal(readCriterion('If HIV positive, must be on antiretroviral therapy').conditional, true);
  });
});

describe('readCriterion: words from the retired held-out sets (test2, test3)', () => {
  it('reads everyday medicines by class and by use', () => {
    assert.ok(read('History of chronic opioid intake').includes('prior-treatment other-drug present'));
    assert.ok(read('Use of psychostimulants within 1 week of the start').includes('prior-treatment other-drug present'));
    assert.ok(read('Probiotics during the 4 weeks before enrolment').includes('prior-treatment other-drug present'));
  });

  it('reads infections named by their kind or as known or suspected', () => {
    assert.ok(read('Known or suspected infection').includes('infection active-infection present'));
    assert.ok(read('Active tuberculosis').includes('infection active-infection present'));
    assert.ok(read('Positive for H. pylori infection').includes('infection active-infection present'));
  });

  it('reads a history of a cancer in an exclusion list as another cancer', () => {
    assert.deepEqual(read('A history of brain cancer', { section: 'exclusion' }), ['other-cancer other-malignancy present']);
    assert.deepEqual(read('Prior colorectal cancer', { section: 'exclusion' }), ['other-cancer other-malignancy present']);
    assert.deepEqual(read('Breast cancer, current or previous', { section: 'exclusion' }), ['other-cancer other-malignancy present']);
    assert.ok(read('Breast cancer', { section: 'exclusion' }).includes('cancer-type solid-tumour present'));
  });

  it('reads no age limit in an age that says whom another limit is for', () => {
    assert.deepEqual(read('ECOG 0-2 or Lansky > 50% for patients < 16 years of age').filter((c) => c.startsWith('age')), []);
  });
});

describe('readCriterion: words from the retired held-out set test4', () => {
  it('reads each letter after one "hepatitis"', () => {
    assert.deepEqual(read('Known hepatitis B or C', { section: 'exclusion' }), ['infection hepatitis-b present', 'infection hepatitis-c present']);
    assert.deepEqual(read('Known hepatitis A, B or C', { section: 'exclusion' }), ['infection hepatitis-b present', 'infection hepatitis-c present']);
  });

  it('reads drugs the vocabulary does not hold by their name\'s stem', () => {
    assert.deepEqual(read('Taking fluvoxamine', { section: 'exclusion' }), ['prior-treatment other-drug present']);
    assert.deepEqual(read('No prior oxaliplatin'), ['prior-treatment chemotherapy absent']);
    assert.deepEqual(read('Raised cholesterol', { section: 'exclusion' }), []);
  });

  it('reads an infection in an exclusion list as one now, not a past, possible or named one', () => {
    assert.deepEqual(read('Malnutrition or an organ system infection', { section: 'exclusion' }), ['infection active-infection present']);
    assert.deepEqual(read('History of recurrent infections', { section: 'exclusion' }), []);
    assert.deepEqual(read('HIV infection', { section: 'exclusion' }), ['infection hiv present']);
    assert.deepEqual(read('Malnutrition or an organ system infection', { section: 'inclusion' }), []);
  });

  it('reads an inclusion item that opens with children as an age limit without numbers', () => {
    assert.deepEqual(read('Children with autism', { section: 'inclusion' }), ['age age present']);
    assert.deepEqual(read('Children with autism', { section: 'exclusion' }), []);
  });

  it('reads solid cancers by their abbreviations and kinds, not the name of the RECIST criteria', () => {
    assert.deepEqual(read('Histologically confirmed NSCLC'), ['cancer-type solid-tumour present']);
    assert.deepEqual(read('Osteosarcoma'), ['cancer-type solid-tumour present']);
    assert.ok(read('Recurrent breast malignancy').includes('cancer-type solid-tumour present'));
    assert.deepEqual(read('Measurable disease per Response Evaluation Criteria In Solid Tumors'), []);
  });

  it('reads "malignant disease" in an exclusion list as another cancer', () => {
    assert.deepEqual(read('Malignant diseases', { section: 'exclusion' }), ['other-cancer other-malignancy present']);
    assert.deepEqual(read('Malignant hyperthermia', { section: 'exclusion' }), []);
  });

  it('reads being unable to take part, or to understand the study, as consent absent', () => {
    assert.deepEqual(read('Unwilling or impossible to participate in this research project', { section: 'exclusion' }), ['consent consent absent']);
    assert.deepEqual(read('Inability to understand patient information', { section: 'exclusion' }), ['consent consent absent']);
    assert.deepEqual(read('Patient rejection', { section: 'exclusion' }), ['consent consent absent']);
  });

  it('reads words from test5: ages in brackets, castrate-resistant disease, herbal and blood-pressure medicines', () => {
    assert.deepEqual(read('Age (20-50)'), ['age age present']);
    assert.ok(read('Castrate resistant metastatic prostate cancer').includes('disease-state refractory present'));
    assert.deepEqual(read('Currently taking any herbal medicines', { section: 'exclusion' }), ['prior-treatment other-drug present']);
    assert.deepEqual(read('On hypertension medication', { section: 'exclusion' }), ['prior-treatment other-drug present']);
    assert.deepEqual(read('Volunteering to participate in the study'), ['consent consent present']);
    assert.deepEqual(read('Unwilling to cooperate with the study', { section: 'exclusion' }), ['consent consent absent']);
    assert.deepEqual(read('Urine protein to creatinine ratio > 4000 mg/g', { section: 'exclusion' }), []);
  });

  it('reads a closing "eligible" as a permission, and radiation precautions as no radiotherapy', () => {
    assert.equal(readCriterion('Combined CNS and ocular relapse eligible Down', {}).permissive, true);
    assert.equal(readCriterion('Patients eligible for transplant', {}).permissive, false);
    assert.deepEqual(read('Must be able to tolerate procedures (e.g., radiation isolation)'), []);
  });

  it('reads words from test6: declined consent, recurrence, recalcitrant disease, any score, class medicines', () => {
    assert.deepEqual(read('Declined informed consent.', { section: 'exclusion' }), ['consent consent absent']);
    assert.ok(read('Metastatic colorectal cancer or postoperative recurrence').includes('disease-state relapsed present'));
    assert.ok(read('Known or suspected recalcitrant or advanced cancer').includes('disease-state refractory present'));
    assert.deepEqual(read('Patients with any performance status are eligible'), []);
    assert.deepEqual(read('Use of neuroleptics', { section: 'exclusion' }), ['prior-treatment other-drug present']);
    assert.deepEqual(read('Men >50-year-old').filter((c) => c.startsWith('age')), ['age age present']);
    assert.deepEqual(read('After denosumab treatment ≥ 2 years', { section: 'exclusion' }).filter((c) => c.startsWith('age')), []);
  });

  it('reads treatments joined to a planned one as planned, and an infection "since" as none lately', () => {
    const planned = readCriterion('Eligible for total body irradiation plus high dose chemotherapy followed by autologous stem cell transplantation', {}).concepts;
    assert.ok(planned.every((c) => c.planned === true));
    assert.deepEqual(read('At least 2 weeks since any active infection'), ['infection active-infection absent']);
    assert.deepEqual(read('No more that 2 prior therapy regimens'), ['disease-state prior-lines present']);
  });

  it('reads an age that names a group by "who" as conditional', () => {
    assert.equal(readCriterion('No patients under age 55 who have consented to an unrelated donor search', { section: 'exclusion' }).conditional, true);
    assert.equal(readCriterion('Patients aged 18 or over with ALL', { section: 'inclusion' }).conditional, false);
  });

  it('reads negations written with a contraction', () => {
    assert.deepEqual(read("Patients who haven't received chemotherapy"), ['prior-treatment chemotherapy absent']);
    assert.deepEqual(read("Patients who didn't receive radiotherapy"), ['prior-treatment radiotherapy absent']);
  });

  it('does not read a relapse foreseen or counted as one the person had', () => {
    assert.deepEqual(read('High risk of relapse'), []);
    assert.deepEqual(read('Relapse-free survival of at least 6 months'), []);
    assert.deepEqual(read('In first relapse'), ['disease-state relapsed present']);
  });

  it('reads hormone and anaesthetic medicines, not a hormone receptor', () => {
    assert.deepEqual(read('Vaginal estrogen treatment', { section: 'exclusion' }), ['prior-treatment other-drug present']);
    assert.deepEqual(read('Use of antithyroid drugs', { section: 'exclusion' }), ['prior-treatment other-drug present']);
    assert.ok(!read('Estrogen receptor positive breast cancer').some((c) => c.startsWith('prior-treatment')));
  });
});

describe('readCriterion: readings from the retired held-out set test7', () => {
  it('reads consent barred by an illness as consent absent, and an illness that would not bar it as consent given', () => {
    assert.deepEqual(read('Any mental illness precluding informed consent', { section: 'exclusion' }), ['consent consent absent']);
    assert.deepEqual(read('Refuses to give informed consent', { section: 'exclusion' }), ['consent consent absent']);
    assert.deepEqual(read('No illness that would preclude informed consent'), ['consent consent present']);
  });

  it('does not read the subject of an exclusion item ("Women with ...") as a sex the trial turns away', () => {
    assert.deepEqual(read('Women with thyroid disease', { section: 'exclusion' }), []);
    assert.deepEqual(read('Women aged 18 or over'), ['age age present', 'sex female present']);
  });

  it('reads more everyday medicines: immune suppressive treatment, growth factors, antisense and siRNA drugs, daily opioids, ADT', () => {
    assert.deepEqual(read('On immune suppressive treatment', { section: 'exclusion' }), ['prior-treatment other-drug present']);
    assert.deepEqual(read('PEG-rhG-CSF given this cycle', { section: 'exclusion' }), ['prior-treatment other-drug present']);
    assert.deepEqual(read('Earlier treatment with patisiran', { section: 'exclusion' }), ['prior-treatment other-drug present']);
    assert.deepEqual(read('Takes a daily opioid', { section: 'exclusion' }), ['prior-treatment other-drug present']);
    assert.deepEqual(read('Currently on ADT'), ['prior-treatment other-drug present']);
  });

  it('counts an age limit written "under" or "<" in whole years', () => {
    assert.deepEqual(readCriterion('Age < 65 years').concepts[0]?.threshold, { max: 64 });
    assert.deepEqual(readCriterion('Age 18 years or older and younger than 40').concepts[0]?.threshold, { min: 18, max: 39 });
    assert.deepEqual(readCriterion('Age > 49 years').concepts[0]?.threshold, { min: 49 });
  });
  it('reads brachytherapy and radium as radiotherapy, Ccr as creatinine clearance, a competing trial as an investigational agent', () => {
    assert.deepEqual(read('Earlier brachytherapy', { section: 'exclusion' }), ['prior-treatment radiotherapy present']);
    assert.deepEqual(read('Ccr under 20 ml/min', { section: 'exclusion' }), ['organ-function creatinine-clearance present']);
    assert.deepEqual(read('Taking part in a competing interventional trial', { section: 'exclusion' }), ['prior-treatment investigational-agent present']);
    assert.deepEqual(read('Refusal of the patient to take part', { section: 'exclusion' }), ['consent consent absent']);
  });

  it('reads gynaecological cancers, GIST and recurrent sarcoma, and no performance status in "good performance status"', () => {
    assert.deepEqual(read('Proven primary gynaecological cancer'), ['cancer-type solid-tumour present']);
    assert.ok(read('Recurrent soft tissue sarcoma').includes('disease-state relapsed present'));
    assert.deepEqual(read('Good performance status'), []);
    assert.deepEqual(readCriterion('Bilirubin under 1.5 X maximum normal value').concepts[0]?.threshold, { comparator: '<', value: 1.5, unit: 'x-uln' });
  });
  it('reads a cancer named among other illnesses in an exclusion list as another cancer, not across a comma', () => {
    assert.deepEqual(read('Severe lung disease and kidney disease, malignancy, or dementia', { section: 'exclusion' }), ['other-cancer other-malignancy present']);
    assert.deepEqual(read('Neurological conditions such as epilepsy or a brain tumour', { section: 'exclusion' }), ['other-cancer other-malignancy present']);
    assert.deepEqual(read('Any kind of cancer, or chronic bowel disease', { section: 'exclusion' }), ['other-cancer other-malignancy present']);
    assert.deepEqual(read('Inflammatory breast cancer', { section: 'exclusion' }), ['cancer-type solid-tumour present']);
  });
  it('limits a treatment named with its site, and reads a treatment "at the time of" as the trial\'s own', () => {
    assert.deepEqual(readCriterion('No prior pelvic irradiation').concepts.map((c) => c.limited), [true]);
    assert.deepEqual(readCriterion('Age under 55 at time of cord blood transplantation').concepts.filter((c) => c.type === 'prior-treatment').map((c) => c.planned), [true]);
  });
  it('reads test8\'s wordings: a describing "may have been", a disease "in transformation to acute leukemia", the trial\'s own protocols and compliance, consent made impossible', () => {
    assert.equal(readCriterion('Proven AML that may have been primary or secondary', { section: 'inclusion' }).permissive, false);
    assert.equal(readCriterion('Patients may have had prior chemotherapy', { section: 'inclusion' }).permissive, true);
    assert.equal(readCriterion('Myeloproliferative disorders in transformation to acute leukemia').broadDiagnosis, false);
    assert.deepEqual(readCriterion('Refused to join ongoing allogeneic transplant protocols').concepts.filter((c) => c.type === 'prior-treatment').map((c) => c.planned), [true]);
    assert.deepEqual(readCriterion('Illness making compliance with the BMT unlikely and informed consent impossible', { section: 'exclusion' }).concepts.map((c) => `${c.value} ${c.polarity} ${c.planned === true}`), ['transplant present true', 'consent absent false']);
  });
  it('reads more of test8\'s words: TACE and HIPEC, medicinal herbs, levodopa, infectious illnesses, tumours "of" or "at" a site, synchronous cancers, consent not possible', () => {
    assert.deepEqual(read('Earlier TACE', { section: 'exclusion' }), ['prior-treatment chemotherapy present']);
    assert.deepEqual(read('Taking medicinal herbs', { section: 'exclusion' }), ['prior-treatment other-drug present']);
    assert.deepEqual(read('Recent infectious diarrhoea', { section: 'exclusion' }), ['infection active-infection present']);
    assert.deepEqual(read('Tumours of the nose', { section: 'exclusion' }), ['other-cancer other-malignancy present']);
    assert.deepEqual(read('Synchronous bowel cancer', { section: 'exclusion' }), ['other-cancer other-malignancy present']);
    assert.deepEqual(read('Any reason why informed consent is not possible', { section: 'exclusion' }), ['consent consent absent']);
    assert.ok(read('Taking levodopa', { section: 'exclusion' }).includes('prior-treatment other-drug present'));
  });
  it('limits radiotherapy "to 30% or more of bone marrow", and reads "no older than 40" as 40 at most', () => {
    assert.deepEqual(readCriterion('No prior radiotherapy to 30% or more of the marrow').concepts.map((c) => c.limited), [true]);
    assert.deepEqual(readCriterion('No prior radiotherapy to greater than 30% of the marrow').concepts.map((c) => c.limited), [true]);
    assert.deepEqual(readCriterion('Age: no older than 40').concepts[0]?.threshold, { max: 40 });
  });
});

describe('readCriterion: readings from the retired held-out set test10', () => {
  it('reads a transplant "ongoing" at entry as under way, not as one already had', () => {
    assert.deepEqual(readCriterion('Ongoing marrow transplant from a matched sibling', { section: 'inclusion' }).concepts.map((c) => c.ongoing), [true]);
  });
  it('reads "are not eligible" in an inclusion list as ruling the thing out, but not "not eligible for" a treatment', () => {
    assert.deepEqual(read('People with hepatitis C are not eligible.', { section: 'inclusion' }), ['infection hepatitis-c absent']);
    assert.deepEqual(read('Nursing mothers are not eligible for this study.', { section: 'inclusion' }), ['pregnancy breastfeeding absent']);
    assert.deepEqual(read('Breast-feeding women are not eligible for the trial', { section: 'inclusion' }), ['pregnancy breastfeeding absent']);
    assert.deepEqual(read('Patients who are not eligible for transplant', { section: 'inclusion' }), []);
  });
});

describe('readCriterion: readings from the retired held-out set test11', () => {
  it('reads a negated phase or state written after the disease as ruling out the phase, not the disease', () => {
    assert.deepEqual(read('No CML in myeloid blast crisis'), []);
    assert.deepEqual(read('No chronic myeloid leukaemia (CML) in accelerated phase'), []);
    assert.deepEqual(read('No AML in first remission with good-risk cytogenetics'), []);
    assert.deepEqual(read('No CML'), ['cancer-type cml absent']);
  });
  it('reads a negated narrower kind (promyelocytic, therapy-related, secondary) as saying nothing of the broader disease', () => {
    assert.deepEqual(read('Excluding acute promyelocytic leukaemia', { section: 'inclusion' }), []);
    assert.deepEqual(read('Exclude acute promyelocytic leukemia (M3)', { section: 'inclusion' }), []);
    assert.deepEqual(read('No therapy-related MDS'), []);
    assert.deepEqual(read('No secondary AML'), []);
    assert.deepEqual(read('Exclude T-cell ALL', { section: 'inclusion' }), ['cancer-type t-all absent']);
  });
  it('reads a negated remission qualified by a favourable translocation as no requirement', () => {
    assert.deepEqual(read('Not in first remission (fewer than 5% marrow blasts) with t(15;17) unless induction failed'), []);
    assert.deepEqual(read('Not in first remission'), ['disease-state first-remission absent']);
  });
  it('reads "no prior therapy except ..." as untreated, the exceptions being no requirement', () => {
    assert.deepEqual(read('No prior treatment except hydroxyurea or a biologic agent alone', { section: 'inclusion' }), ['disease-state newly-diagnosed present']);
    assert.deepEqual(read('No prior therapy other than steroids', { section: 'inclusion' }), ['disease-state newly-diagnosed present']);
    assert.deepEqual(read('No prior therapy with imatinib', { section: 'inclusion' }), ['prior-treatment imatinib absent']);
  });
  it('does not read the slash of a unit as "or" between two limits', () => {
    const concepts = readCriterion('Bilirubin under 2 mg/dL AST under 3 times upper limit of normal').concepts;
    assert.deepEqual(concepts.map((c) => [c.value, c.orPrevious ?? false]), [['bilirubin', false], ['ast', false]]);
    const either = readCriterion('Bilirubin under 2 mg/dL or under 1.5 times upper limit of normal').concepts;
    assert.equal(either.length >= 1, true);
  });
});

describe('readCriterion: readings from the retired held-out set test12', () => {
  it('reads a treatment a line or catheter is placed "for administration of", or a disease "unsuitable for", as a plan', () => {
    const planned = (text: string): (boolean | undefined)[] => readCriterion(text, { section: 'inclusion' }).concepts.map((c) => c.planned);
    assert.deepEqual(planned('Central line placed within the last week for administration of chemotherapy'), [true]);
    assert.deepEqual(planned('Blood cancer unsuitable for a standard allogeneic transplant'), [true]);
    assert.deepEqual(planned('Prior chemotherapy'), [undefined]);
  });
  it('reads a relapse listed beside residual or metastatic disease as no requirement of its own', () => {
    assert.deepEqual(read('Measurable residual, recurrent or metastatic disease', { section: 'inclusion' }), []);
    assert.deepEqual(read('Persistent or recurrent disease required', { section: 'inclusion' }), ['disease-state relapsed present']);
    assert.deepEqual(read('Recurrent disease', { section: 'inclusion' }), ['disease-state relapsed present']);
  });
  it('reads a first line of treatment already had as no untreated disease', () => {
    assert.deepEqual(read('Disease progression after first-line chemotherapy', { section: 'inclusion' }), ['disease-state relapsed present', 'prior-treatment chemotherapy present']);
    assert.deepEqual(read('Whose frontline treatment included a platinum drug', { section: 'inclusion' }).filter((c) => c.includes('newly-diagnosed')), []);
    assert.deepEqual(read('Eligible for first-line therapy', { section: 'inclusion' }), ['disease-state newly-diagnosed present']);
  });
  it('reads an illness that compromises the ability to give consent as consent made impossible', () => {
    assert.deepEqual(read('Mental illness that would impair the person\'s capacity to give informed consent', { section: 'exclusion' }), ['consent consent absent']);
    assert.deepEqual(read('Able to give informed consent', { section: 'inclusion' }), ['consent consent present']);
  });
  it('reads a remission that dates a relapse ("within 1 year of initial remission") as no remission asked for', () => {
    assert.deepEqual(read('First relapse within 6 months of the initial complete remission', { section: 'inclusion' }), ['disease-state relapsed present']);
    assert.deepEqual(read('In first complete remission', { section: 'inclusion' }), ['disease-state first-remission present']);
  });
});

describe('readCriterion: readings from the retired held-out set test13', () => {
  it('reads "Ph-positive or -negative" as no Ph requirement, and Ph-negative metaphases as a count, not a kind', () => {
    assert.deepEqual(read('Philadelphia chromosome (Ph)-positive or -negative chronic myeloid leukemia'), ['cancer-type cml present']);
    assert.deepEqual(read('Fewer than half Ph-negative metaphases after a year of treatment'), []);
    assert.deepEqual(read('Ph-positive ALL'), ['cancer-type ph-positive present', 'cancer-type all present']);
  });
  it('reads "juvenile CML" ruled out as a narrower kind, saying nothing of CML', () => {
    assert.deepEqual(read('No juvenile CML'), []);
  });
  it('reads "first or greater remission" as any remission', () => {
    assert.deepEqual(read('AML in first or greater remission', { section: 'inclusion' }), ['cancer-type aml present', 'disease-state remission present']);
    assert.deepEqual(read('AML in second or greater remission', { section: 'inclusion' }), ['cancer-type aml present', 'disease-state second-or-later-remission present']);
  });
  it('reads a dose limit on earlier radiotherapy as no radiotherapy asked for', () => {
    assert.deepEqual(read('No more than 2,000 cGy prior radiotherapy to the chest', { section: 'inclusion' }), []);
    assert.deepEqual(read('Prior radiotherapy to the chest', { section: 'inclusion' }), ['prior-treatment radiotherapy present']);
  });
});

describe('readCriterion: readings from the retired held-out set test15', () => {
  it('reads limits on two different blood tests joined by a comma as limits that must all hold', () => {
    const concepts = readCriterion('Bilirubin ≤ 2.0 mg/dl, AST ≤ 1.5 times normal, and creatinine ≤ 2.0 mg/dl').concepts;
    assert.deepEqual(concepts.map((c) => [c.value, c.orPrevious ?? false]), [['bilirubin', false], ['ast', false], ['creatinine', false]]);
    const either = readCriterion('Creatinine no greater than 1.5 mg/dL or creatinine clearance at least 60 mL/min').concepts;
    assert.deepEqual(either.map((c) => [c.value, c.orPrevious ?? false]), [['creatinine', false], ['creatinine-clearance', true]]);
  });
  it('reads an item that opens with one cancer and "must" as holding for that cancer only', () => {
    assert.equal(readCriterion('Prostate cancer must be progressive metastatic disease or have a rising PSA', { section: 'inclusion' }).conditional, true);
    assert.equal(readCriterion('Must have relapsed disease', { section: 'inclusion' }).conditional, false);
  });
});

describe('readCriterion: readings from the retired held-out set test16', () => {
  it('reads "immunological" as a drug only with a word for one', () => {
    assert.deepEqual(read('Factors predisposing to cancer, such as exposures (particularly immunological or viral)', { section: 'inclusion' }), []);
    assert.deepEqual(read('No prior immunological therapy').map((c) => c.split(' ')[0]), ['prior-treatment']);
  });
  it('reads "B-cell lymphoid disease" as a group of B-cell cancers, not B-cell ALL', () => {
    assert.deepEqual(read('Monoclonal B-cell lymphoid disease', { section: 'inclusion' }), []);
    assert.deepEqual(read('B-lineage ALL', { section: 'inclusion' }), ['cancer-type b-all present']);
  });
  it('reads "de novo or secondary AML" as both kinds of AML, not untreated disease', () => {
    assert.deepEqual(read('AML, de novo or secondary', { section: 'inclusion' }), ['cancer-type aml present']);
    assert.deepEqual(read('De novo AML', { section: 'inclusion' }), ['disease-state newly-diagnosed present', 'cancer-type aml present']);
  });
});

describe('readCriterion: readings from the retired held-out set test17', () => {
  it('reads "beyond first complete remission" as a later remission only', () => {
    assert.deepEqual(read('AML beyond first complete remission', { section: 'inclusion' }), ['cancer-type aml present', 'disease-state second-or-later-remission present']);
  });
  it('reads cells taken "while in remission" as a remission in the past', () => {
    assert.deepEqual(read('Stem cells collected and frozen while in remission', { section: 'inclusion' }), []);
    assert.deepEqual(read('In complete remission', { section: 'inclusion' }), ['disease-state remission present']);
  });
});

describe('readCriterion: readings from the retired held-out set test18', () => {
  it('reads CNS disease that a treatment is for as no CNS disease asked for', () => {
    assert.deepEqual(read('No concurrent whole brain irradiation for documented CNS disease', { section: 'inclusion' }), ['prior-treatment radiotherapy absent']);
    assert.deepEqual(read('Documented CNS disease', { section: 'inclusion' }), ['cns cns-involvement present']);
  });
});

describe('readCriterion: readings from the retired held-out set test19', () => {
  it('reads a "frontline protocol" as the name of a protocol, not untreated disease', () => {
    assert.deepEqual(read('Must not have enrolled on the frontline protocol', { section: 'inclusion' }), []);
    assert.deepEqual(read('Eligible for frontline therapy', { section: 'inclusion' }), ['disease-state newly-diagnosed present']);
  });
  it('reads adult T-cell leukaemia/lymphoma as a leukaemia of its own kind, not T-cell ALL', () => {
    assert.deepEqual(read('Adult T-cell leukemia/lymphoma (ATL)', { section: 'inclusion' }).filter((c) => c.startsWith('cancer-type')), ['cancer-type other-leukaemia present']);
  });
});

describe('readCriterion: readings from the retired held-out set test20', () => {
  it('reads whom a trial gives priority to as no requirement', () => {
    assert.deepEqual(read('Priority given to patients with lung cancer or cancers with tumors easily available for biopsy', { section: 'inclusion' }), []);
    assert.deepEqual(read('Patients with lung cancer', { section: 'inclusion' }), ['cancer-type solid-tumour present']);
  });
  it('reads "recurrent or metastatic" disease as a relapse among other kinds, not a relapse asked for', () => {
    assert.deepEqual(read('Histologically proven recurrent or metastatic malignant disease', { section: 'inclusion' }), []);
    assert.deepEqual(read('Recurrent malignant disease', { section: 'inclusion' }), ['disease-state relapsed present']);
  });
  it('reads a treatment the disease is "sensitive to" as no treatment had', () => {
    assert.deepEqual(read('Advanced malignancies that are sensitive to cyclophosphamide/carboplatin therapy', { section: 'inclusion' }), []);
    assert.deepEqual(read('Prior cyclophosphamide', { section: 'inclusion' }), ['prior-treatment chemotherapy present']);
  });
  it('reads the cancer a secondary leukaemia came from as its origin, not another cancer now', () => {
    assert.deepEqual(read('AML, secondary (evolving from previous treatment for malignancies other than leukemia)', { section: 'inclusion' }), ['cancer-type aml present']);
    assert.deepEqual(read('Previous treatment for malignancies other than leukemia', { section: 'inclusion' }), ['other-cancer other-malignancy present']);
  });
  it('joins a disease and a marker of its cells as alternatives by "or" only', () => {
    const concepts = readCriterion('Chronic lymphocytic leukemia evidenced by mature CD5+, CD19+ B cells', { section: 'inclusion' }).concepts;
    assert.deepEqual(concepts.map((c) => [c.value, c.orPrevious === true]), [['cll', false], ['cd19-positive', false]]);
    const either = readCriterion('Chronic lymphocytic leukemia or CD19+ disease', { section: 'inclusion' }).concepts;
    assert.equal(either.find((c) => c.value === 'cd19-positive')?.orPrevious, true);
  });
  it('reads "CR1 or higher" as any remission, and a relapse foreseen with "risk of ... or" as none', () => {
    assert.deepEqual(read('CR1 or higher', { section: 'inclusion' }), ['disease-state remission present']);
    assert.deepEqual(read('High risk of relapse or progressive disease', { section: 'inclusion' }), []);
    assert.deepEqual(read('Relapse or progressive disease', { section: 'inclusion' }).slice(0, 1), ['disease-state relapsed present']);
  });
  it('reads a treatment named as the label of an item where the item says it again ("RADIOTHERAPY: At least 1 month since radiotherapy")', () => {
    assert.deepEqual(read('RADIOTHERAPY: At least 1 month since radiotherapy.', { section: 'inclusion' }), ['prior-treatment radiotherapy absent']);
  });
  it('reads "sensitivity to" a drug as an allergy, "endocrine therapy" as a drug, and a bracket opening with "or" as another name', () => {
    assert.deepEqual(read('Sensitivity to epoetin alfa or any of its components', { section: 'exclusion' }), []);
    assert.deepEqual(read('No prior endocrine therapy', { section: 'inclusion' }), ['prior-treatment other-drug absent']);
    const concepts = readCriterion('Philadelphia chromosome positive (or bcr positive) chronic myelogenous leukemia', { section: 'inclusion' }).concepts;
    assert.equal(concepts.find((c) => c.value === 'cml')?.orPrevious, undefined);
  });
  it('reads a disease named as a label before a colon as the group the rest is for', () => {
    assert.equal(readCriterion('NHL: Granulocyte count greater than 1,500/mm^3', { section: 'inclusion' }).conditional, true);
    assert.equal(readCriterion('NHL of low grade', { section: 'inclusion' }).conditional, false);
  });
});

describe('readCriterion: readings from the retired held-out set test21', () => {
  it('reads an item labelled with a part of the trial ("Phase II: ...") as for that part only', () => {
    assert.equal(readCriterion('Phase II: Histologically proven metastatic prostate cancer', { section: 'inclusion' }).conditional, true);
    assert.equal(readCriterion('Phase II study of drug X in AML', { section: 'inclusion' }).conditional, false);
  });
  it('reads high-dose chemotherapy and total body irradiation as kinds of the treatment, and a dose escalation as the trial\'s own', () => {
    const limited = (text: string): boolean | undefined => readCriterion(text, { section: 'inclusion' }).concepts[0]?.limited;
    assert.equal(limited('No prior high dose chemotherapy'), true);
    assert.equal(limited('No prior total body irradiation'), true);
    assert.equal(limited('No prior chemotherapy'), undefined);
    assert.equal(readCriterion('Radiation dose to marrow no greater than 3,000 cGy until 6 patients have been safely treated at that dose level').concepts[0]?.planned, true);
  });
  it('reads "failed at least 1 standard therapy" as failed therapy, Waldenström\'s macroglobulinemia as a lymphoma, and "complete remission 1" as the first', () => {
    assert.deepEqual(read('Must have failed at least 1 standard therapy', { section: 'inclusion' }), ['disease-state refractory present']);
    assert.deepEqual(read("Waldenstrom's macroglobulinemia", { section: 'inclusion' }), ['cancer-type lymphoma present']);
    assert.deepEqual(read('Untreated or in complete remission 1 (CR1)', { section: 'inclusion' }), ['disease-state newly-diagnosed present', 'disease-state first-remission present']);
    assert.deepEqual(read('Complete remission 2 or higher', { section: 'inclusion' }), ['disease-state second-or-later-remission present']);
  });
  it('reads kinds of drug listed under a lead-in that rules them out with a window ("More than 10 days since prior and no concurrent CYP3A4 inducers, including the following:")', () => {
    const parent = 'More than 10 days since prior and no concurrent CYP3A4 inducers, including the following:';
    assert.deepEqual(readCriterion('Anticonvulsants (e.g., phenytoin)', { section: 'inclusion', parent }).concepts.map((c) => [c.value, c.polarity, c.threshold]),
      [['other-drug', 'absent', { withinDays: 10 }]]);
    assert.deepEqual(readCriterion('Anticonvulsants (e.g., phenytoin)', { section: 'inclusion', parent: 'Concurrent medications including the following:' }).concepts.map((c) => c.polarity), ['present']);
  });
  it('keeps the words of a concept named again in the item', () => {
    const [lymphoma] = readCriterion("Non-Hodgkin's lymphoma or Waldenstrom's macroglobulinemia", { section: 'inclusion' }).concepts;
    assert.ok(lymphoma?.repeats?.some((words) => words.startsWith('Waldenstrom')), JSON.stringify(lymphoma));
  });
});

describe('readCriterion: readings from the retired held-out set test22', () => {
  it('reads what a secondary leukaemia followed or was preceded by as its origin, not a cancer or a broad group asked for', () => {
    assert.deepEqual(read("Secondary leukemias eligible, as follows: Following cured malignancies, including Hodgkin's disease", { section: 'inclusion' }), []);
    assert.deepEqual(read("Hodgkin's disease", { section: 'inclusion' }), ['cancer-type lymphoma present']);
    assert.equal(readCriterion('Acute myelogenous leukemia that may have been primary AML, secondary AML, or preceded by hematologic disorder', { section: 'inclusion' }).broadDiagnosis, false);
    assert.equal(readCriterion('Acute myelogenous leukemia or other hematologic disorder', { section: 'inclusion' }).broadDiagnosis, true);
  });
  it('reads interferon, photodynamic and immune-stimulating therapy as drugs, and radioimmunotherapy as a kind of radiotherapy', () => {
    assert.deepEqual(read('At least 5 days since interferon therapy', { section: 'inclusion' }), ['prior-treatment other-drug absent']);
    assert.deepEqual(read('No prior photodynamic therapy', { section: 'inclusion' }), ['prior-treatment other-drug absent']);
    assert.deepEqual(read('Immunostimulation therapy', { section: 'exclusion' }), ['prior-treatment other-drug present']);
    assert.deepEqual(readCriterion('No prior radioimmunotherapy', { section: 'inclusion' }).concepts.map((c) => [c.value, c.polarity, c.limited]), [['radiotherapy', 'absent', true]]);
  });
  it('reads treatments in a bracket after the one a disease resisted as resisted too, and "regimen failure on" as refractory disease', () => {
    assert.deepEqual(read('No hematologic response to prior conventional therapy (hydroxyurea or interferon)', { section: 'inclusion' }), []);
    assert.deepEqual(read('No prior conventional therapy (hydroxyurea or interferon)', { section: 'inclusion' }), ['prior-treatment other-drug absent']);
    assert.deepEqual(read('AML with documented regimen failure on the control arm (standard chemotherapy alone)', { section: 'inclusion' }), ['cancer-type aml present', 'disease-state refractory present']);
  });
});

describe('readCriterion: readings from the retired held-out set test23', () => {
  it('reads "lasted <2 years" as a duration, not an age', () => {
    assert.deepEqual(read('At least 2 prior courses of purine analog, or 1 if the response to this course lasted <2 years', { section: 'inclusion' }).filter((c) => c.startsWith('age')), []);
    assert.deepEqual(only('Age < 2 years'), { type: 'age', value: 'age', polarity: 'present', max: 1 });
  });
  it('reads other cancers that "will be considered on a case-by-case basis" as a permission', () => {
    assert.equal(readCriterion('Patients with other cancers who have had less than 5 years of disease free survival will be considered on a case-by-case basis', { section: 'inclusion' }).permissive, true);
  });
  it('reads large granular lymphocyte leukaemia as a leukaemia of its own kind, and a non-haematological malignancy as a solid tumour', () => {
    assert.deepEqual(read('Large granular lymphocyte leukemia', { section: 'inclusion' }), ['cancer-type other-leukaemia present']);
    assert.deepEqual(read('Diagnosis of non-hematologic malignancy', { section: 'inclusion' }), ['cancer-type solid-tumour present']);
  });
  it('reads the lines of a list an item rules out ("Must not be any of the following:") as ruled out', () => {
    assert.deepEqual(read('Must not be any of the following: Acute lymphoblastic leukemia\nBlastic phase of chronic myelogenous leukemia', { section: 'inclusion' }),
      ['cancer-type all absent', 'cancer-type cml absent']);
    assert.deepEqual(read('Must have any of the following: Acute lymphoblastic leukemia', { section: 'inclusion' }), ['cancer-type all present']);
  });
});

describe('readCriterion: readings from the retired held-out set test24', () => {
  it('reads "carcinoma of the breast or hematologic malignancies" as a breast cancer or any blood cancer', () => {
    const reading = readCriterion('Diagnosis of carcinoma of the breast or hematologic malignancies', { section: 'inclusion' });
    assert.equal(reading.broadDiagnosis, true);
    assert.deepEqual(reading.concepts.map((c) => c.repeats), [undefined]);
  });
});

describe('readCriterion: readings from the retired held-out set test25', () => {
  const inclusion = { section: 'inclusion' as const };
  it('reads "first or second remission" as either remission, each at its own words', () => {
    const reading = readCriterion('AML in first or second remission', inclusion);
    assert.deepEqual(reading.concepts.map((c) => [c.value, c.evidence, c.orPrevious ?? false]), [['aml', 'AML', false], ['first-remission', 'first', false], ['second-or-later-remission', 'second remission', true]]);
  });

  it('reads an untreated relapse as a relapse of a kind the profile does not record, not as newly diagnosed', () => {
    const reading = readCriterion('AML in second remission or untreated first relapse', inclusion);
    assert.deepEqual(reading.concepts.map((c) => [c.value, c.orPrevious ?? false, c.limited ?? false]), [['aml', false, false], ['second-or-later-remission', false, false], ['relapsed', true, true]]);
  });

  it('reads "required for patients in relapse" as for that group only', () => {
    assert.equal(readCriterion('CD45 expression by leukemic cells required for patients in relapse', inclusion).conditional, true);
  });

  it('reads "or other advanced malignancies" as a broad group beside the disease named', () => {
    assert.equal(readCriterion('Metastatic malignant melanoma or other advanced malignancies', inclusion).broadDiagnosis, true);
    assert.equal(readCriterion('Metastatic malignant melanoma or other solid tumors', inclusion).broadDiagnosis, false);
  });

  it('keeps an age that goes with the diagnosis, but not one that says whom a limit is for', () => {
    assert.deepEqual(readCriterion('Previously untreated AML in patients 1 month to 21 years of age', inclusion).concepts.find((c) => c.type === 'age')?.threshold, { min: 0.08, max: 21 });
    assert.deepEqual(read('Lansky 50-100% for patients under 16 years of age', inclusion), ['performance-status lansky present']);
  });

  it('reads failed standard curative or palliative therapies as refractory disease', () => {
    assert.deepEqual(read('Must have failed standard curative and/or palliative therapies', inclusion), ['disease-state refractory present']);
  });

  it('reads a treatment had or still to come, and a kind of transplant the profile does not record', () => {
    const [transplant] = readCriterion('Patients who have received or will receive a solid organ transplant or T cell depleted bone marrow transplant', inclusion).concepts;
    assert.deepEqual([transplant?.value, transplant?.orPlanned, transplant?.planned, transplant?.limited], ['transplant', true, undefined, true]);
    assert.equal(readCriterion('Patients who have received a bone marrow transplant', inclusion).concepts[0]?.orPlanned, undefined);
  });

  it('reads a permission in a clause of its own as permitting what it names, leaving the requirement before it', () => {
    const reading = readCriterion('Unequivocal diagnosis of AML, excluding M3; patients with a history of antecedent myelodysplasia remain eligible', inclusion);
    assert.deepEqual(reading.concepts.map((c) => c.value), ['aml']);
    assert.equal(reading.permissive, false);
    assert.equal(readCriterion('Prior imatinib allowed', inclusion).permissive, true);
  });

  it('reads "no prior treatment for acute leukemia or myelodysplasia" as naming no diagnosis', () => {
    assert.deepEqual(read('No prior treatment for acute leukemia or myelodysplasia', inclusion), ['disease-state newly-diagnosed present', 'prior-treatment chemotherapy absent']);
  });

  it('reads the WHO performance scale and more kinds of sarcoma', () => {
    assert.deepEqual(only('WHO 0-1', { heading: 'Performance status', ...inclusion }), { type: 'performance-status', value: 'who', polarity: 'present', max: 1 });
    assert.deepEqual(only('WHO physical status score is 0~1', inclusion), { type: 'performance-status', value: 'who', polarity: 'present', max: 1 });
    assert.deepEqual(read('Fibrosarcoma', inclusion), ['cancer-type solid-tumour present']);
    assert.deepEqual(read('Malignant fibrous histiocytoma', inclusion), ['cancer-type solid-tumour present']);
  });
});

describe('readCriterion: readings from the retired held-out set test26', () => {
  const inclusion = { section: 'inclusion' as const };
  it('reads clauses about groups after a requirement as leaving the requirement standing, and a group ruled out as it stands', () => {
    const reading = readCriterion('Diagnosis of AML, excluding M3; patients with antecedent myelodysplasia are eligible only if no biopsy showed MDS; patients with therapy-related AML are not eligible', inclusion);
    assert.deepEqual([reading.conditional, reading.permissive, reading.concepts.map((c) => c.value)], [false, false, ['aml']]);
    const ruledOut = readCriterion('Biopsy proven B-cell malignancies [e.g. CLL, NHL]; HIV-associated lymphomas are not eligible; patients with CLL are eligible if previously treated', inclusion);
    assert.ok(ruledOut.concepts.some((c) => c.type === 'infection' && c.value === 'hiv'));
  });

  it('reads a short course of a treatment as allowed, and none at all as meeting it', () => {
    assert.deepEqual(readCriterion('Less than 7 days of prior hydroxyurea', inclusion).concepts.map((c) => [c.value, c.polarity, c.limited, c.threshold]), [['other-drug', 'absent', true, undefined]]);
    assert.deepEqual(read('No more than 2 courses of prior chemotherapy', inclusion), ['prior-treatment chemotherapy absent']);
  });

  it('reads a SWOG grade as the ECOG scale, but not a SWOG protocol number', () => {
    assert.deepEqual(readCriterion('Karnofsky 70-100% SWOG 0 or 1', inclusion).concepts.map((c) => [c.value, c.threshold]), [['karnofsky', { min: 70 }], ['ecog', { max: 1 }]]);
    assert.deepEqual(read('Must be registered on SWOG-S9910 and SWOG-9007', inclusion), []);
  });

  it('reads non-responders and failure to conventional therapy as refractory disease', () => {
    assert.deepEqual(read('Nonresponders to induction chemotherapy', inclusion), ['disease-state refractory present']);
    assert.deepEqual(read('Documented failure to conventional therapy', inclusion), ['disease-state refractory present']);
  });
});

describe('readCriterion: readings from the retired held-out set test27', () => {
  it('reads a line closing on "eligible" in a list joined into its lead-in as one more alternative, not a permission', () => {
    const joined = 'Acute myeloid leukemia (AML) or myelodysplastic syndrome in one of the following categories: In first relapse\nFailed to achieve initial complete remission\nNewly diagnosed secondary AML eligible';
    assert.equal(readCriterion(joined, { section: 'inclusion' }).permissive, false);
    assert.equal(readCriterion('Combined CNS and ocular relapse eligible', { section: 'inclusion' }).permissive, true);
  });

  it('keeps an age in months as an age limit without bounds in years', () => {
    assert.deepEqual(readCriterion('Age < 6 months', { section: 'inclusion' }).concepts.map((c) => [c.type, c.threshold]), [['age', undefined]]);
  });
});

describe('readCriterion: readings from the retired held-out set test28', () => {
  it('reads the states of a dashed run-on list under a disease as alternatives', () => {
    const states = readCriterion('Acute lymphoblastic leukemia: -relapsed -in second remission or later -in first remission with unfavorable prognostic features', { section: 'inclusion' })
      .concepts.filter((c) => c.type === 'disease-state');
    assert.deepEqual(states.map((c) => [c.value, c.orPrevious === true]), [['relapsed', false], ['second-or-later-remission', true], ['first-remission', true]]);
    // Without the label and its dashes, two states in one sentence are not made alternatives.
    const plain = readCriterion('Relapsed disease - in second remission', { section: 'inclusion' }).concepts.filter((c) => c.type === 'disease-state');
    assert.equal(plain.at(-1)?.orPrevious, undefined);
  });

  it('reads no stem cell transplant in an organ transplant, unless marrow or stem cells are named beside it', () => {
    assert.deepEqual(readCriterion('No prior autologous or allogeneic organ or tissue transplant', { section: 'inclusion' }).concepts, []);
    assert.deepEqual(readCriterion('No prior allogeneic bone marrow or organ transplant', { section: 'inclusion' }).concepts.map((c) => c.value), ['allogeneic-transplant']);
  });

  it('reads a treatment "offered to" patients as treatment in the trial', () => {
    const [transplant] = readCriterion('Syngeneic bone marrow transplantation offered to patients with consenting identical twin donor', { section: 'inclusion' }).concepts;
    assert.equal(transplant?.planned, true);
  });
});

describe('readCriterion: readings from the development sets test17 and test24 (twenty-seventh round)', () => {
  it('reads no creatinine clearance in "CCR" without a number (NCI\'s Center for Cancer Research)', () => {
    assert.deepEqual(readCriterion('A POB, CCR investigator decides that it is in the best interest of the patient', { section: 'inclusion' }).concepts, []);
    assert.deepEqual(readCriterion('CCR > 60 ml/min', { section: 'inclusion' }).concepts.map((c) => [c.value, c.threshold?.value]), [['creatinine-clearance', 60]]);
  });

  it('reads "Normal ejection fraction" as an ejection fraction within normal limits, as "ejection fraction normal"', () => {
    const [normal] = readCriterion('Normal left ventricular ejection fraction', { section: 'inclusion' }).concepts;
    assert.deepEqual(normal?.threshold, { comparator: '>=', value: 1, unit: 'x-lln' });
    assert.deepEqual(readCriterion('LVEF within normal limits', { section: 'inclusion' }).concepts[0]?.threshold, { comparator: '>=', value: 1, unit: 'x-lln' });
    assert.deepEqual(readCriterion('Ejection fraction measured by MUGA', { section: 'inclusion' }).concepts.map((c) => [c.value, c.threshold]), [['ejection-fraction', undefined]]);
  });
});

describe('readCriterion: readings from the retired held-out set test29', () => {
  const conceptsOf = (text: string, section: 'inclusion' | 'exclusion' = 'inclusion'): ReturnType<typeof readCriterion>['concepts'] => readCriterion(text, { section }).concepts;

  it('reads an item ruling an age out as the bound the other way ("No one age less than 18 years")', () => {
    assert.deepEqual(conceptsOf('No one age less than 18 years.')[0]?.threshold, { min: 18 });
    assert.deepEqual(conceptsOf('No patients 65 years and over')[0]?.threshold, { max: 64 });
    assert.deepEqual(conceptsOf('No younger than 16')[0]?.threshold, { min: 16 });
  });

  it('reads no disease in a kind of it ruled out by its sub-group ("No MDS of FAB sub-group ... (RARS)")', () => {
    assert.deepEqual(conceptsOf("No MDS of FAB sub-group' refractory anemia with ring sideroblasts' (RARS)."), []);
    assert.deepEqual(conceptsOf('No transforming to acute leukemia (FAB sub-group RAEB-T; greater than 20% blasts in marrow aspirate).'), []);
    assert.deepEqual(conceptsOf('No MDS').map((c) => [c.value, c.polarity]), [['mds', 'absent']]);
  });

  it('reads a transplant "indicated" for the person as treatment in the trial', () => {
    assert.equal(conceptsOf('No patients for whom bone marrow transplant is indicated as primary therapy.')[0]?.planned, true);
  });

  it('reads an ejection fraction below normal, and drops a normal one a run-on "No history of" negates', () => {
    assert.deepEqual(conceptsOf('LVEF below normal', 'exclusion')[0]?.threshold, { comparator: '<', value: 1, unit: 'x-lln' });
    assert.deepEqual(conceptsOf('Abnormal ejection fraction', 'exclusion')[0]?.threshold, { comparator: '<', value: 1, unit: 'x-lln' });
    assert.deepEqual(conceptsOf('No history of severe heart disease, cardiomyopathy, or congestive heart failure LVEF normal by MUGA or echocardiogram'), []);
  });
});

describe('readCriterion: readings from the retired held-out set test30', () => {
  const read = (text: string, section: 'inclusion' | 'exclusion' = 'inclusion'): ReturnType<typeof readCriterion> => readCriterion(text, { section });

  it('keeps a blood-test limit with a permission in brackets a limit, and a bracketed permission of a treatment a permission', () => {
    assert.equal(read('Hepatic: total bilirubin less than or equal to 2mg/dL, (Gilbert and other syndromes with increased indirect bilirubin should be allowed); serum transaminases less than two times the institutional upper limit of normal (< 2 x ULN).').permissive, false);
    assert.equal(read('Circulating blast count no greater than 75,000/mL (hydroxyurea or leukapheresis allowed to decrease blast count)').permissive, true);
    assert.equal(read('Bilirubin less than 2 mg/dL (prior hydroxyurea allowed)').permissive, true);
    assert.equal(read('Estimated radiation dose to marrow no greater than 3,000 cGy (bone marrow involvement of greater than 25% is allowed provided stem cell contamination is low)').permissive, true);
  });

  it('reads "Patients are eligible if they have ..." as a requirement for everyone, not a permission or a condition', () => {
    const item = read('Patients are eligible if they have documented evidence of progression after prior first-line chemotherapy');
    assert.deepEqual([item.permissive, item.conditional], [false, false]);
    const hiv = read('Patients with HIV are eligible if CD4 above 200');
    assert.deepEqual([hiv.permissive, hiv.conditional], [true, true]);
  });

  it('reads no new diagnosis in another illness left untreated, and a drug "administered" in the trial as planned', () => {
    assert.deepEqual(read('Untreated thoracic or abdominal aneurysm (6 cm or more)', 'exclusion').concepts, []);
    assert.deepEqual(read('Untreated acute lymphoblastic leukemia').concepts.map((c) => c.value), ['newly-diagnosed', 'all']);
    const [, drug] = read('Renal: creatinine clearance equal or greater than 50 ml/min (at any time pentostatin is administered)').concepts;
    assert.equal(drug?.planned, true);
  });

  it('reads no youngest age when younger people are taken with consent', () => {
    assert.deepEqual(read('Age: greater than 18 years of age, or younger with parental consent.').concepts.filter((c) => c.type === 'age'), []);
  });

  it('reads "disease-free of prior malignancies" as none, not "disease free survival"', () => {
    assert.equal(read('Disease-free of prior invasive malignancies for >5 years').concepts[0]?.polarity, 'absent');
  });

  it('reads an active CNS malignancy as CNS disease, a prior one as another cancer', () => {
    assert.deepEqual(read('Active central nervous system (CNS) malignancy', 'exclusion').concepts.map((c) => c.value), ['cns-involvement']);
    assert.deepEqual(read('Any prior central nervous system malignancy', 'exclusion').concepts.map((c) => c.value), ['other-malignancy']);
  });

  it('reads a remission a relapse came from as past, and "relapsed sites" as no relapse asked about', () => {
    const remission = read('First relapse from a complete response after a front line chemotherapy regimen').concepts.find((c) => c.value === 'remission');
    assert.equal(remission?.past, true);
    assert.deepEqual(read('No prior radiotherapy to relapsed sites of vital organs').concepts.map((c) => c.value), ['radiotherapy']);
  });

  it('reads "Karnofsky score less than 80" as at most 79', () => {
    assert.deepEqual(read('Karnofsky score less than 80', 'exclusion').concepts[0]?.threshold, { max: 79 });
  });
});

describe('readCriterion: readings from the retired held-out set test31', () => {
  const read = (text: string, section: 'inclusion' | 'exclusion' = 'inclusion'): ReturnType<typeof readCriterion> => readCriterion(text, { section });

  it('reads mycosis fungoides, Sezary syndrome and CTCL as lymphoma', () => {
    assert.deepEqual(read('Biopsy-proven mycosis fungoides').concepts.map((c) => c.value), ['lymphoma']);
    assert.deepEqual(read('Sezary syndrome').concepts.map((c) => c.value), ['lymphoma']);
    assert.deepEqual(read('Histologically confirmed relapsed CTCL').concepts.map((c) => c.value), ['relapsed', 'lymphoma']);
  });

  it('reads "HIV, HCV and HBV negativity" as none of them', () => {
    assert.deepEqual(read('HIV, HCV and HBV negativity.').concepts.map((c) => c.polarity), ['absent', 'absent', 'absent']);
  });

  it('reads "allogeneic" over both transplants of "allogeneic bone marrow or stem cell transplant"', () => {
    assert.deepEqual(read('No prior allogeneic bone marrow or stem cell transplant').concepts.map((c) => c.value), ['allogeneic-transplant']);
  });

  it('reads "chemotherapy resistant" lymphoma as refractory disease, not a treatment or a disease ruled out', () => {
    assert.deepEqual(read('No chemotherapy resistant NHL or HD').concepts.map((c) => [c.value, c.polarity]), [['refractory', 'absent']]);
  });

  it('marks a kind of lymphoma the profile cannot name as limited', () => {
    assert.equal(read('No prior T-cell lymphoma').concepts[0]?.limited, true);
    assert.equal(read('No lymphoma').concepts[0]?.limited, undefined);
  });
});

describe('readCriterion: readings from the retired held-out set test32', () => {
  it('marks a state, and the treatments named after it, as one branch beside another no profile answers', () => {
    const concepts = readCriterion('Histologically proven advanced malignancy that is refractory to prior therapy or unlikely to benefit from standard therapy (e.g., chemotherapy, radiotherapy, and surgery)', { section: 'inclusion' }).concepts;
    assert.deepEqual(concepts.map((c) => [c.value, c.orUnread === true]), [['refractory', true], ['chemotherapy', true], ['radiotherapy', true]]);
    assert.equal(readCriterion('Refractory to prior therapy', { section: 'inclusion' }).concepts[0]?.orUnread, undefined);
  });
});

describe('readCriterion: readings from the retired held-out set test33', () => {
  const read = (text: string, section: 'inclusion' | 'exclusion' = 'inclusion'): ReturnType<typeof readCriterion> => readCriterion(text, { section });

  it('reads no infection in a risk of one', () => {
    assert.deepEqual(read('Subjects at high risk of Hepatitis B virus (HBV) infection should be screened prior to enrollment.', 'exclusion').concepts, []);
    assert.deepEqual(read('Hepatitis B virus (HBV) infection', 'exclusion').concepts.map((c) => c.value), ['hepatitis-b']);
  });

  it('marks a lymphoma named by its kind as limited, and "lymphoma" alone not', () => {
    assert.equal(read("Histologically proven Stage III/IV Hodgkin's disease").concepts[0]?.limited, true);
    assert.equal(read('Malignant lymphoma').concepts[0]?.limited, undefined);
  });
});

describe('readCriterion: readings from the retired held-out set test34', () => {
  const read = (text: string, section: 'inclusion' | 'exclusion' = 'inclusion'): ReturnType<typeof readCriterion> => readCriterion(text, { section });
  const values = (text: string, section: 'inclusion' | 'exclusion' = 'inclusion'): string[] =>
    read(text, section).concepts.filter((c) => c.planned !== true).map((c) => `${c.value} ${c.polarity}`);

  it('marks a lymphoma of a named grade as limited', () => {
    assert.equal(read('Untreated intermediate-grade lymphoma').concepts.find((c) => c.value === 'lymphoma')?.limited, true);
    assert.equal(read('Previously untreated lymphoma').concepts.find((c) => c.value === 'lymphoma')?.limited, undefined);
  });

  it('reads a pregnancy test the trial requires as not being pregnant', () => {
    assert.deepEqual(values('Pregnancy test needed for women who could become pregnant'), ['pregnant absent']);
    assert.deepEqual(values('Negative pregnancy test required'), ['pregnant absent']);
    assert.deepEqual(values('Positive pregnancy test', 'exclusion'), ['pregnant present']);
  });

  it('reads cancers "including" after a disease or a treatment field as examples', () => {
    assert.deepEqual(values('Disease scheduled for chest radiotherapy, including lung tumors').filter((v) => v.startsWith('solid')), []);
    assert.deepEqual(values('Advanced breast cancer').filter((v) => v.startsWith('solid')), ['solid-tumour present']);
  });

  it('reads a treatment the disease is better treated with, is curable by or must fit as planned', () => {
    assert.deepEqual(values('No widespread disease better treated with systemic chemotherapy'), []);
    assert.deepEqual(values('Tumour not curable by surgery or radiotherapy').filter((v) => v.startsWith('radio')), []);
    assert.deepEqual(values('All sites of disease encompassed within one radiation field'), []);
    assert.deepEqual(values('No prior chemotherapy'), ['chemotherapy absent']);
  });

  it('makes a step asked of one disease or infection only conditional', () => {
    assert.equal(read('Bone scan advised for patients with prostate cancer').conditional, true);
    assert.equal(read('Infectious disease review required for complicated infections').conditional, true);
    assert.equal(read('Histologically confirmed prostate cancer').conditional, false);
  });

  it('reads a cancer a treatment was for, or a treatment for cancer, as no other cancer', () => {
    assert.deepEqual(values('Earlier radiotherapy for this malignancy', 'exclusion').filter((v) => v.startsWith('other')), []);
    assert.deepEqual(values('Late effects of previous cancer therapy', 'exclusion').filter((v) => v.startsWith('other')), []);
    assert.deepEqual(values('Scan findings suggestive of a malignancy', 'exclusion'), ['other-malignancy present']);
    assert.deepEqual(values('A malignancy within 3 years', 'exclusion'), ['other-malignancy present']);
  });

  it('reads a maintenance course for an infection as no chemotherapy', () => {
    assert.deepEqual(values('Maintenance therapy for cytomegalovirus retinitis', 'exclusion'), []);
    assert.deepEqual(values('Maintenance therapy with acyclovir', 'exclusion'), ['other-drug present']);
    assert.deepEqual(values('Prior maintenance therapy for ALL', 'exclusion').filter((v) => v.startsWith('chemo')), ['chemotherapy present']);
  });

  it('ends a negation at "or in" so that a state after it is asked for', () => {
    assert.deepEqual(values('Colon cancer not resectable or in relapse after surgery').filter((v) => v.startsWith('relapsed')), ['relapsed present']);
    assert.deepEqual(values('Colon cancer not in relapse').filter((v) => v.startsWith('relapsed')), ['relapsed absent']);
  });

  it('reads the spread of a lymphoma to the marrow or the CNS as no lymphoma requirement', () => {
    assert.deepEqual(values('No liver involvement with lymphoma'), []);
    assert.deepEqual(values('No evidence of CNS lymphoma'), ['cns-involvement absent']);
    assert.deepEqual(values('No primary CNS lymphoma'), ['cns-involvement absent', 'lymphoma absent']);
    assert.deepEqual(values('Newly diagnosed primary CNS lymphoma').filter((v) => v.startsWith('lymphoma')), ['lymphoma present']);
  });
});

describe('readCriterion: readings from the retired held-out set test35', () => {
  const values = (text: string, section: 'inclusion' | 'exclusion' = 'inclusion'): string[] =>
    readCriterion(text, { section }).concepts.filter((c) => c.planned !== true).map((c) => `${c.value} ${c.polarity}${c.limited === true ? ' limited' : ''}`);

  it('keeps the negation of "No patients with ..." and "No patients who ..."', () => {
    assert.deepEqual(values('No patients with hepatitis B infection'), ['hepatitis-b absent']);
    assert.deepEqual(values('No subjects who have received radiotherapy'), ['radiotherapy absent']);
  });

  it('reads pregnancy precautions as contraception', () => {
    assert.deepEqual(values('Must agree to pregnancy prevention measures'), ['contraception present']);
  });

  it('leaves out a kind of the disease ruled out after its name, and marks kinds named before it', () => {
    assert.deepEqual(values('No lymphoma of a different histology'), []);
    assert.deepEqual(values('No RAEB in transformation'), []);
    assert.deepEqual(values('No RAEB-T'), []);
    assert.deepEqual(values('No transformed lymphoma'), ['lymphoma absent limited']);
    assert.deepEqual(values('No primary gastric lymphoma'), ['lymphoma absent limited']);
    assert.deepEqual(values('No lymphoma'), ['lymphoma absent']);
  });

  it('reads hairy cells as hairy cell leukaemia, and "diseases other than malignancy" as no cancer', () => {
    assert.deepEqual(values('Identifiable hairy cells in the marrow'), ['other-leukaemia present']);
    assert.deepEqual(values('No illness other than malignancy that limits life expectancy'), []);
  });

  it('reads recovery from a treatment and the time of consent as neither', () => {
    assert.deepEqual(values('Has recovered from the effects of earlier radiotherapy'), []);
    assert.deepEqual(values('Aged 18 or over at the time consent is signed').filter((v) => v.startsWith('consent')), []);
    assert.deepEqual(values('Written informed consent'), ['consent present']);
  });

  it('reads carcinomatous meningitis as CNS disease', () => {
    assert.deepEqual(values('Carcinomatous meningitis', 'exclusion'), ['cns-involvement present']);
  });

  it('reads a list of cancers led by "History of" in an exclusion list as other cancers', () => {
    assert.deepEqual(values('History of lung, bladder or kidney cancer', 'exclusion'), ['other-malignancy present']);
    assert.deepEqual(values('History of surgery for kidney cancer', 'exclusion').filter((v) => v.startsWith('other')), []);
  });
});

describe('readCriterion: readings from the retired held-out set test36', () => {
  const read = (text: string): ReturnType<typeof readCriterion> => readCriterion(text, { section: 'inclusion' });
  const values = (text: string): string[] => read(text).concepts.filter((c) => c.planned !== true).map((c) => `${c.value} ${c.polarity}`);

  it('keeps a confirmed diagnosis a requirement when more disease is "also eligible" after it', () => {
    const item = read('Histologically confirmed breast cancer needing chemotherapy Stage II disease with large tumours are also eligible');
    assert.equal(item.permissive, false);
    assert.equal(read('Stage II disease with large tumours is also eligible').permissive, true);
  });

  it('reads less than a partial or complete remission as refractory disease', () => {
    assert.deepEqual(values('Less than a complete remission after two regimens'), ['refractory present']);
  });

  it('reads "≥ 3 weeks since" and a bracketed window before "since" as a time since treatment', () => {
    assert.deepEqual(read('≥4 weeks since radiotherapy').concepts.map((c) => c.threshold?.withinDays), [28]);
    assert.deepEqual(read('At least 4 weeks (8 for mitomycin) since prior chemotherapy').concepts.map((c) => `${c.polarity} ${c.threshold?.withinDays}`), ['absent 28']);
  });

  it('reads a treatment ruled out after the study ends as no history', () => {
    assert.deepEqual(values('No radiotherapy for at least 6 weeks after study completion'), []);
    assert.deepEqual(values('No radiotherapy for at least 6 weeks'), ['radiotherapy absent']);
  });
});

describe('readCriterion: readings from the retired held-out set test37', () => {
  it('reads a kind "included" under the disease it widens as a permission, and in a run-on list as an alternative', () => {
    assert.equal(readCriterion('Follicular lymphoma of grade 3 included', { section: 'inclusion', parent: 'Histologically confirmed lymphoma' }).permissive, true);
    assert.equal(readCriterion('Follicular lymphoma of grade 3 included', { section: 'inclusion' }).permissive, false);
  });

  it('reads "or other B-cell malignancy" after a named cancer as a wider diagnosis, not another cancer', () => {
    const item = readCriterion('Confirmed chronic lymphocytic leukaemia or other B-cell malignancy', { section: 'inclusion' });
    assert.deepEqual(item.concepts.map((c) => c.type), ['cancer-type']);
    assert.equal(item.broadDiagnosis, true);
    assert.deepEqual(readCriterion('Breast cancer or other malignancy', { section: 'inclusion' }).concepts.map((c) => c.value), ['solid-tumour', 'other-malignancy']);
  });
});

describe('readCriterion: readings from the retired held-out set test38', () => {
  const read = (text: string): ReturnType<typeof readCriterion> => readCriterion(text, { section: 'inclusion' });
  const values = (text: string): string[] => read(text).concepts.map((c) => `${c.value} ${c.polarity}`);

  it('reads a treatment "discontinued at least" some weeks before as a washout', () => {
    assert.deepEqual(values('Steroids discontinued at least 4 weeks before entry'), ['other-drug absent']);
    assert.deepEqual(values('Imatinib discontinued because of side effects'), ['imatinib present']);
  });

  it('reads a treatment "discouraged" as advice, never a requirement', () => {
    assert.equal(read('More than 6 cycles of prior alkylating agent chemotherapy discouraged').permissive, true);
    assert.equal(read('More than 6 cycles of prior alkylating agent chemotherapy').permissive, false);
  });

  it('reads an age that says whom a blood-test limit is for as no age limit', () => {
    assert.deepEqual(values('Adequate kidney function (age 10 to 14 maximum serum creatinine 1.0 mg/dl)').filter((v) => v.startsWith('age')), []);
  });

  it('reads "bulky or progressive disease" as no relapse asked for, and "serum CR" as no remission', () => {
    assert.deepEqual(values('Bulky or progressive disease'), []);
    assert.deepEqual(values('Serum CR at most twice normal').filter((v) => v.startsWith('remission')), []);
    assert.deepEqual(values('Progressive disease'), ['relapsed present']);
  });
});

describe('readCriterion: readings from the retired held-out set test39', () => {
  const read = (text: string, section: 'inclusion' | 'exclusion' = 'inclusion'): ReturnType<typeof readCriterion> => readCriterion(text, { section });
  const values = (text: string, section: 'inclusion' | 'exclusion' = 'inclusion'): string[] => read(text, section).concepts.map((c) => `${c.value} ${c.polarity}`);

  it('reads "MM" as myeloma, and the last disease of a list joined by "and" as one more alternative', () => {
    const concepts = read('People with CLL, NHL and MM').concepts;
    assert.deepEqual(concepts.map((c) => c.value), ['cll', 'lymphoma', 'myeloma']);
    assert.equal(concepts[2]?.orPrevious, true);
    assert.deepEqual(values('Tumour larger than 20 mm'), []);
  });

  it('reads "a certain type of" a disease as a kind the profile cannot tell apart', () => {
    const [aml, all] = read('People with AML or a certain type of ALL').concepts;
    assert.equal(aml?.limited, undefined);
    assert.equal(all?.limited, true);
    assert.equal(read('Have certain types of lymphoma', 'exclusion').concepts[0]?.limited, true);
    assert.deepEqual(values('No certain types of lymphoma'), []);
  });

  it('reads small lymphocytic lymphoma and NHL as kinds of lymphoma', () => {
    assert.deepEqual(values('Small lymphocytic lymphoma'), ['lymphoma present']);
    assert.equal(read('Small lymphocytic lymphoma').concepts[0]?.limited, true);
    const lymphoma = (text: string): unknown => read(text).concepts.find((c) => c.value === 'lymphoma')?.limited;
    assert.equal(lymphoma('Relapsed NHL'), true);
    assert.equal(lymphoma('Relapsed lymphoma'), undefined);
  });

  it('reads a matched donor for a transplant as a transplant to come', () => {
    const transplant = (text: string): unknown => read(text).concepts.find((c) => c.value === 'allogeneic-transplant')?.planned;
    assert.equal(transplant('Fully HLA matched donor for allogeneic transplantation'), true);
    assert.equal(transplant('Prior matched sibling donor transplant'), undefined);
  });

  it('reads a transplant joined to planned chemotherapy across the drugs in brackets as planned too', () => {
    const concepts = read('Scheduled to undergo high-dose chemotherapy (carmustine and melphalan) with autologous stem cell transplantation').concepts;
    assert.equal(concepts.find((c) => c.value === 'autologous-transplant')?.planned, true);
  });

  it('reads "no prior treatment for" a lymphoma or for metastatic disease as no chemotherapy, not as no lymphoma', () => {
    assert.deepEqual(values("No prior treatment for Hodgkin's lymphoma"), ['chemotherapy absent']);
    assert.ok(values('No prior therapy for metastatic disease').includes('chemotherapy absent'));
  });

  it('reads "are eligible for this protocol" as whom the trial is for, not a permission', () => {
    assert.equal(read('Patients with multiple myeloma who attain at least a PR are eligible for this protocol').permissive, false);
    assert.equal(read('Patients with prior imatinib are eligible').permissive, true);
  });

  it('reads named opportunistic infections as active infections, but not what a drug treats or prevents', () => {
    assert.deepEqual(values('Active cytomegalovirus disease', 'exclusion'), ['active-infection present']);
    assert.deepEqual(values('Herpes zoster', 'exclusion'), ['active-infection present']);
    assert.deepEqual(values('Toxoplasmic encephalitis requiring suppressive therapy', 'exclusion'), ['active-infection present']);
    assert.deepEqual(values('Fluconazole for oral candidiasis').filter((v) => v.startsWith('active')), []);
    assert.deepEqual(values('Pneumocystis carinii pneumonia (PCP) prophylaxis').filter((v) => v.startsWith('active')), []);
  });
});

describe('readCriterion: readings from the retired held-out set test40', () => {
  const values = (text: string): string[] => readCriterion(text, { section: 'inclusion' }).concepts.map((c) => `${c.value} ${c.polarity}`);

  it('reads "no prior therapy" alone as no chemotherapy, but not where it names the treatment or another matter', () => {
    assert.deepEqual(values('No prior therapy'), ['chemotherapy absent']);
    assert.deepEqual(values('PRIOR CONCURRENT THERAPY: No prior treatment'), ['chemotherapy absent']);
    assert.deepEqual(values('No prior therapy with antiretroviral agents'), ['other-drug absent']);
    assert.deepEqual(values('No prior treatment on this study'), []);
    assert.deepEqual(values('No prior treatment for current relapse').filter((v) => v.startsWith('chemotherapy')), []);
    assert.deepEqual(values('Mantle cell lymphoma eligible even if no prior treatment').filter((v) => v.startsWith('chemotherapy')), []);
  });

  it('reads a transplant patients "are referred to" as one to come', () => {
    const [transplant] = readCriterion('Patients with an HLA compatible donor are referred to bone marrow transplantation', { section: 'inclusion' }).concepts;
    assert.equal(transplant?.planned, true);
  });

  it('reads "more than two chemotherapy regimens are ineligible" as a count, not as no chemotherapy', () => {
    assert.deepEqual(values('Patients who have received more than two chemotherapy regimens are ineligible').filter((v) => v.startsWith('chemotherapy')), []);
    assert.deepEqual(values('No prior chemotherapy'), ['chemotherapy absent']);
  });

  it('reads a class of chemotherapy as a kind the profile cannot tell apart', () => {
    const [nitrosourea] = readCriterion('No prior treatment with a nitrosourea', { section: 'inclusion' }).concepts;
    assert.equal(nitrosourea?.value, 'chemotherapy');
    assert.equal(nitrosourea?.limited, true);
    assert.equal(readCriterion('No prior chemotherapy', { section: 'inclusion' }).concepts[0]?.limited, undefined);
  });
});

describe('readCriterion: readings from the retired held-out set test41', () => {
  const read = (text: string, section: 'inclusion' | 'exclusion' = 'inclusion'): ReturnType<typeof readCriterion> => readCriterion(text, { section });
  const first = (text: string, value: string, section: 'inclusion' | 'exclusion' = 'inclusion'): Record<string, unknown> | undefined =>
    read(text, section).concepts.find((c) => c.value === value) as Record<string, unknown> | undefined;

  it('reads lymphomatoid granulomatosis (LYG) as a kind of lymphoma', () => {
    assert.equal(first('Tissue diagnosis of grade 1, 2 and/or 3 LYG', 'lymphoma')?.limited, true);
    assert.equal(first('Lymphomatoid granulomatosis', 'lymphoma')?.limited, true);
  });

  it('reads a treatment after "eligible to receive." and a stray stop as one to come', () => {
    assert.equal(first('Patients with heart failure will not be eligible to receive. DA-Epoch-R chemotherapy.', 'chemotherapy', 'exclusion')?.planned, true);
    assert.equal(first('Patients who received. Chemotherapy within 4 weeks', 'chemotherapy', 'exclusion')?.planned, undefined);
  });

  it('reads lymphomas named by cell or course ("small cleaved", "B-cell", "indolent") as kinds the profile cannot tell', () => {
    assert.equal(first('No lymphoblastic or small cleaved lymphoma', 'lymphoma')?.limited, true);
    assert.equal(first('Diffuse large B-cell lymphoma', 'lymphoma')?.limited, true);
    assert.equal(first('Indolent lymphoma', 'lymphoma')?.limited, true);
    assert.equal(first('No prior lymphoma', 'lymphoma')?.limited, undefined);
  });

  it('reads an active or uncontrolled other cancer as one the profile cannot tell is over', () => {
    assert.equal(first('No active or uncontrolled second malignancy', 'other-malignancy')?.limited, true);
    assert.equal(first('No second malignancy', 'other-malignancy')?.limited, undefined);
  });

  it('reads "two or more relapses" as a count of relapses, not any relapse', () => {
    assert.equal(first('Two or more relapses after initial response to induction chemotherapy', 'relapsed', 'exclusion')?.limited, true);
    assert.equal(first('Relapse after initial response to induction chemotherapy', 'relapsed', 'exclusion')?.limited, undefined);
  });

  it('reads "does not apply to" as an exception allowed', () => {
    assert.equal(read('The 5-year exclusion rule does not apply to non-melanoma skin tumors', 'exclusion').permissive, true);
  });

  it('reads stem cells collected "for transplantation" as a transplant to come', () => {
    assert.equal(first('Adequate autologous stem cell collection for transplantation', 'autologous-transplant')?.planned, true);
  });
});

describe('readCriterion: concept errors of the retired held-out set test38', () => {
  const lines = (text: string): Record<string, unknown> | undefined =>
    readCriterion(text, { section: 'inclusion' }).concepts.find((c) => c.value === 'prior-lines') as Record<string, unknown> | undefined;

  it('reads a count of chemotherapy or biologic regimens as prior lines of one kind', () => {
    assert.deepEqual(lines('No more than 3 prior chemotherapy regimens')?.threshold, { max: 3 });
    assert.equal(lines('No more than 3 prior chemotherapy regimens')?.limited, true);
    assert.deepEqual(lines('Received at least 2 prior salvage chemotherapy regimens')?.threshold, { min: 2 });
    assert.deepEqual(lines('No more than 1 prior biologic therapy')?.threshold, { max: 1 });
    assert.equal(lines('No more than 2 prior regimens')?.limited, undefined);
    assert.deepEqual(lines('At least 2 prior chemotherapy and progressive disease')?.threshold, { min: 2 });
  });

  it('reads "more than two chemotherapy regimens are ineligible" as at most two', () => {
    const concept = lines('Patients who have received more than two chemotherapy regimens are ineligible');
    assert.equal(concept?.polarity, 'present');
    assert.deepEqual(concept?.threshold, { max: 2 });
  });
});

describe('readCriterion: readings from the retired held-out set test42', () => {
  it('reads a transplant after "... melphalan protocol and" a planned regimen as planned too', () => {
    const [, transplant] = readCriterion('Eligible for high-dose carmustine and melphalan protocol and autologous bone marrow transplantation', { section: 'inclusion' }).concepts;
    assert.equal(transplant?.value, 'autologous-transplant');
    assert.equal(transplant?.planned, true);
  });
});

describe('readCriterion: readings from the retired held-out set test43', () => {
  it('reads "an acceptable method", "acceptable liver function" as describing, not permitting', () => {
    assert.equal(readCriterion('Male subject agrees to use an acceptable method for contraception', { section: 'inclusion' }).permissive, false);
    assert.equal(readCriterion('Patients must have acceptable liver function (total bilirubin < 2.5 mg/dL)', { section: 'inclusion' }).permissive, false);
    assert.equal(readCriterion('Prior radiotherapy is acceptable', { section: 'inclusion' }).permissive, true);
    assert.equal(readCriterion('Prior radiotherapy acceptable if completed 4 weeks before', { section: 'inclusion' }).permissive, true);
  });
});

describe('readCriterion: readings from the retired held-out set test44', () => {
  const values = (text: string): string[] => readCriterion(text, { section: 'inclusion' }).concepts.map((c) => `${c.value} ${c.polarity}`);

  it('reads "adult or child" as no age limit', () => {
    assert.deepEqual(values('Adult or child'), []);
    assert.deepEqual(values('Adults with relapsed lymphoma').filter((v) => v.startsWith('age')), ['age present']);
  });

  it('reads treatment the "proposed therapy must include" as planned', () => {
    const concepts = readCriterion('Proposed therapy must include external beam radiotherapy and/or chemotherapy', { section: 'inclusion' }).concepts;
    assert.ok(concepts.length > 0 && concepts.every((c) => c.planned === true));
  });

  it('reads a primitive neuroectodermal tumour (PNET) as a solid tumour', () => {
    assert.deepEqual(values('Primitive neuroectodermal tumor'), ['solid-tumour present']);
    assert.deepEqual(values('Supratentorial PNET'), ['solid-tumour present']);
  });

  it('reads "No CNS metastasis unless stable" as controlled CNS disease allowed, not as none asked for', () => {
    assert.deepEqual(values('No CNS metastasis unless stable for at least 4 weeks following surgery'), ['cns-controlled present']);
    // Ruled out whether treated or not (test48's reading): no CNS disease at all.
    assert.deepEqual(values('No treated or stable brain metastases'), ['cns-involvement absent']);
  });

  it('reads "allograft rejection" as no transplant', () => {
    assert.deepEqual(values('Under immune suppression for control of allograft rejection').filter((v) => v.includes('transplant')), []);
    assert.deepEqual(values('Prior allograft'), ['allogeneic-transplant present']);
  });
});

describe('readCriterion: readings from the retired held-out set test45', () => {
  it('reads a life expectancy in years as no age', () => {
    assert.deepEqual(readCriterion('At least 6 months and no greater than 2.5 years (for course I only)', { section: 'inclusion', heading: 'Life expectancy' }).concepts, []);
    assert.deepEqual(readCriterion('Expected survival of at least 2 years', { section: 'inclusion' }).concepts, []);
    assert.equal(readCriterion('At least 6 months and no greater than 2.5 years', { section: 'inclusion', heading: 'Age' }).concepts[0]?.type, 'age');
  });

  it('reads progression "in a previously irradiated site" as a relapse of one place', () => {
    const [site] = readCriterion('No disease progression in a previously irradiated site', { section: 'inclusion' }).concepts;
    assert.equal(site?.limited, true);
    assert.equal(readCriterion('No disease progression', { section: 'inclusion' }).concepts[0]?.limited, undefined);
  });
});

describe('readCriterion: readings from the retired held-out set test46', () => {
  const values = (text: string): string[] => readCriterion(text, { section: 'inclusion' }).concepts.map((c) => `${c.value} ${c.polarity}`);

  it('reads a "nonhematologic malignancy" as a solid tumour', () => {
    assert.ok(values('Confirmed advanced nonhematologic malignancy').includes('solid-tumour present'));
  });

  it('reads the first-line chemotherapy already had as no untreated disease', () => {
    assert.deepEqual(values('Prior treatment with at least 3 courses of first line chemotherapy').filter((v) => v.startsWith('newly')), []);
    assert.deepEqual(values('Candidates for first line treatment'), ['newly-diagnosed present']);
  });
});

describe('readCriterion: readings from the retired held-out set test48', () => {
  const read = (text: string, section: 'inclusion' | 'exclusion' = 'inclusion'): string[] =>
    readCriterion(text, { section }).concepts.map((c) => `${c.value} ${c.polarity}${c.planned === true ? ' planned' : ''}${c.limited === true ? ' limited' : ''}${c.past === true ? ' past' : ''}`);

  it('reads "no active or inactive" CNS disease as no CNS disease at all, never as no controlled disease', () => {
    assert.deepEqual(read('No active or inactive CNS lymphoma'), ['cns-involvement absent']);
    assert.deepEqual(read('No active or treated brain metastases'), ['cns-involvement absent']);
    assert.deepEqual(read('CNS metastases allowed if treated and stable'), ['cns-controlled present']);
  });

  it('reads a treatment after "during the first cycle of" as the trial\'s own course', () => {
    const chemotherapy = (text: string): string[] => read(text).filter((v) => v.startsWith('chemotherapy'));
    assert.deepEqual(chemotherapy('No antibiotics during the first cycle of chemotherapy'), ['chemotherapy absent planned']);
    assert.deepEqual(chemotherapy('Neutropenic fever during prior chemotherapy'), ['chemotherapy present']);
  });

  it('reads "until there is evidence of" a state as when the trial acts, not a state asked for', () => {
    assert.deepEqual(read('Radiotherapy is held back until there is evidence of disease progression').filter((v) => v.startsWith('relapsed')), []);
    assert.deepEqual(read('Evidence of disease progression'), ['relapsed present']);
  });

  it('reads "previously in complete remission" as a remission in the past', () => {
    assert.deepEqual(read('Previously in complete remission'), ['remission present past']);
  });

  it('reads high-dose therapy "with stem cell rescue" as a transplant', () => {
    assert.ok(read('No prior myeloablative therapy with stem cell rescue').includes('transplant absent'));
  });

  it('reads progression from a plateau phase as a relapse', () => {
    assert.deepEqual(read('Myeloma progressing: progression from the first stable plateau phase').filter((v) => v.startsWith('relapsed')), ['relapsed present']);
  });

  it('reads "a second or later relapse" as a relapse of one count, which the profile cannot tell', () => {
    assert.deepEqual(read('No second or later relapse'), ['relapsed absent limited']);
    assert.deepEqual(read('No relapse'), ['relapsed absent']);
  });

  it('reads "allogeneic" several words before the transplant it qualifies', () => {
    assert.deepEqual(read('No prior allogeneic peripheral blood stem cell or marrow transplant'), ['allogeneic-transplant absent']);
  });

  it('reads "off all" a drug as not taking it', () => {
    assert.deepEqual(read('Off all corticosteroids'), ['other-drug absent']);
  });

  it('reads drugs whose use "must be approved" by the investigator as allowed, not asked for', () => {
    assert.equal(readCriterion('Concurrent anticonvulsants must be approved by the study chair', { section: 'inclusion' }).permissive, true);
    assert.equal(readCriterion('Concurrent anticonvulsants', { section: 'inclusion' }).permissive, false);
  });

  it('reads "... patients will be excluded" in an inclusion list as ruling out what comes before', () => {
    assert.deepEqual(read('HIV positive patients will be excluded'), ['hiv absent']);
    assert.deepEqual(read('Nursing or pregnant participants are excluded'), ['breastfeeding absent', 'pregnant absent']);
  });
});

describe('readCriterion: readings from the retired held-out set test49', () => {
  const read = (text: string, section: 'inclusion' | 'exclusion' = 'inclusion'): string[] =>
    readCriterion(text, { section }).concepts.map((c) => `${c.value} ${c.polarity}${c.limited === true ? ' limited' : ''}`);

  it('reads a limit for one regimen or arm, named in a bracket, as for some people only', () => {
    assert.equal(readCriterion('Age 40 to 70 years (Reduced Intensity Regimen 2)', { section: 'inclusion' }).conditional, true);
    assert.equal(readCriterion('Creatinine below 2 mg/dL (Arm B only)', { section: 'inclusion' }).conditional, true);
    assert.equal(readCriterion('Age 40 to 70 years', { section: 'inclusion' }).conditional, false);
  });

  it('reads being tested for an infection as asking nothing of the result', () => {
    assert.deepEqual(read('Donors will be tested for HIV and hepatitis B and C before apheresis'), []);
    assert.deepEqual(read('Positive test for HIV antibody'), ['hiv present']);
  });

  it('reads a cancer naming a kind of volunteer as no diagnosis asked for', () => {
    assert.deepEqual(read('All healthy and CML volunteers must have a blood count first'), []);
    assert.deepEqual(read('Any volunteer with a blood malignancy and a known history of HIV', 'exclusion'), ['hiv present']);
  });

  it('reads "can still", "may still" and "may be receiving" as permissions', () => {
    for (const text of ['Donors who are HIV positive can still give blood', 'Patients may still have hepatitis B', 'Patients may be receiving chemotherapy']) {
      assert.equal(readCriterion(text, { section: 'inclusion' }).permissive, true, text);
    }
  });

  it('reads "not easily classified" as no negation of what follows', () => {
    assert.ok(read('Lymphomas not easily classified elsewhere that have failed standard therapy').includes('refractory present'));
  });

  it('reads a bracketed abbreviation of a treatment or remission just named as the same mention', () => {
    assert.deepEqual(read('Refused bone marrow transplantation (BMT)').filter((v) => v.startsWith('transplant')), ['transplant present']);
    assert.deepEqual(read('In first complete remission (CR)'), ['first-remission present']);
    assert.deepEqual(read('In first CR'), ['first-remission present']);
  });

  it('reads a list of diseases whose state is written once after them as that state ruled out, not the diseases', () => {
    assert.deepEqual(read('No ALL, AML, or mixed lineage leukemia in third or later relapse').filter((v) => !v.startsWith('relapsed')), []);
    assert.deepEqual(read('No ALL or AML'), ['all absent', 'aml absent']);
  });

  it('reads refractory disease "other than" one kind as refractory of some kinds only', () => {
    assert.deepEqual(read('No refractory disease other than primary induction failure'), ['refractory absent limited']);
  });

  it('reads an age range in months as an age to ask about, not years', () => {
    const [age] = readCriterion('Age 3-11 months', { section: 'inclusion' }).concepts;
    assert.equal(age?.type, 'age');
    assert.equal(age?.threshold, undefined);
  });
});

describe('readCriterion: readings from the retired held-out set test50', () => {
  const read = (text: string, section: 'inclusion' | 'exclusion' = 'inclusion'): string[] =>
    readCriterion(text, { section }).concepts.map((c) => `${c.value} ${c.polarity}${c.limited === true ? ' limited' : ''}`);

  it('reads "... may not participate" as ruling out what comes before', () => {
    assert.deepEqual(read('Breastfeeding women may not participate'), ['breastfeeding absent']);
    assert.deepEqual(read('Breastfeeding women may participate'), ['breastfeeding present']);
  });

  it('reads "will be eligible" as a permission', () => {
    assert.equal(readCriterion('Patients with renal cell carcinoma will be eligible without prior therapy', { section: 'inclusion' }).permissive, true);
  });

  it('reads "no limit on the number of prior regimens" as asking nothing', () => {
    assert.deepEqual(read('There is no limit on the number of prior regimens'), []);
    assert.deepEqual(read('No more than 2 prior regimens').map((v) => v.split(' ')[0]), ['prior-lines']);
  });

  it('reads lymphomas named by an old grading\'s letter or by what they are associated with as kinds the profile cannot tell', () => {
    assert.deepEqual(read('Working formulation A (malignant lymphoma, small lymphocytic) is not eligible'), ['lymphoma absent limited']);
    assert.deepEqual(read('No HIV-associated lymphoma').filter((v) => v.startsWith('lymphoma')), ['lymphoma absent limited']);
  });

  it('reads a radiation oncologist as a doctor, not a treatment', () => {
    assert.deepEqual(read('Must be seen by a radiation oncologist before entry'), []);
    assert.deepEqual(read('Prior radiation therapy'), ['radiotherapy present']);
  });

  it('reads "no refractory lymphoma" as the state ruled out, not the disease', () => {
    assert.deepEqual(read('No refractory lymphoma'), ['refractory absent']);
    assert.deepEqual(read('No lymphoma'), ['lymphoma absent']);
  });

  it('reads performance grades written as words', () => {
    assert.deepEqual(readCriterion('WHO performance status of one or two', { section: 'inclusion' }).concepts[0]?.threshold, { min: 1, max: 2 });
  });

  it('reads a demyelinating or inflammatory disease of the CNS as no CNS involvement by the cancer', () => {
    assert.deepEqual(read('No history of CNS inflammatory disease'), []);
  });
});

describe('readCriterion: readings from the retired held-out set test52', () => {
  it('reads "should a woman become pregnant ..." as an "if", for some people only', () => {
    assert.equal(readCriterion('Should a patient become pregnant during the study, she must tell her doctor', { section: 'inclusion' }).conditional, true);
    assert.equal(readCriterion('Patients should not be pregnant', { section: 'inclusion' }).conditional, false);
  });

  it('reads a limit of the healthy side filed under the exclusions as a requirement', () => {
    const [healthy] = readCriterion('Creatinine =< 1.5 x upper limit of normal', { section: 'exclusion' }).concepts;
    assert.equal(healthy?.polarity, 'absent');
    const [high] = readCriterion('Creatinine > 1.5 x upper limit of normal', { section: 'exclusion' }).concepts;
    assert.equal(high?.polarity, 'present');
  });
});

describe('readCriterion: a test for an infection whose result is asked for', () => {
  it('keeps the infection when the clause names the result ("screening for hepatitis B must be negative")', () => {
    assert.deepEqual(readCriterion('Screening for hepatitis B must be negative', { section: 'inclusion' }).concepts.map((c) => c.value), ['hepatitis-b']);
  });
});

describe('readCriterion: two age limits ruled out in an inclusion item', () => {
  it('reads "Age less than 10 or greater than 75 years are not eligible" as the ages between kept', () => {
    assert.deepEqual(readCriterion('Age less than 12 or greater than 70 years are not eligible', { section: 'inclusion' }).concepts.map((c) => c.threshold), [{ min: 12, max: 70 }]);
    assert.equal(readCriterion('Age less than 12 or greater than 70 years', { section: 'exclusion' }).concepts.length, 2);
  });
});

describe('readCriterion: an MRD level against a limit', () => {
  it('reads a level at or above a limit as MRD-positive and one below it as MRD-negative', () => {
    const state = (text: string): string[] => read(text, { section: 'inclusion' }).filter((c) => c.startsWith('disease-state mrd'));
    assert.deepEqual(state('T-ALL in first remission with MRD ≥ 0.05%'), ['disease-state mrd-positive present']);
    assert.deepEqual(state('measurable residual disease greater than or equal to 10^-3 by flow cytometry'), ['disease-state mrd-positive present']);
    assert.deepEqual(state('MRD levels below 0.01% after induction'), ['disease-state mrd-negative present']);
    // The words of a level alone still read as before.
    assert.deepEqual(state('MRD level determined by PCR'), ['disease-state mrd-positive present']);
    // MRD named in other words of the item is not overridden by a limit further on.
    assert.deepEqual(state('Detectable MRD after induction, or MRD < 0.01% with a high-risk lesion'), ['disease-state mrd-positive present']);
  });
});
