import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseWords, DEFAULT_POSTING_RULES, type WordShares } from './word-postings.ts';

const shares = (entries: Record<string, number>, least = 0.04): WordShares => ({ shares: new Map(Object.entries(entries)), least });

describe('choosing the words to list', () => {
  const rules = { ...DEFAULT_POSTING_RULES, pairsPerTrial: 1 };

  it('takes the words trials are most often about first, while their matches fit, and skips what does not fit', () => {
    const about = shares({ cancer: 0.3, leukaemia: 0.06, melanoma: 0.02, lymphoma: 0.05 });
    const anywhere = shares({ cancer: 0.45, leukaemia: 0.08, lymphoma: 0.5 });
    // Room for one match per trial: cancer (0.45), leukaemia (0.08), lymphoma (0.5) would overflow, melanoma (counted
    // at the least listed share, 0.04) fits.
    assert.deepEqual(chooseWords(about, anywhere, rules, 1000), ['cancer', 'leukaemia', 'melanoma']);
  });

  it('leaves out function words, words of most trials, words rarely in the ranked fields and words mostly elsewhere', () => {
    const about = shares({ with: 0.4, study: 0.45, patients: 0.5, rare: 0.004, months: 0.05, tumour: 0.05 });
    const anywhere = shares({ with: 0.45, study: 0.9, patients: 0.49, rare: 0.01, months: 0.3, tumour: 0.1 });
    assert.deepEqual(chooseWords(about, anywhere, { ...rules, pairsPerTrial: 10 }, 1000), ['patients', 'tumour']);
  });
});
