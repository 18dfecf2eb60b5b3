import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fakeStore } from '../../test/support/fake-store.ts';
import type { FakeStore } from '../../test/support/fake-store.ts';
import { TEST_POSTCODES } from '../../test/support/test-postcodes.ts';
import { readConfig } from '../config.ts';
import { TOPICS } from '../search/topics.ts';
import { buildTrial, corpus, placedSite } from '../storage/test-trials.ts';
import type { CliContext } from './context.ts';
import { runProgram } from './main.ts';

const PLACED = buildTrial('NCT09200001', {
  briefTitle: 'Ponatinib With Chemotherapy in Philadelphia Chromosome Positive Acute Lymphoblastic Leukaemia',
  conditions: ['Philadelphia Chromosome Positive Acute Lymphoblastic Leukaemia'],
  status: 'recruiting',
  sites: [
    placedSite({ facility: "St James's University Hospital", city: 'Leeds', at: { lat: 53.8066, lon: -1.5198 }, status: 'recruiting' }),
    placedSite({ facility: 'The Christie', city: 'Manchester', at: { lat: 53.4293, lon: -2.2296 }, status: 'completed' }),
  ],
});

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly store: FakeStore;
  /** How many times the postcode table was asked for. */
  readonly tableLoads: number;
}

/** Runs the CLI on a fake store and the test postcode table, capturing output. */
async function run(...argv: string[]): Promise<Run> {
  const store = fakeStore([PLACED, ...corpus()]);
  const stdout: string[] = [];
  const stderr: string[] = [];
  let tableLoads = 0;
  const context: CliContext = {
    config: readConfig({}),
    output: { out: (text) => stdout.push(text), err: (text) => stderr.push(text), isTty: false },
    openStore: () => Promise.resolve(store),
    postcodes: () => {
      tableLoads += 1;
      return Promise.resolve(TEST_POSTCODES);
    },
  };
  const code = await runProgram(argv, context);
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n'), store, tableLoads };
}

describe('trialfinder search: cancer-aware flags', () => {
  it('passes --cancer-type, --treatment, --age-group, --postcode, --within and --sort to the store', async () => {
    const result = await run(
      'search', 'ponatinib',
      '--cancer-type', 'acute-lymphoblastic-leukaemia', '--cancer-type', 'lymphoblastic-lymphoma',
      '--treatment', 'targeted,chemotherapy',
      '--age-group', 'older-adults',
      '--postcode', 'ls9 7tf', '--within', '40', '--sort', 'distance',
    );
    assert.equal(result.code, 0, result.stderr);
    const seen = result.store.queries[0];
    assert.deepEqual(seen?.cancerTypes, ['acute-lymphoblastic-leukaemia', 'lymphoblastic-lymphoma']);
    assert.deepEqual(seen.treatments, ['chemotherapy', 'targeted']);
    assert.deepEqual(seen.ageGroups, ['older-adults']);
    assert.deepEqual(seen.near, { lat: 53.79994, lon: -1.5098 });
    assert.equal(seen.withinMiles, 40);
    assert.equal(seen.sort, 'distance');
    assert.equal(result.tableLoads, 1);
  });

  it('shows cancer and treatment types, and with a postcode the nearest open site and its distance', async () => {
    const withPlace = await run('search', '--postcode', 'M20');
    assert.equal(withPlace.code, 0, withPlace.stderr);
    assert.match(withPlace.stdout, /straight line from the centre of your postcode district/);
    assert.match(withPlace.stdout, /NCT09200001 {2}recruiting .* 2 UK sites/);
    assert.match(withPlace.stdout, /Philadelphia-positive ALL \(Ph\+ ALL\)/);
    assert.doesNotMatch(withPlace.stdout, /Blood cancers/, 'only the most specific cancer types');
    assert.match(withPlace.stdout, /Nearest site: 3\d\.\d miles · St James's University Hospital, Leeds, United Kingdom \(recruiting\)/);
    assert.match(withPlace.stdout, /Nearest site: no open site with a known location/);
    assert.doesNotMatch(withPlace.stdout, /M20/, 'the postcode is not printed back');
    const without = await run('search', 'leukaemia');
    assert.doesNotMatch(without.stdout, /Nearest site/);
    assert.match(without.stdout, /Acute lymphoblastic leukaemia \(ALL\)|B-cell acute lymphoblastic leukaemia/);
  });

  it('prints the API response with --json, nearest sites included', async () => {
    const result = await run('search', '--postcode', 'LS1', '--json');
    const body = JSON.parse(result.stdout) as { trials: { id: string; nearestSite: { city: string } | null; ukSiteCount: number }[]; facets: Record<string, { label?: string }[]> };
    assert.equal(body.trials.find((trial) => trial.id === PLACED.id)?.nearestSite?.city, 'Leeds');
    assert.ok(body.facets.cancerType?.every((count) => typeof count.label === 'string'));
  });

  it('exits 2 naming the flag for bad values, a missing postcode and an unknown district', async () => {
    const cases: [string[], RegExp][] = [
      [['--cancer-type', 'leukemia'], /cancerType "leukemia" is not one of/],
      [['--treatment', 'chemo'], /treatment "chemo"/],
      [['--age-group', 'elderly'], /ageGroup "elderly"/],
      [['--postcode', 'LS1 3EXX'], /postcode must be a UK postcode/],
      [['--postcode', 'BT1 1AA'], /BT1 is not in our postcode table/],
      [['--within', '10'], /within needs a postcode/],
      [['--sort', 'distance'], /sort=distance needs a postcode/],
      [['--postcode', 'LS1', '--within', '0'], /within must be a number of miles/],
    ];
    for (const [flags, message] of cases) {
      const result = await run('search', ...flags);
      assert.equal(result.code, 2, flags.join(' '));
      assert.match(result.stderr, message, flags.join(' '));
      assert.equal(result.store.queries.length, 0);
    }
    const json = await run('search', '--postcode', 'LS1 3EXX', '--json');
    assert.deepEqual((JSON.parse(json.stdout) as { error: { field: string } }).error.field, 'postcode');
    assert.doesNotMatch(json.stdout, /3EXX/);
  });
});

describe('trialfinder search --topic and trialfinder topics', () => {
  it('searches a topic, narrowed by other flags', async () => {
    const result = await run('search', '--topic', 'all-targeted', '--postcode', 'EH3', '--sort', 'distance', '--page-size', '5');
    assert.equal(result.code, 0, result.stderr);
    const seen = result.store.queries[0];
    assert.deepEqual(seen?.cancerTypes, ['acute-lymphoblastic-leukaemia']);
    assert.deepEqual(seen.treatments, ['targeted']);
    assert.deepEqual([seen.sort, seen.pageSize], ['distance', 5]);
    const immuno = await run('search', '--topic', 'all-immunotherapy', '--status', 'recruiting');
    assert.deepEqual(immuno.store.queries[0]?.treatments, ['immunotherapy']);
  });

  it('refuses an unknown topic, listing them, and a flag the topic fixes', async () => {
    const unknown = await run('search', '--topic', 'all-chemo');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /--topic must be one of: all, all-chemotherapy/);
    const clash = await run('search', '--topic', 'all', '--cancer-type', 'leukaemia');
    assert.equal(clash.code, 2);
    assert.match(clash.stderr, /cancerType is fixed by the topic "all"/);
  });

  it('lists the topics for people and as JSON', async () => {
    const text = await run('topics');
    assert.equal(text.code, 0);
    for (const topic of TOPICS) assert.ok(text.stdout.includes(topic.slug) && text.stdout.includes(topic.title), topic.slug);
    const json = await run('topics', '--json');
    const body = JSON.parse(json.stdout) as { topics: { slug: string; apiUrl: string }[] };
    assert.deepEqual(body.topics.map((topic) => topic.slug), TOPICS.map((topic) => topic.slug));
    assert.ok(body.topics.every((topic) => topic.apiUrl.startsWith('/api/trials?')));
    assert.equal(json.tableLoads, 0, 'listing topics reads no postcode table');
  });
});
