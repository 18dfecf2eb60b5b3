/**
 * A resumable import from the live ClinicalTrials.gov API v2 into a store: one transaction per page, and a
 * checkpoint (the next page token) saved after each committed page, so a killed run picks up where it stopped.
 *
 * The checkpoint is written just after the page commits, not inside the same transaction (the store port has
 * no such verb). A crash between the two re-imports one page on resume, which changes nothing: equal content
 * hashes make the upserts `unchanged`.
 */
import { createHash } from 'node:crypto';
import type { ParseOutcome } from '../domain/trial.ts';
import type { TrialStore } from '../storage/store.ts';
import { InvalidInput } from '../domain/errors.ts';
import { CTGOV_BASE_URL, fetchCtgovStudies } from './ctgov-client.ts';
import type { CtgovClientDeps, CtgovClientEvent, CtgovFetchOptions, CtgovQuery, CtgovResumePoint } from './ctgov-client.ts';
import { normaliseCtgovOptions } from './ctgov-client.query.ts';
import { emptySummary, importRecords } from './import.ts';
import type { ImportSummary } from './import.ts';

export interface CtgovSyncOptions extends Omit<CtgovFetchOptions, 'resumeFrom'> {
  /** Continue an interrupted run of the same search (default true); false ignores and clears its checkpoint. */
  readonly resume?: boolean;
  /** Trials per transaction; by default a whole page, so each page lands in one transaction. */
  readonly batchSize?: number;
}

/** Reported after each page is committed. */
export interface CtgovPageInfo {
  readonly pageNumber: number;
  readonly studies: number;
  /** Only known from the first page of a search. */
  readonly totalCount: number | null;
  readonly nextPageToken: string | null;
  /** Running totals of this run. */
  readonly summary: Readonly<ImportSummary>;
}

export type CtgovSyncEvent =
  | { readonly type: 'resume'; readonly pageToken: string; readonly pagesDone: number }
  | { readonly type: 'checkpoint-ignored'; readonly reason: string };

export interface CtgovSyncDeps extends CtgovClientDeps {
  /** Turns one raw v2 study into a trial or a rejection (`parseCtgovV2Study`). */
  parse(study: unknown, position: string): ParseOutcome;
  onPage?(info: CtgovPageInfo): void;
  log?(event: CtgovClientEvent | CtgovSyncEvent): void;
}

export interface CtgovSyncSummary extends ImportSummary {
  /** Pages fetched in this run. */
  pages: number;
  /** The page token this run resumed from, or null when it started at the first page. */
  resumedFrom: string | null;
  /** Pages an earlier, interrupted run had stored before this one resumed (0 when not resuming). */
  resumedAfterPage: number;
  /** True when the last page was reached (false when `maxPages` stopped the run; its checkpoint remains). */
  complete: boolean;
}

/** What is saved after each committed page. */
interface Checkpoint {
  readonly nextPageToken: string;
  readonly pagesDone: number;
  readonly optionsFingerprint: string;
}

/**
 * SHA-256 of the normalised search and the API it is sent to: equal searches (whatever the spelling of their
 * options) share it, and a page token is only ever offered back to the server that issued it.
 */
export function ctgovOptionsFingerprint(query: CtgovQuery, baseUrl: string = CTGOV_BASE_URL): string {
  const canonical = JSON.stringify([baseUrl.replace(/\/+$/, ''), query.cond, query.term, query.areas, query.statuses, query.since]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** The store checkpoint name for a search. Page size is left out: a page token does not depend on it. */
export function ctgovCheckpointKey(fingerprint: string): string {
  return `ctgov-v2-sync:${fingerprint.slice(0, 32)}`;
}

/** The checkpoint to save once a page is committed: the next page's token, or nothing after the last page. */
function checkpointAfter(nextPageToken: string | null, pagesDone: number, optionsFingerprint: string): string | null {
  if (nextPageToken === null) return null;
  const checkpoint: Checkpoint = { nextPageToken, pagesDone, optionsFingerprint };
  return JSON.stringify(checkpoint);
}

function readCheckpoint(raw: string, fingerprint: string): CtgovResumePoint | string {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return 'checkpoint is not JSON';
  }
  const { nextPageToken, pagesDone, optionsFingerprint } = (value ?? {}) as Partial<Record<keyof Checkpoint, unknown>>;
  if (optionsFingerprint !== fingerprint) return 'checkpoint belongs to another search';
  if (typeof nextPageToken !== 'string' || nextPageToken === '') return 'checkpoint has no page token';
  if (typeof pagesDone !== 'number' || !Number.isInteger(pagesDone) || pagesDone < 0) return 'checkpoint has no page count';
  return { pageToken: nextPageToken, pagesDone };
}

async function startingPoint(
  store: TrialStore,
  key: string,
  fingerprint: string,
  options: CtgovSyncOptions,
  deps: CtgovSyncDeps,
): Promise<CtgovResumePoint | null> {
  if (options.resume === false) {
    await store.setCheckpoint(key, null);
    return null;
  }
  const raw = await store.getCheckpoint(key);
  if (raw === null) return null;
  const point = readCheckpoint(raw, fingerprint);
  if (typeof point === 'string') {
    deps.log?.({ type: 'checkpoint-ignored', reason: point });
    return null;
  }
  deps.log?.({ type: 'resume', pageToken: point.pageToken, pagesDone: point.pagesDone });
  return point;
}

/**
 * Imports every study of a ClinicalTrials.gov search into the store, page by page. Resumes an interrupted run
 * of the same search unless `resume: false`; clears the checkpoint when the last page is stored.
 *
 * @throws InvalidInput for bad options or when the API rejects the request (a stale resume token among them);
 *   Unavailable when the API stays unreachable. Pages committed before the failure stay, and so does the
 *   checkpoint, so running again continues.
 */
export async function syncFromCtgov(store: TrialStore, options: CtgovSyncOptions, deps: CtgovSyncDeps): Promise<CtgovSyncSummary> {
  const { query } = normaliseCtgovOptions(options);
  if (options.batchSize !== undefined && (!Number.isInteger(options.batchSize) || options.batchSize < 1)) {
    throw new InvalidInput(`batchSize must be a whole number of at least 1; got ${options.batchSize}.`, 'batchSize');
  }
  const fingerprint = ctgovOptionsFingerprint(query, options.baseUrl);
  const key = ctgovCheckpointKey(fingerprint);
  const resumeFrom = await startingPoint(store, key, fingerprint, options, deps);
  const summary: CtgovSyncSummary = {
    ...emptySummary(),
    pages: 0,
    resumedFrom: resumeFrom?.pageToken ?? null,
    resumedAfterPage: resumeFrom?.pagesDone ?? 0,
    complete: false,
  };
  const now = (): Date => new Date(deps.now());

  const pages = fetchCtgovStudies(resumeFrom === null ? options : { ...options, resumeFrom }, deps);
  try {
    for await (const page of pages) {
      const outcomes = page.studies.map((study, index) =>
        deps.parse(study, `ClinicalTrials.gov page ${page.pageNumber}, study ${index + 1}`),
      );
      await importRecords(store, outcomes, { batchSize: options.batchSize ?? Math.max(outcomes.length, 1), now, optimise: false }, summary);
      summary.pages += 1;
      await store.setCheckpoint(key, checkpointAfter(page.nextPageToken, page.pageNumber, fingerprint));
      summary.complete = page.nextPageToken === null;
      deps.onPage?.({
        pageNumber: page.pageNumber,
        studies: page.studies.length,
        totalCount: page.totalCount,
        nextPageToken: page.nextPageToken,
        summary,
      });
    }
  } catch (error) {
    if (error instanceof InvalidInput && resumeFrom !== null && summary.pages === 0) {
      throw new InvalidInput(`${error.message} The saved resume point may have expired; run again without resuming.`, error.field);
    }
    throw error;
  }
  // Once for the whole run, not per page: the store's search aids are remade from all it now holds.
  if (summary.inserted + summary.updated > 0) await store.optimiseSearch();
  return summary;
}
