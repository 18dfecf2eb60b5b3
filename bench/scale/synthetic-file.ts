/**
 * Writes N synthetic trials as a gzipped file of ClinicalTrials.gov API v2 JSON lines, streaming, so memory stays
 * flat whatever N: the file generate.ts and the scale benchmark import.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { DEMO_DIR } from '../../src/cli/demo-data.ts';
import type { CtgovV2Study } from './ctgov-v2.write.ts';
import { loadPartPool } from './part-pool.ts';
import { syntheticStudies } from './synthetic-trial.ts';

/** The seed used unless one is given: the benchmark's files are the same trials on every machine. */
export const DEFAULT_SEED = 42;

/** Lines are handed to gzip about a megabyte at a time: far fewer stream calls than one per line. */
const CHUNK_CHARS = 1 << 20;
const PROGRESS_EVERY = 50_000;

/**
 * The studies as JSON lines in chunks, reporting progress on stderr. Lazy: the stream pulls the next chunk only when
 * gzip has room, so memory stays flat whatever the count.
 */
function* jsonLineChunks(studies: Iterable<CtgovV2Study>, count: number): Generator<string> {
  const started = performance.now();
  let chunk = '';
  let written = 0;
  for (const study of studies) {
    chunk += `${JSON.stringify(study)}\n`;
    written += 1;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
    if (written % PROGRESS_EVERY === 0 || written === count) {
      const seconds = (performance.now() - started) / 1000;
      process.stderr.write(`  ${written}/${count} trials, ${(written / seconds).toFixed(0)}/s, RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB\n`);
    }
  }
  if (chunk !== '') yield chunk;
}

/**
 * Writes `count` synthetic trials recombined from the real records in `sourceDir` (default data/demo) with `seed`
 * to `out` (gzip). The file appears only when complete: it is written under another name and renamed.
 */
export async function writeSyntheticFile(count: number, out: string, seed: number, sourceDir: string = DEMO_DIR): Promise<void> {
  const started = performance.now();
  process.stderr.write(`Reading the real records in ${sourceDir} ...\n`);
  const pool = await loadPartPool(sourceDir);
  process.stderr.write(`  ${pool.trials.length} trials to recombine; writing ${count} synthetic trials (seed ${seed}) to ${out}\n`);
  await mkdir(dirname(out), { recursive: true });
  const partial = `${out}.partial`;
  await pipeline(Readable.from(jsonLineChunks(syntheticStudies(pool, seed, count), count)), createGzip(), createWriteStream(partial));
  await rename(partial, out);
  const { size } = await stat(out);
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`Done: ${count} trials, ${(size / 1e6).toFixed(1)} MB gzipped, in ${seconds.toFixed(1)} s\n`);
}
