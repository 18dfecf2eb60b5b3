/**
 * Server throughput under concurrent load: the API server runs in a child process of its own (serve-child.ts), so
 * its peak memory (VmHWM) is the server's alone, and autocannon drives it from this process over loopback. The
 * server logs as `trialfinder serve` does (JSON lines); this process reads them only to quote the first errors.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { ServerTarget } from './bench-backend.ts';

export interface LoadOptions {
  readonly paths: readonly string[];
  readonly seconds: number;
  readonly connections: number;
}

export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly requests: number;
  readonly latencyMedian: number;
  readonly latencyP99: number;
  readonly non2xx: number;
  /** Connection errors, timeouts included. */
  readonly errors: number;
  readonly timeouts: number;
  /** Peak resident memory of the server process (VmHWM), in bytes. */
  readonly serverPeakRss: number;
  /** Largest sampled anonymous resident memory (the process's own) and file-backed (mapped database pages), bytes. */
  readonly serverPeakAnon: number;
  readonly serverPeakFile: number;
  /** Responses by HTTP status. */
  readonly statusCounts: Readonly<Record<string, number>>;
  /** The first few error lines the server logged (pino level 50 and above), to say what a non-2xx was. */
  readonly serverErrors: readonly string[];
}

const CHILD = fileURLToPath(new URL('./serve-child.ts', import.meta.url));
/** Long enough for a slow search under load; a request still unanswered after this counts as an error. */
const REQUEST_TIMEOUT_SECONDS = 30;
const MAX_ERROR_LINES = 5;

/** A field of /proc/<pid>/status in kB (Linux), as bytes; 0 when absent. */
function statusBytes(status: string, field: string): number {
  const kb = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1];
  return kb === undefined ? 0 : Number(kb) * 1024;
}

/**
 * Samples the server's memory every 200 ms: /proc gives the peak of the whole resident set (VmHWM) but not of its
 * parts, and the parts differ in kind. Anonymous memory is the process's own (heap, SQLite's page cache, temp
 * tables); file-backed pages include a memory-mapped database, which is shared page cache the kernel can drop.
 */
function sampleMemory(pid: number): { stop: () => Promise<MemoryPeaks> } {
  const peaks = { anon: 0, file: 0 };
  const sample = async (): Promise<void> => {
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    peaks.anon = Math.max(peaks.anon, statusBytes(status, 'RssAnon'));
    peaks.file = Math.max(peaks.file, statusBytes(status, 'RssFile') + statusBytes(status, 'RssShmem'));
  };
  const timer = setInterval(() => void sample(), 200);
  return {
    async stop() {
      clearInterval(timer);
      await sample();
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      return { peak: statusBytes(status, 'VmHWM'), anon: peaks.anon, file: peaks.file };
    },
  };
}

interface MemoryPeaks {
  /** VmHWM: the peak resident set size. */
  readonly peak: number;
  /** The largest anonymous and file-backed (+ shared) resident sizes sampled. */
  readonly anon: number;
  readonly file: number;
}

/** Keeps the first few error lines of the server's JSON log (pino: level 50 is error, 60 fatal); drops the rest. */
function collectErrors(child: ChildProcess, kept: string[]): void {
  if (child.stdout === null) return;
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (kept.length < MAX_ERROR_LINES && /"level":(5|6)0\b/.test(line)) kept.push(line.slice(0, 600));
  });
}

/** Starts the server child and resolves with it and its address once it listens. */
function startServer(target: ServerTarget): Promise<{ child: ChildProcess; address: string }> {
  const child = fork(CHILD, [JSON.stringify(target)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (message: { address: string }) => {
      resolve({ child, address: message.address });
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      reject(new Error(`the server process exited with code ${code} before listening`));
    });
  });
}

/** Runs the load test against a fresh server process over `target` and stops the process afterwards. */
export async function runServerLoad(target: ServerTarget, options: LoadOptions): Promise<LoadResult> {
  const { child, address } = await startServer(target);
  const serverErrors: string[] = [];
  collectErrors(child, serverErrors);
  const pid = child.pid;
  if (pid === undefined) throw new Error('the server process has no pid');
  const memory = sampleMemory(pid);
  try {
    const requests = options.paths.map((path) => ({ method: 'GET', path }));
    // A short warm-up, so the figures are not the first requests' JIT and cold-cache costs.
    await autocannon({ url: address, connections: options.connections, amount: options.paths.length * 2, requests, timeout: REQUEST_TIMEOUT_SECONDS });
    const result = await autocannon({
      url: address,
      connections: options.connections,
      duration: options.seconds,
      requests,
      timeout: REQUEST_TIMEOUT_SECONDS,
    });
    const peaks = await memory.stop();
    return {
      requestsPerSecond: result.requests.total / result.duration,
      requests: result.requests.total,
      latencyMedian: result.latency.p50,
      latencyP99: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      serverPeakRss: peaks.peak,
      serverPeakAnon: peaks.anon,
      serverPeakFile: peaks.file,
      statusCounts: Object.fromEntries(Object.entries(result.statusCodeStats).map(([status, { count }]) => [status, Number(count)])),
      // Those logged while the load ran: requests the client abandoned may still fail once the server shuts down.
      serverErrors: [...serverErrors],
    };
  } finally {
    await memory.stop().catch(() => undefined);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.disconnect();
    await exited;
  }
}
