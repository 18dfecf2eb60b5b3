/** A worker thread of the SQLite write path: prepares trials (prepared-trial.ts) for the main thread to write. */
import { serveBatches } from '../shared/worker-pool.ts';
import { prepareTrial } from './prepared-trial.ts';

serveBatches(prepareTrial);
