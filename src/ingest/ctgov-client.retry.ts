/**
 * When to try a ClinicalTrials.gov request again, and how long to wait first.
 *
 * The API publishes no throttling contract (its OpenAPI description declares no 429 or 5xx), and secondary
 * sources report about 50 requests a minute per IP, so the client is polite by default and treats 429, 5xx
 * and broken connections as temporary.
 */

export interface RetryPolicy {
  /** Attempts per request, the first included. */
  readonly maxAttempts: number;
  /** Delay before the first retry, before jitter. */
  readonly baseDelayMs: number;
  readonly factor: number;
  /** No computed delay exceeds this. */
  readonly maxDelayMs: number;
  /** A Retry-After longer than this is not waited out: the request fails at once. */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 1000,
  factor: 2,
  maxDelayMs: 60_000,
  maxRetryAfterMs: 10 * 60_000,
};

/**
 * Delay before retry number `retry` (1 = the first retry): exponential, with "equal jitter" (half of the step
 * fixed, half random), then capped. Jitter spreads clients that failed together; keeping half of it fixed
 * makes every delay at least as long as the one before, whatever the random draws.
 */
export function backoffDelayMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const step = policy.baseDelayMs * policy.factor ** (retry - 1);
  const jitter = Math.min(Math.max(random(), 0), 1);
  return Math.round(Math.min(policy.maxDelayMs, step / 2 + (step / 2) * jitter));
}

/**
 * Reads a Retry-After header (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. Returns milliseconds to wait
 * from `nowMs`, never negative, or null when the header is missing or unreadable.
 */
export function parseRetryAfter(header: string | null, nowMs: number): number | null {
  const value = header?.trim() ?? '';
  if (value === '') return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
}

/** HTTP statuses worth trying again: rate limiting and server-side failures. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}
