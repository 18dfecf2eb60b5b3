/**
 * Topic searches: the fixed searches a cancer charity links to from its pages ("Find trials using targeted cancer
 * drugs in ALL"), each a stable slug with a plain-English title and description. A topic is only search parameters,
 * read by the same parser as any other search, so a topic page and the equivalent /api/trials URL agree exactly.
 * Slugs are public URLs: never rename one; add a new topic instead.
 *
 * Order. Filters alone say which trials a topic holds, not which come first; with no words to rank by, a search
 * lists the most recently updated first. For the ALL topics that put broad blood-cancer transplant and supportive-care
 * trials (ALL one condition among ten, often only in their keywords) before trials written for ALL: on the demo data
 * 1 to 5 of the first 20 had ALL in the title. So each ALL topic also carries a ranking phrase, {@link Topic.rankBy}
 * ("acute lymphoblastic leukaemia", which query expansion widens to its synonyms: ALL, B-ALL, acute lymphocytic
 * leukemia ...), sent as `q`: relevance then puts first the trials whose title and conditions are about ALL (on the
 * demo data 19 or 20 of the first 20 in the four larger topics, 14 and 12 in the two of 29 trials; a keyword list
 * naming ALL in every stage counts once, storage/shared/search-fields.ts). A charity would rather list open trials
 * first; the stores have no such order yet (statuses are not ranked, and many open records have no last-update
 * date, so "updated" puts them last), so relevance is the better of the orders there are. docs/topic-review.md and
 * docs/topic-review-first-pages.md record the checks.
 *
 * The phrase must never narrow the topic: `q` is also a filter, so every trial the cancer-type filter finds must
 * mention it. The ALL classifier and the ALL synonyms are both read from the written names of the disease, and on
 * the demo data every topic's total is the same with and without the phrase (topics.test.ts checks the common ways
 * records name ALL). A caller's own words replace the phrase (they rank the topic instead); `sort=updated` or
 * `sort=distance` orders by those instead.
 */
import { CANCER_TYPES } from '../domain/classify/cancer-type.ts';
import { InvalidInput, NotFound } from '../domain/errors.ts';
import type { TrialQuery } from '../domain/query.ts';
import { parseTrialQuery } from './query-params.ts';

export interface Topic {
  readonly slug: string;
  readonly title: string;
  readonly description: string;
  /** The search parameters the topic fixes, as a query string gives them (names as in GET /api/trials). */
  readonly params: Readonly<Record<string, readonly string[]>>;
  /**
   * Words that order the topic's trials by relevance (sent as `q`) when the caller gives none; they must match every
   * trial the fixed parameters find, so that they only order the topic and never narrow it.
   */
  readonly rankBy?: string;
}

const ALL = 'acute-lymphoblastic-leukaemia';

/** The ranking phrase of the ALL topics: the disease's name, which query expansion widens to all its synonyms. */
export const ALL_RANKING = 'acute lymphoblastic leukaemia';

/** Every cancer: the tops of the hierarchy but `not-cancer` (blood cancers, solid tumours, other or unspecified). */
const EVERY_CANCER = CANCER_TYPES.filter((type) => type.parent === null && type.id !== 'not-cancer').map((type) => type.id);

/** The topics, in the order a page lists them. */
export const TOPICS: readonly Topic[] = [
  {
    slug: 'all',
    title: 'Trials for acute lymphoblastic leukaemia (ALL)',
    description:
      'Every trial for ALL we know of, whatever it tests: open, closed and finished trials, in the UK and abroad, ' +
      'including B-cell, T-cell and Philadelphia-positive ALL.',
    params: { cancerType: [ALL] },
    rankBy: ALL_RANKING,
  },
  {
    slug: 'all-chemotherapy',
    title: 'Chemotherapy trials in ALL',
    description:
      'Trials of chemotherapy for ALL: combinations of drugs, reducing side effects and improving quality of life, ' +
      'treatment matched to the risk of the leukaemia coming back, and preventing it coming back.',
    params: { cancerType: [ALL], treatment: ['chemotherapy'] },
    rankBy: ALL_RANKING,
  },
  {
    slug: 'all-stem-cell-transplant',
    title: 'Stem cell transplant trials in ALL',
    description:
      'Trials of stem cell transplants for ALL, mostly from a donor (allogeneic): preparing for the transplant, ' +
      'preventing and treating graft-versus-host disease, infections, and recovering healthy gut bacteria.',
    params: { cancerType: [ALL], treatment: ['stem-cell-transplant'] },
    rankBy: ALL_RANKING,
  },
  {
    slug: 'all-targeted',
    title: 'Targeted cancer drug trials in ALL',
    description:
      'Trials of targeted cancer drugs for ALL: imatinib and similar drugs for Philadelphia-positive ALL, new drugs ' +
      'given with chemotherapy, and drugs for ALL that has come back (relapsed) or not responded (refractory).',
    params: { cancerType: [ALL], treatment: ['targeted'] },
    rankBy: ALL_RANKING,
  },
  {
    slug: 'all-immunotherapy',
    title: 'Immunotherapy trials in ALL, including CAR T-cell therapy',
    description:
      'Trials of treatments that use the immune system against ALL: CAR T-cell therapy for relapsed or refractory ' +
      'B-cell and T-cell ALL, and antibody drugs such as blinatumomab and inotuzumab.',
    // Every CAR-T trial is also classed as immunotherapy, so one value covers both.
    params: { cancerType: [ALL], treatment: ['immunotherapy'] },
    rankBy: ALL_RANKING,
  },
  {
    slug: 'all-over-60',
    title: 'ALL trials for people aged 60 and over',
    description:
      'Trials for ALL that people aged 60 and over can join. There is no standard treatment for ALL at this age, ' +
      'so trials matter more.',
    params: { cancerType: [ALL], ageGroup: ['older-adults'] },
    rankBy: ALL_RANKING,
  },
  {
    slug: 'uk-recruiting',
    title: 'Cancer trials recruiting in the UK',
    description:
      'Trials for any cancer that are recruiting now, or about to, with at least one hospital in the United Kingdom.',
    params: { cancerType: EVERY_CANCER, status: ['recruiting'], country: ['United Kingdom'] },
  },
];

const BY_SLUG: ReadonlyMap<string, Topic> = new Map(TOPICS.map((topic) => [topic.slug, topic]));

/** The topic with this slug (case ignored), or undefined. */
export function topicBySlug(slug: string): Topic | undefined {
  return BY_SLUG.get(slug.trim().toLowerCase());
}

/** The topic with this slug; NotFound, listing the slugs, otherwise. */
export function topicOrThrow(slug: string): Topic {
  const topic = topicBySlug(slug);
  if (topic === undefined) {
    throw new NotFound(`No topic is called ${JSON.stringify(slug.slice(0, 40))}; the topics are: ${TOPICS.map((t) => t.slug).join(', ')}.`);
  }
  return topic;
}

/**
 * The topic's search as a query string, its ranking phrase (if any) first:
 * "q=acute%20lymphoblastic%20leukaemia&cancerType=acute-lymphoblastic-leukaemia&treatment=targeted".
 */
export function topicQueryString(topic: Topic): string {
  const fixed = Object.entries(topic.params).map(([name, values]) => `${name}=${values.map((value) => encodeURIComponent(value)).join(',')}`);
  return [...(topic.rankBy === undefined ? [] : [`q=${encodeURIComponent(topic.rankBy)}`]), ...fixed].join('&');
}

/** Where a topic can be read: its own API route, the equivalent search, and the search page of the website. */
export function topicLinks(topic: Topic): { readonly url: string; readonly apiUrl: string; readonly webUrl: string } {
  const query = topicQueryString(topic);
  return { url: `/api/topics/${topic.slug}`, apiUrl: `/api/trials?${query}`, webUrl: `/trials?${query}` };
}

/** A topic with its links, as GET /api/topics and `trialfinder topics --json` list it. */
export type ListedTopic = Topic & ReturnType<typeof topicLinks>;

/** Every topic with its links, in display order. */
export function listTopics(): ListedTopic[] {
  return TOPICS.map((topic) => ({ ...topic, ...topicLinks(topic) }));
}

function given(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.some(given);
  return value !== undefined && value !== null;
}

/**
 * The topic's search, narrowed by further parameters (a page, a sort, a postcode, or any filter the topic leaves
 * open). A parameter the topic fixes is refused rather than silently replaced or combined: the answer would no
 * longer be the topic. Free text (`q`) is not fixed: the caller's words replace the topic's ranking phrase.
 *
 * @throws InvalidInput naming the parameter at fault, as {@link parseTrialQuery} does.
 */
export function topicQuery(topic: Topic, extra: Readonly<Record<string, unknown>> = {}): TrialQuery {
  for (const name of Object.keys(topic.params)) {
    if (given(extra[name])) {
      throw new InvalidInput(
        `${name} is fixed by the topic "${topic.slug}"; to choose your own ${name}, search without the topic.`,
        name,
      );
    }
  }
  const params: Record<string, unknown> = { ...extra };
  if (topic.rankBy !== undefined && !given(extra['q'])) params['q'] = topic.rankBy;
  for (const [name, values] of Object.entries(topic.params)) params[name] = [...values];
  return parseTrialQuery(params);
}
