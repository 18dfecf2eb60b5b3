// Checks this folder's verdicts (VERDICTS.md) against the shared profiles and the bundled records: every profile id
// exists, the trials are exactly the eight drawn by draw-verdicts.ts, every trial is a bundled record that no earlier
// set used, one line per (profile, trial) and the full grid, `because` present exactly when the verdict is not
// likely-eligible, and every `because` a contiguous span of its record's criteria (whitespace collapsed). It reads
// labels and records only and runs no eligibility code. dev3/check.ts is not used because it also wants each
// `because` among this folder's labelled criteria, which are another set's. Exit code 1 when any check fails.
//
//   npx tsx bench/eligibility/test4/check-verdicts.ts
import { readProfileLabels, readVerdictLabels, VERDICTS, type Verdict } from '../labels.read.ts';
import { legacyRecords, modernRecords } from '../dev3/records.ts';
import { usedTrials } from '../used-trials.ts';

const VERDICTS_FILE = 'test4/verdicts.jsonl';
/** Trials of every earlier set (none may be in this one): those before dev4, and these label files' trials. */
const EARLIER_SETS = [
  'dev4/verdicts.jsonl',
  'dev4/criteria-labels.jsonl',
  'dev5/criteria-labels.jsonl',
  'test3/verdicts.jsonl',
  'test3/criteria-labels.jsonl',
];
/** The trials `draw-verdicts.ts` drew (its output, 2026-11-28), in NCT order. */
const DRAWN = [
  'NCT00002532',
  'NCT00002704',
  'NCT00003239',
  'NCT00003289',
  'NCT00003658',
  'NCT00003694',
  'NCT00005805',
  'NCT00008307',
];

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

async function main(): Promise<void> {
  const problems: string[] = [];
  const verdicts = readVerdictLabels(VERDICTS_FILE);
  const profiles = readProfileLabels().map((p) => p.id);
  const trials = [...new Set(verdicts.map((v) => v.trial))].sort();

  // The tar first, as the draw reads it, so the quoted words are the ones the labeller read.
  const texts = new Map<string, string>();
  for (const r of [...(await legacyRecords()), ...modernRecords()]) {
    if (trials.includes(r.nctId) && !texts.has(r.nctId)) texts.set(r.nctId, collapse(r.criteria));
  }
  if (trials.join(' ') !== DRAWN.join(' ')) problems.push(`trials are not the drawn eight: ${trials.join(' ')}`);
  const earlier = usedTrials(EARLIER_SETS);
  for (const trial of trials) {
    if (!texts.has(trial)) problems.push(`${trial}: no such record in data/demo/records`);
    if (earlier.has(trial)) problems.push(`${trial}: already in an earlier set`);
  }

  const seen = new Set<string>();
  for (const [i, v] of verdicts.entries()) {
    const where = `${VERDICTS_FILE} row ${i + 1}`;
    if (!profiles.includes(v.profile)) problems.push(`${where}: unknown profile`);
    const pair = `${v.profile} ${v.trial}`;
    if (seen.has(pair)) problems.push(`${where}: pair repeated`);
    seen.add(pair);
    if (v.verdict === 'likely-eligible' && v.because !== undefined) problems.push(`${where}: likely with a because`);
    if (v.verdict !== 'likely-eligible' && v.because === undefined) problems.push(`${where}: no because`);
    const record = texts.get(v.trial);
    if (v.because !== undefined && record !== undefined && !record.includes(collapse(v.because))) {
      problems.push(`${where}: because not in record`);
    }
  }
  for (const p of profiles) for (const t of trials) if (!seen.has(`${p} ${t}`)) problems.push(`missing ${p} ${t}`);

  console.log(`${verdicts.length} verdicts, ${profiles.length} profiles x ${trials.length} trials`);
  console.log('trial        likely  might  not');
  for (const t of trials) {
    const n = (verdict: Verdict): number => verdicts.filter((v) => v.trial === t && v.verdict === verdict).length;
    console.log(`${t}  ${VERDICTS.map((v) => String(n(v)).padStart(v === 'likely-eligible' ? 6 : 5)).join('  ')}`);
  }
  const total = (verdict: Verdict): number => verdicts.filter((v) => v.verdict === verdict).length;
  console.log(`all          ${VERDICTS.map((v) => total(v)).join(' / ')}`);
  if (problems.length > 0) {
    for (const p of problems) console.log(`problem: ${p}`);
    process.exitCode = 1;
    return;
  }
  console.log('ok: every id exists, the drawn trials, no trial of an earlier set, one line per pair, full grid, every because quoted from its record');
}

await main();
