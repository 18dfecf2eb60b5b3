import type { Command } from 'commander';
import { TOPICS, listTopics } from '../search/topics.ts';
import type { CliContext } from './context.ts';
import { printJson } from './output.ts';

/** The topic searches as a person reads them: slug, title, what it covers. */
export function formatTopics(): string {
  return TOPICS.map((topic) => `${topic.slug}\n  ${topic.title}\n  ${topic.description}`).join('\n\n');
}

export function registerTopicsCommand(program: Command, context: CliContext): Command {
  return program
    .command('topics')
    .description('List the topic searches (use one with: trialfinder search --topic SLUG).')
    .option('--json', 'print the list as JSON, as GET /api/topics')
    .action((flags: { json?: boolean }) => {
      if (flags.json === true) printJson(context.output, { topics: listTopics() });
      else context.output.out(formatTopics());
    });
}
