// Checks the label files of dev3 (or of another set, --dir) against the shared profiles and the bundled records, so a
// typo in a quoted text or a missing pair shows up before anyone scores against them. It reads labels and records only;
// it runs no eligibility code. Exit code 1 when any check fails.
//
//   npx tsx bench/eligibility/dev3/check.ts [--dir dev4]
//
// --dir names the set's folder under bench/eligibility/ (default dev3); the other development sets drawn the same way
// (dev4/) are checked with the same rules.
import { readCriteriaLabels, readProfileLabels, readVerdictLabels, type Verdict } from '../labels.read.ts';
import { legacyRecords, modernRecords } from './records.ts';
import { LABEL_UNITS, LABEL_VALUES } from '../label-vocabulary.ts';

const dirAt = process.argv.indexOf('--dir');
const SET_DIR = dirAt >= 0 ? (process.argv[dirAt + 1] ?? 'dev3') : 'dev3';
const CRITERIA_FILE = `${SET_DIR}/criteria-labels.jsonl`;
const VERDICTS_FILE = `${SET_DIR}/verdicts.jsonl`;

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

async function main(): Promise<void> {
  const problems: string[] = [];
  const criteria = readCriteriaLabels(CRITERIA_FILE);
  const verdicts = readVerdictLabels(VERDICTS_FILE);
  const profiles = readProfileLabels().map((p) => p.id);

  // Records: the modern files first, then the tar (the only slow part).
  const trials = new Set([...criteria.map((c) => c.trial), ...verdicts.map((v) => v.trial)]);
  const texts = new Map<string, string>();
  for (const r of [...modernRecords(), ...(await legacyRecords())]) {
    if (trials.has(r.nctId) && !texts.has(r.nctId)) texts.set(r.nctId, collapse(r.criteria));
  }
  for (const trial of trials) if (!texts.has(trial)) problems.push(`${trial}: no such record in data/demo/records`);

  // Criteria: verbatim span, known section and vocabulary.
  for (const [i, c] of criteria.entries()) {
    const where = `${CRITERIA_FILE} row ${i + 1} (${c.trial})`;
    const record = texts.get(c.trial);
    if (record !== undefined && !record.includes(collapse(c.text))) problems.push(`${where}: text not in record`);
    if (c.section !== 'inclusion' && c.section !== 'exclusion') problems.push(`${where}: bad section`);
    if (c.source !== 'demo') problems.push(`${where}: source should be demo`);
    for (const k of c.concepts) {
      if (!(LABEL_VALUES[k.type] ?? []).includes(k.value)) problems.push(`${where}: unknown concept ${k.type}/${k.value}`);
      if (k.unit !== undefined && !LABEL_UNITS.includes(k.unit)) problems.push(`${where}: unknown unit ${k.unit}`);
    }
  }

  // Verdicts: known ids, one line per (profile, trial), every pair present, `because` quoted from the record.
  const seen = new Set<string>();
  const counts = new Map<string, Record<Verdict, number>>();
  for (const [i, v] of verdicts.entries()) {
    const where = `${VERDICTS_FILE} row ${i + 1} (${v.profile}, ${v.trial})`;
    if (!profiles.includes(v.profile)) problems.push(`${where}: unknown profile`);
    const key = `${v.profile} ${v.trial}`;
    if (seen.has(key)) problems.push(`${where}: duplicate pair`);
    seen.add(key);
    const record = texts.get(v.trial);
    if (v.verdict !== 'likely-eligible' && v.because === undefined) problems.push(`${where}: no because`);
    if (v.because !== undefined && record !== undefined && !record.includes(collapse(v.because))) {
      problems.push(`${where}: because not in record`);
    }
    if (v.because !== undefined && !criteria.some((c) => c.trial === v.trial && collapse(c.text) === collapse(v.because ?? ''))) {
      problems.push(`${where}: because is not one of the trial's labelled criteria`);
    }
    const row = counts.get(v.trial) ?? { 'likely-eligible': 0, 'might-be-eligible': 0, 'not-eligible': 0 };
    row[v.verdict] += 1;
    counts.set(v.trial, row);
  }
  const verdictTrials = [...new Set(verdicts.map((v) => v.trial))].sort();
  for (const trial of verdictTrials) {
    for (const profile of profiles) if (!seen.has(`${profile} ${trial}`)) problems.push(`${VERDICTS_FILE}: missing ${profile} × ${trial}`);
  }
  const labelledTrials = new Set(criteria.map((c) => c.trial));
  for (const trial of verdictTrials) if (!labelledTrials.has(trial)) problems.push(`${trial}: verdicts but no criteria labels`);

  const total = { 'likely-eligible': 0, 'might-be-eligible': 0, 'not-eligible': 0 };
  console.log('trial        likely might not');
  for (const trial of verdictTrials) {
    const row = counts.get(trial)!;
    for (const k of Object.keys(total) as Verdict[]) total[k] += row[k];
    console.log(`${trial}  ${String(row['likely-eligible']).padStart(6)} ${String(row['might-be-eligible']).padStart(5)} ${String(row['not-eligible']).padStart(3)}`);
  }
  console.log(`all          ${String(total['likely-eligible']).padStart(6)} ${String(total['might-be-eligible']).padStart(5)} ${String(total['not-eligible']).padStart(3)}`);
  console.log(
    `${verdicts.length} verdict pairs (${verdictTrials.length} trials × ${profiles.length} profiles); ` +
      `${criteria.length} criteria on ${labelledTrials.size} trials, ${criteria.reduce((n, c) => n + c.concepts.length, 0)} concepts`,
  );
  if (problems.length > 0) {
    for (const p of problems) console.log(`PROBLEM ${p}`);
    process.exitCode = 1;
    return;
  }
  console.log('ok: every text and because quoted from its record, every pair present once');
}

await main();
