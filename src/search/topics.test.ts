import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyCancerTypes } from '../domain/classify/cancer-type.ts';
import { InvalidInput, NotFound } from '../domain/errors.ts';
import { expandQuery } from '../domain/query-expansion.ts';
import { OPEN_STATUSES } from '../domain/trial.ts';
import { searchFields } from '../storage/shared/search-fields.ts';
import { buildTrial } from '../storage/test-trials.ts';
import type { TrialOverrides } from '../storage/test-trials.ts';
import { parseTrialQuery } from './query-params.ts';
import { ALL_RANKING, TOPICS, listTopics, topicBySlug, topicOrThrow, topicQuery, topicQueryString } from './topics.ts';

const ALL = 'acute-lymphoblastic-leukaemia';

describe('topic searches', () => {
  it('keeps its slugs: they are public URLs', () => {
    assert.deepEqual(
      TOPICS.map((topic) => topic.slug),
      ['all', 'all-chemotherapy', 'all-stem-cell-transplant', 'all-targeted', 'all-immunotherapy', 'all-over-60', 'uk-recruiting'],
    );
    for (const topic of TOPICS) {
      assert.match(topic.slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(topic.title.length > 10 && topic.description.length > 40, topic.slug);
    }
  });

  it('each stands for fixed search parameters that parse', () => {
    const query = (slug: string) => topicQuery(topicOrThrow(slug));
    assert.deepEqual(query('all').cancerTypes, [ALL]);
    assert.deepEqual(query('all').treatments, []);
    assert.deepEqual(query('all').statuses, [], 'every status: recruiting, closed and with results');
    assert.deepEqual(query('all-chemotherapy').treatments, ['chemotherapy']);
    assert.deepEqual(query('all-stem-cell-transplant').treatments, ['stem-cell-transplant']);
    assert.deepEqual(query('all-targeted').treatments, ['targeted']);
    // CAR-T trials are immunotherapy too, so the one kind covers them.
    assert.deepEqual(query('all-immunotherapy').treatments, ['immunotherapy']);
    assert.deepEqual(query('all-over-60').ageGroups, ['older-adults']);
    assert.deepEqual(query('all-over-60').cancerTypes, [ALL]);
  });

  it('uk-recruiting is every cancer but not-cancer, open, with a UK site', () => {
    const query = topicQuery(topicOrThrow('uk-recruiting'));
    assert.deepEqual(query.cancerTypes, ['blood-cancers', 'solid-tumours', 'other-cancer']);
    assert.deepEqual(new Set(query.statuses), new Set(OPEN_STATUSES));
    assert.deepEqual(query.countries, ['United Kingdom']);
  });

  it('gives each topic its query string and links, which parse to the same query', () => {
    const targeted = topicOrThrow('all-targeted');
    const ranked = 'q=acute%20lymphoblastic%20leukaemia';
    assert.equal(topicQueryString(targeted), `${ranked}&cancerType=${ALL}&treatment=targeted`);
    assert.equal(topicQueryString(topicOrThrow('uk-recruiting')).startsWith('cancerType='), true, 'no ranking phrase');
    const listed = listTopics().find((topic) => topic.slug === 'all-targeted');
    assert.equal(listed?.url, '/api/topics/all-targeted');
    assert.equal(listed?.apiUrl, `/api/trials?${ranked}&cancerType=${ALL}&treatment=targeted`);
    assert.equal(listed?.webUrl, `/trials?${ranked}&cancerType=${ALL}&treatment=targeted`);
    for (const topic of listTopics()) {
      const params = Object.fromEntries(new URLSearchParams(topic.apiUrl.split('?')[1]));
      assert.deepEqual(parseTrialQuery(params), topicQuery(topic), topic.slug);
    }
  });

  it('ranks the ALL topics by the name of the disease unless the caller gives words of their own', () => {
    for (const topic of TOPICS) {
      const forAll = topic.params['cancerType']?.includes(ALL) === true;
      assert.equal(topicQuery(topic).q, forAll ? ALL_RANKING : null, topic.slug);
      assert.equal(topicQuery(topic).sort, 'relevance', topic.slug);
    }
    assert.equal(topicQuery(topicOrThrow('all-targeted'), { q: 'ponatinib' }).q, 'ponatinib', 'their words replace the phrase');
    assert.equal(topicQuery(topicOrThrow('all-targeted'), { q: '  ' }).q, ALL_RANKING, 'blank words are no words');
    assert.equal(topicQuery(topicOrThrow('all'), { sort: 'updated' }).sort, 'updated', 'the caller may still choose the order');
  });

  it('is narrowed by parameters it leaves open', () => {
    const query = topicQuery(topicOrThrow('all-targeted'), { pageSize: '5', sort: 'distance', postcode: 'ls1', status: 'recruiting', treatment: '' });
    assert.equal(query.pageSize, 5);
    assert.equal(query.postcode, 'LS1');
    assert.equal(query.sort, 'distance');
    assert.deepEqual(query.treatments, ['targeted']);
    assert.deepEqual(new Set(query.statuses), new Set(OPEN_STATUSES));
  });

  it('refuses a parameter the topic fixes, and unknown or bad ones, naming them', () => {
    const refused = (slug: string, extra: Record<string, unknown>, field: string): void => {
      assert.throws(
        () => topicQuery(topicOrThrow(slug), extra),
        (error) => error instanceof InvalidInput && error.field === field && error.message.includes(field),
      );
    };
    refused('all', { cancerType: 'leukaemia' }, 'cancerType');
    refused('uk-recruiting', { country: ['France'] }, 'country');
    refused('all-targeted', { staus: 'recruiting' }, 'staus');
    refused('all-targeted', { within: '10' }, 'within');
  });

  it('finds topics by slug in any case, and refuses unknown ones listing the slugs', () => {
    assert.equal(topicBySlug('ALL-Targeted')?.slug, 'all-targeted');
    assert.equal(topicBySlug('nope'), undefined);
    assert.throws(() => topicOrThrow('nope'), (error) => error instanceof NotFound && /all-chemotherapy/.test(error.message));
  });
});

/** True when the topic's ranking phrase matches the trial as the full-text index holds it (every clause, in a field). */
function rankingPhraseMatches(overrides: TrialOverrides): boolean {
  const { title, conditions, interventions_keywords, summary, eligibility } = searchFields(buildTrial('NCT09990001', overrides));
  const fields = [title, conditions, interventions_keywords, summary, eligibility].map((field) => field.split(/\s+/));
  const within = (tokens: readonly string[], phrase: readonly string[]): boolean =>
    tokens.some((_, at) => phrase.every((word, offset) => tokens[at + offset] === word));
  return expandQuery(ALL_RANKING).clauses.every((clause) => clause.anyOf.some((phrase) => fields.some((tokens) => within(tokens, phrase))));
}

function classedAsAll(overrides: TrialOverrides): boolean {
  return classifyCancerTypes(buildTrial('NCT09990001', overrides)).some((type) => type.id === ALL);
}

// The ranking phrase is also a filter (free text must match): it must find every trial the ALL filter finds, or
// the topic would silently lose trials. These are the ways registry records name ALL.
describe('the ALL ranking phrase never narrows the ALL topics', () => {
  const named: Record<string, TrialOverrides> = {
    'acute lymphoblastic leukemia': { conditions: ['Acute Lymphoblastic Leukemia'] },
    'British spelling': { conditions: ['Acute lymphoblastic leukaemia'] },
    'acute lymphocytic leukemia': { conditions: ['Acute Lymphocytic Leukemia'] },
    'acute lymphoid leukemia': { conditions: ['Acute Lymphoid Leukemia'] },
    'capitalised ALL': { conditions: ['Ph+ ALL'] },
    'B acute lymphoblastic leukemia': { conditions: ['B Acute Lymphoblastic Leukemia'] },
    'precursor B-cell': { conditions: ['Precursor B-Cell Lymphoblastic Leukemia-Lymphoma'] },
    'precursor cell': { conditions: ['Precursor Cell Lymphoblastic Leukemia-Lymphoma'] },
    'Philadelphia positive': { conditions: ['Philadelphia Chromosome Positive Acute Lymphoblastic Leukemia'] },
    'AML or ALL': { conditions: ['Acute myeloid or lymphoblastic leukaemia'] },
    'legacy PDQ keyword': { conditions: ['Leukemia'], keywords: ['adult acute lymphoblastic leukemia in remission'] },
    'title only': { conditions: ['Leukemia'], briefTitle: 'Chemotherapy in Treating Adults With Acute Lymphocytic Leukemia' },
    'ALL in a title': { conditions: ['Leukemia'], briefTitle: 'Blinatumomab in Adults With Relapsed ALL' },
    // MeSH's inverted heading, and a condition naming both acute leukaemias (docs/topic-review.md).
    'MeSH order, "Leukemia, Lymphocytic, Acute"': { conditions: ['Leukemia, Lymphocytic, Acute'] },
    'MeSH order, "Leukemia, Lymphoblastic, Acute"': { conditions: ['Leukemia, Lymphoblastic, Acute'] },
    '"Acute Myeloid and Lymphoid Leukemia"': { conditions: ['Acute Myeloid and Lymphoid Leukemia'] },
    '"Acute Myelogenous or Lymphocytic Leukemia"': { conditions: ['Acute Myelogenous or Lymphocytic Leukemia'] },
    // Subtypes written as the whole condition.
    'B-cell ALL in words': { conditions: ['B-cell Acute Lymphoblastic Leukemia'] },
    'precursor T-cell leukaemia-lymphoma': { conditions: ['Precursor T-Cell Lymphoblastic Leukemia-Lymphoma'] },
    'B-ALL alone': { conditions: ['B-ALL'] },
    'T-ALL alone': { conditions: ['T-ALL'] },
    'Ph+ ALL with B-ALL': { conditions: ['Ph+ B-ALL'] },
    'BCR-ABL1 positive B-ALL': { conditions: ['BCR-ABL1 Positive B-Cell Acute Lymphoblastic Leukemia'] },
  };
  for (const [name, overrides] of Object.entries(named)) {
    it(name, () => {
      assert.ok(classedAsAll(overrides), 'classed as ALL');
      assert.ok(rankingPhraseMatches(overrides), 'found by the ranking phrase');
    });
  }
});

describe('ALL and its subtypes as whole condition strings', () => {
  const typesOf = (condition: string): string[] => classifyCancerTypes(buildTrial('NCT09990001', { conditions: [condition] })).map((type) => type.id);
  const cases: Record<string, { has: readonly string[]; not?: readonly string[] }> = {
    'Acute Myeloid and Lymphoid Leukemia': { has: [ALL, 'acute-myeloid-leukaemia'] },
    'Leukemia, Lymphocytic, Acute': { has: [ALL], not: ['acute-myeloid-leukaemia', 'chronic-lymphocytic-leukaemia'] },
    'B-cell Acute Lymphoblastic Leukemia': { has: ['b-cell-all'], not: ['t-cell-all'] },
    'Precursor B-Cell Lymphoblastic Leukemia': { has: ['b-cell-all'], not: ['t-cell-all'] },
    'Precursor T-Cell Lymphoblastic Leukemia-Lymphoma': { has: ['t-cell-all', 'lymphoblastic-lymphoma'], not: ['b-cell-all'] },
    'B-ALL': { has: ['b-cell-all'], not: ['t-cell-all'] },
    'T-ALL': { has: ['t-cell-all'], not: ['b-cell-all'] },
    'ETP-ALL': { has: ['t-cell-all'], not: ['b-cell-all'] },
    'Early T-cell Precursor ALL': { has: ['t-cell-all'], not: ['b-cell-all'] },
    'B-cell precursor ALL': { has: ['b-cell-all'], not: ['t-cell-all'] },
    'Ph+ ALL': { has: ['ph-positive-all'], not: ['b-cell-all'] },
    'Philadelphia Chromosome Positive Acute Lymphoblastic Leukemia': { has: ['ph-positive-all'] },
    'BCR-ABL1 Positive B-Cell Acute Lymphoblastic Leukemia': { has: ['ph-positive-all', 'b-cell-all'] },
    'Ph-negative ALL': { has: [ALL], not: ['ph-positive-all'] },
    'Philadelphia Chromosome Negative Acute Lymphoblastic Leukemia': { has: [ALL], not: ['ph-positive-all'] },
    'Ph-like ALL': { has: [ALL], not: ['ph-positive-all'] },
    // The Philadelphia chromosome alone is a leukaemia (CML or ALL) but says not which.
    'BCR-ABL1 positive': { has: ['leukaemia'], not: [ALL, 'chronic-myeloid-leukaemia'] },
    'Philadelphia Chromosome Positive': { has: ['leukaemia'], not: [ALL, 'not-cancer'] },
  };
  for (const [condition, { has, not = [] }] of Object.entries(cases)) {
    it(condition, () => {
      const types = typesOf(condition);
      for (const id of has) assert.ok(types.includes(id), `${id} in ${types.join(', ')}`);
      for (const id of not) assert.ok(!types.includes(id), `${id} not in ${types.join(', ')}`);
    });
  }
});
