/**
 * The check of a criteria set drawn from the demo records (the sets since test13; each set's check-criteria.ts gives
 * its label file, how many oncology trials the labels take, its draw and the trials it leaves out): every line parses,
 * every text is in its record, every trial is drawn (in draw order, the last one the one that reached the target),
 * no drawn trial belongs to an earlier set, every concept is in the vocabulary of docs/eligibility-concepts.md; then
 * the counts. It reads labels and records only, runs no eligibility code, and prints no label text (a set may be held
 * out). Exits with code 1 on a problem. `--labels <file>` checks another copy (relative to bench/eligibility/, or
 * absolute). It is ./lct-label-check.ts with the LCT texts replaced by the demo records of ./demo-texts.ts.
 */
import { checkCriteriaRows, collapse, option, printTypeTable } from './criteria-rows.ts';
import { namesCancer, type DemoDraw, type DemoDrawRule } from './demo-draw.ts';
import { readDemoTrialTexts } from './demo-texts.ts';
import { readCriteriaLabels } from './labels.read.ts';

/** One set: its label file, how many trials of its oncology order the labels take, its rule, draw and left-out trials. */
export interface DemoLabelSet {
  readonly labels: string;
  readonly oncologyTaken: number;
  readonly rule: DemoDrawRule;
  readonly draw: (oncology: number) => Promise<DemoDraw>;
  readonly used: ReadonlySet<string>;
}

export async function runDemoLabelCheck(set: DemoLabelSet): Promise<void> {
  const labelsFile = option('--labels', set.labels);
  const criteria = readCriteriaLabels(labelsFile);
  const draw = await set.draw(set.oncologyTaken);
  const drawn = draw.drawn.map((d) => d.trial.nctId);
  const wanted = new Set(drawn);
  // Every record the labels name, drawn or not, so that a text of an undrawn trial is still looked up.
  for (const c of criteria) wanted.add(c.trial);
  const records = new Map((await readDemoTrialTexts((t) => wanted.has(t.nctId))).map((t) => [t.nctId, collapse(t.criteria)]));

  const problems: string[] = [];
  // The draw itself: no drawn trial of an earlier set, and the stop where the rule puts it.
  const earlier = set.used;
  const reused = drawn.filter((t) => earlier.has(t)).length;
  if (reused > 0) problems.push(`${reused} drawn trial(s) belong to an earlier set`);
  if (draw.drawn.filter((d) => d.stratum === 'haem').length !== Math.min(set.rule.haem, draw.haemPool)) problems.push('haem stratum short');
  // A cancer-only oncology stratum (test14's on): every oncology trial names a cancer in its criteria or brief title.
  const noCancer = set.rule.cancerOnly ? draw.drawn.filter((d) => d.stratum === 'oncology' && !namesCancer(d.trial)).length : 0;
  if (noCancer > 0) problems.push(`${noCancer} oncology trial(s) name no cancer`);
  const last = drawn[drawn.length - 1];
  const before = criteria.filter((c) => c.trial !== last).length;
  if (before >= set.rule.criteriaTarget) problems.push(`the trials before the last already give ${before} criteria`);
  if (criteria.length < set.rule.criteriaTarget) problems.push(`${criteria.length} criteria, fewer than ${set.rule.criteriaTarget}`);

  const { byType, byValue, thresholdsByType, bySection, byTrial, concepts, empty } = checkCriteriaRows(criteria, records, drawn, 'demo', problems);

  const withThreshold = [...thresholdsByType.values()].reduce((a, b) => a + b, 0);
  console.log(`draw: haem pool ${draw.haemPool}, oncology pool ${draw.oncologyPool}; ${drawn.length} trials drawn (${set.oncologyTaken} oncology)`);
  console.log(`${criteria.length} criteria, ${byTrial.size} trials, ${concepts} concepts (${withThreshold} with a threshold)`);
  console.log(`sections: ${[...bySection].map(([s, n]) => `${s} ${n}`).join(', ')}; no concept: ${empty}; conditional: ${criteria.filter((c) => c.conditional).length}`);
  console.log(`thresholds: ${[...thresholdsByType].map(([t, n]) => `${t} ${n}`).join(', ')}`);
  printTypeTable(byType);
  console.log(`values: ${[...byValue].sort(([a], [b]) => a.localeCompare(b)).map(([v, n]) => `${v} ${n}`).join(', ')}`);
  for (const p of problems) console.log(`PROBLEM ${p}`);
  if (problems.length > 0) process.exit(1);
  console.log('OK: every line parses, every text is in its record, every trial is drawn, every concept is in the vocabulary');
}

