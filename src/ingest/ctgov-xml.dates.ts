import type { PartialDate } from '../domain/trial.ts';
import { ownValue } from '../domain/own-key.ts';

const MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

/**
 * Reads a public.xsd date ("March 2003", "March 15, 2003"; the schema's `variable_date_type`) into an ISO
 * partial date ("2003-03", "2003-03-15"). ISO dates and bare years pass through. Returns null for absent or
 * blank text and `undefined` for text that is not a date, so the caller can name the field at fault.
 */
export function parseLegacyDate(raw: string | null): PartialDate | null | undefined {
  if (raw === null) return null;
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text === '') return null;
  if (/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(text)) return isRealDate(text) ? text : undefined;
  const match = /^([A-Za-z]+)\.? (?:(\d{1,2}),? )?(\d{4})$/.exec(text);
  if (!match) return undefined;
  const [, monthName = '', day, year = ''] = match;
  const month = ownValue(MONTHS, monthName.toLowerCase());
  if (month === undefined) return undefined;
  const yearMonth = `${year}-${String(month).padStart(2, '0')}`;
  if (day === undefined) return yearMonth;
  const iso = `${yearMonth}-${day.padStart(2, '0')}`;
  return isRealDate(iso) ? iso : undefined;
}

/** Rejects days a calendar does not have ("February 30"). */
function isRealDate(iso: string): boolean {
  const [year, month = 1, day = 1] = iso.split('-').map(Number);
  if (year === undefined || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
