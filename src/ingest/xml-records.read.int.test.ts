import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
import { createGzip } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { pack as tarPack } from 'tar-stream';
import { InvalidInput } from '../domain/errors.ts';
import type { ParseOutcome } from '../domain/trial.ts';
import { readXmlRecords } from './xml-records.read.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures/ctgov-xml');
const SHARED = resolve(ROOT, process.env.TRIALFINDER_SHARED_DATA ?? '../shared/data');
const ARCHIVE = join(SHARED, 'ctgov-legacy-xml/ctgov_legacy_xml_2023-02-03.tar.gz');
const AACT_XML = join(SHARED, 'ctgov-v2-json/aact-fixtures-legacy-xml');

/** A skip reason, printed by the test runner, when the shared data folder is not there. */
function needs(path: string): string | false {
  return existsSync(path) ? false : `shared data not found at ${path} (set TRIALFINDER_SHARED_DATA)`;
}

async function collect(records: AsyncIterable<ParseOutcome>): Promise<ParseOutcome[]> {
  const all: ParseOutcome[] = [];
  for await (const record of records) all.push(record);
  return all;
}

const ids = (outcomes: readonly ParseOutcome[]): string[] =>
  outcomes.map((outcome) => (outcome.ok ? outcome.trial.id : `error:${outcome.error.recordId}`));

/** Builds a .tar.gz with tar-stream's pack: directories, non-XML members and the given XML members. */
async function buildArchive(path: string, members: ReadonlyArray<readonly [string, string]>): Promise<void> {
  const pack = tarPack();
  const done = pipeline(pack as unknown as Readable, createGzip(), createWriteStream(path));
  pack.entry({ name: 'NCT0000xxxx/', type: 'directory' });
  pack.entry({ name: 'README.txt' }, 'not a record');
  for (const [name, text] of members) pack.entry({ name }, text);
  pack.finalize();
  await done;
}

let work = '';
let fixtureNames: string[] = [];
const fixtureText = new Map<string, string>();

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'trialfinder-xml-'));
  fixtureNames = (await readdir(FIXTURES)).filter((name) => name.endsWith('.xml')).sort();
  for (const name of fixtureNames) fixtureText.set(name, await readFile(join(FIXTURES, name), 'utf8'));
});

after(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('readXmlRecords', () => {
  it('reads one .xml file', async () => {
    const records = await collect(readXmlRecords(join(FIXTURES, 'NCT00003437.xml')));
    assert.deepEqual(ids(records), ['NCT00003437']);
  });

  it('reads every .xml under a folder, recursively, in name order', async () => {
    const dir = join(work, 'folder');
    await mkdir(join(dir, 'b-sub/deeper'), { recursive: true });
    await copyFile(join(FIXTURES, 'NCT03204344.xml'), join(dir, 'z.xml'));
    await copyFile(join(FIXTURES, 'NCT00000363.xml'), join(dir, 'b-sub/deeper/m.xml'));
    await copyFile(join(FIXTURES, 'NCT00496392.xml'), join(dir, 'a.XML'));
    await writeFile(join(dir, 'notes.txt'), 'ignored');
    await writeFile(join(dir, 'broken.xml'), '<clinical_study><id_info>');
    const records = await collect(readXmlRecords(dir));
    assert.deepEqual(ids(records), [
      'NCT00496392',
      'NCT00000363',
      `error:${join(dir, 'broken.xml')}`,
      'NCT03204344',
    ]);
  });

  it('reads nothing from an empty folder', async () => {
    const dir = join(work, 'empty');
    await mkdir(dir);
    assert.deepEqual(await collect(readXmlRecords(dir)), []);
  });

  it('streams a .tar.gz, skipping directories and non-XML members, naming members in errors', async () => {
    const path = join(work, 'fixtures.tar.gz');
    await buildArchive(path, [
      ...fixtureNames.map((name) => [`NCT0000xxxx/${name}`, fixtureText.get(name) ?? ''] as const),
      ['NCT0000xxxx/bad-root.xml', '<study/>'],
    ]);
    const records = await collect(readXmlRecords(path));
    assert.deepEqual(
      ids(records.filter((record) => record.ok)),
      fixtureNames.map((name) => name.replace('.xml', '')),
    );
    const last = records.at(-1);
    assert.ok(last && !last.ok);
    assert.deepEqual(last.error, {
      recordId: `${path}:NCT0000xxxx/bad-root.xml`,
      field: '(root)',
      reason: 'the root element is <study>, not <clinical_study>',
    });
  });

  it('yields the records before the break of a truncated .tar.gz, then one archive error', async () => {
    const members = Array.from({ length: 8 }, (_, copy) =>
      fixtureNames.map((name) => [`set${copy}/${name}`, fixtureText.get(name) ?? ''] as const),
    ).flat();
    const whole = join(work, 'whole.tgz');
    await buildArchive(whole, members);
    const bytes = await readFile(whole);
    const cut = join(work, 'cut.tgz');
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));

    const records = await collect(readXmlRecords(cut));
    const good = records.slice(0, -1);
    assert.ok(good.length > 0 && good.length < members.length, `read ${good.length} of ${members.length}`);
    assert.ok(good.every((record) => record.ok));
    const last = records.at(-1);
    assert.ok(last && !last.ok);
    assert.equal(last.error.recordId, cut);
    assert.equal(last.error.field, '(archive)');
    assert.match(last.error.reason, new RegExp(`truncated or corrupt after ${good.length} records`));
  });

  it('gives one archive error for a .tar.gz that is not gzip at all', async () => {
    const path = join(work, 'fake.tar.gz');
    await writeFile(path, 'this is not a gzip stream');
    const records = await collect(readXmlRecords(path));
    assert.equal(records.length, 1);
    assert.ok(records[0] && !records[0].ok);
    assert.equal(records[0].error.field, '(archive)');
  });

  it('throws InvalidInput for a missing path or a file of another kind', async () => {
    await assert.rejects(collect(readXmlRecords(join(work, 'nothing-here'))), (error: unknown) => {
      assert.ok(error instanceof InvalidInput);
      assert.match(error.message, /No file or folder at .*nothing-here/);
      return true;
    });
    const json = join(work, 'records.json');
    await writeFile(json, '[]');
    await assert.rejects(collect(readXmlRecords(json)), InvalidInput);
  });

  it('stops reading when the consumer stops', async () => {
    const path = join(work, 'early.tar.gz');
    await buildArchive(
      path,
      fixtureNames.map((name) => [name, fixtureText.get(name) ?? ''] as const),
    );
    const seen: string[] = [];
    for await (const record of readXmlRecords(path)) {
      seen.push(record.ok ? record.trial.id : 'error');
      break;
    }
    assert.deepEqual(seen, ['NCT00000363']);
  });
});

describe('readXmlRecords on the shared data', () => {
  it('reads the 59 AACT legacy XML fixtures, all valid', { skip: needs(AACT_XML) }, async () => {
    const records = await collect(readXmlRecords(AACT_XML));
    assert.equal(records.length, 59);
    assert.deepEqual(
      records.filter((record) => !record.ok),
      [],
    );
    const matchTrial = records.find((record) => record.ok && record.trial.id === 'NCT02465060');
    assert.ok(matchTrial?.ok);
    assert.equal(matchTrial.trial.sites.length, 1218, 'NCI-MATCH lists 1,218 sites');
  });

  it(
    'streams the whole Feb-2023 archive: 6,786 records, every one parses',
    { skip: needs(ARCHIVE), timeout: 120_000 },
    async (t) => {
      const started = performance.now();
      let firstAfter = 0;
      let read = 0;
      const failures: ParseOutcome[] = [];
      const statuses = new Map<string, number>();
      for await (const record of readXmlRecords(ARCHIVE)) {
        if (read === 0) firstAfter = performance.now() - started;
        read += 1;
        if (!record.ok) failures.push(record);
        else statuses.set(record.trial.status, (statuses.get(record.trial.status) ?? 0) + 1);
      }
      const seconds = (performance.now() - started) / 1000;
      assert.equal(read, 6786);
      assert.deepEqual(failures, []);
      // index.csv: 5,665 Completed + 2 "No longer available" + 1 "Approved for marketing" (expanded access).
      assert.deepEqual(Object.fromEntries(statuses), {
        completed: 5668,
        unknown: 474,
        terminated: 385,
        withdrawn: 117,
        recruiting: 76,
        'active-not-recruiting': 47,
        suspended: 15,
        'enrolling-by-invitation': 4,
      });
      assert.ok(firstAfter < 2000, `the first record came after ${Math.round(firstAfter)} ms: not streamed`);
      t.diagnostic(
        `${read} records in ${seconds.toFixed(1)} s (${Math.round(read / seconds)} records/s), ` +
          `first after ${Math.round(firstAfter)} ms, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
      );
    },
  );
});
