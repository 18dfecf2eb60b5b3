import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { storeBackends } from '../../test/support/backends.ts';
import { startRecordedCtgovServer } from '../../test/support/recorded-ctgov-server.ts';
import { runCli } from './main.ts';
import type { Output } from './output.ts';

interface Captured extends Output {
  readonly stdout: string[];
  readonly stderr: string[];
}

function capture(): Captured {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (text) => stdout.push(text), err: (text) => stderr.push(text), isTty: false };
}

for (const backend of storeBackends()) {
  describe(`trialfinder CLI on ${backend.name}`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'trialfinder-cli-'));
    // A PostgreSQL URL carries its fresh schema as ?schema=NAME (see storage/postgres/connection.ts).
    const env: Record<string, string> = {};
    let cleanup = (): Promise<void> => Promise.resolve();
    const run = async (...argv: string[]) => {
      const output = capture();
      const code = await runCli(argv, output, env);
      return { code, output, json: () => JSON.parse(output.stdout.join('\n')) as Record<string, unknown> };
    };

    before(async () => {
      const database = await backend.databaseUrl();
      env.DATABASE_URL = database.url;
      cleanup = database.cleanup;
      const { code } = await run('import', 'test/fixtures/ctgov-xml', 'test/fixtures/ctgov-v2', '--json');
      assert.equal(code, 0);
    });
    after(async () => {
      await cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    it('imports files and folders and prints a summary; a second import changes nothing', async () => {
      const again = await run('import', 'test/fixtures/ctgov-xml', '--json');
      assert.equal(again.code, 0);
      const summary = again.json();
      assert.equal(summary.inserted, 0);
      assert.equal(summary.unchanged, summary.read);
      const human = await run('import', 'test/fixtures/ctgov-xml');
      assert.match(human.output.stdout.join('\n'), /Read \d+ records: 0 new, 0 updated, \d+ unchanged/);
    });

    it('searches with the same filters as the API and prints JSON for scripts', async () => {
      const { code, json } = await run('search', 'acute', 'lymphoblastic', 'leukaemia', '--json');
      assert.equal(code, 0);
      const result = json() as { total: number; trials: { id: string }[]; facets: Record<string, unknown> };
      assert.ok(result.trials.some((trial) => trial.id === 'NCT00003437'));
      assert.ok('status' in result.facets);
      const text = await run('search', 'leukaemia', '--country', 'UK');
      assert.equal(text.code, 0);
      assert.match(text.output.stdout.join('\n'), /NCT00003437/);
    });

    it('searches by cancer type, topic and distance from a postcode', async () => {
      type Result = { trials: { id: string; cancerTypes: string[]; nearestSite: { miles: number } | null }[] };
      const all = (await run('search', '--cancer-type', 'acute-lymphoblastic-leukaemia', '--json')).json() as Result;
      assert.ok(all.trials.some((trial) => trial.id === 'NCT00003437'));
      assert.ok(all.trials.every((trial) => trial.cancerTypes.includes('acute-lymphoblastic-leukaemia')));
      const topic = (await run('search', '--topic', 'all', '--json')).json() as Result;
      assert.deepEqual(topic.trials.map((trial) => trial.id), all.trials.map((trial) => trial.id));
      const near = await run('search', '--postcode', 'sw1a 1aa', '--sort', 'distance', '--json');
      assert.equal(near.code, 0, near.output.stderr.join('\n'));
      const sorted = (near.json() as Result).trials.flatMap((trial) => (trial.nearestSite === null ? [] : [trial.nearestSite.miles]));
      assert.ok(sorted.length > 0);
      assert.deepEqual(sorted, [...sorted].sort((a, b) => a - b));
      const human = await run('search', '--postcode', 'SW1A', '--sort', 'distance');
      assert.match(human.output.stdout.join('\n'), /Nearest site: [\d.]+ miles/);
      const outside = await run('search', '--postcode', 'BT1 1AA');
      assert.equal(outside.code, 2);
      assert.match(outside.output.stderr.join('\n'), /BT1 is not in our postcode table/);
      assert.equal((await run('topics')).code, 0);
    });

    it('shows a trial by id, in any case', async () => {
      const { code, output } = await run('show', 'nct00003437');
      assert.equal(code, 0);
      assert.match(output.stdout.join('\n'), /^NCT00003437: /);
    });

    it('exits non-zero with a clear message on bad input', async () => {
      const badAge = await run('search', '--age', 'abc');
      assert.equal(badAge.code, 2);
      assert.match(badAge.output.stderr.join('\n'), /age/);
      const badAgeJson = await run('search', '--age', 'abc', '--json');
      assert.equal((badAgeJson.json().error as { code: string }).code, 'invalid_input');
      const missing = await run('show', 'NCT99999999');
      assert.equal(missing.code, 3);
      const noFile = await run('import', join(dir, 'nothing-here.json'));
      assert.equal(noFile.code, 2);
      assert.match(noFile.output.stderr.join('\n'), /No file or folder/);
      const badBatch = await run('import', 'test/fixtures/ctgov-xml', '--batch-size', 'lots');
      assert.equal(badBatch.code, 2);
      const unknownCommand = await run('frobnicate');
      assert.equal(unknownCommand.code, 2);
    });

    it('imports from a ClinicalTrials.gov API v2 server page by page', async () => {
      const server = await startRecordedCtgovServer({});
      try {
        const { code, json } = await run('import', 'ctgov', '--cond', 'cancer', '--base-url', server.url, '--interval-ms', '0', '--page-size', '5', '--json');
        assert.equal(code, 0);
        const summary = json() as { pages: number; read: number; rejectedCount: number };
        assert.ok(summary.pages >= 1);
        assert.ok(summary.read > 0);
        assert.equal(summary.rejectedCount, 0);
        const noFilter = await run('import', 'ctgov');
        assert.equal(noFilter.code, 2);
      } finally {
        await server.close();
      }
    });
  });
}
