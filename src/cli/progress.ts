import cliProgress from 'cli-progress';
import type { ImportSummary } from '../ingest/import.ts';
import type { Output } from './output.ts';

export interface ImportProgress {
  update(summary: Readonly<ImportSummary>): void;
  stop(): void;
}

const SILENT: ImportProgress = { update: () => undefined, stop: () => undefined };

/**
 * A progress line on stderr for imports: a bar when the number of records is known, a running count
 * otherwise. Silent when stderr is not a terminal (CI logs, pipes) or when the caller wants JSON only.
 */
export function importProgress(output: Output, options: { total?: number; label?: string; enabled: boolean }): ImportProgress {
  if (!options.enabled || !output.isTty) return SILENT;
  const label = options.label ?? 'Importing';
  const known = options.total !== undefined && options.total > 0;
  const bar = new cliProgress.SingleBar(
    {
      format: known
        ? `${label} [{bar}] {percentage}% | {value}/{total} records | {stored} stored | {rejected} rejected`
        : `${label} {value} records | {stored} stored | {rejected} rejected`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(known ? (options.total ?? 0) : 0, 0, { stored: 0, rejected: 0 });
  return {
    update(summary) {
      bar.update(summary.read, { stored: summary.inserted + summary.updated, rejected: summary.rejectedCount });
    },
    stop() {
      bar.stop();
    },
  };
}
