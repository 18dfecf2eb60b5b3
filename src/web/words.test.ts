import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { STATUSES } from '../domain/trial.ts';
import { STATUS_WORDS, ageLimits, inCountry, milesText, phaseExplained, plural, sentence, ukDate } from './words.ts';

describe('words', () => {
  it('says every status in words, open ones as open', () => {
    for (const status of STATUSES) assert.ok(STATUS_WORDS[status].label.length > 0, status);
    assert.deepEqual(STATUSES.filter((status) => STATUS_WORDS[status].open), ['not-yet-recruiting', 'recruiting', 'enrolling-by-invitation']);
  });

  it('places a hospital in a country inside a sentence', () => {
    assert.equal(inCountry('United States'), 'in the United States');
    assert.equal(inCountry('Netherlands'), 'in the Netherlands');
    assert.equal(inCountry('Canada'), 'in Canada');
    assert.equal(inCountry(null), 'in another country');
  });

  it('explains phases, one or two', () => {
    assert.equal(phaseExplained([]), null);
    assert.equal(phaseExplained(['3']), 'Phase 3: comparing it with the standard treatment, in many people.');
    assert.equal(phaseExplained(['1', '2']), 'Phase 1 and 2: finding a safe dose, in a small group; then seeing how well it works and its side effects.');
  });

  it('writes age limits, dates and distances as people read them', () => {
    assert.equal(ageLimits(null, null), 'Any age');
    assert.equal(ageLimits(18, null), 'Ages 18 and over');
    assert.equal(ageLimits(0, 17), 'Up to age 17');
    assert.equal(ageLimits(1, 21), 'Ages 1 to 21');
    assert.equal(ageLimits(0.5, 1.25), 'Ages 0.5 to 1.3');
    assert.equal(ukDate('2023-02-03'), '3 February 2023');
    assert.equal(ukDate('2023-02'), 'February 2023');
    assert.equal(ukDate('2023'), '2023');
    assert.equal(milesText(3.24, true), 'about 3.2 miles');
    assert.equal(milesText(1234.4, false), '1,234 miles');
    assert.equal(plural(1, 'trial'), '1 trial');
    assert.equal(plural(1200, 'person', 'people'), '1,200 people');
    assert.equal(sentence('postcode must be ...'), 'Postcode must be ...');
  });
});
