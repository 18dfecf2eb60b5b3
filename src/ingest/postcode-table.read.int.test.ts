import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { before, describe, it } from 'node:test';
import { InvalidInput } from '../domain/errors.ts';
import { distanceMiles } from '../domain/geo.ts';
import { locatePostcode } from '../domain/postcode.ts';
import type { PostcodeTable } from '../domain/postcode.ts';
import { DEFAULT_POSTCODE_TABLE_PATH, loadPostcodeTable, parsePostcodeTable } from './postcode-table.read.ts';

describe('loadPostcodeTable (bundled file)', () => {
  let table: PostcodeTable;
  let rows: string[][];
  before(async () => {
    table = await loadPostcodeTable();
    const text = await readFile(DEFAULT_POSTCODE_TABLE_PATH, 'utf8');
    rows = text.trim().split('\n').slice(1).map((line) => line.split(','));
  });

  it('holds every district of Great Britain in the 2014 file', () => {
    assert.equal(table.size, 2880);
    const count = (country: string) => [...table.values()].filter((district) => district.country === country).length;
    assert.deepEqual([count('England'), count('Scotland'), count('Wales')], [2226, 454, 200]);
  });

  it('resolves every district in the file, alone, as a full postcode, in lower case and without the space', () => {
    for (const [outcode = '', , lat, lon] of rows) {
      for (const typed of [outcode, `${outcode} 1AA`, `${outcode.toLowerCase()}9zz`]) {
        const located = locatePostcode(table, typed);
        assert.equal(located.district, outcode, typed);
        assert.equal(located.lat, Number(lat));
        assert.equal(located.lon, Number(lon));
      }
    }
  });

  it('gives known straight-line distances between district centroids', () => {
    const sw1a = locatePostcode(table, 'SW1A 1AA');
    const m1 = locatePostcode(table, 'M1');
    const eh1 = locatePostcode(table, 'EH1 1YZ');
    const b33 = locatePostcode(table, 'B33 8TH');
    // London SW1A–Manchester M1 is about 163 miles in a straight line; figures computed separately from the centroids.
    assert.ok(Math.abs(distanceMiles(sw1a, m1) - 162.7) < 0.1, String(distanceMiles(sw1a, m1)));
    assert.ok(Math.abs(distanceMiles(sw1a, eh1) - 331.8) < 0.1, String(distanceMiles(sw1a, eh1)));
    assert.ok(Math.abs(distanceMiles(sw1a, b33) - 97.6) < 0.1, String(distanceMiles(sw1a, b33)));
  });

  it('agrees with flat distances on the OS National Grid to within 0.5%', () => {
    // Eastings and northings are metres on a projection whose scale error is under 0.1% across Great Britain, so
    // straight grid distance is an independent check of the haversine figures.
    const byCode = new Map(rows.map((row) => [row[0], row]));
    const pairs = [['SW1A', 'M1'], ['SW1A', 'EH1'], ['AB10', 'TR1'], ['CF10', 'NE1'], ['IV1', 'CT1']];
    for (const [from = '', to = ''] of pairs) {
      const a = byCode.get(from)!;
      const b = byCode.get(to)!;
      const gridMiles = Math.hypot(Number(a[4]) - Number(b[4]), Number(a[5]) - Number(b[5])) / 1609.344;
      const miles = distanceMiles(locatePostcode(table, from), locatePostcode(table, to));
      assert.ok(Math.abs(miles - gridMiles) / gridMiles < 0.005, `${from}-${to}: ${miles} vs grid ${gridMiles}`);
    }
  });

  it('refuses Northern Ireland and Channel Islands postcodes with a clear message', () => {
    assert.throws(() => locatePostcode(table, 'BT9 7AB'), (error: unknown) => error instanceof InvalidInput && /not in our postcode table/.test(error.message));
    assert.throws(() => locatePostcode(table, 'JE2 4UH'), InvalidInput);
  });
});

describe('parsePostcodeTable', () => {
  const header = 'outcode,area,latitude,longitude,easting,northing,postcode_count,country';

  it('names the line of a damaged row', () => {
    assert.throws(() => parsePostcodeTable(`${header}\nM1,M,53.4,-2.2,1,1,1,England\nM2,M,0,0,1,1,1,England\n`, 't.csv'), /t\.csv line 3: coordinates/);
    assert.throws(() => parsePostcodeTable(`${header}\nM1,M,53.4,-2.2,1,1,1,Narnia\n`), /unknown country/);
    assert.throws(() => parsePostcodeTable('a,b\n'), /expected header/);
  });

  it('refuses a missing file as invalid input', async () => {
    await assert.rejects(loadPostcodeTable('/nonexistent/postcodes.csv'), InvalidInput);
  });
});
