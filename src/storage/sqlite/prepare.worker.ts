/**
 * A worker thread of the SQLite write path: prepares trials for the main thread to write, to import them or to
 * re-derive them (prepared-trial.ts).
 */
import { serveBatches } from '../shared/worker-pool.ts';
import { prepareItem } from './prepared-trial.ts';

serveBatches(prepareItem);
