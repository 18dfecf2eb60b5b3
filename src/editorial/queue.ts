/**
 * The review queue (issue 7, part 3): every summary and page that needs someone. Overdue (its next review date has
 * come), needs re-review (the trial changed since its summary was approved), waiting for review, sent back, and
 * drafts in progress; filtered by state and kind, sorted by due date or by last change.
 *
 * Needs re-review is computed, not stored: each published summary's snapshot is compared with its trial as the store
 * holds it now, so any import that changes a reviewed field shows here at once, whatever imported it. That reads
 * each summarised trial once per queue view; a charity's few hundred summaries take milliseconds.
 */
import type { EditorUser } from '../domain/editorial/accounts.ts';
import { DOCUMENT_KINDS, type DocumentKind, type DocumentRef, type EditorialDocument } from '../domain/editorial/documents.ts';
import { isOverdue } from '../domain/editorial/review-schedule.ts';
import type { SnapshotDiff } from '../domain/editorial/review-snapshot.ts';
import { InvalidInput } from '../domain/errors.ts';
import { requirePermission } from './accounts.ts';
import { trialChanges } from './documents.ts';
import type { ContentDeps } from './editorial-deps.ts';

export const QUEUE_STATES = ['overdue', 'needs-re-review', 'submitted', 'sent-back', 'draft'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

export const QUEUE_STATE_WORDS: Readonly<Record<QueueState, string>> = {
  overdue: 'Review overdue',
  'needs-re-review': 'Needs re-review: the trial changed',
  submitted: 'Waiting for review',
  'sent-back': 'Sent back to the editor',
  draft: 'Draft in progress',
};

export const QUEUE_SORTS = ['due', 'updated'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export interface QueueFilters {
  readonly state: QueueState | null;
  readonly kind: DocumentKind | null;
  readonly sort: QueueSort;
}

export interface QueueItem {
  readonly ref: DocumentRef;
  /** The trial's title, or the page's. */
  readonly title: string;
  readonly states: readonly QueueState[];
  readonly nextReviewDue: string | null;
  readonly updatedAt: string;
  readonly changes: SnapshotDiff | null;
  /** A summary whose trial is no longer in the database. */
  readonly trialGone: boolean;
}

/** Reads the queue's query values; anything not on the page's lists is refused. */
export function parseQueueFilters(query: { readonly state?: unknown; readonly kind?: unknown; readonly sort?: unknown }): QueueFilters {
  const one = (value: unknown, name: string, allowed: readonly string[]): string | null => {
    if (value === undefined || value === '') return null;
    if (typeof value !== 'string' || !allowed.includes(value)) throw new InvalidInput(`Choose the ${name} from the list.`, name);
    return value;
  };
  return {
    state: one(query.state, 'state', QUEUE_STATES) as QueueState | null,
    kind: one(query.kind, 'kind', DOCUMENT_KINDS) as DocumentKind | null,
    sort: (one(query.sort, 'sort', QUEUE_SORTS) ?? 'due') as QueueSort,
  };
}

async function itemOf(deps: ContentDeps, document: EditorialDocument, now: Date): Promise<QueueItem | null> {
  const states: QueueState[] = [];
  let title = document.working?.title ?? document.published?.title ?? document.key;
  let changes: SnapshotDiff | null = null;
  let trialGone = false;
  if (document.kind === 'trial-summary' && deps.trials !== null) {
    const trial = await deps.trials.getTrial(document.key);
    trialGone = trial === null;
    title = trial?.briefTitle ?? `Trial ${document.key}`;
    changes = trialChanges(document, trial);
  }
  if (document.review !== null && isOverdue(document.review.nextReviewDue, now)) states.push('overdue');
  if (changes !== null || (trialGone && document.published !== null)) states.push('needs-re-review');
  const working = document.working?.state;
  if (working === 'submitted' || working === 'sent-back' || working === 'draft') states.push(working);
  return states.length === 0 ? null : { ref: document, title, states, nextReviewDue: document.review?.nextReviewDue ?? null, updatedAt: document.updatedAt, changes, trialGone };
}

function compare(sort: QueueSort): (a: QueueItem, b: QueueItem) => number {
  if (sort === 'updated') return (a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.ref.key.localeCompare(b.ref.key);
  // Soonest due first; items never approved (no due date) after them, most recently changed first.
  return (a, b) => {
    if (a.nextReviewDue !== b.nextReviewDue) {
      if (a.nextReviewDue === null) return 1;
      if (b.nextReviewDue === null) return -1;
      return a.nextReviewDue.localeCompare(b.nextReviewDue);
    }
    return b.updatedAt.localeCompare(a.updatedAt) || a.ref.key.localeCompare(b.ref.key);
  };
}

/** The queue for anyone signed in to the area, filtered and sorted. */
export async function reviewQueue(deps: ContentDeps, by: EditorUser, filters: QueueFilters): Promise<QueueItem[]> {
  requirePermission(by, 'dashboard.view');
  const now = deps.now();
  const documents = await deps.store.listDocuments(filters.kind === null ? {} : { kind: filters.kind });
  const items = (await Promise.all(documents.map((document) => itemOf(deps, document, now)))).filter((item) => item !== null);
  return items.filter((item) => filters.state === null || item.states.includes(filters.state)).sort(compare(filters.sort));
}
