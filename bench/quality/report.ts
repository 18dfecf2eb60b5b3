/** Printing helpers for the quality benchmarks: fixed-width tables of figures. */

/** A number with three decimals, or "n/a". */
export function figure(value: number): string {
  return Number.isFinite(value) ? value.toFixed(3) : 'n/a';
}

/** Rows as a table with padded columns, the first column left-aligned and the others right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]): string =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}
