import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { joinPostings, pairsOf, type JoinPlan, type PostingList } from './posting-lists.ts';

const list = (pairs: readonly (readonly [number, number])[]): PostingList => ({
  docIds: Int32Array.from(pairs, ([docId]) => docId),
  terms: Float64Array.from(pairs, ([, term]) => term),
});

/** The result as docId → score, for comparing regardless of order. */
const asMap = (docs: ReturnType<typeof joinPostings>): Map<number, number | null> =>
  new Map([...docs.docIds].map((docId, i) => [docId, docs.scores === null ? null : (docs.scores[i] ?? NaN)]));

describe('joining word postings', () => {
  const cancer = list([[1, 0.5], [2, 0], [4, 1.25], [7, 0.75]]);
  const breast = list([[2, 1], [4, 0.5], [9, 2]]);
  const tumour = list([[3, 0.1], [7, 0.2]]);

  it('keeps the trials in every clause and adds the terms of all groups in order, a missing one counting 0', () => {
    const plan: JoinPlan = { clauses: [[0], [1, 2]], groups: [cancer, breast, tumour], any: false };
    assert.deepEqual(asMap(joinPostings(plan, true)), new Map([[2, 0 + 1 + 0], [4, 1.25 + 0.5 + 0], [7, 0.75 + 0 + 0.2]]));
    assert.deepEqual(asMap(joinPostings(plan, false)), new Map([[2, null], [4, null], [7, null]]));
  });

  it('starts from the clause with the fewest postings, whichever comes first', () => {
    const plan: JoinPlan = { clauses: [[1, 2], [0]], groups: [tumour, cancer, breast], any: false };
    assert.deepEqual([...joinPostings(plan, false).docIds], [7]);
  });

  it('takes every listed trial when any clause is enough', () => {
    const plan: JoinPlan = { clauses: [[0], [1]], groups: [cancer, breast], any: true };
    assert.deepEqual([...joinPostings(plan, false).docIds], [1, 2, 4, 7, 9]);
    assert.equal(asMap(joinPostings(plan, true)).get(9), 2);
  });

  it('sums as SQL does, left to right from the first term', () => {
    const plan: JoinPlan = { clauses: [[0], [1], [2]], groups: [list([[1, 0.1]]), list([[1, 0.2]]), list([[1, 0.3]])], any: false };
    // (0.1 + 0.2) + 0.3 and 0.1 + (0.2 + 0.3) differ in the last bit.
    assert.notEqual(0.1 + 0.2 + 0.3, 0.1 + (0.2 + 0.3));
    assert.equal(joinPostings(plan, true).scores?.[0], 0.1 + 0.2 + 0.3);
  });

  it('reads the binary records PostgreSQL sends', () => {
    const bytes = Buffer.alloc(24);
    bytes.writeInt32BE(5, 0);
    bytes.writeDoubleBE(1.5, 4);
    bytes.writeInt32BE(-1, 12);
    bytes.writeDoubleBE(0, 16);
    assert.deepEqual(pairsOf(bytes), list([[5, 1.5], [-1, 0]]));
    assert.deepEqual(pairsOf(null), list([]));
  });
});
