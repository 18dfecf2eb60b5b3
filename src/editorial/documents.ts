/**
 * The editorial workflow's verbs (issue 7, parts 2 and 4), called by the editor area: open a summary or page, save
 * an editor's words, submit them, and approve them or send them back. Each asks `can` first (requirePermission),
 * checks what was sent, and hands the store one pure step of domain/editorial/documents.ts, which the store runs and
 * audits in one transaction. Approving a trial's summary keeps a snapshot of the trial's reviewed fields and sets
 * the next review date from the trial's status.
 */
import type { EditorUser } from '../domain/editorial/accounts.ts';
import type { AuditAction } from '../domain/editorial/audit.ts';
import {
  approveStep,
  checkComment,
  checkSlug,
  saveDraftStep,
  sendBackStep,
  submitStep,
  type DocumentRef,
  type DocumentStep,
  type EditorialDocument,
  type Person,
} from '../domain/editorial/documents.ts';
import { draftSummary, type DraftSummary } from '../domain/editorial/draft-summary.ts';
import { addMonths, isOverdue, reviewMonths } from '../domain/editorial/review-schedule.ts';
import { diffSnapshot, hasChanges, reviewSnapshot, type SnapshotDiff } from '../domain/editorial/review-snapshot.ts';
import { checkText, checkTitle } from '../domain/editorial/summary-text.ts';
import { InvalidInput, NotFound, Unavailable } from '../domain/errors.ts';
import type { Trial } from '../domain/trial.ts';
import type { TrialStore } from '../storage/store.ts';
import { requirePermission } from './accounts.ts';
import type { ContentDeps } from './editorial-deps.ts';

/** A document as an editor or reviewer opens it, with what the page around it needs. */
export interface DocumentView {
  readonly ref: DocumentRef;
  readonly document: EditorialDocument | null;
  /** The trial a summary is about (null for pages). */
  readonly trial: Trial | null;
  /** The automatic first draft, when a trial's summary has never been written. */
  readonly automaticDraft: DraftSummary | null;
  /** What changed in the trial since its summary was approved (null when nothing did, or for pages). */
  readonly changes: SnapshotDiff | null;
  readonly overdue: boolean;
}

/** What an editor's form sends. */
export interface TextForm {
  readonly title: string;
  readonly body: string;
  /** The version number the page showed ("0" when none). */
  readonly version: string;
}

function personOf(user: EditorUser): Person {
  return { id: user.id, label: user.email };
}

function trialsOf(deps: ContentDeps): TrialStore {
  if (deps.trials === null) throw new Unavailable('Trial summaries cannot be written here: this server was started without its trial database.');
  return deps.trials;
}

/** The trial by any of its ids; NotFound when the store has none. */
export async function trialFor(deps: ContentDeps, id: string): Promise<Trial> {
  const trial = id.length > 100 ? null : await trialsOf(deps).getTrial(id);
  if (trial === null) throw new NotFound(`There is no trial ${JSON.stringify(id.slice(0, 100))} in the database.`);
  return trial;
}

/** A form's version number: a whole number the page itself wrote. */
export function expectedVersion(raw: string): number {
  if (!/^\d{1,9}$/.test(raw)) throw new InvalidInput('This form is incomplete; reload the page and try again.', 'version');
  return Number(raw);
}

/** What changed in the trial since the approval, or null when nothing (or nothing was approved yet). */
export function trialChanges(document: EditorialDocument | null, trial: Trial | null): SnapshotDiff | null {
  if (document?.review == null || trial === null) return null;
  const diff = diffSnapshot(document.review.snapshot, reviewSnapshot(trial));
  return hasChanges(diff) ? diff : null;
}

/** Opens a summary (by its trial's primary id) or a page, for anyone signed in to the area. */
export async function openDocument(deps: ContentDeps, by: EditorUser, ref: DocumentRef): Promise<DocumentView> {
  requirePermission(by, 'dashboard.view');
  const trial = ref.kind === 'trial-summary' ? await trialFor(deps, ref.key) : null;
  const document = await deps.store.getDocument(ref);
  const draftNeeded = trial !== null && document === null;
  return {
    ref,
    document,
    trial,
    automaticDraft: draftNeeded ? draftSummary(trial) : null,
    changes: trialChanges(document, trial),
    overdue: document?.review != null && isOverdue(document.review.nextReviewDue, deps.now()),
  };
}

async function change(deps: ContentDeps, by: EditorUser, ref: DocumentRef, action: AuditAction, step: DocumentStep): Promise<EditorialDocument> {
  return deps.store.changeDocument(ref, step, { actor: { userId: by.id, label: by.email }, at: deps.now(), action });
}

/** Checks a page's address, or that a summary is keyed by its trial's primary id (what the public page looks up). */
async function checkRef(deps: ContentDeps, ref: DocumentRef): Promise<void> {
  if (ref.kind === 'page') {
    checkSlug(ref.key);
    return;
  }
  const trial = await trialFor(deps, ref.key);
  if (trial.id !== ref.key) throw new NotFound(`Write this trial's summary under its main id, ${trial.id}.`);
}

/** Saves an editor's words as a draft (a new version, or the one in progress). */
export async function saveText(deps: ContentDeps, by: EditorUser, ref: DocumentRef, form: TextForm): Promise<EditorialDocument> {
  requirePermission(by, 'content.draft');
  const expected = expectedVersion(form.version);
  const title = ref.kind === 'page' ? checkTitle(form.title) : null;
  const body = checkText(form.body);
  await checkRef(deps, ref);
  // Submitting words already saved (the form's "Save and submit") records no second, empty save.
  const current = await deps.store.getDocument(ref);
  const working = current?.working ?? null;
  if (current !== null && working !== null && working.state !== 'submitted' && working.number === expected && working.body === body && working.title === title) {
    return current;
  }
  return change(deps, by, ref, 'document.save', saveDraftStep({ ref, title, body, expectedVersion: expected, by: personOf(by), at: deps.now() }));
}

/** Sends the version in progress to the reviewers. */
export async function submitText(deps: ContentDeps, by: EditorUser, ref: DocumentRef, version: string): Promise<EditorialDocument> {
  requirePermission(by, 'content.draft');
  const expected = expectedVersion(version);
  return change(deps, by, ref, 'document.submit', submitStep(expected, personOf(by), deps.now()));
}

/**
 * Approves the version waiting for review and publishes it. A trial summary's next review is due after the
 * recruiting or the other interval, by the trial's status now, and the trial's reviewed fields are kept with it.
 */
export async function approveText(deps: ContentDeps, by: EditorUser, ref: DocumentRef, version: string): Promise<EditorialDocument> {
  requirePermission(by, 'content.review');
  const expected = expectedVersion(version);
  const now = deps.now();
  const trial = ref.kind === 'trial-summary' ? await trialFor(deps, ref.key) : null;
  const months = reviewMonths(deps.review, trial?.status ?? null);
  const review = { nextReviewDue: addMonths(now, months).toISOString(), snapshot: trial === null ? null : reviewSnapshot(trial) };
  return change(deps, by, ref, 'document.approve', approveStep(expected, personOf(by), now, review));
}

/** Sends the version waiting for review back to its editor, saying what to change. */
export async function sendBackText(deps: ContentDeps, by: EditorUser, ref: DocumentRef, version: string, comment: string): Promise<EditorialDocument> {
  requirePermission(by, 'content.review');
  const expected = expectedVersion(version);
  const reason = checkComment(comment);
  return change(deps, by, ref, 'document.send-back', sendBackStep(expected, personOf(by), deps.now(), reason));
}
