/**
 * Builders for parts of the trial model that every JSON registry format shares: contacts, coordinates,
 * enrolment, age bounds and errors. Each takes already-read values, so the registry parsers stay a list
 * of field mappings.
 */
import type { Contact, RecordError, Sex, StudyType } from '../domain/trial.ts';

/** A contact, or null when the registry gave none of its parts (CT.gov and NCI both send empty shells). */
export function contactOf(
  name: string | null,
  role: string | null,
  phone: string | null,
  email: string | null,
): Contact | null {
  if (name === null && phone === null && email === null) return null;
  return { name, role, phone, email };
}

/** Contacts without the null ones and without exact repeats. */
export function uniqueContacts(contacts: Iterable<Contact | null>): Contact[] {
  const seen = new Set<string>();
  const out: Contact[] = [];
  for (const contact of contacts) {
    if (contact === null) continue;
    const key = JSON.stringify([contact.name, contact.role, contact.phone, contact.email]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(contact);
  }
  return out;
}

export interface LatLon {
  readonly latitude: number | null;
  readonly longitude: number | null;
}

/** A coordinate pair, kept only when both halves are numbers on the globe; otherwise both null. */
export function latLonOf(lat: number | null, lon: number | null): LatLon {
  if (lat === null || lon === null || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    return { latitude: null, longitude: null };
  }
  return { latitude: lat, longitude: lon };
}

/**
 * Enrolment as a count of people. CT.gov stores 99999999 as "not given" in old records, and some exports
 * carry negative numbers; both mean unknown. Fractions cannot be people and are rounded.
 */
export function enrollmentOf(count: number | null): number | null {
  if (count === null || count < 0 || count >= 99_999_999) return null;
  return Math.round(count);
}

/** Years rounded as `parseAgeYears` rounds them (0.01 of a year), so formats compare equal. */
export function roundYears(years: number): number {
  return Math.round(years * 100) / 100;
}

/** CT.gov's sex values (ALL / FEMALE / MALE; legacy "Both") and NCI's; anything else means no restriction. */
export function sexOf(raw: string | null): Sex {
  const value = raw?.toLowerCase();
  if (value === 'female') return 'female';
  if (value === 'male') return 'male';
  return 'all';
}

/** CT.gov StudyType in any spelling: "EXPANDED_ACCESS", "Expanded Access", "Observational [Patient Registry]". */
export function studyTypeOf(raw: string | null): StudyType {
  const value = raw?.toLowerCase().replace(/[^a-z]+/g, ' ').trim() ?? '';
  if (value.startsWith('interventional')) return 'interventional';
  if (value.startsWith('observational') || value === 'non interventional') return 'observational';
  if (value.startsWith('expanded access')) return 'expanded-access';
  return 'unknown';
}

/** A per-record error; the outcome shape every parser returns for a record it cannot use. */
export function recordError(recordId: string, field: string, reason: string): { ok: false; error: RecordError } {
  return { ok: false, error: { recordId, field, reason } };
}

/** Shortens a value for quoting in an error message, so a hostile megabyte string does not fill the log. */
export function quoted(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}
