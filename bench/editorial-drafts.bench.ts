/**
 * Readability of the automatic first drafts of plain-English summaries (src/domain/editorial/draft-summary.ts) over
 * the bundled demo records: the median and the 10th and 90th percentiles of the Flesch reading ease and of the UK
 * reading age, over every demo trial and over the acute lymphoblastic leukaemia (ALL) trials, the share of drafts at
 * the target (ease ≥ 60), and three sample drafts (ALL trials at the 10th, 50th and 90th percentile of ease).
 * Prints figures; asserts nothing.
 *
 * Usage: npx tsx bench/editorial-drafts.bench.ts   (reads data/demo/records through the importers, about a minute)
 */
import { performance } from 'node:perf_hooks';
import { DEMO_RECORDS_DIR } from '../src/cli/demo-data.ts';
import { finaliseTrial } from '../src/domain/content-hash.ts';
import { draftSummary, type DraftSummary } from '../src/domain/editorial/draft-summary.ts';
import { supersedes } from '../src/domain/supersedes.ts';
import { deriveTrialFacts } from '../src/domain/trial-facts.ts';
import type { Trial } from '../src/domain/trial.ts';
import { readRecordsAt } from '../src/ingest/open-path.ts';

const TARGET_EASE = 60;
const ALL_TYPE = 'acute-lymphoblastic-leukaemia';

/** Nearest-rank percentile of sorted values: an observed value, never an interpolation. */
function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

function describe(label: string, drafts: readonly DraftSummary[]): void {
  const ease = drafts.map((draft) => draft.readability.fleschReadingEase).sort((a, b) => a - b);
  const age = drafts.map((draft) => draft.readability.readingAge).sort((a, b) => a - b);
  const atTarget = ease.filter((score) => score >= TARGET_EASE).length;
  const words = drafts.map((draft) => draft.readability.words).sort((a, b) => a - b);
  console.log(
    `${label} (n=${drafts.length}):\n` +
      `  Flesch reading ease  median ${percentile(ease, 50).toFixed(1)}, p10 ${percentile(ease, 10).toFixed(1)}, p90 ${percentile(ease, 90).toFixed(1)}; ` +
      `${((100 * atTarget) / drafts.length).toFixed(1)}% at ${TARGET_EASE} or more\n` +
      `  UK reading age       median ${percentile(age, 50).toFixed(1)}, p10 ${percentile(age, 10).toFixed(1)}, p90 ${percentile(age, 90).toFixed(1)} years\n` +
      `  draft length         median ${percentile(words, 50)} words, p90 ${percentile(words, 90)}`,
  );
}

const started = performance.now();
// The same trial from two registries is kept once, as an import keeps it: the record that supersedes the other.
const trials = new Map<string, Trial>();
let records = 0;
for await (const outcome of readRecordsAt(DEMO_RECORDS_DIR)) {
  records += 1;
  if (!outcome.ok) continue;
  const trial = finaliseTrial(outcome.trial, new Date(0));
  const stored = trials.get(trial.id);
  if (stored === undefined || supersedes(trial.provenance, stored.provenance)) trials.set(trial.id, trial);
}
const read = performance.now();

const all: DraftSummary[] = [];
const allTrials: DraftSummary[] = [];
for (const trial of trials.values()) {
  const facts = deriveTrialFacts(trial, null);
  const draft = draftSummary(trial, facts);
  all.push(draft);
  if (facts.cancerTypes.some((type) => type.id === ALL_TYPE)) allTrials.push(draft);
}
const drafted = performance.now();

console.log(`data/demo/records: ${records} records, ${trials.size} trials; read in ${((read - started) / 1000).toFixed(1)} s, drafted in ${((drafted - read) / 1000).toFixed(1)} s`);
describe('All demo trials', all);
describe('Acute lymphoblastic leukaemia (ALL) trials', allTrials);

const byEase = [...allTrials].sort((a, b) => a.readability.fleschReadingEase - b.readability.fleschReadingEase);
for (const p of [10, 50, 90]) {
  const sample = byEase[Math.min(byEase.length - 1, Math.max(0, Math.ceil((p / 100) * byEase.length) - 1))];
  if (sample === undefined) continue;
  const { fleschReadingEase, readingAge, sentences, words } = sample.readability;
  console.log(
    `\n--- Sample: ALL trial at the ${p}th percentile of ease, ${sample.trialId}: ease ${fleschReadingEase.toFixed(1)}, ` +
      `reading age ${readingAge.toFixed(1)}, ${sentences} sentences, ${words} words ---\n${sample.text}`,
  );
}
