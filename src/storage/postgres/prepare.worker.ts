/** A worker thread of the PostgreSQL write path: prepares rows (prepared-row.ts) for the main thread to write. */
import { serveBatches } from '../shared/worker-pool.ts';
import { prepareRow } from './prepared-row.ts';

serveBatches(prepareRow);
