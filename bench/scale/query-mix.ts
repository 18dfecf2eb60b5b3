/**
 * The fixed mix of searches the scale benchmark times: what patients, nurses and scripts ask (free text in both
 * spellings, phrases, filters, facets, the landing page), as query-string parameters. The terms come from the real
 * records the synthetic trials recombine, so every text query matches something.
 */
export type QueryParams = Readonly<Record<string, string>>;

export const QUERY_MIX: readonly QueryParams[] = [
  { q: 'acute lymphoblastic leukaemia' },
  { q: 'acute lymphoblastic leukemia', status: 'recruiting' },
  { q: 'leukaemia', age: '65', country: 'United Kingdom' },
  { q: 'breast cancer', phase: '3' },
  { q: 'imatinib' },
  { q: 'stem cell transplant', status: 'completed', sort: 'updated' },
  { q: '"graft versus host disease"' },
  { q: 'non small cell lung cancer', phase: '3', status: 'recruiting' },
  { q: 'children neuroblastoma', age: '5' },
  { q: 'CAR T cell therapy CD19' },
  { q: 'pembrolizumab', country: 'Germany' },
  { q: 'HIV vaccine', studyType: 'interventional' },
  { q: 'melanoma', phase: '2', sex: 'female' },
  { q: 'type 2 diabetes', healthyVolunteers: 'false' },
  { q: 'prostate cancer radiotherapy', updatedSince: '2015-01-01' },
  { q: 'multiple myeloma', phase: '1,2', country: 'France' },
  { q: 'chemotherapy' },
  { q: 'cancer', status: 'recruiting', age: '45' },
  { condition: 'lymphoma', hasResults: 'true' },
  { intervention: 'cisplatin', status: 'recruiting' },
  { status: 'recruiting', country: 'United States', pageSize: '50' },
  {},
];

/** The query as the API's query string ("q=breast+cancer&phase=3"), for the load test. */
export function queryString(params: QueryParams): string {
  return new URLSearchParams(params).toString();
}

/** A short label for tables: the parameters as written. */
export function queryLabel(params: QueryParams): string {
  const text = decodeURIComponent(queryString(params).replaceAll('+', ' '));
  return text === '' ? '(landing page: no parameters)' : text;
}
