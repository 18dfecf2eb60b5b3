import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from './main.ts';
import type { Output } from './output.ts';

function capture(): Output & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (text) => stdout.push(text), err: (text) => stderr.push(text), isTty: false };
}

describe('trialfinder move', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trialfinder-move-'));
  after(() => { rmSync(dir, { recursive: true, force: true }); });
  const a = `sqlite:${join(dir, 'a.sqlite')}`;
  const b = `sqlite:${join(dir, 'b.sqlite')}`;

  it('copies a database into an empty one and checks it; accepts an identical target and refuses a different one', async () => {
    const imported = capture();
    assert.equal(await runCli(['import', 'test/fixtures/ctgov-xml', 'test/fixtures/nci'], imported, { DATABASE_URL: a }), 0);
    const moved = capture();
    assert.equal(await runCli(['move', '--from', a, '--to', b, '--json'], moved), 0);
    const report = JSON.parse(moved.stdout.join('')) as { copied: number; targetCount: number; sampled: number };
    assert.ok(report.copied >= 8);
    assert.equal(report.targetCount, report.copied);
    assert.equal(report.sampled, report.copied);
    // Run again into the same target: every trial is compared, found identical, and nothing is written.
    const again = capture();
    assert.equal(await runCli(['move', '--from', a, '--to', b], again), 0, again.stderr.join('\n'));
    assert.match(again.stdout.join('\n'), /already holds the same \d+ trials/);
    // Once the source has changed, the target is no longer its copy: refused.
    assert.equal(await runCli(['import', 'test/fixtures/ctgov-v2'], capture(), { DATABASE_URL: a }), 0);
    const changed = capture();
    assert.equal(await runCli(['move', '--from', a, '--to', b], changed), 5);
    assert.match(changed.stderr.join('\n'), /already holds \d+ trials, not the source's/);
    const same = capture();
    assert.equal(await runCli(['move', '--from', a, '--to', a], same), 2);
  });
});
