#!/usr/bin/env node
// Runs every test file with node:test under tsx. Node 20 has no test glob, so the files are listed here.
// Usage: node scripts/run-tests.mjs [--tier unit|int|e2e] [extra node --test flags]
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const tierIndex = args.indexOf('--tier');
const tier = tierIndex >= 0 ? args.splice(tierIndex, 2)[1] : 'all';

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name.startsWith('.')) return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const files = ['src', 'test']
  .flatMap((dir) => {
    try {
      return walk(join(root, dir));
    } catch {
      return [];
    }
  })
  .filter((file) => file.endsWith('.test.ts'))
  .filter((file) => {
    const isE2e = file.includes('/test/e2e/');
    const isInt = file.endsWith('.int.test.ts');
    if (tier === 'unit') return !isE2e && !isInt;
    if (tier === 'int') return isInt;
    if (tier === 'e2e') return isE2e;
    return true;
  })
  .map((file) => relative(root, file))
  .sort();

if (files.length === 0) {
  console.error(`No test files for tier ${tier}.`);
  process.exit(1);
}
if (!process.env.TEST_DATABASE_URL) {
  console.log('PostgreSQL tests skipped: TEST_DATABASE_URL is not set (CI sets it).');
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...args, ...files], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
