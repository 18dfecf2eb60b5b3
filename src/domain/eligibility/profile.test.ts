import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidInput } from '../errors.ts';
import { parsePatientProfile } from './profile.ts';

const fieldOf = (input: unknown): string | null => {
  try {
    parsePatientProfile(input);
    return null;
  } catch (error) {
    assert.ok(error instanceof InvalidInput);
    return error.field;
  }
};

describe('parsePatientProfile', () => {
  it('accepts an empty profile ("I don\'t know" to everything) and a full one', () => {
    assert.deepEqual(parsePatientProfile({}), {});
    const full = {
      age: 45, sex: 'female', cancerType: ['b-all', 'ph-positive'], diseaseState: ['relapsed'], priorLines: 2,
      priorTreatments: ['imatinib', 'allogeneic-transplant'], performanceStatus: { scale: 'karnofsky', value: 80 },
      bilirubinXUln: 1, creatinineClearanceMlMin: 90, altAstXUln: 1.2, ejectionFractionPercent: 60, cnsInvolvement: false,
      infections: [], pregnant: false, breastfeeding: false, otherCancer: false,
    };
    assert.deepEqual(parsePatientProfile(full), full);
  });

  it('names the field at fault', () => {
    assert.equal(fieldOf({ age: -1 }), 'age');
    assert.equal(fieldOf({ age: '45' }), 'age');
    assert.equal(fieldOf({ cancerType: ['b-all', 'leukaemia'] }), 'cancerType.1');
    assert.equal(fieldOf({ cancerType: ['b-all', 'b-all'] }), 'cancerType');
    assert.equal(fieldOf({ performanceStatus: { scale: 'ecog', value: 7 } }), 'performanceStatus.value');
    assert.equal(fieldOf({ performanceStatus: { scale: 'zubrod', value: 1 } }), 'performanceStatus.scale');
    assert.equal(fieldOf({ priorLines: 1.5 }), 'priorLines');
    assert.equal(fieldOf({ name: 'Ann' }), 'name');
    assert.equal(fieldOf('a string'), 'profile');
    assert.equal(fieldOf(null), 'profile');
  });

  it('says what is wrong in the message', () => {
    assert.throws(() => parsePatientProfile({ sex: 'other' }), (error: unknown) => error instanceof InvalidInput && /^sex: /.test(error.message) && error.code === 'invalid_input');
  });
});
