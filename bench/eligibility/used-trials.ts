/**
 * Trials already used by a labelled set, which a new draw leaves out. `used-before-dev4.txt` lists, one NCT id a
 * line, the 105 trials of the sets labelled before dev4 (the first set, dev3 and test2), as they stood when dev4 was
 * drawn on 2026-11-28; later sets add the trials of their own label files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const HERE = import.meta.dirname;

/** The trials of the sets labelled before dev4, and of the given label files (paths relative to bench/eligibility/). */
export function usedTrials(laterLabelFiles: readonly string[] = []): Set<string> {
  const used = new Set(readFileSync(join(HERE, 'used-before-dev4.txt'), 'utf8').match(/NCT\d{8}/g) ?? []);
  for (const file of laterLabelFiles) {
    for (const line of readFileSync(join(HERE, file), 'utf8').split('\n')) {
      if (line.trim() !== '') used.add((JSON.parse(line) as { trial: string }).trial);
    }
  }
  return used;
}
