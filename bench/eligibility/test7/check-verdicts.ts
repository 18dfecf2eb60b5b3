// Checks test7's expected verdicts (VERDICTS.md here) against the shared profiles and the bundled demo records, and
// prints how many of each verdict every trial got. It fails (exit code 1) when a profile id is unknown, when the
// trials are not exactly the twelve that draw-verdicts.ts drew, when a trial is missing from the bundled records or
// belongs to an earlier labelled set, when a (profile, trial) pair is repeated or missing from the 29 x 12 grid, when
// a likely pair has a `because` or another pair lacks one, or when a `because` is not a contiguous piece of its
// record's criteria once runs of whitespace are collapsed. It reads label files and records only; no eligibility code
// is imported or run. (../dev3/check.ts is not used: it also wants every `because` among this folder's criteria
// labels, which belong to the other half of the set.)
//
//   npx tsx bench/eligibility/test7/check-verdicts.ts
import { readProfileLabels, readVerdictLabels, VERDICTS, type Verdict } from '../labels.read.ts';
import { legacyRecords, modernRecords } from '../dev3/records.ts';
import { usedTrials } from '../used-trials.ts';

const VERDICTS_FILE = 'test7/verdicts.jsonl';
/** Trials of every earlier set (none may be in this one): those before dev4, and these label files' trials. */
const EARLIER_SETS = [
  'dev4/verdicts.jsonl',
  'dev4/criteria-labels.jsonl',
  'dev5/criteria-labels.jsonl',
  'test3/verdicts.jsonl',
  'test3/criteria-labels.jsonl',
  'test4/verdicts.jsonl',
  'test4/criteria-labels.jsonl',
  'test5/verdicts.jsonl',
  'test5/criteria-labels.jsonl',
  'test6/verdicts.jsonl',
  'test6/criteria-labels.jsonl',
];
/** The trials `draw-verdicts.ts` drew (its output, 2026-11-28), in NCT order. */
const DRAWN = [
  'NCT00002574',
  'NCT00002718',
  'NCT00002742',
  'NCT00002761',
  'NCT00002925',
  'NCT00003406',
  'NCT00003435',
  'NCT00004896',
  'NCT00005866',
  'NCT00009984',
  'NCT00462657',
  'NCT00499889',
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
  if (trials.join(' ') !== DRAWN.join(' ')) problems.push(`trials are not the drawn twelve: ${trials.join(' ')}`);
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
