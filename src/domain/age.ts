import { ownValue } from './own-key.ts';

const UNIT_YEARS: Readonly<Record<string, number>> = {
  year: 1,
  month: 1 / 12,
  week: 7 / 365.25,
  day: 1 / 365.25,
  hour: 1 / (365.25 * 24),
  minute: 1 / (365.25 * 24 * 60),
};

/**
 * Reads a registry age bound ("18 Years", "6 Months", "N/A", "") into years.
 * Returns null for an open bound ("N/A", empty, absent) and `undefined` when the text cannot be read,
 * so callers can report it. Fractions are kept (6 months is 0.5), rounded to 0.01 years.
 */
export function parseAgeYears(raw: string | null | undefined): number | null | undefined {
  if (raw == null) return null;
  const text = raw.trim().toLowerCase();
  if (text === '' || text === 'n/a' || text === 'na' || text === 'none' || text === 'no limit') return null;
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]+?)s?$/.exec(text);
  if (!match) return undefined;
  const [, amount, unit] = match;
  const factor = ownValue(UNIT_YEARS, unit ?? '');
  if (factor === undefined || amount === undefined) return undefined;
  return Math.round(Number(amount) * factor * 100) / 100;
}
