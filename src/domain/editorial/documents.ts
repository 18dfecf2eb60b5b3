/**
 * Editorial documents (issue 7, parts 2 to 4): one model for every text the charity writes and reviews, keyed by
 * (kind, key): a trial's plain-English summary (`trial-summary`, keyed by the trial's primary id) and an editorial
 * page such as "Research into ALL" (`page`, keyed by its slug). A document has numbered versions; at most one is in
 * progress (`working`: a draft, submitted for review, or sent back) and at most one is published (`published`: the
 * last approved). The workflow's rules are the pure functions below; the stores persist what they return.
 */
import { Conflict, InvalidInput } from '../errors.ts';

export const DOCUMENT_KINDS = ['trial-summary', 'page'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A version's state. `approved` versions are the published one and those it replaced. */
export const VERSION_STATES = ['draft', 'submitted', 'sent-back', 'approved'] as const;
export type VersionState = (typeof VERSION_STATES)[number];

export const VERSION_STATE_WORDS: Readonly<Record<VersionState, string>> = {
  draft: 'Draft',
  submitted: 'Waiting for review',
  'sent-back': 'Sent back',
  approved: 'Approved',
};

export const DOCUMENT_KIND_WORDS: Readonly<Record<DocumentKind, { readonly one: string; readonly many: string }>> = {
  'trial-summary': { one: 'Trial summary', many: 'Trial summaries' },
  page: { one: 'Editorial page', many: 'Editorial pages' },
};

/** Who did something, by account id and the email it had then (as the audit log names actors). */
export interface Person {
  readonly id: number | null;
  readonly label: string;
}

export interface DocumentVersion {
  /** 1, 2, 3 … within the document; never reused. */
  readonly number: number;
  /** The page's title; null for trial summaries (the trial's title is shown). */
  readonly title: string | null;
  /** Plain text in the format of summary-text.ts, stored exactly as written. */
  readonly body: string;
  readonly state: VersionState;
  /** Whoever last changed the words: the one person who may never approve them. */
  readonly author: Person;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly submittedBy: Person | null;
  readonly submittedAt: string | null;
  /** Who approved it or sent it back, when, and (sent back) why. */
  readonly reviewer: Person | null;
  readonly reviewedAt: string | null;
  readonly comment: string | null;
}

/** The published version's review: when it was approved, when it is due again, and what the reviewer relied on. */
export interface Review {
  readonly reviewedAt: string;
  readonly nextReviewDue: string;
  /** For a trial summary, the trial's reviewed fields at approval (review-snapshot.ts); null for pages. */
  readonly snapshot: unknown;
}

export interface DocumentRef {
  readonly kind: DocumentKind;
  readonly key: string;
}

export interface EditorialDocument extends DocumentRef {
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly working: DocumentVersion | null;
  readonly published: DocumentVersion | null;
  readonly review: Review | null;
}

/** What a workflow step gives the store to write: the document as it now stands. */
export type DocumentStep = (current: EditorialDocument | null) => EditorialDocument;

export function isDocumentKind(value: string): value is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(value);
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 60;

/** An editorial page's address: lower-case letters, digits and single hyphens ("research-into-all"). */
export function checkSlug(raw: string): string {
  const slug = raw.trim().toLowerCase();
  if (slug === '') throw new InvalidInput('Give the page an address, such as research-into-all.', 'slug');
  if (slug.length > SLUG_MAX_LENGTH || !SLUG.test(slug)) {
    throw new InvalidInput(`The address must be lower-case letters, digits and single hyphens, at most ${SLUG_MAX_LENGTH} characters (such as research-into-all).`, 'slug');
  }
  return slug;
}

export const COMMENT_MAX_LENGTH = 2000;

/** A reviewer's reason for sending text back: required, so the editor knows what to change. */
export function checkComment(raw: string): string {
  const comment = raw.replace(/\r\n?/g, '\n').trim();
  if (comment === '') throw new InvalidInput('Say what needs to change before sending the text back.', 'comment');
  if (comment.length > COMMENT_MAX_LENGTH) throw new InvalidInput(`The comment must be at most ${COMMENT_MAX_LENGTH} characters.`, 'comment');
  return comment;
}

/** The entity the audit log names a document by: "document:trial-summary:NCT01234567". */
export function documentEntity(ref: DocumentRef): string {
  return `document:${ref.kind}:${ref.key}`;
}

/** The number the next new version takes: one more than any the document has had. */
function nextNumber(document: EditorialDocument | null): number {
  return Math.max(document?.working?.number ?? 0, document?.published?.number ?? 0) + 1;
}

/**
 * Refuses a step made from a page that is out of date: the form says which version (0: none) it was showing, and
 * someone else has since changed it. Nothing is written.
 */
function expectVersion(document: EditorialDocument | null, expected: number): void {
  const actual = document?.working?.number ?? 0;
  if (actual !== expected) {
    throw new Conflict('Someone else changed this text while you had it open, so nothing was changed. Reload the page to see the latest version.');
  }
}

export interface DraftInput {
  readonly ref: DocumentRef;
  readonly title: string | null;
  readonly body: string;
  /** The working version the editor's page showed (0 when it showed none). */
  readonly expectedVersion: number;
  readonly by: Person;
  readonly at: Date;
}

/**
 * Saves an editor's words. With no version in progress, starts a new one; a draft or a sent-back version is updated
 * in place (and is a draft again). A version waiting for review cannot be edited: a reviewer must send it back first,
 * so what is approved is exactly what was read.
 */
export function saveDraftStep(input: DraftInput): DocumentStep {
  return (current) => {
    expectVersion(current, input.expectedVersion);
    const at = input.at.toISOString();
    const working = current?.working ?? null;
    if (working?.state === 'submitted') throw new Conflict('This text is waiting for review and cannot be changed until a reviewer approves it or sends it back.');
    const version: DocumentVersion =
      working === null
        ? {
            number: nextNumber(current),
            title: input.title,
            body: input.body,
            state: 'draft',
            author: input.by,
            createdAt: at,
            updatedAt: at,
            submittedBy: null,
            submittedAt: null,
            reviewer: null,
            reviewedAt: null,
            comment: null,
          }
        : // A sent-back version keeps its reviewer's comment so the editor can still see what was asked.
          { ...working, title: input.title, body: input.body, state: 'draft', author: input.by, updatedAt: at };
    return {
      kind: input.ref.kind,
      key: input.ref.key,
      createdAt: current?.createdAt ?? at,
      updatedAt: at,
      working: version,
      published: current?.published ?? null,
      review: current?.review ?? null,
    };
  };
}

function workingOrThrow(current: EditorialDocument | null, expected: number): { document: EditorialDocument; working: DocumentVersion } {
  expectVersion(current, expected);
  if (current?.working == null) throw new Conflict('There is no text in progress to do this to.');
  return { document: current, working: current.working };
}

/** Sends a draft (or a sent-back version) to the reviewers. */
export function submitStep(expected: number, by: Person, at: Date): DocumentStep {
  return (current) => {
    const { document, working } = workingOrThrow(current, expected);
    if (working.state === 'submitted') throw new Conflict('This text is already waiting for review.');
    const when = at.toISOString();
    return { ...document, updatedAt: when, working: { ...working, state: 'submitted', submittedBy: by, submittedAt: when } };
  };
}

function checkSubmitted(working: DocumentVersion): void {
  if (working.state !== 'submitted') throw new Conflict('Only text that has been submitted for review can be approved or sent back; ask its editor to submit it.');
}

/**
 * Approves the version waiting for review: it becomes the published one, with its review dates and snapshot. Nobody
 * approves their own words (docs/editors.md): the reviewer must be neither the version's last author nor the person
 * who submitted it, whatever their role, administrators included.
 */
export function approveStep(expected: number, by: Person, at: Date, review: Omit<Review, 'reviewedAt'>): DocumentStep {
  return (current) => {
    const { document, working } = workingOrThrow(current, expected);
    checkSubmitted(working);
    if (by.id !== null && (working.author.id === by.id || working.submittedBy?.id === by.id)) {
      throw new Conflict('You wrote or submitted this text, so you cannot approve it: another reviewer must. Nothing was changed.');
    }
    const when = at.toISOString();
    const approved: DocumentVersion = { ...working, state: 'approved', reviewer: by, reviewedAt: when, comment: null };
    return { ...document, updatedAt: when, working: null, published: approved, review: { ...review, reviewedAt: when } };
  };
}

/** Sends the version waiting for review back to its editor with a comment saying what to change. */
export function sendBackStep(expected: number, by: Person, at: Date, comment: string): DocumentStep {
  return (current) => {
    const { document, working } = workingOrThrow(current, expected);
    checkSubmitted(working);
    const when = at.toISOString();
    return { ...document, updatedAt: when, working: { ...working, state: 'sent-back', reviewer: by, reviewedAt: when, comment } };
  };
}

/** A document as the audit log records it before and after a change: each version's state and words. */
export function documentAuditView(document: EditorialDocument | null): Record<string, unknown> | null {
  if (document === null) return null;
  const version = (value: DocumentVersion | null): Record<string, unknown> | null =>
    value === null
      ? null
      : {
          number: value.number,
          state: value.state,
          title: value.title,
          body: value.body,
          author: value.author.label,
          reviewer: value.reviewer?.label ?? null,
          comment: value.comment,
        };
  return {
    kind: document.kind,
    key: document.key,
    working: version(document.working),
    published: version(document.published),
    reviewedAt: document.review?.reviewedAt ?? null,
    nextReviewDue: document.review?.nextReviewDue ?? null,
  };
}
