/**
 * A few real rows of the bundled postcode-district table (data/postcodes/), for tests that need places without
 * reading the file: Leeds, Manchester, London, Edinburgh.
 */
import type { PostcodeTable } from '../../src/domain/postcode.ts';

export const TEST_POSTCODES: PostcodeTable = new Map([
  ['LS1', { lat: 53.79739, lon: -1.55286, country: 'England' }],
  ['LS9', { lat: 53.79994, lon: -1.5098, country: 'England' }],
  ['M20', { lat: 53.42446, lon: -2.23248, country: 'England' }],
  ['NW1', { lat: 51.53272, lon: -0.14264, country: 'England' }],
  ['SW1A', { lat: 51.5018, lon: -0.13261, country: 'England' }],
  ['EH3', { lat: 55.95204, lon: -3.20728, country: 'Scotland' }],
]);
