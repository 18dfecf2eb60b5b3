import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { InvalidInput } from '../domain/errors.ts';
import type { ParseOutcome, RecordError, TrialContent } from '../domain/trial.ts';
import { readJsonRecords, readJsonRecordsFromBytes } from './json-records.read.ts';

const fixtures = new URL('../../test/fixtures/', import.meta.url);
const load = (path: string): unknown => JSON.parse(readFileSync(new URL(path, fixtures), 'utf8'));
const SHIONOGI = load('ctgov-v2/NCT05897541.json');
const ANAKINRA = load('ctgov-v2/NCT05814159.json');
const KARMANOS = load('ctgov-v2/NCT01987596.json');
const NCI_COMPLETE = load('nci/NCT00596999.json');
const NCI_PARTIAL = load('nci/NCT04533542.json');

const dir = mkdtempSync(join(tmpdir(), 'trialfinder-json-records-'));
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function collect(records: AsyncIterable<ParseOutcome>): Promise<ParseOutcome[]> {
  const out: ParseOutcome[] = [];
  for await (const record of records) out.push(record);
  return out;
}

const idsOf = (outcomes: readonly ParseOutcome[]): string[] => outcomes.flatMap((o) => (o.ok ? [o.trial.id] : []));
const errorsOf = (outcomes: readonly ParseOutcome[]): RecordError[] => outcomes.flatMap((o) => (o.ok ? [] : [o.error]));
const lines = (...values: unknown[]): string => values.map((value) => JSON.stringify(value)).join('\n');

describe('readJsonRecords: every input shape', () => {
  it('reads a single v2 study object', async () => {
    const outcomes = await collect(readJsonRecords(file('one.json', JSON.stringify(SHIONOGI, null, 2))));
    assert.deepEqual(idsOf(outcomes), ['NCT05897541']);
    assert.equal(outcomes.length, 1);
  });

  it('reads a list of studies in order, ctrdata extra fields included', async () => {
    const outcomes = await collect(readJsonRecords(file('list.json', JSON.stringify([SHIONOGI, ANAKINRA, KARMANOS]))));
    assert.deepEqual(idsOf(outcomes), ['NCT05897541', 'NCT05814159', 'NCT01987596']);
  });

  it('reads an API page, before or after its nextPageToken, and nothing else of it', async () => {
    const page = { totalCount: 2, studies: [SHIONOGI, ANAKINRA], nextPageToken: 'NF0g5JGBlPMuwQY' };
    const tokenFirst = { nextPageToken: 'abc', studies: [KARMANOS] };
    assert.deepEqual(idsOf(await collect(readJsonRecords(file('page.json', JSON.stringify(page))))), [
      'NCT05897541',
      'NCT05814159',
    ]);
    const outcomes = await collect(readJsonRecords(file('page2.json', JSON.stringify(tokenFirst, null, 1))));
    assert.deepEqual(idsOf(outcomes), ['NCT01987596']);
    assert.equal(outcomes.length, 1);
    assert.deepEqual(await collect(readJsonRecords(file('empty-page.json', '{"studies": [], "totalCount": 0}'))), []);
  });

  it('reads JSON lines by name (.jsonl, .ndjson), with CRLF line ends and blank lines', async () => {
    const text = `${lines(SHIONOGI, ANAKINRA).replace('\n', '\r\n')}\r\n\r\n${JSON.stringify(KARMANOS)}\n`;
    for (const name of ['studies.jsonl', 'studies.ndjson']) {
      const outcomes = await collect(readJsonRecords(file(name, text)));
      assert.deepEqual(idsOf(outcomes), ['NCT05897541', 'NCT05814159', 'NCT01987596']);
    }
  });

  it('recognises JSON lines by content when the name does not say', async () => {
    const path = file('lines.json', lines(SHIONOGI, NCI_PARTIAL, ANAKINRA));
    const outcomes = await collect(readJsonRecords(path));
    assert.deepEqual(idsOf(outcomes), ['NCT05897541', 'NCT04533542', 'NCT05814159']);
  });

  it('reads pretty-printed values back to back', async () => {
    const text = `${JSON.stringify(SHIONOGI, null, 2)}\n${JSON.stringify([ANAKINRA], null, 2)}`;
    assert.deepEqual(idsOf(await collect(readJsonRecords(file('concatenated.json', text)))), ['NCT05897541', 'NCT05814159']);
  });

  it('reads gzip of a list, of JSON lines, and of a file not named .gz', async () => {
    const list = gzipSync(JSON.stringify([SHIONOGI, ANAKINRA]));
    assert.deepEqual(idsOf(await collect(readJsonRecords(file('list.json.gz', list)))), ['NCT05897541', 'NCT05814159']);
    assert.deepEqual(idsOf(await collect(readJsonRecords(file('unnamed.json', list)))), ['NCT05897541', 'NCT05814159']);
    const jsonl = gzipSync(lines(NCI_COMPLETE, NCI_PARTIAL));
    assert.deepEqual(idsOf(await collect(readJsonRecords(file('nci.jsonl.gz', jsonl)))), ['NCT00596999', 'NCT04533542']);
  });

  it('reads NCI trials as a list and as an API response { total, data }', async () => {
    const list = await collect(readJsonRecords(file('nci-list.json', JSON.stringify([NCI_COMPLETE, NCI_PARTIAL]))));
    assert.deepEqual(idsOf(list), ['NCT00596999', 'NCT04533542']);
    const response = await collect(readJsonRecords(file('nci-page.json', JSON.stringify({ total: 2, data: [NCI_PARTIAL] }))));
    assert.deepEqual(idsOf(response), ['NCT04533542']);
    const trial = response[0]?.ok === true ? response[0].trial : assert.fail('no trial');
    assert.equal(trial.provenance.source, 'nci-cts');
  });

  it('decides each element of a mixed list by its shape', async () => {
    const outcomes = await collect(readJsonRecords(file('mixed.json', JSON.stringify([NCI_PARTIAL, SHIONOGI]))));
    const sources = outcomes.map((o) => (o.ok ? o.trial.provenance.source : 'error'));
    assert.deepEqual(sources, ['nci-cts', 'ctgov-v2']);
  });
});

describe('readJsonRecords: hostile input', () => {
  it('yields the records before a truncation, then one error naming the file and position', async () => {
    const text = JSON.stringify([SHIONOGI, ANAKINRA, KARMANOS]);
    const path = file('truncated.json', text.slice(0, text.length - 5000));
    const outcomes = await collect(readJsonRecords(path));
    assert.deepEqual(idsOf(outcomes), ['NCT05897541', 'NCT05814159']);
    const errors = errorsOf(outcomes);
    assert.equal(errors.length, 1);
    assert.equal(outcomes.length, 3);
    assert.equal(errors[0]?.recordId, `${path} after record #2`);
    assert.equal(errors[0]?.field, '(file)');
    assert.match(errors[0]?.reason ?? '', /not valid JSON between bytes \d+ and \d+ .*; records after this point were not read/);
  });

  it('reports a file cut inside its only object as an error before the first record', async () => {
    const path = file('cut.json', JSON.stringify(SHIONOGI).slice(0, 300));
    const outcomes = await collect(readJsonRecords(path));
    assert.deepEqual(outcomes.map((o) => (o.ok ? 'trial' : o.error.recordId)), [`${path} before the first record`]);
  });

  it('reports text that is not JSON, and junk after valid JSON', async () => {
    const notJson = await collect(readJsonRecords(file('hello.json', 'hello, world')));
    assert.equal(notJson.length, 1);
    assert.equal(errorsOf(notJson)[0]?.field, '(file)');
    const trailing = await collect(readJsonRecords(file('trailing.json', `[${JSON.stringify(SHIONOGI)}] oops`)));
    assert.deepEqual(idsOf(trailing), ['NCT05897541']);
    assert.equal(errorsOf(trailing).length, 1);
  });

  it('reports each element that is not a trial and reads the rest', async () => {
    const path = file('elements.json', JSON.stringify([42, 'NCT05897541', null, [], { foo: 1 }, SHIONOGI, { nct_id: 'NCT1' }]));
    const outcomes = await collect(readJsonRecords(path));
    assert.deepEqual(idsOf(outcomes), ['NCT05897541']);
    assert.deepEqual(
      errorsOf(outcomes).map((error) => [error.recordId, error.field]),
      [
        [`${path} record #1`, '(record)'],
        [`${path} record #2`, '(record)'],
        [`${path} record #3`, '(record)'],
        [`${path} record #4`, '(record)'],
        [`${path} record #5`, '(record)'],
        // nct_id alone is not an NCI trial (flat CT.gov conversions have it too).
        [`${path} record #7`, '(record)'],
      ],
    );
  });

  it('reports a study without nctId, or with fields of the wrong type, by position', async () => {
    const noId = { protocolSection: { identificationModule: { briefTitle: 'No id' } } };
    const wrongTypes = { protocolSection: { identificationModule: { nctId: ['NCT05897541'], briefTitle: 7 } } };
    const path = file('bad-studies.json', JSON.stringify([noId, SHIONOGI, wrongTypes]));
    const outcomes = await collect(readJsonRecords(path));
    assert.deepEqual(idsOf(outcomes), ['NCT05897541']);
    assert.deepEqual(errorsOf(outcomes), [
      { recordId: `${path} record #1`, field: 'identificationModule.nctId', reason: 'missing' },
      { recordId: `${path} record #3`, field: 'identificationModule.nctId', reason: 'missing' },
    ]);
  });

  it('streams a record holding a huge string', async () => {
    const huge = 'é'.repeat(3_000_000);
    const big = structuredClone(SHIONOGI) as { protocolSection: { descriptionModule: Record<string, unknown> } };
    big.protocolSection.descriptionModule.detailedDescription = huge;
    const outcomes = await collect(readJsonRecords(file('huge.json', JSON.stringify([big, ANAKINRA]))));
    assert.deepEqual(idsOf(outcomes), ['NCT05897541', 'NCT05814159']);
    const first = outcomes[0]?.ok === true ? outcomes[0].trial : assert.fail('no trial');
    assert.equal(first.detailedDescription, huge);
  });

  it('reports an empty file once, and reads an empty list as no records', async () => {
    for (const [name, content] of [
      ['empty.json', ''],
      ['blank.json', ' \n\t\n'],
      ['empty.jsonl', ''],
    ] as const) {
      const path = file(name, content);
      assert.deepEqual(await collect(readJsonRecords(path)), [
        { ok: false, error: { recordId: path, field: '(file)', reason: 'the file is empty: it holds no JSON value' } },
      ]);
    }
    assert.deepEqual(await collect(readJsonRecords(file('empty-list.json', '[]'))), []);
    assert.deepEqual(await collect(readJsonRecords(file('empty-list.json.gz', gzipSync('[ ]')))), []);
  });

  it('reports a bad JSON line and goes on with the next', async () => {
    const path = file('bad-line.jsonl', `${JSON.stringify(SHIONOGI)}\n{"protocolSection": \n${JSON.stringify(ANAKINRA)}`);
    const outcomes = await collect(readJsonRecords(path));
    assert.deepEqual(idsOf(outcomes), ['NCT05897541', 'NCT05814159']);
    assert.deepEqual(
      errorsOf(outcomes).map((error) => [error.recordId, error.field]),
      [[`${path} line 2`, '(file)']],
    );
  });

  it('yields the records before a gzip truncation, then one error', async () => {
    const whole = gzipSync(JSON.stringify([SHIONOGI, ANAKINRA, KARMANOS]));
    const path = file('truncated.json.gz', whole.subarray(0, Math.floor(whole.length * 0.8)));
    const outcomes = await collect(readJsonRecords(path));
    assert.ok(idsOf(outcomes).length >= 1, 'the first study is whole in the first 80% of the stream');
    assert.deepEqual(idsOf(outcomes), ['NCT05897541', 'NCT05814159'].slice(0, idsOf(outcomes).length));
    const errors = errorsOf(outcomes);
    assert.equal(errors.length, 1);
    assert.equal(errors[0]?.field, '(file)');
    assert.equal(outcomes.at(-1)?.ok, false);
  });

  it('reports corrupt gzip as one error', async () => {
    const path = file('corrupt.json.gz', Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), Buffer.from('not deflate')]));
    const outcomes = await collect(readJsonRecords(path));
    assert.equal(outcomes.length, 1);
    assert.match(errorsOf(outcomes)[0]?.reason ?? '', /^gzip data is corrupt or truncated/);
  });

  it('throws InvalidInput for a file that cannot be read', async () => {
    await assert.rejects(collect(readJsonRecords(join(dir, 'missing.json'))), (error: unknown) => {
      assert.ok(error instanceof InvalidInput);
      assert.match(error.message, /^Cannot read .*missing\.json: ENOENT/);
      return true;
    });
    await assert.rejects(collect(readJsonRecords(dir)), InvalidInput);
  });
});

describe('readJsonRecordsFromBytes', () => {
  /** Bytes as a socket or file would give them: in chunks, each after a turn of the event loop. */
  async function* chunked(bytes: Buffer, size: number): AsyncGenerator<Uint8Array> {
    for (let start = 0; start < bytes.length; start += size) {
      await nextTurn();
      yield bytes.subarray(start, start + size);
    }
  }

  it('reads the same records from one-byte chunks (split UTF-8 characters, a byte order mark)', async () => {
    const study = structuredClone(SHIONOGI) as { protocolSection: { identificationModule: Record<string, unknown> } };
    study.protocolSection.identificationModule.briefTitle = 'Étude de phase 3 — 試験';
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ studies: [study, NCI_PARTIAL] }))]);
    const outcomes = await collect(readJsonRecordsFromBytes(chunked(bytes, 1), 'bytes'));
    assert.deepEqual(idsOf(outcomes), ['NCT05897541', 'NCT04533542']);
    const first = outcomes[0]?.ok === true ? outcomes[0].trial : assert.fail('no trial');
    assert.equal(first.briefTitle, 'Étude de phase 3 — 試験');
    const jsonl = await collect(readJsonRecordsFromBytes(chunked(Buffer.from(lines(study, ANAKINRA)), 7), 'bytes'));
    assert.deepEqual(idsOf(jsonl), ['NCT05897541', 'NCT05814159']);
  });

  it('streams: the first record comes out long before the input is used up', async () => {
    const studies = Array.from({ length: 200 }, () => SHIONOGI);
    const chunkSize = 16_384;
    async function firstRecordAfter(text: string): Promise<{ read: number; total: number }> {
      let read = 0;
      async function* counted(): AsyncGenerator<Uint8Array> {
        for await (const chunk of chunked(Buffer.from(text), chunkSize)) {
          read += 1;
          yield chunk;
        }
      }
      for await (const outcome of readJsonRecordsFromBytes(counted(), 'counted')) {
        assert.equal(outcome.ok, true);
        break;
      }
      return { read, total: Math.ceil(text.length / chunkSize) };
    }
    const list = await firstRecordAfter(JSON.stringify(studies));
    assert.ok(list.read <= 3, `a list: read ${list.read} of ${list.total} chunks before the first record`);
    // A one-line object might be the first of several JSON lines: at most 1 MiB is read ahead to find out.
    const page = await firstRecordAfter(JSON.stringify({ studies }));
    assert.ok(page.read <= 1 + (1024 * 1024) / chunkSize, `a page: read ${page.read} of ${page.total} chunks`);
    assert.ok(page.read < page.total / 2);
    const pretty = await firstRecordAfter(JSON.stringify({ studies }, null, 1));
    assert.ok(pretty.read <= 3, `a pretty page: read ${pretty.read} of ${pretty.total} chunks`);
  });

  it('closes its source when the reader stops early', async () => {
    let closed = false;
    async function* source(): AsyncGenerator<Uint8Array> {
      try {
        await nextTurn();
        yield Buffer.from(`[${JSON.stringify(SHIONOGI)},`);
        yield Buffer.from(`${JSON.stringify(ANAKINRA)}]`);
      } finally {
        closed = true;
      }
    }
    for await (const outcome of readJsonRecordsFromBytes(source(), 'early')) {
      assert.equal(outcome.ok, true);
      break;
    }
    assert.equal(closed, true);
  });

  it('rethrows I/O errors of its source as InvalidInput', async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('[');
      await nextTurn();
      throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO', syscall: 'read' });
    }
    await assert.rejects(collect(readJsonRecordsFromBytes(failing(), 'disk')), InvalidInput);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Every record of the shared data set. Set TRIALFINDER_SHARED_DATA to its folder (default ../shared/data).

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const sharedData = resolve(projectRoot, process.env.TRIALFINDER_SHARED_DATA ?? '../shared/data');
const noSharedData = existsSync(sharedData) ? false : `shared data not found at ${sharedData} (set TRIALFINDER_SHARED_DATA)`;
if (noSharedData !== false) console.log(`skipping the shared-data tests: ${noSharedData}`);

async function trialsIn(...paths: string[]): Promise<{ trials: TrialContent[]; errors: RecordError[] }> {
  const outcomes = (await Promise.all(paths.map((path) => collect(readJsonRecords(join(sharedData, path)))))).flat();
  return { trials: outcomes.flatMap((o) => (o.ok ? [o.trial] : [])), errors: errorsOf(outcomes) };
}

describe('readJsonRecords on every shared-data record', { skip: noSharedData }, () => {
  it('parses all 100 NSCLC phase-3 studies, their 959 sites and 941 coordinates', async () => {
    const { trials, errors } = await trialsIn('ctgov-v2-json/nsclcbench_nsclc_phase3_100.json');
    assert.deepEqual(errors, []);
    assert.equal(trials.length, 100);
    assert.equal(trials.filter((t) => t.status === 'recruiting').length, 26);
    const sites = trials.flatMap((t) => t.sites);
    assert.equal(sites.length, 959);
    assert.equal(sites.filter((site) => site.latitude !== null).length, 941);
    // Despite the file's name, only 8 of the 100 studies list phase 3 (PHASE2 is the most common, 22 list none).
    assert.equal(trials.filter((t) => t.phases.includes('3')).length, 8);
    assert.equal(trials.filter((t) => t.phases.length === 0).length, 22);
  });

  it('parses all 50 dgg32 studies, their 2,083 sites and 1,989 coordinates', async () => {
    const { trials, errors } = await trialsIn('ctgov-v2-json/dgg32_ctg-studies_50.json');
    assert.deepEqual(errors, []);
    assert.equal(trials.length, 50);
    assert.equal(trials.filter((t) => t.status === 'recruiting').length, 24);
    assert.equal(trials.filter((t) => t.status === 'not-yet-recruiting').length, 19);
    const sites = trials.flatMap((t) => t.sites);
    assert.equal(sites.length, 2083);
    assert.equal(sites.filter((site) => site.latitude !== null).length, 1989);
  });

  it('parses all 10 AACT fixture files', async () => {
    const files = readdirSync(join(sharedData, 'ctgov-v2-json/aact-fixtures')).filter((name) => name.endsWith('.json'));
    const { trials, errors } = await trialsIn(...files.map((name) => `ctgov-v2-json/aact-fixtures/${name}`));
    assert.deepEqual(errors, []);
    assert.equal(trials.length, 10);
    assert.deepEqual(
      trials.map((t) => t.id).sort(),
      files.map((name) => name.replace('.json', '')).sort(),
    );
  });

  it('parses all 5 ctrdata CT.gov studies despite their extra fields', async () => {
    const { trials, errors } = await trialsIn('isrctn-and-multiregistry/ctrdata_demo_ctgov2_5.json');
    assert.deepEqual(errors, []);
    assert.equal(trials.length, 5);
    assert.equal(trials.flatMap((t) => t.sites).filter((site) => site.latitude !== null).length, 310);
  });

  it('parses all 708 NCI trials, complete and partial', async () => {
    const { trials, errors } = await trialsIn('nci-cts-api-mock/nci_cts_trials_merged_708.json.gz');
    assert.deepEqual(errors, []);
    assert.equal(trials.length, 708);
    assert.ok(trials.every((t) => t.provenance.source === 'nci-cts'));
    assert.equal(trials.filter((t) => t.arms.length > 0).length, 14);
    assert.equal(trials.filter((t) => t.eligibility.criteria !== null).length, 14);
    // SOURCES.md says 496 trials have org_coordinates; the file itself has 524 (checked independently).
    assert.equal(trials.filter((t) => t.sites.some((site) => site.latitude !== null)).length, 524);
    assert.equal(trials.flatMap((t) => t.sites).length, 78_874);
    assert.equal(trials.flatMap((t) => t.sites).filter((site) => site.country === 'United Kingdom').length, 12);
    // Only TRIAL diseases become conditions: no trial lists the NCI Thesaurus root concept.
    assert.ok(trials.every((t) => !t.conditions.includes('Disease, Disorder or Finding')));
    // NCT04681105 is recorded in the API v1 spellings (arm_name, intervention_type, phase { phase }).
    const v1 = trials.find((t) => t.id === 'NCT04681105') ?? assert.fail('NCT04681105 missing');
    assert.deepEqual(v1.phases, ['1']);
    assert.equal(v1.arms[0]?.label, 'Treatment (flotetuzumab)');
    assert.equal(v1.interventions.find((i) => i.name === 'Flotetuzumab')?.type, 'biological');
    assert.equal(v1.provenance.recordUpdated, '2021-08-30');
  });
});
