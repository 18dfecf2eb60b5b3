/**
 * A worker thread of the PostgreSQL write path: prepares rows for the main thread to write, to import trials or to
 * re-derive them (prepared-row.ts).
 */
import { serveBatches } from '../shared/worker-pool.ts';
import { prepareItem } from './prepared-row.ts';

serveBatches(prepareItem);
