import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bm25Idf, bm25Scores, buildBm25Index, rankByScore, wordTokens } from '../../bench/quality/bm25.ts';
import { bm25fScores, buildFieldedIndex } from '../../bench/quality/bm25f.ts';
import { scoreLabels } from '../../bench/quality/label-scoring.ts';
import { ndcgAt, precisionAt, recallAt } from '../../bench/quality/metrics.ts';
import { extractPatientFacts } from '../../bench/quality/patient-facts.ts';
import { parseQrels } from '../../bench/quality/qrels.read.ts';
import { parseTopics } from '../../bench/quality/topics.read.ts';

function close(actual: number, expected: number): void {
  assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);
}

describe('ranking metrics', () => {
  const judgements = new Map([['a', 2], ['b', 1], ['c', 0], ['d', 2], ['e', 1]]);

  it('NDCG@3 with gains 0/1/2, a log2 discount and the ideal from every judged trial', () => {
    // DCG = 1/log2(2) + 0 + 2/log2(4) = 1 + 1 = 2 (x unjudged, b = 1, d = 2); ideal 2, 2, 1 = 2 + 2/log2(3) + 1/2.
    const ideal = 2 + 2 / Math.log2(3) + 0.5;
    close(ndcgAt(['b', 'x', 'd'], judgements, 3), 2 / ideal);
    close(ndcgAt(['a', 'd', 'b'], judgements, 3), 1);
    assert.equal(ndcgAt(['a'], new Map([['a', 0]]), 10), 0);
  });

  it('P@k counts eligible trials (label 2) and divides by k', () => {
    close(precisionAt(['a', 'b', 'd', 'x'], judgements, 4), 0.5);
    close(precisionAt(['a'], judgements, 10), 0.1);
  });

  it('recall@k over eligible trials; null when the topic has none', () => {
    close(recallAt(['b', 'a', 'c'], judgements, 2) ?? -1, 0.5);
    assert.equal(recallAt(['a'], new Map([['a', 1]]), 10), null);
  });
});

describe('readers', () => {
  it('reads TREC 2021 topic XML', () => {
    const topics = parseTopics('<topics task="x">\n<topic number="1">\nA 45-year-old man &amp; his\n  tumour.\n</topic>\n<topic number="2">B</topic></topics>');
    assert.deepEqual(topics, [{ id: '1', text: 'A 45-year-old man & his tumour.' }, { id: '2', text: 'B' }]);
  });

  it('reads TREC 2023 template topics, joining template and non-empty fields and keeping them', () => {
    const xml = '<topics><topic number="6" template="anxiety"><field name="definitive diagnosis">yes</field><field name="SSASI"/><field name="age">39</field></topic></topics>';
    assert.deepEqual(parseTopics(xml), [{
      id: '6',
      text: 'anxiety. definitive diagnosis: yes. age: 39',
      template: 'anxiety',
      fields: [{ name: 'definitive diagnosis', value: 'yes' }, { name: 'age', value: '39' }],
    }]);
  });

  it('reads JSON-lines topics', () => {
    assert.deepEqual(parseTopics('{"_id": "sigir-20141", "text": "chest pain"}\n\n{"_id": "q2", "text": "fever"}\n'), [
      { id: 'sigir-20141', text: 'chest pain' },
      { id: 'q2', text: 'fever' },
    ]);
  });

  it('reads TREC qrels, skipping blank lines', () => {
    const qrels = parseQrels('1 0 NCT00002569 1\n\n1 0 NCT00002806 0\n2 0 NCT00000125 2\n');
    assert.deepEqual(qrels.get('1'), new Map([['NCT00002569', 1], ['NCT00002806', 0]]));
    assert.deepEqual(qrels.get('2'), new Map([['NCT00000125', 2]]));
  });

  it('reads TSV qrels with a header', () => {
    const qrels = parseQrels('query-id\tcorpus-id\tscore\nsigir-20141\tNCT00000408\t0\nsigir-20141\tNCT00000492\t2\n');
    assert.deepEqual(qrels.get('sigir-20141'), new Map([['NCT00000408', 0], ['NCT00000492', 2]]));
  });
});

describe('BM25 on a three-document corpus', () => {
  const docs = [
    { id: 'd1', tokens: wordTokens('leukaemia leukaemia trial') },
    { id: 'd2', tokens: wordTokens('the lymphoma trial') },
    { id: 'd3', tokens: wordTokens('breast cancer') },
  ];
  const index = buildBm25Index(docs);

  it('drops Lucene stop words only', () => {
    assert.deepEqual(wordTokens('The Lymphoma, in Ph+ ALL'), ['lymphoma', 'ph', 'all']);
  });

  it('scores by hand: idf · tf(k1+1) / (tf + k1(1 − b + b·dl/avgdl))', () => {
    // N = 3, avgdl = (3 + 2 + 2) / 3 = 7/3. "leukaemia": df 1, idf = ln(1 + 2.5/1.5); d1: tf 2, dl 3.
    const idf = Math.log(1 + 2.5 / 1.5);
    close(bm25Idf(3, 1), idf);
    const norm = 1 - 0.4 + (0.4 * 3) / (7 / 3);
    const expected = (idf * (2 * 1.9)) / (2 + 0.9 * norm);
    const scores = bm25Scores(index, ['leukaemia']);
    close(scores[0]!, expected);
    assert.equal(scores[1], 0);
    // "trial": df 2, idf = ln(1 + 1.5/2.5); d2 is shorter than d1, so it scores higher.
    assert.deepEqual(rankByScore(index.ids, bm25Scores(index, ['trial']), 2), ['d2', 'd1']);
  });

  it('BM25F with one field of weight 1 equals BM25', () => {
    const fielded = buildFieldedIndex(docs.map((doc) => ({ id: doc.id, fields: { text: doc.tokens } })), ['text'] as const);
    const scores = bm25fScores(fielded, [{ phrases: [['leukaemia']], weight: 1 }], { k1: 0.9, fields: { text: { weight: 1, b: 0.4 } } });
    close(scores[0]!, bm25Scores(index, ['leukaemia'])[0]!);
  });
});

describe('patient facts', () => {
  it('reads age and sex the ways case reports write them', () => {
    assert.deepEqual(extractPatientFacts('A 58-year-old African-American woman presents'), { ageYears: 58, sex: 'female' });
    assert.deepEqual(extractPatientFacts('48 M with a h/o HTN'), { ageYears: 48, sex: 'male' });
    assert.deepEqual(extractPatientFacts('a 6 yo girl with fever'), { ageYears: 6, sex: 'female' });
    assert.deepEqual(extractPatientFacts('An 8-month-old boy'), { ageYears: 0.67, sex: 'male' });
    assert.deepEqual(extractPatientFacts('anxiety. age: 39'), { ageYears: 39, sex: null });
  });
});

describe('label scoring', () => {
  it('gives per-class and micro figures and lists errors', () => {
    const sheet = scoreLabels(
      [
        { id: 't1', expected: new Set(['a']), predicted: new Set(['a', 'b']) },
        { id: 't2', expected: new Set(['b']), predicted: new Set() },
      ],
      ['a', 'b'],
    );
    assert.deepEqual(sheet.classes.map((row) => [row.name, row.precision, row.recall, row.support]), [['a', 1, 1, 1], ['b', 0, 0, 1]]);
    close(sheet.micro.precision, 0.5);
    close(sheet.micro.recall, 0.5);
    assert.deepEqual(sheet.errors.map((e) => [e.id, e.name, e.kind]), [['t1', 'b', 'false-positive'], ['t2', 'b', 'false-negative']]);
  });
});
