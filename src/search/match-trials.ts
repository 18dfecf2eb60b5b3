/**
 * "Could I take part?": the one matching every face calls (the API's POST /api/match, the website's /match). A
 * validated search and a person's answers in; the search's first candidates ranked by how well the person fits each,
 * with a verdict and reason per criterion, and the next question to ask. Nothing here keeps or logs the answers: they
 * live in this call's variables only.
 */
import type { Criterion } from '../domain/eligibility/criterion.ts';
import type { CriterionResult, TrialMatch, TrialVerdict } from '../domain/eligibility/match.ts';
import { TRIAL_VERDICTS, matchTrial } from '../domain/eligibility/match.ts';
import type { PatientProfile } from '../domain/eligibility/profile.ts';
import { chooseNextQuestion } from '../domain/eligibility/questionnaire.ts';
import type { Candidate, NextQuestion } from '../domain/eligibility/questionnaire.ts';
import type { ProfileField } from '../domain/eligibility/questions.ts';
import { MAX_PAGE_SIZE } from '../domain/query.ts';
import type { TrialQuery, TrialSummary } from '../domain/query.ts';
import type { Trial } from '../domain/trial.ts';
import { parsedCriteriaCacheFor } from './parsed-criteria.ts';
import type { ParsedCriteriaCache } from './parsed-criteria.ts';
import type { SearchDeps } from './search-trials.ts';
import { toStoreQuery } from './search-trials.ts';

/** How many of the search's trials, in its order, are matched: enough for any real search, and quick to match. */
export const MAX_CANDIDATES = 500;
/** Trials read from the store at once (PostgreSQL answers in parallel; SQLite one after another anyway). */
const READ_CONCURRENCY = 8;

export interface MatchRequest {
  /** The search whose trials are the candidates; its sort decides which come first when there are too many. */
  readonly query: TrialQuery;
  readonly profile: PatientProfile;
  /** Questions the person skipped: not asked again. */
  readonly skipped: ReadonlySet<ProfileField>;
  /** The answered fields in the order they were given, to count the trials left after each; empty for none. */
  readonly answerOrder?: readonly ProfileField[];
}

export interface MatchedTrial {
  readonly trial: TrialSummary;
  readonly verdict: TrialVerdict;
  readonly score: number;
  readonly results: readonly CriterionResult[];
}

export interface MatchAnswer {
  /** How many trials the search finds. */
  readonly total: number;
  /** How many of them were matched: the first {@link MAX_CANDIDATES} in the search's order. */
  readonly considered: number;
  readonly maxCandidates: number;
  /** Matched trials that the answers do not rule out. */
  readonly remaining: number;
  readonly counts: Readonly<Record<TrialVerdict, number>>;
  /** Every matched trial: likely eligible first, then might be, then not; by score within each; ties in search order. */
  readonly trials: readonly MatchedTrial[];
  /** The question that narrows the remaining trials most, or null when no question left could. */
  readonly nextQuestion: NextQuestion | null;
  /** For each field of `answerOrder`, the trials left once it (and every answer before it) was given. */
  readonly afterEach: readonly { readonly field: ProfileField; readonly remaining: number }[];
}

export interface MatchDeps extends SearchDeps {
  /** By default the store's own cache (parsed-criteria.ts). */
  readonly cache?: ParsedCriteriaCache;
}

/** The search's first trials, in its order: up to {@link MAX_CANDIDATES}, read a page of the largest size at a time. */
async function candidateTrials({ store, postcodes }: SearchDeps, query: TrialQuery): Promise<{ total: number; found: Found[] }> {
  const storeQuery = toStoreQuery({ ...query, pageSize: MAX_PAGE_SIZE, pageToken: null }, postcodes);
  const summaries: TrialSummary[] = [];
  let total: number;
  let pageToken: string | null = null;
  do {
    const page = await store.search({ ...storeQuery, pageToken });
    total = page.total;
    summaries.push(...page.trials);
    pageToken = page.nextPageToken;
  } while (pageToken !== null && summaries.length < MAX_CANDIDATES);
  const wanted = summaries.slice(0, MAX_CANDIDATES);
  const found: (Found | null)[] = new Array<Found | null>(wanted.length).fill(null);
  let next = 0;
  const reader = async (): Promise<void> => {
    for (let index = next++; index < wanted.length; index = next++) {
      const summary = wanted[index];
      if (summary === undefined) continue;
      const trial = await store.getTrial(summary.id);
      // A trial removed between the search and the read is simply not a candidate.
      found[index] = trial === null ? null : { summary, trial };
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, wanted.length) }, reader));
  return { total, found: found.filter((item) => item !== null) };
}

/** A candidate as the search listed it (with its nearest site) and in full (for its criteria). */
interface Found {
  readonly summary: TrialSummary;
  readonly trial: Trial;
}

/**
 * The registry's own age and sex limits, which parsed-criteria.ts adds after the record's criteria in words ending
 * "(the age limit the registry lists)" or "(the registry's limit)".
 */
const REGISTRY_LIMIT = /\((?:the age limits? the registry lists|the registry's limit)\)$/;

/**
 * A trial whose record yields no entry condition we could read cannot be "likely" for anyone: nothing was checked but
 * its age and sex limits. It is "might be eligible", one tier (1 point of score) down, and the trial team has the
 * answer. This goes by the criteria read, not by the record's text: a text of headings only ("Inclusion Criteria:
 * Exclusion Criteria:") lists nothing either. matchTrial alone gets this right only when there is nothing at all to
 * match; here the registry's limits are added as criteria, which the person can meet, so matchTrial says "likely" and
 * only this step, which can tell them from the record's own criteria, lowers it.
 */
function withoutListedCriteria(match: TrialMatch, criteria: readonly Criterion[]): TrialMatch {
  const listed = criteria.some((criterion) => !REGISTRY_LIMIT.test(criterion.text));
  if (listed || match.verdict !== 'likely-eligible') return match;
  return { ...match, verdict: 'might-be-eligible', score: match.score - 1 };
}

const TIER: Readonly<Record<TrialVerdict, number>> = { 'likely-eligible': 0, 'might-be-eligible': 1, 'not-eligible': 2 };

/**
 * Matches a person's answers against a search's candidate trials and chooses the next question.
 *
 * @throws InvalidInput on `postcode` when the search's postcode cannot be placed (as the search does).
 */
export async function matchTrials(deps: MatchDeps, request: MatchRequest): Promise<MatchAnswer> {
  const cache = deps.cache ?? parsedCriteriaCacheFor(deps.store);
  const { total, found } = await candidateTrials(deps, request.query);
  const candidates: (Candidate & { readonly summary: TrialSummary; readonly trial: Trial; readonly position: number })[] = found.map(({ summary, trial }, position) => ({
    id: trial.id, criteria: cache.criteriaOf(trial), summary, trial, position,
  }));
  const matched = candidates.map((candidate) => ({ candidate, match: withoutListedCriteria(matchTrial(request.profile, candidate.criteria), candidate.criteria) }));
  matched.sort((a, b) =>
    TIER[a.match.verdict] - TIER[b.match.verdict] || b.match.score - a.match.score || a.candidate.position - b.candidate.position);
  const remaining = matched.filter(({ match }) => match.verdict !== 'not-eligible').map(({ candidate }) => candidate);
  const counts = Object.fromEntries(TRIAL_VERDICTS.map((verdict) => [verdict, matched.filter(({ match }) => match.verdict === verdict).length])) as Record<TrialVerdict, number>;
  return {
    total,
    considered: candidates.length,
    maxCandidates: MAX_CANDIDATES,
    remaining: remaining.length,
    counts,
    trials: matched.map(({ candidate, match }) => ({ trial: candidate.summary, verdict: match.verdict, score: match.score, results: match.results })),
    nextQuestion: chooseNextQuestion({ remaining, profile: request.profile, skipped: request.skipped }),
    afterEach: countAfterEach(candidates, request.profile, request.answerOrder ?? []),
  };
}

/** The trials left after each answer in turn: each step only filters what the step before left. */
function countAfterEach(candidates: readonly Candidate[], profile: PatientProfile, order: readonly ProfileField[]): MatchAnswer['afterEach'] {
  let left: readonly Candidate[] = candidates;
  let partial: PatientProfile = {};
  return order.map((field) => {
    partial = { ...partial, [field]: profile[field] };
    left = left.filter((candidate) => matchTrial(partial, candidate.criteria).verdict !== 'not-eligible');
    return { field, remaining: left.length };
  });
}
