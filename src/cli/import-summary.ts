import type { ImportSummary } from '../ingest/import.ts';

/** The end-of-import summary a person reads: totals, then the first rejections with their reasons. */
export function formatImportSummary(summary: ImportSummary, shown = 20): string {
  const lines = [
    `Read ${summary.read} records: ${summary.inserted} new, ${summary.updated} updated, ` +
      `${summary.unchanged} unchanged, ${summary.keptNewer} older than the stored version, ${summary.rejectedCount} rejected.`,
  ];
  for (const error of summary.rejected.slice(0, shown)) {
    lines.push(`  rejected ${error.recordId}: ${error.field}: ${error.reason}`);
  }
  if (summary.rejectedCount > shown) lines.push(`  ... and ${summary.rejectedCount - shown} more (use --json for all).`);
  return lines.join('\n');
}
