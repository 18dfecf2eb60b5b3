import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PHASES, SEXES, SOURCES, STATUSES, STUDY_TYPES } from '../../domain/trial.ts';
import { PHASE_BITS } from './migrations/0002-narrow-facts.ts';
import { PHASE_VALUES, SEX_VALUES, SOURCE_VALUES, STATUS_VALUES, STUDY_TYPE_VALUES } from './migrations/0001-initial.ts';

describe('migration 0001 vocabularies', () => {
  it('match the domain lists; a change there needs a new migration', () => {
    assert.deepEqual(STATUS_VALUES, STATUSES);
    assert.deepEqual(PHASE_VALUES, PHASES);
    assert.deepEqual(STUDY_TYPE_VALUES, STUDY_TYPES);
    assert.deepEqual(SEX_VALUES, SEXES);
    assert.deepEqual(SOURCE_VALUES, SOURCES);
  });
});

describe('migration 0002 phase bits', () => {
  it('follow the domain phase list; a change there needs a new migration', () => {
    assert.deepEqual(PHASE_BITS, PHASES);
  });
});
