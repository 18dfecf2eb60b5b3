// Issue 6, item 7: accuracy of the eligibility extractor and matcher against the hand-labelled sets in this folder.
//
//   npx tsx bench/eligibility/eligibility.bench.ts [--errors 30] [--errors-from dev] [--only concepts|verdicts] [--first-split]
//     [--held-out-dir DIR]  read the held-out files from DIR instead of test53/ (to try the code path on files of one's own)
//     [--no-held-out]       leave the held-out set out altogether: for tuning runs, so its figures are not watched
//
// Two parts (split.ts): `dev` is every label in this folder's criteria-labels.jsonl and verdicts.jsonl and in the
// folders of DEV_FOLDERS (dev3/ … test52/, each also shown in a column of its own); the held-out set is in test53/
// (split.ts HELD_OUT_DIR; same line formats, the profiles of profiles.jsonl and of any set folder's own profiles.jsonl,
// as test11/ adds), scored beside dev when its files exist, in a
// column named after its folder. Errors are listed from dev only. `--first-split` adds columns for the two parts of
// the first, retired split (both dev now), to compare with the figures recorded in README.md. An unknown option is
// refused (exit 2), so that a misspelt `--no-held-out` cannot score the held-out set by accident.
//
// Concepts: every labelled criterion's words go through parseCriteria one at a time; a predicted concept matches a
// labelled one when type, value and polarity agree (scoring.ts: canonicalKey). Thresholds are scored apart, on the
// matched pairs: exact comparator, number and unit (min/max, withinDays, withinYears likewise).
// Verdicts: each labelled trial's whole eligibility text (read from data/demo/records, as labelled: the legacy XML tar,
// else the API v2 JSON files or AACT fixtures; demo-texts.ts) is parsed once and matched against each labelled profile.
// It prints figures and asserts nothing (HOUSE_STYLE 15).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { matchTrial } from '../../src/domain/eligibility/match.ts';
import { parseCriteria } from '../../src/domain/eligibility/parse-criteria.ts';
import type { Criterion } from '../../src/domain/eligibility/criterion.ts';
import { PatientProfileSchema, type PatientProfile } from '../../src/domain/eligibility/profile.ts';
import { readDemoTrialTexts } from './demo-texts.ts';
import type { LabelledCriterion, LabelledProfile, LabelledVerdict, Verdict } from './labels.read.ts';
import { LABELS_DIR, readCriteriaLabels, readProfileLabels, readVerdictLabels, VERDICTS } from './labels.read.ts';
import type { Counts, PredictedConcept, Prf } from './scoring.ts';
import { addCounts, prf, scoreCriterion, scoreVerdicts } from './scoring.ts';
import type { Part } from './split.ts';
import { HELD_OUT_DIR, readFirstSplit, SET_FILES } from './split.ts';

/** A labelled row with the part it belongs to. */
interface Tagged<T> {
  readonly part: Part;
  readonly row: T;
}

/** A column of the tables: a name and which rows it counts. */
interface Column {
  readonly name: string;
  readonly holds: (part: Part, trial: string) => boolean;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const fmt = (x: number): string => (Number.isNaN(x) ? '    -' : x.toFixed(3));
const pad = (s: string, n: number): string => s.padEnd(n);
const line = (s = ''): void => {
  process.stdout.write(`${s}\n`);
};

/** One row of a table with a column group per part: n, P, R, F1. */
function prfRow(name: string, columns: readonly Column[], cellOf: (column: Column) => Prf, width = 30): string {
  const cell = (p: Prf): string => `${String(p.support).padStart(4)} ${fmt(p.precision)} ${fmt(p.recall)} ${fmt(p.f1)}`;
  return `${pad(name, width)} ${columns.map((c) => cell(cellOf(c))).join('  |')}`;
}

function columnsHeader(first: string, columns: readonly Column[], width = 30): string {
  // Lines up with prfRow's cells: the part's name over the count, then P, R and F1 over their numbers.
  const head = (name: string): string => `${name.padEnd(9)}P     R    F1`;
  return `${pad(first, width)} ${columns.map((c) => head(c.name)).join('  |')}`;
}

function total(map: ReadonlyMap<string, Counts>): Counts {
  const t = { tp: 0, fp: 0, fn: 0 };
  for (const c of map.values()) {
    t.tp += c.tp;
    t.fp += c.fp;
    t.fn += c.fn;
  }
  return t;
}

interface ConceptTally {
  readonly byType: Map<string, Counts>;
  readonly byTypePolarity: Map<string, Counts>;
  readonly bySource: Map<string, Map<string, Counts>>;
  thresholdsLabelled: number;
  thresholdsExact: number;
  conditionalAgree: number;
  criteria: number;
  emptyLabelled: number;
  emptyKept: number;
}

const newTally = (): ConceptTally => ({
  byType: new Map(), byTypePolarity: new Map(), bySource: new Map(),
  thresholdsLabelled: 0, thresholdsExact: 0, conditionalAgree: 0, criteria: 0, emptyLabelled: 0, emptyKept: 0,
});

function scoreConcepts(labels: readonly Tagged<LabelledCriterion>[], columns: readonly Column[], maxErrors: number): void {
  const tallies = new Map(columns.map((c) => [c.name, newTally()]));
  const errors: string[] = [];
  const started = performance.now();
  for (const { part, row: label } of labels) {
    // Read under its section's heading, as the criterion sits in its record: some readings depend on the section
    // ("patients with CNS disease are excluded" restates an exclusion list; other cancers named in one).
    const criteria = parseCriteria(`${label.section === 'exclusion' ? 'Exclusion' : 'Inclusion'} Criteria:\n${label.text}`);
    // A concept flagged `planned` is the extractor saying "this is treatment in the trial, not something the
    // person had" (docs/eligibility-concepts.md); the labels give such mentions no concept, so neither do we here.
    const predicted = criteria.flatMap((c) => c.concepts as unknown as readonly PredictedConcept[]).filter((c) => c.planned !== true);
    const score = scoreCriterion(label.concepts, predicted);
    for (const column of columns) {
      if (!column.holds(part, label.trial)) continue;
      const tally = tallies.get(column.name)!;
      addCounts(tally.byType, score.byType);
      addCounts(tally.byTypePolarity, score.byTypePolarity);
      const sourceMap = tally.bySource.get(label.source) ?? new Map<string, Counts>();
      addCounts(sourceMap, score.byType);
      tally.bySource.set(label.source, sourceMap);
      tally.thresholdsLabelled += score.thresholdsLabelled;
      tally.thresholdsExact += score.thresholdsExact;
      tally.criteria += 1;
      if (criteria.some((c) => c.conditional) === label.conditional) tally.conditionalAgree += 1;
      if (label.concepts.length === 0) {
        tally.emptyLabelled += 1;
        if (predicted.length === 0) tally.emptyKept += 1;
      }
    }
    // Errors come from dev only: the held-out set's words are never printed.
    if (part === 'dev') {
      for (const e of score.errors) errors.push(`${label.trial} ${e.kind.padEnd(9)} ${e.concept}  «${label.text.slice(0, 110)}»`);
    }
  }
  const elapsed = performance.now() - started;
  const tally = (c: Column): ConceptTally => tallies.get(c.name)!;
  const keysOf = (f: (t: ConceptTally) => ReadonlyMap<string, unknown>): string[] =>
    [...new Set(columns.flatMap((c) => [...f(tally(c)).keys()]))].sort();
  const cell = (map: ReadonlyMap<string, Counts>, key: string): Prf => prf(map.get(key) ?? { tp: 0, fp: 0, fn: 0 });

  const sizes = columns.map((c) => `${c.name} ${tally(c).criteria}`).join(', ');
  line(`Concepts: ${labels.length} labelled criteria (${sizes}), parsed in ${elapsed.toFixed(0)} ms`);
  line();
  line(columnsHeader('type', columns));
  for (const type of keysOf((t) => t.byType)) line(prfRow(type, columns, (c) => cell(tally(c).byType, type)));
  line(prfRow('OVERALL (micro)', columns, (c) => prf(total(tally(c).byType))));
  line();
  for (const key of keysOf((t) => t.byTypePolarity)) line(prfRow(key, columns, (c) => cell(tally(c).byTypePolarity, key)));
  line();
  for (const source of keysOf((t) => t.bySource)) {
    line(prfRow(`overall, ${source} texts`, columns, (c) => prf(total(tally(c).bySource.get(source) ?? new Map<string, Counts>()))));
  }
  line();
  const ratio = (a: number, b: number): string => `${a}/${b} = ${fmt(a / b)}`;
  for (const column of columns) {
    const t = tally(column);
    line(`${column.name.padEnd(8)} thresholds exact ${ratio(t.thresholdsExact, t.thresholdsLabelled)}; conditional flag agrees ${ratio(t.conditionalAgree, t.criteria)}; no-concept criteria kept empty ${ratio(t.emptyKept, t.emptyLabelled)}`);
  }
  const figures = columns.map((c) => {
    const o = prf(total(tally(c).byType));
    return `${c.name} P ${fmt(o.precision)} R ${fmt(o.recall)}`;
  });
  line(`target (issue 6): concept precision >= 0.85 and recall >= 0.85 -> ${figures.join('; ')}`);
  if (maxErrors > 0 && errors.length > 0) {
    line();
    line(`first ${Math.min(maxErrors, errors.length)} of ${errors.length} concept errors (dev):`);
    for (const e of errors.slice(0, maxErrors)) line(`  ${e}`);
  }
}

async function scoreVerdictLabels(verdicts: readonly Tagged<LabelledVerdict>[], columns: readonly Column[], maxErrors: number): Promise<void> {
  const profiles = profileLabels();
  const trialIds = new Set(verdicts.map((v) => v.row.trial));
  const texts = new Map((await readDemoTrialTexts((t) => trialIds.has(t.nctId))).map((t) => [t.nctId, t.criteria]));
  const missingIn = (part: Part): string[] => [...new Set(verdicts.filter((v) => v.part === part).map((v) => v.row.trial))].filter((id) => !texts.has(id));
  if (missingIn('dev').length > 0) line(`dev trials not found in the demo records (their pairs are skipped): ${missingIn('dev').join(', ')}`);
  // Held out: a count, never the ids.
  if (missingIn('held-out').length > 0) line(`${HELD_OUT_DIR}: ${missingIn('held-out').length} trials not found in the demo records (their pairs are skipped)`);

  const parsed = new Map([...texts].map(([id, text]) => [id, parseCriteria(text)]));
  const valid = new Map<string, PatientProfile>();
  for (const [id, p] of profiles) {
    try {
      valid.set(id, PatientProfileSchema.parse(p.profile));
    } catch (error) {
      line(`profile ${id} rejected by PatientProfileSchema (its pairs count as wrong): ${String(error).slice(0, 300)}`);
    }
  }
  const pairs = new Map(columns.map((c) => [c.name, [] as { expected: Verdict; predicted: string }[]]));
  const trialsIn = new Map(columns.map((c) => [c.name, new Set<string>()]));
  const wrong: string[] = [];
  let unknownProfiles = 0;
  const started = performance.now();
  for (const { part, row: v } of verdicts) {
    const criteria: readonly Criterion[] | undefined = parsed.get(v.trial);
    if (!criteria) continue;
    const profile = valid.get(v.profile);
    if (profile === undefined && !profiles.has(v.profile)) unknownProfiles += 1;
    const predicted = profile === undefined ? 'invalid-profile' : matchTrial(profile, criteria).verdict;
    for (const column of columns) {
      if (!column.holds(part, v.trial)) continue;
      pairs.get(column.name)!.push({ expected: v.verdict, predicted });
      trialsIn.get(column.name)!.add(v.trial);
    }
    if (predicted !== v.verdict && part === 'dev') {
      wrong.push(`${v.profile} ${v.trial} expected ${v.verdict}, got ${predicted}${v.because ? `  «${v.because.slice(0, 100)}»` : ''}`);
    }
  }
  const elapsed = performance.now() - started;
  const scores = new Map(columns.map((c) => [c.name, scoreVerdicts(pairs.get(c.name)!)]));
  const score = (c: Column): ReturnType<typeof scoreVerdicts> => scores.get(c.name)!;

  const sizes = columns.map((c) => `${c.name} ${pairs.get(c.name)!.length} on ${trialsIn.get(c.name)!.size} trials`).join(', ');
  line(`Verdicts: ${verdicts.length} profile-trial pairs (${sizes}; ${valid.size}/${profiles.size} profiles valid), matched in ${elapsed.toFixed(0)} ms`);
  if (unknownProfiles > 0) line(`${unknownProfiles} pairs name a profile missing from profiles.jsonl (counted as wrong)`);
  line(columnsHeader('verdict', columns, 20));
  for (const v of VERDICTS) line(prfRow(v, columns, (c) => score(c).perClass.get(v)!, 20));
  // A column without verdict pairs (an LCT-only set) has no verdict figures: "-", not 0.
  const macroF1 = (c: Column): number => (pairs.get(c.name)!.length === 0 ? Number.NaN : score(c).macroF1);
  for (const c of columns) line(`${c.name.padEnd(8)} macro-F1 ${fmt(macroF1(c))}   accuracy ${fmt(score(c).accuracy)} (misleading alone: most pairs are not-eligible)`);
  for (const c of columns) {
    line();
    line(`${c.name} confusion (rows expected, columns predicted):`);
    const predictedNames = [...VERDICTS, ...new Set(pairs.get(c.name)!.map((p) => p.predicted).filter((p) => !(VERDICTS as readonly string[]).includes(p)))];
    line(`${pad('', 20)}${predictedNames.map((p) => p.padStart(19)).join('')}`);
    for (const v of VERDICTS) line(`${pad(v, 20)}${predictedNames.map((p) => String(score(c).confusion.get(v)!.get(p) ?? 0).padStart(19)).join('')}`);
  }
  line();
  for (const c of columns) {
    const likely = score(c).perClass.get('likely-eligible')!;
    const notEligible = score(c).perClass.get('not-eligible')!;
    line(`targets (issue 6), ${c.name.padEnd(8)}: likely-eligible recall >= 0.85 -> ${fmt(likely.recall)}; not-eligible precision >= 0.95 -> ${fmt(notEligible.precision)}; macro-F1 >= 0.75 -> ${fmt(macroF1(c))}`);
  }
  if (maxErrors > 0 && wrong.length > 0) {
    line();
    line(`first ${Math.min(maxErrors, wrong.length)} of ${wrong.length} wrong verdicts (dev):`);
    for (const w of wrong.slice(0, maxErrors)) line(`  ${w}`);
  }
}

/**
 * The profiles of ../profiles.jsonl and those a set adds in a profiles.jsonl of its own (test11/ adds p30 … p41,
 * people with other leukaemias, so that a fresh set can hold likely-eligible pairs). An id given twice is refused.
 */
function profileLabels(): Map<string, LabelledProfile> {
  const heldOut = arg('held-out-dir', '');
  const setFiles = [
    ...DEV_FOLDERS.map((folder) => resolve(LABELS_DIR, folder, 'profiles.jsonl')),
    ...(process.argv.includes('--no-held-out') ? [] : [heldOut === '' ? resolve(LABELS_DIR, HELD_OUT_DIR, 'profiles.jsonl') : resolve(heldOut, 'profiles.jsonl')]),
  ].filter((file) => existsSync(file));
  const profiles = new Map<string, LabelledProfile>();
  for (const profile of [...readProfileLabels(), ...setFiles.flatMap((file) => readProfileLabels(file))]) {
    if (profiles.has(profile.id)) throw new Error(`profile ${profile.id} is given twice (profiles.jsonl files of the sets)`);
    profiles.set(profile.id, profile);
  }
  return profiles;
}

/** Reads one held-out file when it exists; a file still being written is reported by line number only. */
function readHeldOut<T>(name: string, read: (file: string) => T[]): T[] {
  if (process.argv.includes('--no-held-out')) return [];
  const dir = arg('held-out-dir', '');
  const file = dir === '' ? resolve(LABELS_DIR, HELD_OUT_DIR, name) : resolve(dir, name);
  if (!existsSync(file)) return [];
  try {
    return read(file);
  } catch (error) {
    line(`${HELD_OUT_DIR} not scored from ${name}: ${error instanceof Error ? error.message : 'unreadable'}`);
    return [];
  }
}

const VALUED = new Set(['--errors', '--errors-from', '--only', '--held-out-dir']);
const FLAGS = new Set(['--first-split', '--no-held-out']);
for (let i = 2; i < process.argv.length; i += 1) {
  const option = process.argv[i]!;
  if (VALUED.has(option)) i += 1;
  else if (!FLAGS.has(option)) {
    const renamed = option === '--no-test2' ? ' (renamed --no-held-out when test2 became development data)' : '';
    process.stderr.write(`unknown option ${option}${renamed}: nothing scored.\n`);
    process.exit(2);
  }
}

const maxErrors = Number(arg('errors', '30'));
const only = arg('only', 'both');
const errorPart = arg('errors-from', 'dev');
// `all` is kept as another name for dev: the whole labelled set of this folder, which is all of dev. Never held out.
if (errorPart !== 'dev' && errorPart !== 'all') {
  process.stderr.write('--errors-from takes dev (or all, the same thing): the held-out set\'s errors are never listed.\n');
  process.exit(2);
}

/**
 * The further development sets, each in a folder of its own labelled by reading (README.md there): dev3/ (12 more
 * leukaemia trials), dev4/ (8 leukaemia trials drawn like test2's), dev5/ (LCT criteria drawn like test2's), and the
 * retired held-out sets test2/ to test6/ (development data since 2026-11-28, README.md "Sixth round"). Each is part
 * of dev and has a column of its own when its files exist.
 */
const DEV_FOLDERS = ['dev3', 'dev4', 'dev5', 'test2', 'test3', 'test4', 'test5', 'test6', 'test7', 'test8', 'test9', 'test10', 'test11', 'test12', 'test13', 'test14', 'test15', 'test16', 'test17', 'test18', 'test19', 'test20', 'test21', 'test22', 'test23', 'test24', 'test25', 'test26', 'test27', 'test28', 'test29', 'test30', 'test31', 'test32', 'test33', 'test34', 'test35', 'test36', 'test37', 'test38', 'test39', 'test40', 'test41', 'test42', 'test43', 'test44', 'test45', 'test46', 'test47', 'test48', 'test49', 'test50', 'test51', 'test52'] as const;
function readDevFolder<T>(folder: string, name: string, read: (file: string) => T[]): T[] {
  const file = resolve(LABELS_DIR, folder, name);
  return existsSync(file) ? read(file) : [];
}
const devSets = DEV_FOLDERS.map((folder) => {
  const criteria = readDevFolder(folder, 'criteria-labels.jsonl', readCriteriaLabels);
  const verdicts = readDevFolder(folder, 'verdicts.jsonl', readVerdictLabels);
  return { folder, criteria, verdicts, trials: new Set([...criteria, ...verdicts].map((row) => row.trial)) };
});

const criteriaLabels: Tagged<LabelledCriterion>[] = [
  ...readCriteriaLabels().map((row) => ({ part: 'dev' as const, row })),
  ...devSets.flatMap((set) => set.criteria.map((row) => ({ part: 'dev' as const, row }))),
  ...readHeldOut(SET_FILES.criteria, readCriteriaLabels).map((row) => ({ part: 'held-out' as const, row })),
];
const verdictLabels: Tagged<LabelledVerdict>[] = [
  ...readVerdictLabels().map((row) => ({ part: 'dev' as const, row })),
  ...devSets.flatMap((set) => set.verdicts.map((row) => ({ part: 'dev' as const, row }))),
  ...readHeldOut(SET_FILES.verdicts, readVerdictLabels).map((row) => ({ part: 'held-out' as const, row })),
];

const columns: Column[] = [{ name: 'dev', holds: (part) => part === 'dev' }];
for (const set of devSets) {
  if (set.trials.size > 0) columns.push({ name: set.folder, holds: (part, trial) => part === 'dev' && set.trials.has(trial) });
}
if (criteriaLabels.some((l) => l.part === 'held-out') || verdictLabels.some((l) => l.part === 'held-out')) {
  columns.push({ name: HELD_OUT_DIR, holds: (part) => part === 'held-out' });
  const devTrials = new Set([...criteriaLabels, ...verdictLabels].filter((l) => l.part === 'dev').map((l) => l.row.trial));
  const shared = new Set([...criteriaLabels, ...verdictLabels].filter((l) => l.part === 'held-out' && devTrials.has(l.row.trial)).map((l) => l.row.trial));
  if (shared.size > 0) line(`note: ${shared.size} ${HELD_OUT_DIR} trials also have labels in dev`);
} else if (process.argv.includes('--no-held-out')) {
  line(`${HELD_OUT_DIR}: left out (--no-held-out); dev only`);
} else {
  line(`${HELD_OUT_DIR}: no held-out labels found (${HELD_OUT_DIR}/${SET_FILES.criteria}, ${HELD_OUT_DIR}/${SET_FILES.verdicts}); dev only`);
}
if (process.argv.includes('--first-split')) {
  const firstPart = readFirstSplit();
  columns.push(
    { name: 'old-dev', holds: (part, trial) => part === 'dev' && firstPart(trial) === 'dev' },
    { name: 'old-test', holds: (part, trial) => part === 'dev' && firstPart(trial) === 'test' },
  );
}
line();
if (only !== 'verdicts') scoreConcepts(criteriaLabels, columns, maxErrors);
if (only === 'both') line();
if (only !== 'concepts') await scoreVerdictLabels(verdictLabels, columns, maxErrors);
