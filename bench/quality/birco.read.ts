/**
 * Reads the SIGIR 2016 re-ranking task as BIRCO packages it (shared/data/trec-ct/corpus, SOURCES.md section 9):
 * 3,625 trial texts (brief summary and the start of the detailed description; no eligibility criteria) and, per
 * split (test, dev), the queries and the judged candidate pool of each. CC BY-NC 4.0: read in place, never copied.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import type { Qrels } from './metrics.ts';
import type { Topic } from './topics.read.ts';

export interface BircoTrial {
  readonly id: string;
  readonly text: string;
}

export interface BircoSplit {
  readonly topics: readonly Topic[];
  readonly qrels: Qrels;
}

async function readMaybeGzipped(path: string): Promise<string> {
  const bytes = await readFile(path);
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** The corpus: one JSON object per line with `nct_id` and `text`. */
export async function readBircoCorpus(path: string): Promise<BircoTrial[]> {
  const text = await readMaybeGzipped(path);
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const row = JSON.parse(line) as { nct_id?: unknown; text?: unknown };
      if (typeof row.nct_id !== 'string' || typeof row.text !== 'string') throw new Error(`Not a BIRCO trial: ${line.slice(0, 80)}`);
      return { id: row.nct_id, text: row.text };
    });
}

interface RawSplit {
  readonly queries: Readonly<Record<string, string>>;
  readonly qrels: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** One split (`test` or `dev`) of the queries-and-judgements file. */
export async function readBircoSplit(path: string, split: string): Promise<BircoSplit> {
  const file = JSON.parse(await readMaybeGzipped(path)) as Readonly<Record<string, RawSplit | undefined>>;
  const raw = file[split];
  if (raw === undefined) throw new Error(`${path} has no split "${split}"; it has ${Object.keys(file).join(', ')}.`);
  return {
    topics: Object.entries(raw.queries).map(([id, text]) => ({ id, text })),
    qrels: new Map(Object.entries(raw.qrels).map(([topic, labels]) => [topic, new Map(Object.entries(labels))])),
  };
}
