import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAgeYears } from './age.ts';
import { canonicalCountry } from './country.ts';
import { parsePhases } from './phase.ts';
import { canonicalId, idKindOf, registryId, uniqueIds } from './registry-id.ts';
import { normaliseSiteStatus, normaliseStatus } from './status.ts';

describe('normaliseStatus', () => {
  it('reads CT.gov v2 enums, legacy XML words and NCI statuses', () => {
    assert.equal(normaliseStatus('ACTIVE_NOT_RECRUITING'), 'active-not-recruiting');
    assert.equal(normaliseStatus('Active, not recruiting'), 'active-not-recruiting');
    assert.equal(normaliseStatus('NOT_YET_RECRUITING'), 'not-yet-recruiting');
    assert.equal(normaliseStatus('Unknown status'), 'unknown');
    assert.equal(normaliseStatus('Enrolling by invitation'), 'enrolling-by-invitation');
    assert.equal(normaliseStatus('Temporarily Closed to Accrual'), 'suspended');
    assert.equal(normaliseStatus('Closed to Accrual'), 'active-not-recruiting');
    assert.equal(normaliseStatus('Administratively Complete'), 'completed');
    assert.equal(normaliseStatus('Active'), 'recruiting');
  });
  it('makes anything else unknown, and keeps "not given" apart for sites', () => {
    assert.equal(normaliseStatus('on fire'), 'unknown');
    assert.equal(normaliseStatus(null), 'unknown');
    assert.equal(normaliseSiteStatus(''), null);
    assert.equal(normaliseSiteStatus(undefined), null);
    assert.equal(normaliseSiteStatus('RECRUITING'), 'recruiting');
  });
});

describe('parsePhases', () => {
  it('reads every registry spelling, in phase order', () => {
    assert.deepEqual(parsePhases('Phase 1/Phase 2'), ['1', '2']);
    assert.deepEqual(parsePhases(['PHASE2', 'PHASE1']), ['1', '2']);
    assert.deepEqual(parsePhases('EARLY_PHASE1'), ['early-1']);
    assert.deepEqual(parsePhases('Early Phase 1'), ['early-1']);
    assert.deepEqual(parsePhases('N/A'), ['not-applicable']);
    assert.deepEqual(parsePhases(['NA']), ['not-applicable']);
    assert.deepEqual(parsePhases('II_III'), ['2', '3']);
    assert.deepEqual(parsePhases('I_II'), ['1', '2']);
    assert.deepEqual(parsePhases('O'), ['early-1']);
    assert.deepEqual(parsePhases(null), []);
    assert.deepEqual(parsePhases('nonsense'), []);
  });
});

describe('parseAgeYears', () => {
  it('converts units to years and keeps open bounds open', () => {
    assert.equal(parseAgeYears('18 Years'), 18);
    assert.equal(parseAgeYears('6 Months'), 0.5);
    assert.equal(parseAgeYears('1 Year'), 1);
    assert.equal(parseAgeYears('2 Weeks'), 0.04);
    assert.equal(parseAgeYears('N/A'), null);
    assert.equal(parseAgeYears(''), null);
    assert.equal(parseAgeYears(undefined), null);
  });
  it('returns undefined for text it cannot read, so callers can report it', () => {
    assert.equal(parseAgeYears('eighteen'), undefined);
    assert.equal(parseAgeYears('18 parsecs'), undefined);
  });
});

describe('registry ids', () => {
  it('recognises ids by shape', () => {
    assert.equal(idKindOf('NCT01234567'), 'nct');
    assert.equal(idKindOf(' nct 01234567 '), 'nct');
    assert.equal(idKindOf('ISRCTN12345678'), 'isrctn');
    assert.equal(idKindOf('2011-001234-56'), 'eudract');
    assert.equal(idKindOf('2023-505976-31-00'), 'ctis');
    assert.equal(idKindOf('NCI-2013-02071'), 'nci');
    assert.equal(idKindOf('UKALL 2011'), 'other');
    assert.equal(canonicalId(' nct01234567'), 'NCT01234567');
  });
  it('keeps a caller-given kind for ids of no known shape, and drops repeats', () => {
    assert.deepEqual(registryId('CALGB-10403', 'CALGB', 'org'), { kind: 'org', value: 'CALGB-10403', issuer: 'CALGB' });
    assert.equal(registryId('nct01234567', null, 'org').kind, 'nct');
    const ids = uniqueIds([registryId('NCT01234567'), registryId('nct01234567'), registryId('ISRCTN12345678')]);
    assert.deepEqual(ids.map((id) => id.value), ['NCT01234567', 'ISRCTN12345678']);
  });
});

describe('canonicalCountry', () => {
  it('resolves common short names and tidies the rest', () => {
    assert.equal(canonicalCountry('UK'), 'United Kingdom');
    assert.equal(canonicalCountry(' usa '), 'United States');
    assert.equal(canonicalCountry('Korea, Republic of'), 'South Korea');
    assert.equal(canonicalCountry('United  Kingdom'), 'United Kingdom');
    assert.equal(canonicalCountry('France'), 'France');
  });

  it('treats names of built-in object properties as plain text', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) assert.equal(canonicalCountry(name), name);
  });
});
