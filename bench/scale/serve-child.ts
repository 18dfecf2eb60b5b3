/**
 * The server process of the scale benchmark's load test, started by server-load.ts with an IPC channel: opens the
 * store named by argv[2] (a JSON ServerTarget), serves the API on a free loopback port as `trialfinder serve` does
 * (JSON request logs included, on stdout, which the parent reads for errors), tells the parent its address, and
 * closes cleanly when the parent disconnects. Running alone in its process, its memory is the server's own.
 */
import { loadPostcodeTable } from '../../src/ingest/postcode-table.read.ts';
import { buildServer } from '../../src/http/server.ts';
import type { ServerTarget } from './bench-backend.ts';
import { openTargetStore } from './bench-store.ts';

const target = JSON.parse(process.argv[2] ?? 'null') as ServerTarget;
// Loaded once at start, as `trialfinder serve` does.
const postcodes = await loadPostcodeTable();
const store = await openTargetStore(target, postcodes);
const server = await buildServer({ store, postcodes, logger: true });
const address = await server.listen({ host: '127.0.0.1', port: 0 });
process.send?.({ address });
process.once('disconnect', () => {
  void server
    .close()
    .then(() => store.close())
    .then(() => process.exit(0));
});
