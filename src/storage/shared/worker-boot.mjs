// The entry of every worker thread of a store: registers tsx, so the TypeScript sources run as they are in the main
// thread (a worker does not inherit the main thread's module hooks), then loads the task module it was started for.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
