/**
 * Reads relevance judgements: TREC qrels (`topic iteration docno label`, whitespace-separated; blank lines skipped,
 * as the official TREC CT 2021 file has between rows) or BEIR-style TSV with a header (`query-id corpus-id score`).
 */
import { readFile } from 'node:fs/promises';
import type { Qrels } from './metrics.ts';

/** Judgements from text in either format. A trial judged twice for a topic keeps its last label. */
export function parseQrels(text: string): Qrels {
  const qrels = new Map<string, Map<string, number>>();
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const header = lines[0]?.toLowerCase().startsWith('query-id') === true;
  for (const [index, line] of (header ? lines.slice(1) : lines).entries()) {
    const cells = line.split(/\s+/);
    const [topic, trial, label] = header ? [cells[0], cells[1], cells[2]] : [cells[0], cells[2], cells[3]];
    const value = Number(label);
    if (topic === undefined || trial === undefined || !Number.isInteger(value)) {
      throw new Error(`Qrels line ${index + (header ? 2 : 1)} is not "${header ? 'query-id corpus-id score' : 'topic 0 docno label'}": ${line}`);
    }
    const judgements = qrels.get(topic) ?? new Map<string, number>();
    judgements.set(trial, value);
    qrels.set(topic, judgements);
  }
  return qrels;
}

/** Reads a qrels file of either format. */
export async function readQrels(path: string): Promise<Qrels> {
  return parseQrels(await readFile(path, 'utf8'));
}
