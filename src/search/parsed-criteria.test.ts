import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTrial } from '../storage/test-trials.ts';
import { ParsedCriteriaCache, criteriaOf } from './parsed-criteria.ts';

const TEXT = 'Inclusion Criteria:\n- Relapsed B-cell ALL\nExclusion Criteria:\n- Prior CAR-T therapy';

describe('criteriaOf', () => {
  it('reads the eligibility text, then the registry’s age and sex limits as criteria of their own', () => {
    const criteria = criteriaOf(buildTrial('NCT09400001', { eligibility: { criteria: TEXT, minAgeYears: 18, maxAgeYears: 65, sex: 'female' } }));
    assert.deepEqual(criteria.map((criterion) => criterion.index), [0, 1, 2, 3]);
    const [, , age, sex] = criteria;
    assert.match(age?.text ?? '', /^Ages 18 to 65 years/);
    assert.deepEqual(age?.concepts.map((concept) => [concept.type, concept.threshold]), [['age', { min: 18, max: 65 }]]);
    assert.deepEqual(sex?.concepts.map((concept) => [concept.type, concept.value, concept.polarity]), [['sex', 'female', 'present']]);
    assert.equal(sex?.section, 'inclusion');
  });

  it('adds nothing for a trial open to any age and sex', () => {
    assert.equal(criteriaOf(buildTrial('NCT09400002', { eligibility: { criteria: TEXT } })).length, 2);
    const upTo = criteriaOf(buildTrial('NCT09400003', { eligibility: { criteria: null, maxAgeYears: 21 } }));
    assert.deepEqual(upTo.map((criterion) => criterion.concepts[0]?.threshold), [{ max: 21 }]);
  });
});

describe('ParsedCriteriaCache', () => {
  it('parses a trial once, and again when its content changes', () => {
    const cache = new ParsedCriteriaCache(10);
    const trial = buildTrial('NCT09400004', { eligibility: { criteria: TEXT } });
    const first = cache.criteriaOf(trial);
    assert.equal(cache.criteriaOf(trial), first);
    assert.deepEqual(cache.stats(), { size: 1, hits: 1, misses: 1 });
    const changed = buildTrial('NCT09400004', { eligibility: { criteria: `${TEXT}\n- Active hepatitis B` } });
    assert.notEqual(changed.provenance.contentHash, trial.provenance.contentHash);
    assert.equal(cache.criteriaOf(changed).length, 3);
  });

  it('holds at most its bound, dropping the least recently used first', () => {
    const cache = new ParsedCriteriaCache(2);
    const [a, b, c] = ['NCT09400005', 'NCT09400006', 'NCT09400007'].map((id) => buildTrial(id, { eligibility: { criteria: TEXT } }));
    cache.criteriaOf(a!);
    cache.criteriaOf(b!);
    cache.criteriaOf(a!); // a is now the most recently used
    cache.criteriaOf(c!); // so b goes
    assert.equal(cache.stats().size, 2);
    const before = cache.stats().misses;
    cache.criteriaOf(a!);
    assert.equal(cache.stats().misses, before, 'a was kept');
    cache.criteriaOf(b!);
    assert.equal(cache.stats().misses, before + 1, 'b was dropped and parsed again');
    assert.throws(() => new ParsedCriteriaCache(0), RangeError);
  });
});
