/**
 * Decides a whole batch of upserts in memory, from the stored trials it can touch, so the write path needs a handful
 * of statements per batch instead of several round trips per trial. The decisions are those of sqlite/upsert.ts,
 * taken trial by trial in order, so a later trial of the batch sees the earlier ones.
 */
import { supersedes } from '../../domain/supersedes.ts';
import type { SourceRegistry, Trial } from '../../domain/trial.ts';
import { IDENTITY_KINDS, idRows } from '../shared/child-rows.ts';
import type { UpsertOutcome } from '../store.ts';

/** A stored trial that a batch may replace: its head and the NCT/ISRCTN ids that make another record the same trial. */
export interface StoredHead {
  readonly doc_id: number;
  readonly id: string;
  readonly source: SourceRegistry;
  readonly record_updated: string | null;
  readonly content_hash: string;
  readonly identities: readonly string[];
}

export interface UpsertPlan {
  readonly outcomes: UpsertOutcome[];
  /** Stored rows to delete (replaced by a trial of the batch). */
  readonly deleteDocIds: number[];
  /** Trials to insert, in batch order: each the last word on its trial. */
  readonly insert: Trial[];
}

/** A trial as the plan sees it: stored, or pending from this batch. */
interface Doc {
  readonly id: string;
  readonly source: SourceRegistry;
  readonly recordUpdated: string | null;
  readonly contentHash: string;
  readonly identities: readonly string[];
  readonly docId: number | null;
  readonly trial: Trial | null;
}

/** The identity ids (canonical NCT/ISRCTN values) of a trial, its primary id included when it is one. */
export function identityIds(trial: Trial): string[] {
  return idRows(trial)
    .filter((row) => IDENTITY_KINDS.has(row.kind))
    .map((row) => row.value);
}

/** The outcome of every trial and the writes that carry them out. */
export function planUpsert(trials: readonly Trial[], stored: readonly StoredHead[]): UpsertPlan {
  const byId = new Map<string, Doc>();
  const byIdentity = new Map<string, Set<Doc>>();
  const add = (doc: Doc): void => {
    byId.set(doc.id, doc);
    for (const value of doc.identities) {
      const docs = byIdentity.get(value) ?? new Set<Doc>();
      docs.add(doc);
      byIdentity.set(value, docs);
    }
  };
  const remove = (doc: Doc): void => {
    if (byId.get(doc.id) === doc) byId.delete(doc.id);
    for (const value of doc.identities) byIdentity.get(value)?.delete(doc);
  };
  for (const head of stored) {
    add({
      id: head.id,
      source: head.source,
      recordUpdated: head.record_updated,
      contentHash: head.content_hash,
      identities: head.identities,
      docId: head.doc_id,
      trial: null,
    });
  }

  const outcomes: UpsertOutcome[] = [];
  const deleteDocIds: number[] = [];
  const pending = new Set<Doc>();
  for (const trial of trials) {
    const identities = identityIds(trial);
    // Stored trials that are this one: same primary id, or sharing an NCT/ISRCTN id (decision 0002).
    const matches = new Set<Doc>();
    const primary = byId.get(trial.id);
    if (primary !== undefined) matches.add(primary);
    for (const value of identities) for (const doc of byIdentity.get(value) ?? []) matches.add(doc);

    const incoming = trial.provenance;
    const doc: Doc = { id: trial.id, source: incoming.source, recordUpdated: incoming.recordUpdated, contentHash: incoming.contentHash, identities, docId: null, trial };
    if (matches.size === 0) {
      outcomes.push('inserted');
    } else if ([...matches].some((match) => match.contentHash === incoming.contentHash)) {
      outcomes.push('unchanged');
      continue;
    } else if (![...matches].every((match) => supersedes(incoming, { source: match.source, recordUpdated: match.recordUpdated, contentHash: match.contentHash }))) {
      // With several matches (records only this one links), it must supersede every one of them to replace them.
      outcomes.push('kept-newer');
      continue;
    } else {
      outcomes.push('updated');
      for (const match of matches) {
        remove(match);
        pending.delete(match);
        if (match.docId !== null) deleteDocIds.push(match.docId);
      }
    }
    add(doc);
    pending.add(doc);
  }
  return { outcomes, deleteDocIds, insert: [...pending].flatMap((doc) => (doc.trial === null ? [] : [doc.trial])) };
}
