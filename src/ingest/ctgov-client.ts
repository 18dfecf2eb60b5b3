/**
 * The live ClinicalTrials.gov API v2 client: pages through `GET /studies` politely and survives a flaky network.
 *
 * API reference: https://clinicaltrials.gov/data-api/api. A search answers `{ studies, nextPageToken,
 * totalCount }`; the last page has no `nextPageToken`. Pages are cursor-based (no offsets), so a run can only
 * walk forward from a token, which is also what makes a killed import resumable.
 * Every side effect (HTTP, clock, sleeping, randomness) comes in through `CtgovClientDeps`.
 */
import { InvalidInput, Unavailable } from '../domain/errors.ts';
import { buildStudiesUrl, CTGOV_BASE_URL, normaliseCtgovOptions } from './ctgov-client.query.ts';
import type { CtgovFetchOptions } from './ctgov-client.query.ts';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, isRetryableStatus, parseRetryAfter } from './ctgov-client.retry.ts';
import type { RetryPolicy } from './ctgov-client.retry.ts';

export { CTGOV_BASE_URL, CTGOV_OVERALL_STATUSES } from './ctgov-client.query.ts';
export type { CtgovFetchOptions, CtgovQuery, CtgovResumePoint } from './ctgov-client.query.ts';
export type { RetryPolicy } from './ctgov-client.retry.ts';

/** One page of search results, as the API sent it. */
export interface CtgovPage {
  /** Raw v2 study objects; parsing is the caller's business. */
  readonly studies: unknown[];
  /** Token for the next page; null on the last page. */
  readonly nextPageToken: string | null;
  /** 1-based, counted from the first page of the search (also when resuming). */
  readonly pageNumber: number;
  /** Studies matching the search; only the first page of a search carries it. */
  readonly totalCount: number | null;
}

/** What the client reports as it goes (for progress output and debugging). */
export type CtgovClientEvent =
  | { readonly type: 'request'; readonly pageNumber: number; readonly attempt: number; readonly url: string }
  | { readonly type: 'rate-limit-wait'; readonly ms: number }
  | {
      readonly type: 'retry';
      readonly pageNumber: number;
      readonly attempt: number;
      readonly delayMs: number;
      readonly reason: string;
    }
  | { readonly type: 'page'; readonly pageNumber: number; readonly studies: number; readonly totalCount: number | null };

export interface CtgovClientDeps {
  readonly fetch: typeof fetch;
  sleep(ms: number): Promise<void>;
  /** Epoch milliseconds, as Date.now: spaces requests and reads Retry-After HTTP-dates. */
  now(): number;
  log?(event: CtgovClientEvent): void;
  /** A number in [0, 1) for backoff jitter; Math.random when absent. */
  random?(): number;
}

interface StudiesBody {
  readonly studies: unknown[];
  readonly nextPageToken: string | null;
  readonly totalCount: number | null;
}

type Attempt =
  | { readonly ok: true; readonly body: StudiesBody }
  | { readonly ok: false; readonly reason: string; readonly retryAfterMs: number | null };

const DEFAULT_MIN_INTERVAL_MS = 1000;
const DEFAULT_TIMEOUT_MS = 30_000;

/** Reads a search response, or null when it is not one (a body we cannot trust is retried). */
function readStudiesBody(value: unknown): StudiesBody | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  // An empty search may come without `studies`; any other object without it is not a page.
  if (record.studies === undefined && Object.keys(record).some((key) => key !== 'totalCount' && key !== 'nextPageToken')) return null;
  const studies = record.studies ?? [];
  if (!Array.isArray(studies)) return null;
  const token = record.nextPageToken;
  const total = record.totalCount;
  return {
    studies: studies as unknown[],
    nextPageToken: typeof token === 'string' && token !== '' ? token : null,
    totalCount: typeof total === 'number' ? total : null,
  };
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  // undici reports socket trouble as TypeError("fetch failed" / "terminated") with the real reason as cause.
  const cause: unknown = error.cause;
  const detail = cause instanceof Error ? `: ${'code' in cause ? String(cause.code) + ' ' : ''}${cause.message}` : '';
  return `${error.message}${detail}`;
}

/** The API answers errors in text/plain ("`x` is unknown parameter"), sometimes JSON; keep it short. */
async function errorMessage(response: Response): Promise<string> {
  let text = '';
  try {
    text = await response.text();
  } catch {
    // The status alone will have to do.
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) {
      const { message, error } = parsed as Record<string, unknown>;
      if (typeof message === 'string') text = message;
      else if (typeof error === 'string') text = error;
    }
  } catch {
    // Plain text, as the API usually sends.
  }
  // A wrong base URL gets nginx's HTML 404 page: keep its words, not its tags.
  const oneLine = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  if (oneLine === '') return response.statusText || 'no message';
  return oneLine.length > 300 ? `${oneLine.slice(0, 300)}…` : oneLine;
}

async function discardBody(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // Nothing to salvage from a failed response.
  }
}

/** One HTTP attempt: a page, a retryable failure, or a thrown non-retryable error. */
async function attemptOnce(url: URL, deps: CtgovClientDeps, timeoutMs: number, limiter: RateLimiter): Promise<Attempt> {
  let response: Response;
  try {
    const signal = AbortSignal.timeout(timeoutMs);
    limiter.started();
    response = await deps.fetch(url, { headers: { accept: 'application/json' }, signal });
  } catch (error) {
    return { ok: false, reason: describeFailure(error, timeoutMs), retryAfterMs: null };
  }
  if (isRetryableStatus(response.status)) {
    // Retry-After is meaningful on 429 and 503 (RFC 9110 §10.2.3); elsewhere our own backoff decides.
    const honoured = response.status === 429 || response.status === 503;
    const retryAfterMs = honoured ? parseRetryAfter(response.headers.get('retry-after'), deps.now()) : null;
    await discardBody(response);
    return { ok: false, reason: `HTTP ${response.status}`, retryAfterMs };
  }
  if (!response.ok) {
    const reason = await errorMessage(response);
    const message = `ClinicalTrials.gov refused ${url.pathname}${url.search} with HTTP ${response.status}: ${reason}`;
    throw response.status === 400 || response.status === 422 ? new InvalidInput(message) : new Unavailable(message);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    return { ok: false, reason: `response cut off: ${describeFailure(error, timeoutMs)}`, retryAfterMs: null };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: `invalid JSON body (${text.length} characters; truncated?)`, retryAfterMs: null };
  }
  const body = readStudiesBody(parsed);
  if (body === null) return { ok: false, reason: 'response is not a studies page', retryAfterMs: null };
  return { ok: true, body };
}

function nonNegative(value: number, field: string): number {
  if (!Number.isFinite(value) || value < 0) throw new InvalidInput(`${field} must be a number of milliseconds; got ${value}.`, field);
  return value;
}

/**
 * Spaces request starts at least `minIntervalMs` apart, measured with the injected clock: `wait` before a request,
 * `started` in the same tick as the request is sent, so nothing that runs between the wait and the send (a log line,
 * a pause of the event loop) can bring two requests closer than the interval.
 */
interface RateLimiter {
  wait(): Promise<void>;
  started(): void;
}

function rateLimiter(deps: CtgovClientDeps, minIntervalMs: number): RateLimiter {
  let lastStart: number | null = null;
  return {
    async wait() {
      // Timers may fire a little early by the clock we were given, so look again (a few times at most, in
      // case an injected sleep does not move that clock at all).
      for (let check = 0; lastStart !== null && check < 3; check += 1) {
        const wait = Math.ceil(lastStart + minIntervalMs - deps.now());
        if (wait <= 0) break;
        deps.log?.({ type: 'rate-limit-wait', ms: wait });
        await deps.sleep(wait);
      }
    },
    started() {
      lastStart = deps.now();
    },
  };
}

/**
 * Pages through a ClinicalTrials.gov v2 search, yielding each page as it arrives. Requests are spaced by
 * `minIntervalMs`; 429, 5xx, timeouts, dropped connections and unreadable bodies are retried with
 * exponential backoff and jitter (Retry-After honoured); other 4xx fail at once.
 *
 * @throws InvalidInput for bad options or an HTTP 400/422; Unavailable when the API stays unreachable,
 *   answers another 4xx, or repeats a page token.
 */
export async function* fetchCtgovStudies(options: CtgovFetchOptions, deps: CtgovClientDeps): AsyncGenerator<CtgovPage> {
  const { query, pageSize, maxPages } = normaliseCtgovOptions(options);
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const timeoutMs = nonNegative(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 'timeoutMs');
  const random = (): number => (deps.random === undefined ? Math.random() : deps.random());
  const throttle = rateLimiter(deps, nonNegative(options.minIntervalMs ?? DEFAULT_MIN_INTERVAL_MS, 'minIntervalMs'));
  const baseUrl = options.baseUrl ?? CTGOV_BASE_URL;

  let pageToken = options.resumeFrom?.pageToken ?? null;
  let pageNumber = options.resumeFrom?.pagesDone ?? 0;
  for (let fetched = 0; maxPages === null || fetched < maxPages; fetched += 1) {
    pageNumber += 1;
    const url = buildStudiesUrl(baseUrl, query, { pageSize, pageToken });
    const body = await fetchWithRetries(url, pageNumber, { deps, policy, timeoutMs, random, throttle });
    if (body.nextPageToken !== null && body.nextPageToken === pageToken) {
      throw new Unavailable(`ClinicalTrials.gov returned the same page token twice (page ${pageNumber}); stopping.`);
    }
    deps.log?.({ type: 'page', pageNumber, studies: body.studies.length, totalCount: body.totalCount });
    yield { studies: body.studies, nextPageToken: body.nextPageToken, pageNumber, totalCount: body.totalCount };
    if (body.nextPageToken === null) return;
    pageToken = body.nextPageToken;
  }
}

interface RetryContext {
  readonly deps: CtgovClientDeps;
  readonly policy: RetryPolicy;
  readonly timeoutMs: number;
  readonly random: () => number;
  readonly throttle: RateLimiter;
}

async function fetchWithRetries(url: URL, pageNumber: number, ctx: RetryContext): Promise<StudiesBody> {
  const { deps, policy } = ctx;
  for (let attempt = 1; ; attempt += 1) {
    await ctx.throttle.wait();
    deps.log?.({ type: 'request', pageNumber, attempt, url: url.href });
    const outcome = await attemptOnce(url, deps, ctx.timeoutMs, ctx.throttle);
    if (outcome.ok) return outcome.body;
    if (attempt >= policy.maxAttempts) {
      throw new Unavailable(
        `ClinicalTrials.gov did not deliver page ${pageNumber} after ${attempt} attempts (last: ${outcome.reason}).`,
      );
    }
    const delayMs = outcome.retryAfterMs ?? backoffDelayMs(attempt, policy, ctx.random);
    if (delayMs > policy.maxRetryAfterMs) {
      throw new Unavailable(`ClinicalTrials.gov asks to wait ${Math.round(delayMs / 1000)} s before retrying (${outcome.reason}).`);
    }
    deps.log?.({ type: 'retry', pageNumber, attempt, delayMs, reason: outcome.reason });
    await deps.sleep(delayMs);
  }
}
