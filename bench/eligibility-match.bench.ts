/**
 * Eligibility matching benchmark (issue 6): parses the eligibility criteria of 500 real cancer trials from the
 * bundled demo data once (leukaemia trials first, then other cancer trials), then times matching one patient
 * profile against all 500, round after round, and prints the median and p95. Prints figures; asserts nothing.
 * The issue's target is under 200 ms median for 500 candidate trials.
 *
 * Usage: npx tsx bench/eligibility-match.bench.ts   (BENCH_ROUNDS sets the rounds, default 50; reading the demo
 * records takes about half a minute and is not timed)
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { DEMO_RECORDS_DIR } from '../src/cli/demo-data.ts';
import type { Criterion } from '../src/domain/eligibility/criterion.ts';
import { matchTrial } from '../src/domain/eligibility/match.ts';
import type { TrialVerdict } from '../src/domain/eligibility/match.ts';
import { parseCriteria } from '../src/domain/eligibility/parse-criteria.ts';
import { parsePatientProfile } from '../src/domain/eligibility/profile.ts';
import type { TrialContent } from '../src/domain/trial.ts';
import { readRecordsAt } from '../src/ingest/open-path.ts';
import { summariseLatency } from './scale/latency.ts';

const TRIALS = 500;
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 50);

/** An adult with relapsed Ph-negative B-ALL: the product's first patient. */
const PROFILE = parsePatientProfile({
  age: 45,
  sex: 'female',
  cancerType: ['b-all', 'ph-negative', 'cd19-positive'],
  diseaseState: ['relapsed'],
  priorLines: 2,
  priorTreatments: ['chemotherapy', 'allogeneic-transplant'],
  performanceStatus: { scale: 'ecog', value: 1 },
  bilirubinXUln: 1.2,
  creatinineClearanceMlMin: 75,
  altAstXUln: 1.5,
  cnsInvolvement: false,
  infections: [],
  pregnant: false,
  breastfeeding: false,
  otherCancer: false,
});

const LEUKAEMIA = /leuk[a]?emia|leukaemia|\bALL\b|lymphoblastic/i;
const CANCER = /cancer|carcinoma|tumou?r|neoplasm|lymphoma|myeloma|sarcoma|malignan|melanoma|glioma|myelodysplastic/i;

const about = (trial: TrialContent): string => [trial.briefTitle, ...trial.conditions].join(' ');

const readStarted = performance.now();
const leukaemia: TrialContent[] = [];
const otherCancer: TrialContent[] = [];
const seen = new Set<string>();
for await (const outcome of readRecordsAt(DEMO_RECORDS_DIR)) {
  if (!outcome.ok || outcome.trial.eligibility.criteria === null || seen.has(outcome.trial.id)) continue;
  seen.add(outcome.trial.id);
  if (LEUKAEMIA.test(about(outcome.trial))) leukaemia.push(outcome.trial);
  else if (CANCER.test(about(outcome.trial))) otherCancer.push(outcome.trial);
}
const chosen = [...leukaemia, ...otherCancer].slice(0, TRIALS);
console.log(`Read ${seen.size} trials with criteria in ${((performance.now() - readStarted) / 1000).toFixed(1)} s; using ${chosen.length} (${Math.min(leukaemia.length, TRIALS)} leukaemia, the rest other cancers).`);

const parseStarted = performance.now();
const parsed: Criterion[][] = chosen.map((trial) => parseCriteria(trial.eligibility.criteria));
const parseMs = performance.now() - parseStarted;
const criteria = parsed.reduce((sum, list) => sum + list.length, 0);
const withConcepts = parsed.reduce((sum, list) => sum + list.filter((c) => c.concepts.length > 0).length, 0);
console.log(`Parsed once: ${criteria} criteria (${withConcepts} with concepts, ${((100 * withConcepts) / criteria).toFixed(0)}%) in ${parseMs.toFixed(0)} ms (${(parseMs / chosen.length).toFixed(2)} ms a trial).`);

const matchAll = (): TrialVerdict[] => parsed.map((list) => matchTrial(PROFILE, list).verdict);
for (let warm = 0; warm < 5; warm += 1) matchAll();
const samples: number[] = [];
let verdicts: TrialVerdict[] = [];
for (let round = 0; round < rounds; round += 1) {
  const started = performance.now();
  verdicts = matchAll();
  samples.push(performance.now() - started);
}
const counts = new Map<TrialVerdict, number>();
for (const verdict of verdicts) counts.set(verdict, (counts.get(verdict) ?? 0) + 1);
console.log(`Verdicts for the profile: ${[...counts].map(([verdict, n]) => `${verdict} ${n}`).join(', ')}.`);
console.log(`Load average ${loadavg().map((load) => load.toFixed(2)).join(' ')}; ${rounds} rounds.`);
console.log(`Match one profile against ${chosen.length} trials: median ${summariseLatency(samples).median.toFixed(2)} ms, p95 ${summariseLatency(samples).p95.toFixed(2)} ms (target: median < 200 ms).`);
