import type { PartialDate } from './trial.ts';

/**
 * Pads a registry date ("2023", "2023-06", "2023-06-15") to YYYY-MM-DD at the start of its period, so partial
 * dates sort and compare as text ("2023-06" → "2023-06-01").
 */
export function sortableDate(date: PartialDate | null): string | null {
  if (date === null) return null;
  const [year = '', month = '01', day = '01'] = date.slice(0, 10).split('-');
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}
