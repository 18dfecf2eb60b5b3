/**
 * Scale generator: writes N synthetic trials as gzipped ClinicalTrials.gov API v2 JSON lines, recombined from the
 * real records of data/demo (see synthetic-trial.ts), for benchmarks only: never import them into a real database.
 * Usage: npx tsx bench/scale/generate.ts --count 500000 --out var/scale/trials-500k.jsonl.gz [--seed 42]
 */
import { parseArgs } from 'node:util';
import { DEFAULT_SEED, writeSyntheticFile } from './synthetic-file.ts';
import { MAX_SYNTHETIC_TRIALS } from './synthetic-trial.ts';

function readCount(raw: string | undefined): number {
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > MAX_SYNTHETIC_TRIALS) {
    throw new Error(`--count must be a whole number from 1 to ${MAX_SYNTHETIC_TRIALS}`);
  }
  return count;
}

const { values } = parseArgs({
  options: { count: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string', default: String(DEFAULT_SEED) } },
});
const seed = Number(values.seed);
if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number');
if (values.out === undefined) throw new Error('--out is required (e.g. var/scale/trials-500k.jsonl.gz)');
await writeSyntheticFile(readCount(values.count), values.out, seed);
