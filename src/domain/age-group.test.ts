import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AGE_GROUP_LABELS, AGE_GROUPS, ageGroupsFor } from './age-group.ts';

const groups = (minAgeYears: number | null, maxAgeYears: number | null) => ageGroupsFor({ minAgeYears, maxAgeYears });

describe('ageGroupsFor', () => {
  it('puts an open-ended adult trial in every group from 18 up, young adults included', () => {
    assert.deepEqual(groups(18, null), ['teenagers-young-adults', 'adults', 'older-adults']);
  });

  it('keeps both bounds open when the registry gives none', () => {
    assert.deepEqual(groups(null, null), [...AGE_GROUPS]);
  });

  it('reads a whole-year maximum as up to the next birthday', () => {
    assert.deepEqual(groups(1, 17), ['children', 'teenagers-young-adults']);
    assert.deepEqual(groups(1, 15), ['children']);
    assert.deepEqual(groups(null, 59), ['children', 'teenagers-young-adults', 'adults']);
    assert.deepEqual(groups(null, 60), [...AGE_GROUPS]);
  });

  it('places the boundaries exactly', () => {
    assert.deepEqual(groups(16, 16), ['teenagers-young-adults']);
    assert.deepEqual(groups(15, 15), ['children']);
    assert.deepEqual(groups(25, 59), ['adults']);
    assert.deepEqual(groups(24, 24), ['teenagers-young-adults', 'adults']);
    assert.deepEqual(groups(60, null), ['adults', 'older-adults']);
    assert.deepEqual(groups(65, 80), ['adults', 'older-adults']);
  });

  it('takes a fractional maximum (from months) as given plus a month', () => {
    assert.deepEqual(groups(null, 0.5), ['children']);
    assert.deepEqual(groups(15.5, 15.92), ['children', 'teenagers-young-adults']);
  });

  it('gives no group when the bounds admit no one', () => {
    assert.deepEqual(groups(30, 20), []);
  });

  it('labels every group in plain English', () => {
    for (const group of AGE_GROUPS) assert.ok(AGE_GROUP_LABELS[group].length > 0);
  });
});

describe('ageGroupsFor a record with no age bounds', () => {
  const unbounded = { minAgeYears: null, maxAgeYears: null };
  const wording = (words: { title?: string; official?: string; conditions?: string[]; criteria?: string }) => ({
    briefTitle: words.title ?? 'A study of a new drug',
    officialTitle: words.official ?? null,
    conditions: words.conditions ?? ['Leukemia'],
    eligibility: { criteria: words.criteria ?? null },
  });
  const read = (words: Parameters<typeof wording>[0]) => ageGroupsFor(unbounded, wording(words));

  it('keeps a trial for children out of the older groups', () => {
    assert.deepEqual(read({ title: 'Drug levels of vincristine in children with leukaemia' }), ['children', 'teenagers-young-adults']);
    assert.deepEqual(read({ title: 'Dexamethasone dosing in paediatric ALL' }), ['children', 'teenagers-young-adults']);
    assert.deepEqual(read({ conditions: ['Childhood Acute Lymphoblastic Leukemia'] }), ['children', 'teenagers-young-adults']);
    assert.deepEqual(read({ title: 'Chemotherapy for leukaemia in infants under one' }), ['children']);
  });

  it('reads teenagers, young adults, adults and older people from titles', () => {
    assert.deepEqual(read({ title: 'A trial for adolescents with lymphoma' }), ['children', 'teenagers-young-adults']);
    assert.deepEqual(read({ title: 'Fertility in Adolescents and Young Adults with cancer' }), ['children', 'teenagers-young-adults', 'adults']);
    assert.deepEqual(read({ title: 'Chemotherapy in adults with leukemia' }), ['teenagers-young-adults', 'adults', 'older-adults']);
    assert.deepEqual(read({ title: 'Low-intensity treatment for elderly patients with AML' }), ['adults', 'older-adults']);
    assert.deepEqual(read({ official: 'A study in patients aged 65 years or older with ALL' }), ['adults', 'older-adults']);
  });

  it('keeps every group a mixed trial names', () => {
    assert.deepEqual(read({ title: 'Treatment of ALL in children and adults' }), [...AGE_GROUPS]);
    assert.deepEqual(read({ conditions: ['Adult ALL', 'Childhood ALL'] }), [...AGE_GROUPS]);
  });

  it('prefers ages the inclusion criteria state for the participant', () => {
    const pdq = 'DISEASE CHARACTERISTICS:\n- Newly diagnosed ALL\n\nPATIENT CHARACTERISTICS:\n\nAge:\n- 60 and over\n\nPerformance status:\n- Karnofsky 50-100% (for patients over 16 years of age)';
    assert.deepEqual(read({ title: 'Chemotherapy in leukaemia', criteria: pdq }), ['adults', 'older-adults']);
    assert.deepEqual(read({ criteria: 'Inclusion Criteria:\n* Age: 1 to 21\n* Relapsed ALL' }), ['children', 'teenagers-young-adults', 'adults']);
    assert.deepEqual(read({ title: 'Chemotherapy for adults', criteria: 'AGE: 15 and under' }), ['children']);
    assert.deepEqual(read({ title: 'For children', criteria: 'Inclusion:\n- patients aged 15 years or under' }), ['children']);
    assert.deepEqual(read({ criteria: 'Patients must be 18 years of age or older.' }), ['teenagers-young-adults', 'adults', 'older-adults']);
  });

  it('does not take other people\'s ages, or the exclusion list, for the participant\'s', () => {
    const criteria = 'Inclusion:\n- Sibling donor aged 18 to 50\n- Women under 50 years of age must use contraception\n\nExclusion Criteria:\n- Age over 75 years';
    assert.deepEqual(read({ criteria }), [...AGE_GROUPS]);
    assert.deepEqual(read({ title: 'Support for parents of children with leukaemia' }), [...AGE_GROUPS]);
    assert.deepEqual(read({ title: 'Heart health in survivors of childhood cancer' }), [...AGE_GROUPS]);
    assert.deepEqual(read({ title: 'A trial in women of child-bearing age' }), [...AGE_GROUPS]);
  });

  it('stays open to everyone without evidence, or when the criteria say any age', () => {
    assert.deepEqual(read({}), [...AGE_GROUPS]);
    assert.deepEqual(read({ title: 'For children', criteria: 'Age: Any age' }), [...AGE_GROUPS]);
    // PDQ's "Not specified" leaves the age to the rest of the record.
    assert.deepEqual(read({ title: 'For children', criteria: 'PATIENT CHARACTERISTICS:\nAge:\n- Not specified' }), ['children', 'teenagers-young-adults']);
  });

  it('reads "the age of N" and ignores a statement it cannot make sense of', () => {
    assert.deepEqual(read({ criteria: 'Subjects must be over the age of 5 and under the age of 90.' }), [...AGE_GROUPS]);
    assert.deepEqual(read({ criteria: 'Must be over the age of 65.' }), ['adults', 'older-adults']);
    assert.deepEqual(read({ criteria: 'No minors less than 18 years of age.', title: 'In adults' }), ['teenagers-young-adults', 'adults', 'older-adults']);
  });

  it('does not read the babies of a pregnancy trial as its participants', () => {
    assert.deepEqual(read({ title: 'Steroids before birth for pregnant women at risk of preterm babies' }), [...AGE_GROUPS]);
  });

  it('never reads words when the record states a bound', () => {
    const children = wording({ title: 'A trial in children' });
    assert.deepEqual(ageGroupsFor({ minAgeYears: null, maxAgeYears: 80 }, children), [...AGE_GROUPS]);
    assert.deepEqual(ageGroupsFor({ minAgeYears: 1, maxAgeYears: null }, children), [...AGE_GROUPS]);
    assert.deepEqual(ageGroupsFor({ minAgeYears: 0, maxAgeYears: null }, children), ['children', 'teenagers-young-adults']);
  });
});
