/**
 * `trialfinder editor create-admin` on every backend: a real process reading the password from standard input (never
 * from its arguments), the exit codes of a second admin and of bad input, and that a refusal creates nothing.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { editorialBackends, type EditorialPlace } from '../../test/support/editorial-backends.ts';
import { readConfig } from '../config.ts';
import { Conflict, InvalidInput } from '../domain/errors.ts';
import { verifyPassword } from '../editorial/passwords.ts';
import type { CliContext } from './context.ts';
import { runCreateAdmin } from './editor.command.ts';
import type { Output } from './output.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PASSWORD = 'correct horse battery staple';

/** Runs the real command line with `stdin` piped in; resolves to its exit code and output. */
function runProcess(args: readonly string[], stdin: string, databaseUrl: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(stdin);
  });
}

function capture(): Output & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (text) => lines.push(text), err: (text) => lines.push(text), isTty: false };
}

for (const backend of editorialBackends()) {
  describe(`trialfinder editor create-admin on ${backend.name}`, () => {
    let place: EditorialPlace;
    let context: CliContext & { output: ReturnType<typeof capture> };
    before(async () => {
      place = await backend.open();
      const output = capture();
      context = {
        config: readConfig({ DATABASE_URL: place.databaseUrl }),
        output,
        openStore: () => Promise.reject(new Error('create-admin needs no trial store')),
        postcodes: () => Promise.reject(new Error('create-admin needs no postcodes')),
      };
    });
    after(() => place.dispose());

    it('refuses bad input before creating anything', async () => {
      const start = await place.snapshot();
      const flags = { email: 'admin@example.org', name: 'Ada Admin' };
      await assert.rejects(runCreateAdmin(context, flags, () => Promise.resolve('short')), InvalidInput);
      await assert.rejects(runCreateAdmin(context, { ...flags, email: 'not an email' }, () => Promise.resolve(PASSWORD)), InvalidInput);
      await assert.rejects(runCreateAdmin(context, { ...flags, name: ' ' }, () => Promise.resolve(PASSWORD)), InvalidInput);
      assert.equal(await place.snapshot(), start);
    });

    it('creates the first admin from a password on standard input, hashed with the default scrypt parameters', async () => {
      const result = await runProcess(['editor', 'create-admin', '--email', 'Admin@Example.org', '--name', 'Ada Admin'], `${PASSWORD}\n`, place.databaseUrl);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /Created the administrator admin@example\.org/);
      const admin = await place.store.userByEmail('admin@example.org');
      assert.equal(admin?.role, 'admin');
      assert.equal(admin?.displayName, 'Ada Admin');
      assert.match(admin?.passwordHash ?? '', /^scrypt\$ln=16,r=8,p=2\$/);
      assert.equal(await verifyPassword(PASSWORD, admin?.passwordHash ?? ''), true);
      const [entry] = (await place.store.listAudit({ action: 'user.create', limit: 1, offset: 0 })).entries;
      assert.equal(entry?.actorLabel, 'command line');
    });

    it('refuses a second admin (exit 5), and a missing password (exit 2), changing nothing', async () => {
      const start = await place.snapshot();
      const again = await runProcess(['editor', 'create-admin', '--email', 'other@example.org', '--name', 'Other', '--json'], `${PASSWORD}\n`, place.databaseUrl);
      assert.equal(again.code, 5);
      assert.equal((JSON.parse(again.stdout) as { error: { code: string } }).error.code, 'conflict');
      await assert.rejects(runCreateAdmin(context, { email: 'x@example.org', name: 'X' }, () => Promise.resolve(PASSWORD)), Conflict);
      const empty = await runProcess(['editor', 'create-admin', '--email', 'x@example.org', '--name', 'X'], '', place.databaseUrl);
      assert.equal(empty.code, 2);
      assert.match(empty.stderr, /No password was given/);
      assert.equal(await place.snapshot(), start);
    });
  });
}
