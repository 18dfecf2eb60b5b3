// Issue 6, item 7: accuracy of the eligibility extractor and matcher against the hand-labelled set in this folder.
//
//   npx tsx bench/eligibility/eligibility.bench.ts [--errors 30] [--errors-from dev|test|all] [--only concepts|verdicts]
//
// Figures are printed for the dev part, the test part and all of the set (split.json, by whole trial: split.ts).
// Errors are listed from the dev part only, unless asked otherwise: tuning looks at dev errors alone.
//
// Concepts: every labelled criterion's words go through parseCriteria one at a time; a predicted concept matches a
// labelled one when type, value and polarity agree (scoring.ts: canonicalKey). Thresholds are scored apart, on the
// matched pairs: exact comparator, number and unit (min/max, withinDays, withinYears likewise).
// Verdicts: each labelled trial's whole eligibility text (read from data/demo/records, as labelled) is parsed once and
// matched against each labelled profile. It prints figures and asserts nothing (HOUSE_STYLE 15).
import { matchTrial } from '../../src/domain/eligibility/match.ts';
import { parseCriteria } from '../../src/domain/eligibility/parse-criteria.ts';
import type { Criterion } from '../../src/domain/eligibility/criterion.ts';
import { PatientProfileSchema, type PatientProfile } from '../../src/domain/eligibility/profile.ts';
import { readLegacyTrialTexts } from './demo-texts.ts';
import type { LabelledCriterion, Verdict } from './labels.read.ts';
import { readCriteriaLabels, readProfileLabels, readVerdictLabels, VERDICTS } from './labels.read.ts';
import type { Counts, PredictedConcept, Prf } from './scoring.ts';
import { addCounts, prf, scoreCriterion, scoreVerdicts } from './scoring.ts';
import type { Part } from './split.ts';
import { readSplit } from './split.ts';

/** What the bench needs of src/domain/eligibility, with the concepts as plain records for the scoring. */
interface EligibilityModule {
  parseCriteria(text: string | null): readonly { section: string; text: string; conditional: boolean; concepts: readonly PredictedConcept[] }[];
  matchTrial(profile: unknown, criteria: readonly unknown[]): { verdict: string; score: number };
  profileSchema: { parse(value: unknown): unknown };
}

const eligibilityModule: EligibilityModule = {
  parseCriteria: (text) => parseCriteria(text).map((c) => ({ ...c, concepts: c.concepts as unknown as readonly PredictedConcept[] })),
  matchTrial: (profile, criteria) => matchTrial(profile as PatientProfile, criteria as readonly Criterion[]),
  profileSchema: PatientProfileSchema,
};

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const fmt = (x: number): string => (Number.isNaN(x) ? '    -' : x.toFixed(3));
const pad = (s: string, n: number): string => s.padEnd(n);
const line = (s = ''): void => {
  process.stdout.write(`${s}\n`);
};

const PARTS = ['dev', 'test', 'all'] as const;
type Column = (typeof PARTS)[number];

/** One row of a table with a column group per part: n, P, R, F1. */
function prfColumns(name: string, byPart: Readonly<Record<Column, Prf>>, width = 30): string {
  const cell = (p: Prf): string => `${String(p.support).padStart(4)} ${fmt(p.precision)} ${fmt(p.recall)} ${fmt(p.f1)}`;
  return `${pad(name, width)} ${PARTS.map((part) => cell(byPart[part])).join('  |')}`;
}

function columnsHeader(first: string, width = 30): string {
  const head = (part: string): string => `${part.padStart(4)}     P     R    F1`;
  return `${pad(first, width)} ${PARTS.map((part) => head(part)).join('  |')}`;
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

function scoreConcepts(eligibility: EligibilityModule, labels: readonly LabelledCriterion[], partOf: (trial: string) => Part, maxErrors: number, errorPart: Column): void {
  const tallies: Record<Column, ConceptTally> = { dev: newTally(), test: newTally(), all: newTally() };
  const errors: string[] = [];
  const started = performance.now();
  for (const label of labels) {
    const criteria = eligibility.parseCriteria(label.text);
    // A concept flagged `planned` is the extractor saying "this is treatment in the trial, not something the
    // person had" (docs/eligibility-concepts.md); the labels give such mentions no concept, so neither do we here.
    const predicted = criteria.flatMap((c) => c.concepts).filter((c) => c.planned !== true);
    const score = scoreCriterion(label.concepts, predicted);
    const part = partOf(label.trial);
    for (const tally of [tallies[part], tallies.all]) {
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
    if (errorPart === 'all' || part === errorPart) {
      for (const e of score.errors) errors.push(`${label.trial} ${e.kind.padEnd(9)} ${e.concept}  «${label.text.slice(0, 110)}»`);
    }
  }
  const elapsed = performance.now() - started;
  const byPart = (f: (t: ConceptTally) => Prf): Record<Column, Prf> => ({ dev: f(tallies.dev), test: f(tallies.test), all: f(tallies.all) });
  const keysOf = (f: (t: ConceptTally) => ReadonlyMap<string, unknown>): string[] => [...f(tallies.all).keys()].sort();
  const cell = (map: ReadonlyMap<string, Counts>, key: string): Prf => prf(map.get(key) ?? { tp: 0, fp: 0, fn: 0 });

  line(`Concepts: ${labels.length} labelled criteria (dev ${tallies.dev.criteria}, test ${tallies.test.criteria}; ${labels.filter((l) => l.source === 'demo').length} demo, ${labels.filter((l) => l.source === 'lct').length} LCT), parsed in ${elapsed.toFixed(0)} ms`);
  line();
  line(columnsHeader('type'));
  for (const type of keysOf((t) => t.byType)) line(prfColumns(type, byPart((t) => cell(t.byType, type))));
  line(prfColumns('OVERALL (micro)', byPart((t) => prf(total(t.byType)))));
  line();
  for (const key of keysOf((t) => t.byTypePolarity)) line(prfColumns(key, byPart((t) => cell(t.byTypePolarity, key))));
  line();
  for (const source of keysOf((t) => t.bySource)) line(prfColumns(`overall, ${source} texts`, byPart((t) => prf(total(t.bySource.get(source) ?? new Map<string, Counts>())))));
  line();
  const ratio = (a: number, b: number): string => `${a}/${b} = ${fmt(a / b)}`;
  for (const part of PARTS) {
    const t = tallies[part];
    line(`${part.padEnd(4)} thresholds exact ${ratio(t.thresholdsExact, t.thresholdsLabelled)}; conditional flag agrees ${ratio(t.conditionalAgree, t.criteria)}; no-concept criteria kept empty ${ratio(t.emptyKept, t.emptyLabelled)}`);
  }
  const o = (part: Column): Prf => prf(total(tallies[part].byType));
  line(`target (issue 6): concept precision >= 0.85 and recall >= 0.85 -> dev P ${fmt(o('dev').precision)} R ${fmt(o('dev').recall)}; test P ${fmt(o('test').precision)} R ${fmt(o('test').recall)}; all P ${fmt(o('all').precision)} R ${fmt(o('all').recall)}`);
  if (maxErrors > 0 && errors.length > 0) {
    line();
    line(`first ${Math.min(maxErrors, errors.length)} of ${errors.length} concept errors (${errorPart} part):`);
    for (const e of errors.slice(0, maxErrors)) line(`  ${e}`);
  }
}

async function scoreVerdictLabels(eligibility: EligibilityModule, partOf: (trial: string) => Part, maxErrors: number, errorPart: Column): Promise<void> {
  const verdicts = readVerdictLabels();
  const profiles = new Map(readProfileLabels().map((p) => [p.id, p]));
  const trialIds = new Set(verdicts.map((v) => v.trial));
  const texts = new Map((await readLegacyTrialTexts((t) => trialIds.has(t.nctId))).map((t) => [t.nctId, t.criteria]));
  const missing = [...trialIds].filter((id) => !texts.has(id));
  if (missing.length > 0) line(`trials not found in the demo records (their pairs are skipped): ${missing.join(', ')}`);

  const parsed = new Map([...texts].map(([id, text]) => [id, eligibility.parseCriteria(text)]));
  const valid = new Map<string, unknown>();
  for (const [id, p] of profiles) {
    try {
      valid.set(id, eligibility.profileSchema.parse(p.profile));
    } catch (error) {
      line(`profile ${id} rejected by profileSchema (its pairs count as wrong): ${String(error).slice(0, 300)}`);
    }
  }
  const pairs: Record<Column, { expected: Verdict; predicted: string }[]> = { dev: [], test: [], all: [] };
  const wrong: string[] = [];
  const started = performance.now();
  for (const v of verdicts) {
    const criteria = parsed.get(v.trial);
    if (!criteria) continue;
    const profile = valid.get(v.profile);
    const predicted = profile === undefined ? 'invalid-profile' : eligibility.matchTrial(profile, criteria).verdict;
    const part = partOf(v.trial);
    pairs[part].push({ expected: v.verdict, predicted });
    pairs.all.push({ expected: v.verdict, predicted });
    if (predicted !== v.verdict && (errorPart === 'all' || part === errorPart)) {
      wrong.push(`${v.profile} ${v.trial} expected ${v.verdict}, got ${predicted}${v.because ? `  «${v.because.slice(0, 100)}»` : ''}`);
    }
  }
  const elapsed = performance.now() - started;
  const scores = { dev: scoreVerdicts(pairs.dev), test: scoreVerdicts(pairs.test), all: scoreVerdicts(pairs.all) };
  const trialsOf = (part: Part): number => [...parsed.keys()].filter((id) => partOf(id) === part).length;

  line(`Verdicts: ${pairs.all.length} profile-trial pairs (dev ${pairs.dev.length} on ${trialsOf('dev')} trials, test ${pairs.test.length} on ${trialsOf('test')} trials; ${valid.size}/${profiles.size} profiles valid), matched in ${elapsed.toFixed(0)} ms`);
  line(columnsHeader('verdict', 20));
  for (const v of VERDICTS) line(prfColumns(v, { dev: scores.dev.perClass.get(v)!, test: scores.test.perClass.get(v)!, all: scores.all.perClass.get(v)! }, 20));
  for (const part of PARTS) line(`${part.padEnd(4)} macro-F1 ${fmt(scores[part].macroF1)}   accuracy ${fmt(scores[part].accuracy)} (misleading alone: most pairs are not-eligible)`);
  for (const part of PARTS) {
    const score = scores[part];
    line();
    line(`${part} confusion (rows expected, columns predicted):`);
    const columns = [...VERDICTS, ...new Set(pairs[part].map((p) => p.predicted).filter((p) => !(VERDICTS as readonly string[]).includes(p)))];
    line(`${pad('', 20)}${columns.map((c) => c.padStart(19)).join('')}`);
    for (const v of VERDICTS) line(`${pad(v, 20)}${columns.map((c) => String(score.confusion.get(v)!.get(c) ?? 0).padStart(19)).join('')}`);
  }
  line();
  for (const part of PARTS) {
    const likely = scores[part].perClass.get('likely-eligible')!;
    const notEligible = scores[part].perClass.get('not-eligible')!;
    line(`targets (issue 6), ${part.padEnd(4)}: likely-eligible recall >= 0.85 -> ${fmt(likely.recall)}; not-eligible precision >= 0.95 -> ${fmt(notEligible.precision)}; macro-F1 >= 0.75 -> ${fmt(scores[part].macroF1)}`);
  }
  if (maxErrors > 0 && wrong.length > 0) {
    line();
    line(`first ${Math.min(maxErrors, wrong.length)} of ${wrong.length} wrong verdicts (${errorPart} part):`);
    for (const w of wrong.slice(0, maxErrors)) line(`  ${w}`);
  }
}

const maxErrors = Number(arg('errors', '30'));
const only = arg('only', 'both');
const errorPart = arg('errors-from', 'dev');
if (errorPart !== 'dev' && errorPart !== 'test' && errorPart !== 'all') throw new Error('--errors-from takes dev, test or all');
const partOf = readSplit();
const eligibility = eligibilityModule;
if (only !== 'verdicts') scoreConcepts(eligibility, readCriteriaLabels(), partOf, maxErrors, errorPart);
if (only === 'both') line();
if (only !== 'concepts') await scoreVerdictLabels(eligibility, partOf, maxErrors, errorPart);
