import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidInput, NotFound } from '../domain/errors.ts';
import { OPEN_STATUSES } from '../domain/trial.ts';
import { parseTrialQuery } from './query-params.ts';
import { TOPICS, listTopics, topicBySlug, topicOrThrow, topicQuery, topicQueryString } from './topics.ts';

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
    assert.equal(topicQueryString(targeted), `cancerType=${ALL}&treatment=targeted`);
    const listed = listTopics().find((topic) => topic.slug === 'all-targeted');
    assert.equal(listed?.url, '/api/topics/all-targeted');
    assert.equal(listed?.apiUrl, `/api/trials?cancerType=${ALL}&treatment=targeted`);
    assert.equal(listed?.webUrl, `/trials?cancerType=${ALL}&treatment=targeted`);
    for (const topic of listTopics()) {
      const params = Object.fromEntries(new URLSearchParams(topic.apiUrl.split('?')[1]));
      assert.deepEqual(parseTrialQuery(params), topicQuery(topic), topic.slug);
    }
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
