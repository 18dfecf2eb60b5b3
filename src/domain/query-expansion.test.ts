import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { documentSynonymTokens, expandQuery, fromTextQuery, LONG_QUERY_CLAUSES, withMatchMode } from './query-expansion.ts';
import { parseTextQuery } from './search-text.ts';

/** Each clause as "concept: phrase | phrase". */
function show(raw: string): string[] {
  return expandQuery(raw).clauses.map((c) => `${c.concept ?? '-'}: ${c.anyOf.map((p) => p.join(' ')).join(' | ')}`);
}
const has = (raw: string, clause: number, phrase: string): boolean =>
  expandQuery(raw).clauses[clause]?.anyOf.some((p) => p.join(' ') === phrase) ?? false;

describe('expandQuery', () => {
  it('reads "ALL imatinib" as the leukaemia AND the drug group', () => {
    const { clauses } = expandQuery('ALL imatinib');
    assert.equal(clauses.length, 2);
    assert.equal(clauses[0]?.concept, 'acute-lymphoblastic-leukaemia');
    for (const phrase of ['lymphoblastic leukemia', 'acute lymphocytic leukemia', 'b all', 't all']) assert.ok(has('ALL imatinib', 0, phrase), phrase);
    assert.equal(clauses[1]?.concept, 'drug:imatinib');
    for (const phrase of ['imatinib', 'gleevec', 'glivec', 'sti571', 'sti 571']) assert.ok(has('ALL imatinib', 1, phrase), phrase);
  });
  it('never searches for the bare word "all" as the leukaemia', () => {
    assert.ok(!has('ALL', 0, 'all'));
  });
  it('keeps lower-case "all" a plain word, and capitals in a shouted query too', () => {
    assert.deepEqual(show('all trials for all ages'), ['-: all', '-: trials', '-: for', '-: ages']);
    assert.deepEqual(show('ALL TRIALS FOR ALL'), ['-: all', '-: trials', '-: for']);
  });
  it('reads "all" alone, and qualified forms in any case, as the leukaemia', () => {
    assert.equal(expandQuery('all').clauses[0]?.concept, 'acute-lymphoblastic-leukaemia');
    assert.equal(expandQuery('b-all').clauses[0]?.concept, 'b-cell-all');
    assert.equal(expandQuery('ph+ all').clauses[0]?.concept, 'ph-positive-all');
    assert.equal(expandQuery('Ph positive ALL').clauses[0]?.concept, 'ph-positive-all');
  });
  it('maps brand and code names to their drug, whatever the spelling of the code', () => {
    for (const q of ['Gleevec', 'glivec', 'STI-571', 'STI 571', 'sti571']) assert.equal(expandQuery(q).clauses[0]?.concept, 'drug:imatinib', q);
    assert.equal(expandQuery('Kymriah').clauses[0]?.concept, 'drug:tisagenlecleucel');
    assert.equal(expandQuery('KTE-X19').clauses[0]?.concept, 'drug:brexucabtagene autoleucel');
    assert.equal(expandQuery('Oncaspar').clauses[0]?.concept, 'drug:asparaginase');
    assert.ok(has('MabThera', 0, 'rituximab'));
  });
  it('expands abbreviations for biomarkers and procedures', () => {
    assert.equal(expandQuery('allo-SCT').clauses[0]?.concept, 'allogeneic-transplant');
    assert.ok(has('alloSCT', 0, 'allogeneic stem cell transplantation'));
    assert.ok(has('HSCT', 0, 'bone marrow transplant'));
    assert.ok(has('CAR-T', 0, 'chimeric antigen receptor'));
    assert.ok(has('Ph+', 0, 'bcr abl1'));
    assert.ok(has('MRD', 0, 'minimal residual disease'));
    assert.ok(has('CR1', 0, 'first complete remission'));
    assert.ok(has('GvHD', 0, 'graft versus host'));
  });
  it('applies British spellings inside phrases and prefers the longest concept', () => {
    assert.deepEqual(show('paediatric leukaemia').slice(0, 1), ['-: pediatric']);
    assert.equal(expandQuery('acute myeloid leukaemia').clauses.length, 1);
    assert.ok(has('acute myeloid leukaemia', 0, 'aml'));
  });
  it('keeps quoted text a literal phrase', () => {
    assert.deepEqual(show('"ALL" "acute lymphoblastic" imatinib').slice(0, 2), ['-: all', '-: acute lymphoblastic']);
  });
  it('drops phrases an OR makes redundant', () => {
    assert.ok(!has('ALL', 0, 'acute lymphoblastic leukemia'), 'already matched by "lymphoblastic leukemia"');
  });
  it('never throws and yields non-empty clauses of letter-and-digit tokens', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        for (const clause of expandQuery(text).clauses) {
          assert.ok(clause.anyOf.length > 0);
          for (const phrase of clause.anyOf) for (const token of phrase) assert.match(token, /^[\p{L}\p{N}]+$/u);
        }
      }),
    );
  });
});

describe('fromTextQuery', () => {
  it('makes each group a one-phrase clause', () => {
    assert.deepEqual(fromTextQuery(parseTextQuery('stem "graft versus host"')).clauses.map((c) => c.anyOf), [[['stem']], [['graft', 'versus', 'host']]]);
    assert.deepEqual(fromTextQuery(null), { clauses: [] });
  });
});

describe('documentSynonymTokens', () => {
  it('adds what case and signs would lose', () => {
    assert.deepEqual(documentSynonymTokens('Dasatinib in Ph+ ALL').join(' '), 'ph positive philadelphia chromosome positive acute lymphoblastic leukemia');
    assert.deepEqual(documentSynonymTokens('HER2- breast cancer'), ['her2', 'negative']);
  });
  it('adds nothing for emphasis, shouted titles or ordinary text', () => {
    assert.deepEqual(documentSynonymTokens('ALL of the following must apply'), []);
    assert.deepEqual(documentSynonymTokens('PHASE II STUDY IN ALL'), []);
    assert.deepEqual(documentSynonymTokens('Acute lymphoblastic leukaemia in all ages'), []);
  });
});

describe('withMatchMode', () => {
  it('keeps a short search as every-word and turns a long description into any-of', () => {
    assert.equal(withMatchMode(expandQuery('imatinib relapsed leukaemia')).match, undefined);
    const description = 'A 58-year-old man with relapsed Philadelphia positive acute lymphoblastic leukaemia after imatinib, dasatinib and a donor transplant, now with graft versus host disease';
    const expanded = expandQuery(description);
    assert.ok(expanded.clauses.length > LONG_QUERY_CLAUSES);
    assert.equal(withMatchMode(expanded).match, 'any');
    assert.deepEqual(withMatchMode(expanded).clauses, expanded.clauses);
  });
});
