import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Site, TrialStatus } from '../trial.ts';
import { emptyTrial } from '../trial.fixture.ts';
import { addMonths, isOverdue, reviewMonths } from './review-schedule.ts';
import { diffSnapshot, hasChanges, reviewSnapshot } from './review-snapshot.ts';

const placedSite = (place: { facility: string; city: string; status: TrialStatus }): Site => ({
  ...place, state: null, postcode: null, country: 'United Kingdom', latitude: null, longitude: null, contacts: [],
});

const base = emptyTrial('NCT04000001', {
  status: 'recruiting',
  sites: [placedSite({ facility: 'Christie', city: 'Manchester', status: 'recruiting' }), placedSite({ facility: 'Marsden', city: 'London', status: 'recruiting' })],
  eligibility: { criteria: 'Age 18 or over', minAgeYears: 18 },
  dates: { start: '2025-01' },
});

describe('review snapshot', () => {
  it('finds no change when the reviewed fields are the same, whatever else changed', () => {
    const snapshot = JSON.parse(JSON.stringify(reviewSnapshot(base))) as unknown;
    const later = emptyTrial('NCT04000001', { ...base, keywords: ['new keyword'], eligibility: base.eligibility, dates: { ...base.dates, lastUpdate: '2026-02-01' } });
    assert.equal(hasChanges(diffSnapshot(snapshot, reviewSnapshot(later))), false);
  });

  it('lists each changed field before and after, and sites added, removed and changed', () => {
    const later = emptyTrial('NCT04000001', {
      status: 'active-not-recruiting',
      sites: [placedSite({ facility: 'christie ', city: 'Manchester', status: 'completed' }), placedSite({ facility: 'Leeds', city: 'Leeds', status: 'recruiting' })],
      eligibility: { criteria: 'Age 16 or over', minAgeYears: 16 },
      dates: { start: '2025-01' },
    });
    const diff = diffSnapshot(reviewSnapshot(base), reviewSnapshot(later));
    assert.deepEqual(
      diff.fields.map((change) => [change.label, change.before, change.after]),
      [
        ['Recruitment status', 'recruiting', 'active-not-recruiting'],
        ['Youngest age', 18, 16],
        ['Eligibility criteria', 'Age 18 or over', 'Age 16 or over'],
      ],
    );
    assert.deepEqual(diff.sitesAdded.map((site) => site.facility), ['Leeds']);
    assert.deepEqual(diff.sitesRemoved.map((site) => site.facility), ['Marsden']);
    assert.deepEqual(diff.sitesChanged.map((change) => [change.site.facility, change.statusBefore, change.site.status]), [['christie ', 'recruiting', 'completed']]);
  });

  it('reads a damaged or older snapshot without inventing changes for fields it lacks', () => {
    assert.equal(hasChanges(diffSnapshot(null, reviewSnapshot(base))), false);
    assert.equal(hasChanges(diffSnapshot('nonsense', reviewSnapshot(base))), false);
    const diff = diffSnapshot({ status: 'completed' }, reviewSnapshot(base));
    assert.deepEqual(diff.fields.map((change) => change.field), ['status']);
    assert.equal(diff.sitesAdded.length, 0);
  });
});

describe('review schedule', () => {
  const intervals = { recruitingMonths: 6, otherMonths: 12, pageMonths: 24 };
  it('reviews summaries of trials people can join sooner than others, and pages on their own interval', () => {
    assert.equal(reviewMonths(intervals, 'recruiting'), 6);
    assert.equal(reviewMonths(intervals, 'not-yet-recruiting'), 6);
    assert.equal(reviewMonths(intervals, 'completed'), 12);
    assert.equal(reviewMonths(intervals, null), 24);
  });

  it('adds calendar months, keeping the day or the last day of a shorter month', () => {
    assert.equal(addMonths(new Date('2026-03-02T09:00:00Z'), 6).toISOString(), '2026-09-02T09:00:00.000Z');
    assert.equal(addMonths(new Date('2026-08-31T12:00:00Z'), 6).toISOString(), '2027-02-28T12:00:00.000Z');
    assert.equal(addMonths(new Date('2027-12-15T00:00:00Z'), 12).toISOString(), '2028-12-15T00:00:00.000Z');
    assert.equal(isOverdue('2026-09-02T09:00:00.000Z', new Date('2026-09-02T09:00:00.000Z')), true);
    assert.equal(isOverdue('2026-09-02T09:00:00.000Z', new Date('2026-09-02T08:59:59.999Z')), false);
  });
});
