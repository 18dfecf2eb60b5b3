/**
 * UK postcodes as people type them, read into a postcode district (outward code) and located through the district
 * centroid table in `data/postcodes/` (loaded outside the domain by `ingest/postcode-table.read.ts`).
 *
 * Format follows the Royal Mail / BS 7666 shapes: an outward code (A9, A99, AA9, AA99, A9A, AA9A) optionally followed
 * by an inward code (9AA). Error messages never repeat the full postcode: it is personal data and errors get logged.
 */
import { InvalidInput } from './errors.ts';
import type { GeoPoint } from './geo.ts';

/** Countries the district table covers (Great Britain; no Northern Ireland, Channel Islands or Isle of Man). */
export const GB_COUNTRIES = ['England', 'Scotland', 'Wales'] as const;
export type GbCountry = (typeof GB_COUNTRIES)[number];

/** One district's centroid: the mean of its unit postcodes, WGS84. */
export interface PostcodeDistrict extends GeoPoint {
  readonly country: GbCountry;
}

/** District (upper case, no space, e.g. "SW1A") → centroid. */
export type PostcodeTable = ReadonlyMap<string, PostcodeDistrict>;

export interface ParsedPostcode {
  /** The outward code, upper case: "SW1A", "M1". */
  readonly district: string;
  /** The full postcode in its standard form ("SW1A 1AA"), or null when only a district was given. */
  readonly full: string | null;
}

export interface LocatedPostcode extends ParsedPostcode, PostcodeDistrict {}

const OUTWARD = /^[A-Z]{1,2}\d[A-Z\d]?$/;
const INWARD = /^\d[A-Z]{2}$/;
/** Longer than any postcode with generous spacing: refuse early rather than run regexes on pasted essays. */
const MAX_LENGTH = 16;

const MALFORMED =
  'postcode must be a UK postcode or postcode district, such as "SW1A 1AA", "SW1A1AA" or "SW1A".';

/** Reads a postcode or district, or returns null when it is not one. Never throws. */
export function readUkPostcode(input: string): ParsedPostcode | null {
  if (input.length > MAX_LENGTH) return null;
  const compact = input.replace(/\s+/g, '').toUpperCase();
  // A whole postcode is an outward code plus a 3-character inward code that starts with a digit; no outward code
  // ends in digit-letter-letter, so the split is never ambiguous.
  if (compact.length >= 5) {
    const outward = compact.slice(0, -3);
    const inward = compact.slice(-3);
    if (OUTWARD.test(outward) && INWARD.test(inward)) return { district: outward, full: `${outward} ${inward}` };
  }
  return OUTWARD.test(compact) ? { district: compact, full: null } : null;
}

/**
 * Reads a UK postcode or postcode district in any case, with or without the space ("sw1a 1aa", "SW1A1AA", "sw1a",
 * "M1"). Throws {@link InvalidInput} on field `postcode` when it is not one.
 */
export function parseUkPostcode(input: string): ParsedPostcode {
  const parsed = readUkPostcode(input);
  if (parsed === null) throw new InvalidInput(MALFORMED, 'postcode');
  return parsed;
}

/** Locates a postcode or district, or returns null when it is malformed or not in the table. Never throws. */
export function findPostcode(table: PostcodeTable, input: string): LocatedPostcode | null {
  const parsed = readUkPostcode(input);
  const centroid = parsed === null ? undefined : table.get(parsed.district);
  return parsed === null || centroid === undefined ? null : { ...parsed, ...centroid };
}

/**
 * Locates a postcode or district at its district centroid. Throws {@link InvalidInput} (field `postcode`) when it is
 * malformed, or well-formed but not in the table (Northern Ireland, Channel Islands, Isle of Man, a district newer
 * than 2014, or a typo), so a search never silently returns nothing.
 */
export function locatePostcode(table: PostcodeTable, input: string): LocatedPostcode {
  const parsed = parseUkPostcode(input);
  const centroid = table.get(parsed.district);
  if (centroid === undefined) {
    throw new InvalidInput(
      `postcode district ${parsed.district} is not in our postcode table, which covers Great Britain ` +
        '(England, Scotland and Wales) as of 2014; Northern Ireland, Channel Islands and Isle of Man postcodes ' +
        'are not included. Check the postcode, or try a nearby district.',
      'postcode',
    );
  }
  return { ...parsed, ...centroid };
}
