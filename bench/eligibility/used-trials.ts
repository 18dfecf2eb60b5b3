/**
 * Trials already used by a labelled set, which a new draw leaves out. `used-before-dev4.txt` lists, one NCT id a
 * line, the 105 trials of the sets labelled before dev4 (the first set, dev3 and test2), as they stood when dev4 was
 * drawn on 2026-11-28; later sets add the trials of their own label files.
 */
import { existsSync, readFileSync } from 'node:fs';
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

/** The sets labelled since dev4, in the order they were made (each folder holds verdicts, criteria or both). */
const SETS_SINCE_DEV4 = ['dev4', 'dev5', 'test3', 'test4', 'test5', 'test6', 'test7', 'test8', 'test9', 'test10', 'test11', 'test12', 'test13', 'test14', 'test15', 'test16', 'test17', 'test18', 'test19', 'test20', 'test21', 'test22', 'test23', 'test24', 'test25', 'test26', 'test27', 'test28', 'test29', 'test30', 'test31', 'test32', 'test33', 'test34', 'test35', 'test36', 'test37', 'test38', 'test39', 'test40', 'test41', 'test42', 'test43', 'test44', 'test45', 'test46', 'test47', 'test48', 'test49', 'test50', 'test51', 'test52'] as const;

/**
 * The label files (verdicts, then criteria, where the folder has them) of every set labelled since dev4 and before
 * `set`, in that order: what a new set's draw leaves out and its check forbids, besides used-before-dev4.txt.
 */
export function labelFilesBefore(set: (typeof SETS_SINCE_DEV4)[number]): string[] {
  const before = SETS_SINCE_DEV4.slice(0, SETS_SINCE_DEV4.indexOf(set));
  return before.flatMap((folder) => [`${folder}/verdicts.jsonl`, `${folder}/criteria-labels.jsonl`].filter((file) => existsSync(join(HERE, file))));
}
