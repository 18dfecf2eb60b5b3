// Issue 6, item 7: accuracy of the eligibility extractor and matcher against the hand-labelled set in this folder.
//
//   npx tsx bench/eligibility/eligibility.bench.ts [--errors 30] [--only concepts|verdicts]
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

function prfRow(name: string, p: Prf, width = 34): string {
  return `${pad(name, width)} ${String(p.support).padStart(5)}  P ${fmt(p.precision)}  R ${fmt(p.recall)}  F1 ${fmt(p.f1)}`;
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

function scoreConcepts(eligibility: EligibilityModule, labels: readonly LabelledCriterion[], maxErrors: number): void {
  const byType = new Map<string, Counts>();
  const byTypePolarity = new Map<string, Counts>();
  const bySource = new Map<string, Map<string, Counts>>();
  let thresholdsLabelled = 0;
  let thresholdsExact = 0;
  let conditionalAgree = 0;
  let emptyLabelled = 0;
  let emptyKept = 0;
  const errors: string[] = [];
  const started = performance.now();
  for (const label of labels) {
    const criteria = eligibility.parseCriteria(label.text);
    const predicted = criteria.flatMap((c) => c.concepts);
    const score = scoreCriterion(label.concepts, predicted);
    addCounts(byType, score.byType);
    addCounts(byTypePolarity, score.byTypePolarity);
    const sourceMap = bySource.get(label.source) ?? new Map<string, Counts>();
    addCounts(sourceMap, score.byType);
    bySource.set(label.source, sourceMap);
    thresholdsLabelled += score.thresholdsLabelled;
    thresholdsExact += score.thresholdsExact;
    if (criteria.some((c) => c.conditional) === label.conditional) conditionalAgree += 1;
    if (label.concepts.length === 0) {
      emptyLabelled += 1;
      if (predicted.length === 0) emptyKept += 1;
    }
    for (const e of score.errors) errors.push(`${label.trial} ${e.kind.padEnd(9)} ${e.concept}  «${label.text.slice(0, 110)}»`);
  }
  const elapsed = performance.now() - started;

  line(`Concepts: ${labels.length} labelled criteria (${labels.filter((l) => l.source === 'demo').length} demo, ${labels.filter((l) => l.source === 'lct').length} LCT), parsed in ${elapsed.toFixed(0)} ms`);
  line();
  line(`${pad('type', 34)} ${'n'.padStart(5)}`);
  for (const type of [...byType.keys()].sort()) line(prfRow(type, prf(byType.get(type)!)));
  line(prfRow('OVERALL (micro)', prf(total(byType))));
  line();
  for (const key of [...byTypePolarity.keys()].sort()) line(prfRow(key, prf(byTypePolarity.get(key)!)));
  line();
  for (const [source, map] of [...bySource].sort()) line(prfRow(`overall, ${source} texts`, prf(total(map))));
  line();
  line(`thresholds exact (comparator, number, unit; min/max; within): ${thresholdsExact}/${thresholdsLabelled} = ${fmt(thresholdsExact / thresholdsLabelled)}`);
  line(`conditional flag agrees: ${conditionalAgree}/${labels.length} = ${fmt(conditionalAgree / labels.length)}`);
  line(`criteria labelled with no concept that got none: ${emptyKept}/${emptyLabelled} = ${fmt(emptyKept / emptyLabelled)}`);
  const overall = prf(total(byType));
  line(`target (issue 6): concept precision >= 0.85 and recall >= 0.85 -> P ${fmt(overall.precision)} R ${fmt(overall.recall)}`);
  if (maxErrors > 0 && errors.length > 0) {
    line();
    line(`first ${Math.min(maxErrors, errors.length)} of ${errors.length} concept errors:`);
    for (const e of errors.slice(0, maxErrors)) line(`  ${e}`);
  }
}

async function scoreVerdictLabels(eligibility: EligibilityModule, maxErrors: number): Promise<void> {
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
  const pairs: { expected: Verdict; predicted: string }[] = [];
  const wrong: string[] = [];
  const started = performance.now();
  for (const v of verdicts) {
    const criteria = parsed.get(v.trial);
    if (!criteria) continue;
    const profile = valid.get(v.profile);
    const predicted = profile === undefined ? 'invalid-profile' : eligibility.matchTrial(profile, criteria).verdict;
    pairs.push({ expected: v.verdict, predicted });
    if (predicted !== v.verdict) wrong.push(`${v.profile} ${v.trial} expected ${v.verdict}, got ${predicted}${v.because ? `  «${v.because.slice(0, 100)}»` : ''}`);
  }
  const elapsed = performance.now() - started;
  const score = scoreVerdicts(pairs);

  line(`Verdicts: ${pairs.length} profile-trial pairs (${valid.size}/${profiles.size} profiles valid, ${parsed.size} trials), matched in ${elapsed.toFixed(0)} ms`);
  for (const v of VERDICTS) line(prfRow(v, score.perClass.get(v)!, 20));
  line(`macro-F1 ${fmt(score.macroF1)}   accuracy ${fmt(score.accuracy)} (misleading alone: most pairs are not-eligible)`);
  line();
  line(`confusion (rows expected, columns predicted):`);
  const columns = [...VERDICTS, ...new Set(pairs.map((p) => p.predicted).filter((p) => !(VERDICTS as readonly string[]).includes(p)))];
  line(`${pad('', 20)}${columns.map((c) => c.padStart(19)).join('')}`);
  for (const v of VERDICTS) line(`${pad(v, 20)}${columns.map((c) => String(score.confusion.get(v)!.get(c) ?? 0).padStart(19)).join('')}`);
  line();
  const likely = score.perClass.get('likely-eligible')!;
  const notEligible = score.perClass.get('not-eligible')!;
  line(`targets (issue 6): likely-eligible recall >= 0.85 -> ${fmt(likely.recall)}; not-eligible precision >= 0.95 -> ${fmt(notEligible.precision)}; macro-F1 >= 0.75 -> ${fmt(score.macroF1)}`);
  if (maxErrors > 0 && wrong.length > 0) {
    line();
    line(`first ${Math.min(maxErrors, wrong.length)} of ${wrong.length} wrong verdicts:`);
    for (const w of wrong.slice(0, maxErrors)) line(`  ${w}`);
  }
}

const maxErrors = Number(arg('errors', '30'));
const only = arg('only', 'both');
const eligibility = eligibilityModule;
if (only !== 'verdicts') scoreConcepts(eligibility, readCriteriaLabels(), maxErrors);
if (only === 'both') line();
if (only !== 'concepts') await scoreVerdictLabels(eligibility, maxErrors);
