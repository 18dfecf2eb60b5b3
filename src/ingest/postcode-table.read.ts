/**
 * Reads the bundled postcode-district centroid CSV (data/postcodes/README.md) into the domain's PostcodeTable.
 * File I/O lives here so that src/domain stays pure.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { InvalidInput } from '../domain/errors.ts';
import { GB_COUNTRIES } from '../domain/postcode.ts';
import type { GbCountry, PostcodeDistrict, PostcodeTable } from '../domain/postcode.ts';

/** The table shipped with the product. */
export const DEFAULT_POSTCODE_TABLE_PATH = fileURLToPath(
  new URL('../../data/postcodes/uk_postcode_district_centroids_gb_2014.csv', import.meta.url),
);

const HEADER = 'outcode,area,latitude,longitude,easting,northing,postcode_count,country';

function isGbCountry(value: string): value is GbCountry {
  return (GB_COUNTRIES as readonly string[]).includes(value);
}

/**
 * Parses the centroid CSV text. Every row is checked (a district code, WGS84 coordinates inside Great Britain's
 * bounding box, a known country) so that a damaged file fails at start-up, naming its line, not at search time.
 */
export function parsePostcodeTable(text: string, source = 'postcode table'): PostcodeTable {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines[0]?.trim() !== HEADER) throw new InvalidInput(`${source}: expected header "${HEADER}".`, 'path');
  const table = new Map<string, PostcodeDistrict>();
  lines.slice(1).forEach((line, index) => {
    const fail = (why: string): never => {
      throw new InvalidInput(`${source} line ${index + 2}: ${why}.`, 'path');
    };
    const [outcode = '', , latText = '', lonText = '', , , , country = ''] = line.split(',');
    const lat = Number(latText);
    const lon = Number(lonText);
    if (!/^[A-Z]{1,2}\d[A-Z\d]?$/.test(outcode)) fail(`"${outcode}" is not a postcode district`);
    if (!(lat >= 49 && lat <= 61 && lon >= -9 && lon <= 2)) fail('coordinates are not in Great Britain');
    if (!isGbCountry(country)) return fail(`unknown country "${country}"`);
    if (table.has(outcode)) fail(`district ${outcode} appears twice`);
    table.set(outcode, { lat, lon, country });
  });
  return table;
}

/** Loads the postcode-district table, by default the one bundled in data/postcodes/. */
export async function loadPostcodeTable(path: string = DEFAULT_POSTCODE_TABLE_PATH): Promise<PostcodeTable> {
  const text = await readFile(path, 'utf8').catch((error: unknown) => {
    throw new InvalidInput(`Cannot read the postcode table at ${path}: ${String(error)}`, 'path');
  });
  return parsePostcodeTable(text, path);
}
