/**
 * A search as the website keeps it between pages: the query-string values exactly as GET /api/trials takes them,
 * so every state of the results page is a URL that the API, the CLI's flags and a bookmark all read the same way.
 * `parseTrialQuery` (src/search/query-params.ts) validates them; this module only keeps, changes and writes them.
 */

/**
 * The website's one parameter of its own: the page tokens of the pages before this one, oldest first, so "Previous
 * page" works although page tokens only lead forward. It stays in the URL (never a cookie or session) and never
 * reaches the search parser.
 */
export const EARLIER_PAGES = 'before';

/** Parameters whose values may be comma-separated (each value is a separate filter a person can remove). */
const COMMA_LISTS: ReadonlySet<string> = new Set(['status', 'phase', 'studyType', 'cancerType', 'treatment', 'ageGroup', EARLIER_PAGES]);

/** Values by parameter name, in the order they arrived; empty values are dropped ("status=" is no filter). */
export type SearchParams = ReadonlyMap<string, readonly string[]>;

function asStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

/** Reads a parsed query string (Fastify gives text, or a list of text for repeated names). */
export function readSearchParams(query: unknown): SearchParams {
  const params = new Map<string, string[]>();
  if (typeof query !== 'object' || query === null) return params;
  for (const [name, raw] of Object.entries(query)) {
    const values = asStrings(raw)
      .flatMap((value) => (COMMA_LISTS.has(name) ? value.split(',') : [value]))
      .map((value) => value.trim())
      .filter((value) => value !== '');
    if (values.length > 0) params.set(name, [...new Set(values)]);
  }
  return params;
}

/** The first value of a parameter, or '' (what a form field shows). */
export function firstValue(params: SearchParams, name: string): string {
  return params.get(name)?.[0] ?? '';
}

/** As the parser reads them: comma lists joined, repeated phrases as lists. */
export function toParserInput(params: SearchParams): Record<string, string | string[]> {
  // fromEntries defines own properties: a parameter named "__proto__" stays a parameter (refused as unknown later)
  // instead of replacing the object's prototype.
  return Object.fromEntries(
    [...params]
      .filter(([name]) => name !== EARLIER_PAGES)
      .map(([name, values]) => [name, COMMA_LISTS.has(name) ? values.join(',') : values.length === 1 ? (values[0] ?? '') : [...values]]),
  );
}

/** `?a=b&c=d,e` for a link, or '' for no parameters. Comma lists stay one parameter, so URLs stay short. */
export function queryString(params: SearchParams): string {
  const search = new URLSearchParams();
  for (const [name, values] of params) {
    if (COMMA_LISTS.has(name)) search.append(name, values.join(','));
    else for (const value of values) search.append(name, value);
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/**
 * The search with some values changed: `null` removes a parameter, a list replaces it. Any change but paging starts
 * again from the first page, since a page token belongs to the search it came from.
 */
export function withParams(params: SearchParams, changes: Readonly<Record<string, readonly string[] | null>>): SearchParams {
  const next = new Map(params);
  if (!('pageToken' in changes)) {
    next.delete('pageToken');
    next.delete(EARLIER_PAGES);
  }
  for (const [name, values] of Object.entries(changes)) {
    if (values === null || values.length === 0) next.delete(name);
    else next.set(name, values);
  }
  return next;
}

/**
 * The search without one value of a parameter. Removing the postcode also removes what needs it (the distance
 * limit, and nearest-first order), so the link never leads to an error.
 */
export function withoutValue(params: SearchParams, name: string, value: string): SearchParams {
  const rest = (params.get(name) ?? []).filter((kept) => kept !== value);
  const changes: Record<string, readonly string[] | null> = { [name]: rest };
  if (name === 'postcode') {
    changes['within'] = null;
    if (firstValue(params, 'sort') === 'distance') changes['sort'] = null;
  }
  return withParams(params, changes);
}
