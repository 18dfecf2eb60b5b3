/** Common short names for countries mapped to the names registries use ("UK" → "United Kingdom"). */
const ALIASES: ReadonlyMap<string, string> = new Map(Object.entries({
  uk: 'United Kingdom',
  gb: 'United Kingdom',
  'great britain': 'United Kingdom',
  britain: 'United Kingdom',
  england: 'United Kingdom',
  scotland: 'United Kingdom',
  wales: 'United Kingdom',
  'northern ireland': 'United Kingdom',
  us: 'United States',
  usa: 'United States',
  'united states of america': 'United States',
  america: 'United States',
  'korea, republic of': 'South Korea',
  'republic of korea': 'South Korea',
  korea: 'South Korea',
  'russian federation': 'Russia',
  'czech republic': 'Czechia',
  holland: 'Netherlands',
  'the netherlands': 'Netherlands',
  'iran, islamic republic of': 'Iran',
  'turkey (türkiye)': 'Turkey',
  türkiye: 'Turkey',
}));

/** The name we store and filter countries by: aliases resolved, otherwise the registry's name tidied. */
export function canonicalCountry(raw: string): string {
  const text = raw.trim().replace(/\s+/g, ' ');
  return ALIASES.get(text.toLowerCase()) ?? text;
}
