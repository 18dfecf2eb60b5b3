import type { Command } from 'commander';
import type { SearchResult, TrialSummary } from '../domain/query.ts';
import { parseTrialQuery } from '../search/query-params.ts';
import { searchTrials } from '../search/search-trials.ts';
import { withStore, type CliContext } from './context.ts';
import { printJson } from './output.ts';

/** CLI flags, named as the API's query parameters so both faces parse through one function. */
interface SearchFlags {
  readonly json?: boolean;
  readonly status?: string;
  readonly phase?: string;
  readonly studyType?: string;
  readonly condition?: string[];
  readonly intervention?: string[];
  readonly country?: string[];
  readonly age?: string;
  readonly sex?: string;
  readonly healthyVolunteers?: string;
  readonly hasResults?: string;
  readonly updatedSince?: string;
  readonly sort?: string;
  readonly pageSize?: string;
  readonly pageToken?: string;
}

function ageRange(trial: TrialSummary): string {
  const min = trial.minAgeYears === null ? 'any age' : `${trial.minAgeYears}`;
  const max = trial.maxAgeYears === null ? '' : `–${trial.maxAgeYears}`;
  return trial.minAgeYears === null && trial.maxAgeYears === null ? 'any age' : `${min}${max || '+'} years`;
}

/** A result list a person can read in a terminal. */
export function formatSearchResult(result: SearchResult): string {
  const lines = [`${result.total} trial${result.total === 1 ? '' : 's'} found.`];
  for (const trial of result.trials) {
    const phases = trial.phases.length > 0 ? ` · phase ${trial.phases.join('/')}` : '';
    lines.push(`${trial.id}  ${trial.status}${phases} · ${ageRange(trial)}`);
    lines.push(`  ${trial.briefTitle}`);
  }
  if (result.nextPageToken !== null) lines.push(`More: --page-token ${result.nextPageToken}`);
  return lines.join('\n');
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function registerSearchCommand(program: Command, context: CliContext): Command {
  return program
    .command('search')
    .description('Search trials (the same filters as GET /api/trials).')
    .argument('[q...]', 'free text, e.g. acute lymphoblastic leukaemia')
    .option('--status <list>', 'recruiting (= recruiting or not yet recruiting), completed, ... comma-separated')
    .option('--phase <list>', 'early-1, 1, 2, 3, 4, not-applicable; comma-separated')
    .option('--study-type <list>', 'interventional, observational, expanded-access')
    .option('--condition <text>', 'conditions containing these words (repeatable)', collect)
    .option('--intervention <text>', 'interventions containing these words (repeatable)', collect)
    .option('--country <name>', 'a country with a site, e.g. "United Kingdom" or UK (repeatable)', collect)
    .option('--age <years>', "a person's age: trials whose age range includes it")
    .option('--sex <sex>', 'female or male')
    .option('--healthy-volunteers <bool>', 'true or false')
    .option('--has-results <bool>', 'true or false')
    .option('--updated-since <date>', 'YYYY-MM-DD')
    .option('--sort <order>', 'relevance or updated')
    .option('--page-size <n>', 'results per page (1-100)')
    .option('--page-token <token>', 'the token printed for the next page')
    .option('--json', 'print the API response as JSON')
    .action(async (words: string[], flags: SearchFlags) => {
      const { json, ...filters } = flags;
      const query = parseTrialQuery({ ...filters, ...(words.length > 0 ? { q: words.join(' ') } : {}) });
      const result = await withStore(context, (store) => searchTrials(store, query));
      if (json === true) printJson(context.output, result);
      else context.output.out(formatSearchResult(result));
    });
}
