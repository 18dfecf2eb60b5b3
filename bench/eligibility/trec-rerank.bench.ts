// Issue 6, item 7: TREC Clinical Trials topics (patient descriptions) through profile extraction and eligibility
// re-ranking, beside the search alone, in one run.
//
//   npx tsx bench/eligibility/trec-rerank.bench.ts [--corpus demo|<path>] [--k 10] [--grid]
//
// Search: the issue-4 quality pipeline (bench/quality/pipeline.ts) ranks the whole bundled corpus for each topic; for
// TREC CT 2023's questionnaire topics it already ends with an eligibility stage of its own (bench/quality/
// patient-eligibility.ts: the same extractPatientProfile, parseCriteria and matchTrial, demoting not-eligible trials
// among its top 100 by 0.8), so the re-ranking below comes on top of that. Re-ranking: the topic text becomes a PatientProfile (src/domain/eligibility/profile-extract.ts), each of
// the top N trials' criteria are parsed (parseCriteria) and matched (matchTrial), and the top N are re-ordered by
//   (1 - rank / N) + weight · eligibility,
// eligibility being the match score over 3 ("score" mode: tier plus share of criteria met), the verdict alone
// ("tier" mode: likely 1, might 0.5, not 0) or 0 for not-eligible and 1 otherwise ("demote" mode). Trials below N
// keep their order. The mode, N and weight are chosen on TREC CT 2021 alone (the grid is printed with --grid, 2021
// rows only). TREC CT 2023 is printed in the halves bench/README.md splits it into: the odd-numbered topics, on which
// the pipeline's questionnaire reading was tuned (never this re-ranking), and the even-numbered ones, held out: each
// run scores them, so declare a run in bench/README.md's held-out declarations. Metrics as bench/quality (trec_eval's NDCG@k with gains 0/1/2 over every judged trial; P@k of eligible
// trials), on topics with at least one judged trial the corpus holds. Prints figures only.
import { DEMO_RECORDS_DIR } from '../../src/cli/demo-data.ts';
import { finaliseTrial } from '../../src/domain/content-hash.ts';
import type { Criterion } from '../../src/domain/eligibility/criterion.ts';
import { matchTrial } from '../../src/domain/eligibility/match.ts';
import { parseCriteria } from '../../src/domain/eligibility/parse-criteria.ts';
import type { PatientProfile } from '../../src/domain/eligibility/profile.ts';
import { extractPatientProfile } from '../../src/domain/eligibility/profile-extract.ts';
import type { Trial } from '../../src/domain/trial.ts';
import { readRecordsAt } from '../../src/ingest/open-path.ts';
import { readOptions, wholeNumber } from '../quality/args.ts';
import { keepLatest } from '../quality/corpus.ts';
import type { Judgements } from '../quality/metrics.ts';
import { meanOf, ndcgAt, precisionAt } from '../quality/metrics.ts';
import { PIPELINE_CONFIG, pipelineRank } from '../quality/pipeline.ts';
import { readQrels } from '../quality/qrels.read.ts';
import { figure, table } from '../quality/report.ts';
import { sharedDataPath } from '../quality/shared-data.ts';
import type { Topic } from '../quality/topics.read.ts';
import { readTopics } from '../quality/topics.read.ts';
import { RANK_DEPTH, searchCorpus } from '../quality/trec-task.ts';

const options = readOptions(process.argv.slice(2).filter((a) => a !== '--grid'), { corpus: 'demo', k: '10' });
const k = wholeNumber('k', options.k);
const showGrid = process.argv.includes('--grid');

type Mode = 'score' | 'tier' | 'demote';
interface Setting {
  readonly mode: Mode;
  readonly depth: number;
  readonly weight: number;
}

/** The settings tried on TREC CT 2021. */
const GRID: readonly Setting[] = (['score', 'tier', 'demote'] as const).flatMap((mode) =>
  [10, 20, 50, 100].flatMap((depth) => [0.1, 0.25, 0.5, 1, 2, 10].map((weight) => ({ mode, depth, weight }))));

interface TopicRun {
  readonly topic: Topic;
  readonly judgements: Judgements;
  readonly ranking: readonly string[];
  readonly profile: PatientProfile;
  /** Trial id → match score (0-3) and verdict, for the trials in the top RANK_DEPTH. */
  readonly matches: ReadonlyMap<string, { score: number; verdict: string }>;
}

async function loadTrials(path: string): Promise<Trial[]> {
  const kept = new Map<string, Trial>();
  const now = new Date();
  for await (const outcome of readRecordsAt(path)) if (outcome.ok) keepLatest(kept, finaliseTrial(outcome.trial, now));
  return [...new Set(kept.values())].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function rerank(run: TopicRun, setting: Setting): string[] {
  const top = run.ranking.slice(0, setting.depth);
  const eligibility = (id: string): number => {
    const match = run.matches.get(id);
    if (match === undefined) return 0.5;
    if (setting.mode === 'score') return match.score / 3;
    if (setting.mode === 'tier') return match.verdict === 'likely-eligible' ? 1 : match.verdict === 'might-be-eligible' ? 0.5 : 0;
    return match.verdict === 'not-eligible' ? 0 : 1;
  };
  const keyed = top.map((id, rank) => ({ id, rank, key: 1 - rank / setting.depth + setting.weight * eligibility(id) }));
  keyed.sort((a, b) => b.key - a.key || a.rank - b.rank);
  return [...keyed.map((entry) => entry.id), ...run.ranking.slice(setting.depth)];
}

interface Figures {
  readonly ndcg: number;
  readonly precision: number;
  /** NDCG@k on the condensed list (unjudged trials removed first; Sakai 2007): how well judged trials are ordered. */
  readonly condensed: number;
}

function score(runs: readonly TopicRun[], rank: (run: TopicRun) => readonly string[]): Figures {
  const ndcg = runs.map((run) => ndcgAt(rank(run), run.judgements, k));
  const precision = runs.map((run) => precisionAt(rank(run), run.judgements, k));
  const condensed = runs.map((run) => ndcgAt(rank(run).filter((id) => run.judgements.has(id)), run.judgements, k));
  return { ndcg: meanOf(ndcg), precision: meanOf(precision), condensed: meanOf(condensed) };
}

const started = performance.now();
const trials = await loadTrials(options.corpus === 'demo' ? DEMO_RECORDS_DIR : options.corpus);
const byId = new Map(trials.map((trial) => [trial.id, trial]));
const corpus = searchCorpus(trials, null);
const parsed = new Map<string, Criterion[]>();
const criteriaOf = (id: string): Criterion[] => {
  let criteria = parsed.get(id);
  if (criteria === undefined) {
    criteria = parseCriteria(byId.get(id)?.eligibility.criteria ?? null);
    parsed.set(id, criteria);
  }
  return criteria;
};
console.log(`TREC re-ranking by eligibility: corpus ${options.corpus}, ${trials.length} trials, loaded and indexed in ${((performance.now() - started) / 1000).toFixed(1)} s`);

async function runsOf(year: string): Promise<TopicRun[]> {
  const [topics, qrels] = await Promise.all([
    readTopics(sharedDataPath('trec-ct', 'official', `topics${year}.xml`)),
    readQrels(sharedDataPath('trec-ct', 'official', `qrels${year}.txt`)),
  ]);
  const runs: TopicRun[] = [];
  for (const topic of topics) {
    const judgements = qrels.get(topic.id);
    if (judgements === undefined || ![...judgements.keys()].some((id) => corpus.ids.has(id))) continue;
    const ranking = pipelineRank(topic, corpus.pipeline, { limit: RANK_DEPTH, config: PIPELINE_CONFIG });
    const profile = extractPatientProfile(topic.text);
    const matches = new Map(ranking.map((id) => {
      const match = matchTrial(profile, criteriaOf(id));
      return [id, { score: match.score, verdict: match.verdict }] as const;
    }));
    runs.push({ topic, judgements, ranking, profile, matches });
  }
  return runs;
}

function describe(year: string, runs: readonly TopicRun[]): void {
  const known = (field: keyof PatientProfile): number => runs.filter((run) => run.profile[field] !== undefined).length;
  const verdicts = new Map<string, number>();
  for (const run of runs) for (const id of run.ranking.slice(0, k)) {
    const verdict = run.matches.get(id)?.verdict ?? 'none';
    verdicts.set(verdict, (verdicts.get(verdict) ?? 0) + 1);
  }
  console.log(`  TREC CT ${year}: ${runs.length} topics scored; profiles read: age ${known('age')}, sex ${known('sex')}, cancer type ${known('cancerType')}, disease state ${known('diseaseState')}, prior treatments ${known('priorTreatments')}, infections ${known('infections')}, pregnant ${known('pregnant')}, performance status ${known('performanceStatus')}`);
  console.log(`    verdicts on the search's top ${k}: ${[...verdicts].map(([v, n]) => `${v} ${n}`).join(', ')}`);
}

const settingName = (s: Setting): string => `${s.mode}, top ${s.depth}, weight ${s.weight}`;

const runs2021 = await runsOf('2021');
const runs2023 = await runsOf('2023');
const odd2023 = runs2023.filter((run) => Number.parseInt(run.topic.id, 10) % 2 === 1);
const even2023 = runs2023.filter((run) => Number.parseInt(run.topic.id, 10) % 2 === 0);
describe('2021', runs2021);
describe('2023 odd-numbered', odd2023);
describe('2023 even-numbered', even2023);

const alone2021 = score(runs2021, (run) => run.ranking);
const tried = GRID.map((setting) => ({ setting, figures: score(runs2021, (run) => rerank(run, setting)) }));
// Chosen on 2021 NDCG@k; ties go to the gentler setting (earlier in the grid: smaller depth, smaller weight).
const best = tried.reduce((a, b) => (b.figures.ndcg > a.figures.ndcg + 1e-12 ? b : a));
if (showGrid) {
  console.log();
  console.log('  tuning grid, TREC CT 2021 only:');
  console.log(table(['setting', `NDCG@${k}`, `P@${k}`, `condensed NDCG@${k}`], tried.map((row) => [settingName(row.setting), figure(row.figures.ndcg), figure(row.figures.precision), figure(row.figures.condensed)])));
}
const aloneOdd = score(odd2023, (run) => run.ranking);
const chosenOdd = score(odd2023, (run) => rerank(run, best.setting));
const aloneEven = score(even2023, (run) => run.ranking);
const chosenEven = score(even2023, (run) => rerank(run, best.setting));
console.log();
console.log(`  re-ranking setting chosen on TREC CT 2021 (tuning set): ${settingName(best.setting)}; the even-numbered TREC CT 2023 topics are held out`);
const row = (topics: string, system: string, f: Figures): string[] => [topics, system, figure(f.ndcg), figure(f.precision), figure(f.condensed)];
console.log(table(
  ['topics', 'system', `NDCG@${k}`, `P@${k} eligible`, `condensed NDCG@${k}`],
  [
    row('TREC CT 2021 (tuning)', 'search alone (quality pipeline)', alone2021),
    row('TREC CT 2021 (tuning)', 'search + eligibility re-ranking', best.figures),
    row('TREC CT 2023 odd (pipeline tuning)', 'search alone (quality pipeline)', aloneOdd),
    row('TREC CT 2023 odd (pipeline tuning)', 'search + eligibility re-ranking', chosenOdd),
    row('TREC CT 2023 even (held out)', 'search alone (quality pipeline)', aloneEven),
    row('TREC CT 2023 even (held out)', 'search + eligibility re-ranking', chosenEven),
  ],
));
console.log(`  condensed NDCG: unjudged trials dropped from the ranking before scoring (most of the search's top ${k} were never judged: the TREC pools came from other systems and snapshots).`);
console.log(`  2023 even (held out), re-ranking vs search alone, NDCG@${k}: ${figure(chosenEven.ndcg - aloneEven.ndcg)} (${figure(chosenEven.ndcg / aloneEven.ndcg)}x); ${parsed.size} trials parsed; ${((performance.now() - started) / 1000).toFixed(1)} s in all`);
