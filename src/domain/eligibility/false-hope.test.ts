// Probes for false hope: trials a person plainly cannot join must never come back "likely eligible". Each trial is
// written in the ways registries write the one rule that rules the person out (a diagnosis, an age), beside the
// boilerplate that sits next to it (consent of minors, permissions, abbreviations alone on a line).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchTrial } from './match.ts';
import { parseCriteria } from './parse-criteria.ts';
import { parsePatientProfile } from './profile.ts';

const verdictOf = (profile: Parameters<typeof matchTrial>[0], text: string): string => matchTrial(profile, parseCriteria(text)).verdict;

describe('false hope: a diagnosis the person does not have', () => {
  const people = {
    'b-all': parsePatientProfile({ age: 40, cancerType: ['b-all'], diseaseState: ['relapsed'], priorTreatments: ['chemotherapy'], priorLines: 1 }),
    aml: parsePatientProfile({ age: 60, cancerType: ['aml'], diseaseState: ['newly-diagnosed'], priorTreatments: [], priorLines: 0 }),
    myeloma: parsePatientProfile({ age: 65, cancerType: ['myeloma'], diseaseState: ['relapsed'], priorTreatments: ['chemotherapy'], priorLines: 2 }),
  } as const;
  const trialFor: Readonly<Record<keyof typeof people, readonly string[]>> = {
    'b-all': ['AML', 'Acute myeloid leukemia', 'Patients with AML will be eligible', 'Patients with multiple myeloma are eligible', 'CML in chronic phase'],
    aml: ['ALL', 'Philadelphia chromosome-positive ALL', 'Patients with ALL will be eligible', 'Relapsed myeloma'],
    myeloma: ['AML', 'ALL', 'Chronic lymphocytic leukemia', 'Patients with AML will be eligible'],
  };
  for (const [who, diagnoses] of Object.entries(trialFor) as [keyof typeof people, readonly string[]][]) {
    for (const diagnosis of diagnoses) {
      it(`does not call someone with ${who} likely for "${diagnosis}"`, () => {
        for (const layout of [`Inclusion Criteria:\n- ${diagnosis}\n- Age 18 or over`, `Inclusion Criteria:\n- ${diagnosis}\n- Adequate organ function\n- Signed informed consent`]) {
          assert.notEqual(verdictOf(people[who], layout), 'likely-eligible', layout);
        }
      });
    }
  }
});

describe('false hope: a child and an adults\' trial', () => {
  const child = parsePatientProfile({ age: 15, cancerType: ['b-all'], diseaseState: ['relapsed'], priorTreatments: ['chemotherapy'], priorLines: 1 });
  const beside = [
    'Patients younger than 18 years must have parental consent',
    'Patients under 18 years of age are not eligible',
    'Age < 18 years: assent required',
    'Children under 18 may enrol only at sites with a paediatric unit',
    'Minors must sign an assent form',
  ];
  for (const other of beside) {
    it(`does not call a 15-year-old likely for "Age 18 years or older" beside "${other}"`, () => {
      assert.notEqual(verdictOf(child, `Inclusion Criteria:\n- B-ALL\n- Age 18 years or older\n- ${other}`), 'likely-eligible');
    });
  }
});

describe('false hope: what the person has, ruled out in the words registries use', () => {
  const base = { age: 40, sex: 'female', cancerType: ['b-all'], diseaseState: ['relapsed'], priorTreatments: ['chemotherapy'], priorLines: 1 } as const;
  const people = {
    pregnant: parsePatientProfile({ ...base, pregnant: true }),
    hiv: parsePatientProfile({ ...base, infections: ['hiv'] }),
    'hepatitis B': parsePatientProfile({ ...base, infections: ['hepatitis-b'] }),
    'CNS disease': parsePatientProfile({ ...base, cnsInvolvement: true }),
    'a donor transplant': parsePatientProfile({ ...base, priorTreatments: ['chemotherapy', 'allogeneic-transplant'] }),
    blinatumomab: parsePatientProfile({ ...base, priorTreatments: ['chemotherapy', 'blinatumomab'] }),
    'ECOG 3': parsePatientProfile({ ...base, performanceStatus: { scale: 'ecog', value: 3 } }),
    'bilirubin 3 x ULN': parsePatientProfile({ ...base, bilirubinXUln: 3 }),
  } as const;
  const exclusions: readonly [keyof typeof people, string][] = [
    ['pregnant', 'Pregnant or breastfeeding women'], ['pregnant', 'Pregnant women are excluded'], ['pregnant', 'Pregnancy or lactation'],
    ['pregnant', 'Positive pregnancy test'], ['hiv', 'Known HIV infection'], ['hiv', 'Seropositive for HIV'],
    ['hepatitis B', 'Hepatitis B surface antigen positive'], ['hepatitis B', 'Known chronic hepatitis B or C infection'],
    ['CNS disease', 'Active CNS leukemia'], ['CNS disease', 'CNS3 disease'], ['a donor transplant', 'Previous allogeneic HSCT'],
    ['a donor transplant', 'Prior allo-SCT'], ['blinatumomab', 'Previous treatment with blinatumomab'],
    ['ECOG 3', 'ECOG performance status of 3 or more'], ['bilirubin 3 x ULN', 'Total bilirubin greater than 1.5 times the upper limit of normal'],
  ];
  for (const [who, exclusion] of exclusions) {
    it(`turns away someone with ${who} for the exclusion "${exclusion}"`, () => {
      assert.equal(verdictOf(people[who], `Inclusion Criteria:\n- B-ALL\n- Age 18 or over\nExclusion Criteria:\n- ${exclusion}`), 'not-eligible');
    });
  }
  const requirements: readonly [keyof typeof people, string][] = [
    ['ECOG 3', 'ECOG 0-2'], ['bilirubin 3 x ULN', 'Bilirubin <= 1.5 x ULN'], ['CNS disease', 'No CNS involvement'], ['hiv', 'HIV negative'],
    ['a donor transplant', 'No prior allogeneic transplant'], ['pregnant', 'Not pregnant or breastfeeding'], ['pregnant', 'Negative pregnancy test'],
  ];
  for (const [who, requirement] of requirements) {
    it(`turns away someone with ${who} for the requirement "${requirement}"`, () => {
      assert.equal(verdictOf(people[who], `Inclusion Criteria:\n- B-ALL\n- Age 18 or over\n- ${requirement}`), 'not-eligible');
    });
  }
});

describe('false hope: "Patients must not have ..." written as one requirement of an inclusion list', () => {
  const base = { age: 40, sex: 'female', cancerType: ['b-all'], diseaseState: ['relapsed'], priorTreatments: ['chemotherapy'], priorLines: 1 } as const;
  const cases: readonly [string, ReturnType<typeof parsePatientProfile>, string][] = [
    ['inotuzumab', parsePatientProfile({ ...base, priorTreatments: ['chemotherapy', 'inotuzumab'] }), 'Patients must not have received inotuzumab ozogamicin'],
    ['HIV', parsePatientProfile({ ...base, infections: ['hiv'] }), 'Patients must not have HIV disease'],
    ['an active infection', parsePatientProfile({ ...base, infections: ['active-infection'] }), 'Patients must not have an active infection'],
  ];
  for (const [what, person, item] of cases) {
    it(`turns away someone with ${what} for "${item}"`, () => {
      assert.equal(verdictOf(person, `Inclusion Criteria:\n- B-ALL\n- ${item}\n- Age 18 or over\n- Signed informed consent`), 'not-eligible');
    });
  }
  it('does not turn everyone away by reading the items after it as exclusions', () => {
    const person = parsePatientProfile({ ...base, infections: [] });
    assert.equal(verdictOf(person, 'Inclusion Criteria:\n- B-ALL\n- Patients must not have HIV disease\n- Age 18 or over\n- Signed informed consent'), 'likely-eligible');
  });
});

describe('false hope: a diagnosis written by its cells', () => {
  it('does not call someone with B-ALL likely for T-cell large granular lymphocytic leukaemia ("T-LGL")', () => {
    const person = parsePatientProfile({ age: 40, cancerType: ['b-all'], diseaseState: ['relapsed'], priorTreatments: ['chemotherapy'], priorLines: 1 });
    for (const item of ['Immunophenotypic studies of peripheral blood showing an increased population of T-LGL', 'LGL leukemia requiring treatment']) {
      assert.notEqual(verdictOf(person, `Inclusion Criteria:\n- Age 18 or over\n- ${item}\n- Signed informed consent`), 'likely-eligible', item);
    }
  });
});

describe('false hope: a disease state given as a measured limit', () => {
  it('does not call someone MRD-negative in first remission likely for "MRD >= 0.1%"', () => {
    const person = parsePatientProfile({ age: 40, cancerType: ['b-all'], diseaseState: ['first-remission', 'mrd-negative'], priorTreatments: ['chemotherapy'], priorLines: 1 });
    for (const item of ['B-ALL in first complete remission with MRD >= 0.1%', 'B-ALL in CR1 with minimal residual disease ≥ 10^-4']) {
      assert.notEqual(verdictOf(person, `Inclusion Criteria:\n- ${item}\n- Age 18 or over`), 'likely-eligible', item);
    }
  });
});

describe('false hope: an age limit named as a limit', () => {
  it('does not call a 70-year-old likely for "Upper age limit 65 years"', () => {
    const person = parsePatientProfile({ age: 70, cancerType: ['b-all'], diseaseState: ['relapsed'], priorTreatments: ['chemotherapy'], priorLines: 1 });
    assert.equal(verdictOf(person, 'Inclusion Criteria:\n- B-ALL\n- Lower age limit 18 years\n- Upper age limit 65 years'), 'not-eligible');
  });
});
