import type { Command } from 'commander';
import type { Trial } from '../domain/trial.ts';
import { getTrialOrThrow } from '../search/search-trials.ts';
import { withStore, type CliContext } from './context.ts';
import { printJson } from './output.ts';

function ages(trial: Trial): string {
  const { minAgeYears: min, maxAgeYears: max } = trial.eligibility;
  if (min === null && max === null) return 'any age';
  if (max === null) return `${min} years and over`;
  if (min === null) return `up to ${max} years`;
  return `${min} to ${max} years`;
}

/** One trial as a person reads it in a terminal. */
export function formatTrial(trial: Trial): string {
  const countries = [...new Set(trial.sites.map((site) => site.country).filter((c) => c !== null))];
  return [
    `${trial.id}: ${trial.briefTitle}`,
    `Status: ${trial.status}${trial.statusRaw ? ` (registry: ${trial.statusRaw})` : ''}`,
    `Phase: ${trial.phases.join(', ') || 'not given'} · ${trial.studyType}`,
    `Conditions: ${trial.conditions.join('; ') || 'not given'}`,
    `Treatments: ${trial.interventions.map((i) => i.name).join('; ') || 'not given'}`,
    `Who: ${ages(trial)}, sex ${trial.eligibility.sex}`,
    `Sponsor: ${trial.sponsor ?? 'not given'}`,
    `Sites: ${trial.sites.length}${countries.length > 0 ? ` in ${countries.join(', ')}` : ''}`,
    `Ids: ${trial.ids.map((id) => id.value).join(', ')}`,
    `Last updated: ${trial.dates.lastUpdate ?? 'not given'} (source: ${trial.provenance.source})`,
    '',
    trial.briefSummary ?? '',
  ].join('\n');
}

export function registerShowCommand(program: Command, context: CliContext): Command {
  return program
    .command('show')
    .description('Show one trial by any registry id (NCT, ISRCTN, EudraCT, NCI).')
    .argument('<id>', 'a registry id, e.g. NCT01234567')
    .option('--json', 'print the whole trial as JSON')
    .action(async (id: string, flags: { json?: boolean }) => {
      const trial = await withStore(context, (store) => getTrialOrThrow(store, id));
      if (flags.json === true) printJson(context.output, trial);
      else context.output.out(formatTrial(trial));
    });
}
