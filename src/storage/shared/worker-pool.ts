/**
 * Runs the CPU-heavy part of a write (classifying a trial, building its full-text fields and rows) in worker
 * threads, so an import uses every core: while workers prepare one batch, the main thread parses the next and
 * writes the last. A re-derivation uses the same workers the same way (rederive-pass.ts). Each batch is split into
 * one contiguous chunk per worker; results come back in input order.
 *
 * A worker's result for an item may be null (it could not prepare it); the caller then prepares that item itself,
 * so errors are raised, worded and rolled back exactly as without workers. A worker that dies is dropped and its
 * chunk comes back as nulls; with no worker left the pool prepares nothing and the caller does all the work.
 */
import { availableParallelism } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';

export interface BatchPool<I, O> {
  /** One result per item, in order; null where the caller must do the work itself. */
  run(items: readonly I[]): Promise<Array<O | null>>;
  close(): Promise<void>;
}

interface Request<I> {
  readonly id: number;
  readonly items: readonly I[];
}

interface Reply<O> {
  readonly id: number;
  readonly results: ReadonlyArray<O | null>;
}

/**
 * Workers for a machine: one per core, at most 3; none on a single core. The main thread (parsing, hashing, writing)
 * waits on the workers about half the time, so a core per worker rather than one kept back for it: on 2 cores, 2
 * workers imported 2.5 times as fast as 1 (a 20,000-trial import, var/prof-import in the issue-3 note).
 */
export function defaultWorkerCount(): number {
  const cores = availableParallelism();
  return cores < 2 ? 0 : Math.min(3, cores);
}

const BOOT = new URL('./worker-boot.mjs', import.meta.url);

interface Member<O> {
  readonly worker: Worker;
  readonly pending: Map<number, (results: ReadonlyArray<O | null> | null) => void>;
}

/**
 * A pool of `size` workers running `module` (which calls {@link serveBatches}); `data` reaches every worker once,
 * as `serveBatches`' second argument. Workers start on the first run and never keep the process alive when idle.
 */
export function workerPool<I, O>(module: URL, data: unknown, size: number): BatchPool<I, O> {
  let members: Array<Member<O>> | null = null;
  let nextId = 0;

  const start = (): Array<Member<O>> =>
    Array.from({ length: size }, () => {
      const worker = new Worker(BOOT, { workerData: { module: module.href, data } });
      const member: Member<O> = { worker, pending: new Map() };
      worker.unref();
      worker.on('message', (reply: Reply<O>) => {
        member.pending.get(reply.id)?.([...reply.results]);
        member.pending.delete(reply.id);
        if (member.pending.size === 0) worker.unref();
      });
      const fail = (): void => {
        members = (members ?? []).filter((other) => other !== member);
        for (const resolve of member.pending.values()) resolve(null);
        member.pending.clear();
      };
      worker.on('error', fail);
      worker.on('exit', fail);
      return member;
    });

  const ask = (member: Member<O>, items: readonly I[]): Promise<ReadonlyArray<O | null> | null> =>
    new Promise((resolve) => {
      const id = nextId++;
      member.pending.set(id, resolve);
      // Kept alive while it owes an answer: the caller may be waiting on nothing else.
      member.worker.ref();
      member.worker.postMessage({ id, items } satisfies Request<I>);
    });

  return {
    async run(items) {
      members ??= start();
      const working = members;
      if (working.length === 0 || items.length === 0) return items.map(() => null);
      const chunk = Math.ceil(items.length / working.length);
      const parts = await Promise.all(working.map((member, n) => ask(member, items.slice(n * chunk, (n + 1) * chunk))));
      return parts.flatMap((results, n) => results ?? items.slice(n * chunk, (n + 1) * chunk).map(() => null));
    },
    async close() {
      const closing = members ?? [];
      members = [];
      await Promise.all(closing.map((member) => member.worker.terminate()));
    },
  };
}

/**
 * In a worker module: answers every batch with `prepare`, given the pool's data. The item and data types are the
 * pool's (`workerPool<I, O>` and its `data`); a worker module passes a function of exactly those.
 */
export function serveBatches(prepare: (item: never, data: never) => unknown): void {
  const data = (workerData as { data: never }).data;
  parentPort?.on('message', ({ id, items }: Request<never>) => {
    const results = items.map((item) => {
      try {
        return prepare(item, data);
      } catch {
        return null;
      }
    });
    parentPort?.postMessage({ id, results } satisfies Reply<unknown>);
  });
}
