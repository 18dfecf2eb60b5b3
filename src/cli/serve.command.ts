import type { Command } from 'commander';
import { openEditorialStore } from '../editorial-app.ts';
import { buildServer } from '../http/server.ts';
import type { CliContext } from './context.ts';
import { loadDemoData } from './demo-data.ts';
import { formatImportSummary } from './import-summary.ts';

interface ServeFlags {
  readonly port?: string;
  readonly host?: string;
  readonly loadDemo?: boolean;
}

/** Serves the website and API until SIGINT/SIGTERM, then closes the server and the store. */
export async function runServe(context: CliContext, flags: ServeFlags): Promise<void> {
  // Read before the store opens: a damaged table fails the start, not a patient's search.
  const postcodes = await context.postcodes();
  const store = await context.openStore();
  if (flags.loadDemo === true && (await store.count()) === 0) {
    const summary = await loadDemoData(store, context.output);
    context.output.err(formatImportSummary(summary, 5));
  }
  const editorial = await openEditorialStore(context.config.database);
  const server = await buildServer({ store, postcodes, logger: true, site: context.config.site, editor: { store: editorial, settings: context.config.editor, trials: store }, trustProxy: context.config.trustProxy });
  const port = flags.port === undefined ? context.config.port : Number(flags.port);
  const host = flags.host ?? context.config.host;
  const address = await server.listen({ port, host });
  context.output.err(`Trialfinder is serving ${await store.count()} trials at ${address} (API: ${address}/api/trials).`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  await store.close();
  await editorial.close();
}

export function registerServeCommand(program: Command, context: CliContext): Command {
  return program
    .command('serve')
    .description('Serve the JSON API (PORT, default 3000).')
    .option('--port <n>', 'port to listen on (default: PORT or 3000)')
    .option('--host <host>', 'address to listen on (default: HOST or 127.0.0.1)')
    .option('--load-demo', 'load the bundled demo dataset first when the database is empty')
    .action(async (flags: ServeFlags) => {
      await runServe(context, flags);
    });
}
