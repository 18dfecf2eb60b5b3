import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_REVIEW_INTERVALS } from '../domain/editorial/review-schedule.ts';
import { InvalidInput } from '../domain/errors.ts';
import { readReviewIntervals } from './settings.ts';

describe('readReviewIntervals', () => {
  it('defaults to 6 months for recruiting trials, 12 for others and for pages', () => {
    assert.deepEqual(readReviewIntervals({}), DEFAULT_REVIEW_INTERVALS);
    assert.deepEqual(DEFAULT_REVIEW_INTERVALS, { recruitingMonths: 6, otherMonths: 12, pageMonths: 12 });
  });

  it('reads each EDITOR_REVIEW_MONTHS_* variable, and refuses anything but 1 to 60 naming the variable', () => {
    assert.deepEqual(readReviewIntervals({ EDITOR_REVIEW_MONTHS_RECRUITING: '3', EDITOR_REVIEW_MONTHS_OTHER: ' 24 ', EDITOR_REVIEW_MONTHS_PAGES: '' }), {
      recruitingMonths: 3,
      otherMonths: 24,
      pageMonths: 12,
    });
    for (const bad of ['0', '61', '6.5', 'six', '-1']) {
      assert.throws(() => readReviewIntervals({ EDITOR_REVIEW_MONTHS_PAGES: bad }), (error: unknown) => error instanceof InvalidInput && /EDITOR_REVIEW_MONTHS_PAGES/.test(error.message), bad);
    }
  });
});
