/** Latency samples in milliseconds, summarised the way the targets are stated (median, p95, p99). */
export interface LatencySummary {
  readonly median: number;
  readonly p95: number;
  readonly p99: number;
  readonly count: number;
}

/** The nearest-rank percentile of sorted samples: an observed value, never an interpolation. */
function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** Median, p95 and p99 of the samples. */
export function summariseLatency(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), count: sorted.length };
}

/** "12.3 / 45.6 / 78.9 ms" (median / p95 / p99). */
export function formatLatency(summary: LatencySummary): string {
  return `${ms(summary.median)} / ${ms(summary.p95)} / ${ms(summary.p99)} ms`;
}

/** Milliseconds with precision that suits their size. */
export function ms(value: number): string {
  return value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0);
}
