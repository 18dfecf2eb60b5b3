/**
 * The row checks and counts shared by the criteria-set checks (./lct-label-check.ts for the LCT sets,
 * ./demo-label-check.ts for the demo-record sets): every text is in its record (whitespace runs collapsed), no text
 * repeats within a trial, every concept is in the vocabulary, and with a draw, every trial is drawn, in draw order,
 * each with labels. Reads labels and records only, runs no eligibility code, prints no label text.
 */
import { BASE_FIELDS, LABEL_VALUES, labelConceptProblems } from './label-vocabulary.ts';
import type { LabelledCriterion } from './labels.read.ts';

export const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

export function tally(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** A command-line option's value (`--labels <file>`), or the fallback. */
export function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

export interface RowCounts {
  readonly byType: Map<string, number>;
  readonly byValue: Map<string, number>;
  readonly thresholdsByType: Map<string, number>;
  readonly bySection: Map<string, number>;
  readonly byTrial: Map<string, number>;
  readonly concepts: number;
  readonly empty: number;
}

/**
 * Checks each labelled criterion against its record (collapsed texts by NCT id) and the draw, adding problems to
 * `problems`, and counts them. `source` is the records' kind as the label lines name it ("lct", "demo").
 */
export function checkCriteriaRows(criteria: readonly LabelledCriterion[], records: ReadonlyMap<string, string>, drawn: readonly string[] | undefined, source: 'lct' | 'demo', problems: string[]): RowCounts {
  const seen = new Set<string>();
  const counts = { byType: new Map<string, number>(), byValue: new Map<string, number>(), thresholdsByType: new Map<string, number>(), bySection: new Map<string, number>(), byTrial: new Map<string, number>() };
  let concepts = 0;
  let empty = 0;
  for (const [i, c] of criteria.entries()) {
    const where = `row ${i + 1} (${c.trial})`;
    const record = records.get(c.trial);
    if (record === undefined) problems.push(`${where}: no such ${source === 'lct' ? 'LCT' : 'demo'} record`);
    else if (!record.includes(collapse(c.text))) problems.push(`${where}: text not in record`);
    if (drawn !== undefined && !drawn.includes(c.trial)) problems.push(`${where}: trial not in the draw`);
    if (c.source !== source) problems.push(`${where}: source should be ${source}`);
    if (c.section !== 'inclusion' && c.section !== 'exclusion') problems.push(`${where}: bad section`);
    if (typeof c.conditional !== 'boolean') problems.push(`${where}: conditional should be a boolean`);
    const key = `${c.trial} ${collapse(c.text)}`;
    if (seen.has(key)) problems.push(`${where}: text repeated within the trial`);
    seen.add(key);
    tally(counts.bySection, c.section);
    tally(counts.byTrial, c.trial);
    if (c.concepts.length === 0) empty += 1;
    for (const k of c.concepts) {
      concepts += 1;
      tally(counts.byType, `${k.type} ${k.polarity}`);
      tally(counts.byValue, `${k.type}/${k.value}`);
      if (Object.keys(k).some((f) => !BASE_FIELDS.includes(f))) tally(counts.thresholdsByType, k.type);
      for (const p of labelConceptProblems(k)) problems.push(`${where}: ${p}`);
    }
  }
  if (drawn !== undefined) {
    for (const trial of drawn) if (!counts.byTrial.has(trial)) problems.push(`drawn trial ${trial} has no label`);
    if ([...counts.byTrial.keys()].join(' ') !== drawn.join(' ')) problems.push('trials are not in draw order');
  }
  return { ...counts, concepts, empty };
}

/** Prints the present / absent counts per concept type of the contract. */
export function printTypeTable(byType: ReadonlyMap<string, number>): void {
  console.log('type                 present absent');
  for (const type of Object.keys(LABEL_VALUES)) {
    const present = byType.get(`${type} present`) ?? 0;
    const absent = byType.get(`${type} absent`) ?? 0;
    console.log(`${type.padEnd(20)} ${String(present).padStart(7)} ${String(absent).padStart(6)}`);
  }
}
