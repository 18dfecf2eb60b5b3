/** The process entry point of the `trialfinder` command (bin/trialfinder.js and npm scripts run this). */
import { runCli } from './main.ts';

process.exitCode = await runCli(process.argv.slice(2));
