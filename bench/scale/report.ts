/** The scale benchmark's figures, one column per backend, each beside its target. */
import type { DiskUsage } from './bench-backend.ts';
import { formatLatency, ms, type LatencySummary } from './latency.ts';
import type { SearchTimings } from './search-timing.ts';
import type { LoadResult } from './server-load.ts';

export interface ImportFigures {
  readonly read: number;
  readonly stored: number;
  readonly rejected: number;
  readonly seconds: number;
}

export interface BackendFigures {
  readonly name: string;
  readonly imported: ImportFigures | null;
  readonly disk: DiskUsage;
  readonly search: SearchTimings;
  /** null when the load test could not run (the reason is printed). */
  readonly load: LoadResult | null;
}

/** The issue's targets, for 500,000 trials on this 2-core machine. */
export const TARGETS = {
  importSecondsFor500k: 15 * 60,
  searchMedianMs: 50,
  searchP99Ms: 250,
  endToEndOverRaw: 2,
  serverRssBytes: 500 * 1024 * 1024,
} as const;

/** Trials per second that import 500k within the target. */
const TARGET_IMPORT_RATE = 500_000 / TARGETS.importSecondsFor500k;

type Verdict = 'ok' | 'MISS' | '';

interface Row {
  readonly metric: string;
  readonly target: string;
  readonly cell: (figures: BackendFigures) => readonly [string, Verdict];
}

/** A row from the load test, or a failure mark when it could not run. */
function loadCell(cell: (load: LoadResult) => readonly [string, Verdict]): (figures: BackendFigures) => readonly [string, Verdict] {
  return ({ load }) => (load === null ? ['(load test failed)', 'MISS'] : cell(load));
}

const verdict = (ok: boolean): Verdict => (ok ? 'ok' : 'MISS');

function minutes(seconds: number): string {
  return seconds >= 90 ? `${(seconds / 60).toFixed(1)} min` : `${seconds.toFixed(1)} s`;
}

/** End-to-end ÷ raw, of the medians over the text queries. */
export function endToEndRatio(search: SearchTimings): number {
  return search.textFull.median / search.raw.median;
}

function latencyCell(summary: LatencySummary): readonly [string, Verdict] {
  return [formatLatency(summary), verdict(summary.median < TARGETS.searchMedianMs && summary.p99 < TARGETS.searchP99Ms)];
}

const ROWS: readonly Row[] = [
  {
    metric: 'import wall time',
    target: `< 15 min at 500k`,
    cell: ({ imported }) => (imported === null ? ['(reused)', ''] : [minutes(imported.seconds), '']),
  },
  {
    metric: 'import rate (trials/s)',
    target: `>= ${TARGET_IMPORT_RATE.toFixed(0)}/s`,
    cell: ({ imported }) => {
      if (imported === null) return ['(reused)', ''];
      const rate = imported.read / imported.seconds;
      return [rate.toFixed(0), verdict(rate >= TARGET_IMPORT_RATE)];
    },
  },
  {
    metric: 'trials stored / rejected',
    target: '',
    cell: ({ imported }) => (imported === null ? ['(reused)', ''] : [`${imported.stored} / ${imported.rejected}`, '']),
  },
  { metric: 'size on disk', target: '', cell: ({ disk }) => [`${(disk.bytes / 1e9).toFixed(2)} GB`, ''] },
  {
    metric: 'search, page+facets (med/p95/p99)',
    target: '< 50 / - / < 250 ms',
    cell: ({ search }) => latencyCell(search.full),
  },
  { metric: '  page only', target: '', cell: ({ search }) => [formatLatency(search.page), ''] },
  { metric: '  facets only', target: '', cell: ({ search }) => [formatLatency(search.facets), ''] },
  { metric: 'text queries, page+facets', target: '', cell: ({ search }) => [formatLatency(search.textFull), ''] },
  { metric: 'raw full-text lookup', target: '', cell: ({ search }) => [formatLatency(search.raw), ''] },
  {
    metric: 'end-to-end ÷ raw (medians)',
    target: '<= 2×',
    cell: ({ search }) => {
      const ratio = endToEndRatio(search);
      return [`${ratio.toFixed(1)}×`, verdict(ratio <= TARGETS.endToEndOverRaw)];
    },
  },
  {
    metric: '  page only ÷ raw',
    target: '',
    cell: ({ search }) => [`${(search.textPage.median / search.raw.median).toFixed(1)}×`, ''],
  },
  { metric: 'server req/s under load', target: '', cell: loadCell((load) => [load.requestsPerSecond.toFixed(1), '']) },
  {
    metric: 'server latency med / p99',
    target: '',
    cell: loadCell((load) => [`${ms(load.latencyMedian)} / ${ms(load.latencyP99)} ms`, '']),
  },
  {
    // A run in which no request came back, or the server logged errors, is no pass however few errors autocannon saw.
    metric: 'answered / non-2xx / errors (timeouts)',
    target: '> 0 / 0 / 0',
    cell: loadCell((load) => [
      `${load.requests} / ${load.non2xx} / ${load.errors} (${load.timeouts})${load.serverErrors.length > 0 ? `, ${load.serverErrors.length} server errors` : ''}`,
      verdict(load.requests > 0 && load.non2xx === 0 && load.errors === 0 && load.serverErrors.length === 0),
    ]),
  },
  {
    metric: 'server peak RSS (VmHWM)',
    target: '< 500 MB',
    cell: loadCell((load) => [`${(load.serverPeakRss / 1024 / 1024).toFixed(0)} MB`, verdict(load.serverPeakRss < TARGETS.serverRssBytes)]),
  },
  {
    metric: '  of which anonymous / file',
    target: '',
    cell: loadCell((load) => [`${(load.serverPeakAnon / 2 ** 20).toFixed(0)} / ${(load.serverPeakFile / 2 ** 20).toFixed(0)} MB`, '']),
  },
];

/** The figures table: a row per measure, a column per backend, each cell marked ok or MISS against its target. */
export function figuresTable(results: readonly BackendFigures[]): string {
  const header = ['measure', 'target', ...results.map((result) => result.name)];
  const body = ROWS.map((row) => [
    row.metric,
    row.target,
    ...results.map((result) => {
      const [value, mark] = row.cell(result);
      return mark === '' ? value : `${value}  ${mark}`;
    }),
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...body].map((line) => (line[column] ?? '').length)));
  const format = (line: readonly string[]): string => line.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ');
  return [format(header), widths.map((width) => '-'.repeat(width)).join('-|-'), ...body.map(format)].join('\n');
}

/** Whether any search latency or ratio target is missed, which calls for the breakdown of the slowest query. */
export function searchTargetsMissed(search: SearchTimings): boolean {
  return (
    search.full.median >= TARGETS.searchMedianMs ||
    search.full.p99 >= TARGETS.searchP99Ms ||
    endToEndRatio(search) > TARGETS.endToEndOverRaw
  );
}
