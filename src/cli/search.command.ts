import type { Command } from 'commander';
import { AGE_GROUPS } from '../domain/age-group.ts';
import { TREATMENT_KINDS } from '../domain/classify/treatment-kinds.ts';
import { InvalidInput } from '../domain/errors.ts';
import type { TrialQuery } from '../domain/query.ts';
import { parseTrialQuery } from '../search/query-params.ts';
import { searchTrials } from '../search/search-trials.ts';
import { TOPICS, topicBySlug, topicQuery } from '../search/topics.ts';
import { withStore, type CliContext } from './context.ts';
import { printJson } from './output.ts';
import { formatSearchResult } from './search-format.ts';

/** Filter flags, named as the API's query parameters (commander camel-cases them): both faces parse through one function. */
interface FilterFlags {
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
  readonly cancerType?: string[];
  readonly treatment?: string[];
  readonly ageGroup?: string[];
  readonly postcode?: string;
  readonly within?: string;
  readonly sort?: string;
  readonly pageSize?: string;
  readonly pageToken?: string;
}

interface SearchFlags extends FilterFlags {
  readonly json?: boolean;
  readonly topic?: string;
}

/** The query the flags ask for: a topic's search narrowed by the other flags, or the flags alone. */
function queryFromFlags(words: readonly string[], slug: string | undefined, filters: FilterFlags): TrialQuery {
  const params = { ...filters, ...(words.length > 0 ? { q: words.join(' ') } : {}) };
  if (slug === undefined) return parseTrialQuery(params);
  const topic = topicBySlug(slug);
  if (topic === undefined) {
    throw new InvalidInput(`--topic must be one of: ${TOPICS.map((t) => t.slug).join(', ')} (see trialfinder topics).`, 'topic');
  }
  return topicQuery(topic, params);
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function registerSearchCommand(program: Command, context: CliContext): Command {
  return program
    .command('search')
    .description('Search trials (the same filters as GET /api/trials).')
    .argument('[q...]', 'free text, e.g. acute lymphoblastic leukaemia')
    .option('--topic <slug>', 'a topic search, e.g. all-targeted (list: trialfinder topics); other flags narrow it')
    .option('--cancer-type <ids>', 'cancer type ids, e.g. acute-lymphoblastic-leukaemia or leukaemia; comma-separated, repeatable', collect)
    .option('--treatment <kinds>', `${TREATMENT_KINDS.join(', ')}; comma-separated, repeatable`, collect)
    .option('--age-group <groups>', `${AGE_GROUPS.join(', ')}; comma-separated, repeatable`, collect)
    .option('--postcode <postcode>', 'a UK postcode or district, e.g. "LS1 3EX" or LS1: shows the nearest site and its distance')
    .option('--within <miles>', 'only trials with an open site this many miles from --postcode')
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
    .option('--sort <order>', 'relevance, updated, or distance (needs --postcode)')
    .option('--page-size <n>', 'results per page (1-100)')
    .option('--page-token <token>', 'the token printed for the next page')
    .option('--json', 'print the API response as JSON')
    .action(async (words: string[], { json, topic, ...filters }: SearchFlags) => {
      const query = queryFromFlags(words, topic, filters);
      const postcodes = await context.postcodes();
      const result = await withStore(context, (store) => searchTrials({ store, postcodes }, query));
      if (json === true) printJson(context.output, result);
      else context.output.out(formatSearchResult(result, { withDistance: query.postcode !== null }));
    });
}
