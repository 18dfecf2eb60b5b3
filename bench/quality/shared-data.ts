/**
 * Where the shared benchmark data lives (`../shared/data` beside the project, or TRIALFINDER_SHARED_DATA). The TREC and
 * BIRCO files are read from there at run time and never copied into the repository: the BIRCO files are
 * CC BY-NC 4.0, and none of the benchmark data ships with the product (shared/data/SOURCES.md).
 */
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../../src/config.ts';

/** The shared data folder. */
export function sharedDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.TRIALFINDER_SHARED_DATA;
  return configured === undefined || configured === '' ? resolve(PROJECT_ROOT, '..', 'shared', 'data') : resolve(configured);
}

/** A path under the shared data folder. */
export function sharedDataPath(...parts: string[]): string {
  return resolve(sharedDataDir(), ...parts);
}
