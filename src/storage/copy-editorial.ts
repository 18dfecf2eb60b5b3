import { isDeepStrictEqual } from 'node:util';
import { Conflict } from '../domain/errors.ts';
import type { EditorialBatch, EditorialCounts, EditorialStore } from './editorial-store.ts';

export interface EditorialCopyReport {
  /** False when the target already held exactly the source's editorial data (a re-run): nothing was written. */
  readonly copied: boolean;
  readonly users: number;
  readonly documents: number;
  readonly versions: number;
  readonly auditEntries: number;
  /** Rows read back from both stores and found identical: every account, document (with its versions) and entry. */
  readonly compared: number;
  /** Left behind on purpose, so everyone signs in again on the new database. */
  readonly sessionsNotCopied: number;
  readonly loginFailuresNotCopied: number;
}

export interface EditorialCopyOptions {
  /** Rows per exported batch. */
  readonly batchSize?: number;
}

const MARKS = 'the highest ids handed out';

interface ExportedRow {
  /** Names the row in an error: "account 3", "document page:research-into-all", "audit entry 17". */
  readonly what: string;
  readonly value: unknown;
}

async function* rowsOf(batches: AsyncIterable<EditorialBatch>): AsyncGenerator<ExportedRow> {
  for await (const batch of batches) {
    switch (batch.table) {
      case 'users':
        for (const user of batch.rows) yield { what: `account ${user.id} (${user.email})`, value: user };
        break;
      case 'documents':
        for (const document of batch.rows) yield { what: `document ${document.kind}:${document.key}`, value: document };
        break;
      case 'audit':
        for (const entry of batch.rows) yield { what: `audit entry ${entry.id}`, value: entry };
        break;
      case 'id-marks':
        yield { what: MARKS, value: batch.marks };
        break;
    }
  }
}

/**
 * Reads both exports side by side (both are in id order) and names the first row that differs, or null when every
 * row is identical. Values are compared as decoded, so JSON key order (jsonb reorders keys) is not a difference.
 */
async function firstDifference(source: AsyncIterable<EditorialBatch>, target: AsyncIterable<EditorialBatch>): Promise<{ difference: string | null; compared: number }> {
  const left = rowsOf(source);
  const right = rowsOf(target);
  let compared = 0;
  try {
    for (;;) {
      const [a, b] = await Promise.all([left.next(), right.next()]);
      if (a.done === true) return { difference: b.done === true ? null : `the target has ${b.value.what}, which the source has not`, compared };
      if (b.done === true) return { difference: `the source's ${a.value.what} is missing from the target`, compared };
      if (a.value.what !== b.value.what) return { difference: `the source has ${a.value.what} where the target has ${b.value.what}`, compared };
      if (!isDeepStrictEqual(a.value.value, b.value.value)) return { difference: `${a.value.what} differs`, compared };
      if (a.value.what !== MARKS) compared += 1;
    }
  } finally {
    await Promise.all([left.return(undefined), right.return(undefined)]);
  }
}

function holdsNone(counts: EditorialCounts): boolean {
  return counts.users === 0 && counts.documents === 0 && counts.versions === 0 && counts.auditEntries === 0;
}

function describeCounts(counts: EditorialCounts): string {
  return `${counts.users} accounts, ${counts.documents} documents with ${counts.versions} versions, ${counts.auditEntries} audit entries`;
}

/**
 * Copies the editor area's data (accounts with their password hashes, documents with every version, the whole audit
 * log with its ids and times, and the id counters) into a target with none, in one transaction; then reads both back
 * and compares every row and the counts. A target that already holds editorial data is accepted only when it holds
 * exactly the source's (a re-run of the same move); otherwise, and for any difference after copying, Conflict.
 * Sessions and failed sign-ins are not copied.
 */
export async function copyEditorial(source: EditorialStore, target: EditorialStore, options: EditorialCopyOptions = {}): Promise<EditorialCopyReport> {
  const batchSize = options.batchSize ?? 500;
  const targetBefore = await target.countEditorial();
  const empty = holdsNone(targetBefore);
  if (empty) await target.importEditorial(source.exportEditorial(batchSize));

  const { difference, compared } = await firstDifference(source.exportEditorial(batchSize), target.exportEditorial(batchSize));
  if (difference !== null && !empty) {
    throw new Conflict(
      `The target already holds editorial data (${describeCounts(targetBefore)}) that is not the source's (${difference}). ` +
        'Copy into a database without editorial data: its audit log cannot be emptied.',
    );
  }
  if (difference !== null) throw new Conflict(`Editorial data differs after copying: ${difference}.`);
  const [sourceCounts, targetCounts] = await Promise.all([source.countEditorial(), target.countEditorial()]);
  const tables = ['users', 'documents', 'versions', 'auditEntries'] as const;
  const unequal = tables.filter((table) => sourceCounts[table] !== targetCounts[table]);
  if (unequal.length > 0) {
    throw new Conflict(`Editorial counts differ after copying: source ${describeCounts(sourceCounts)}; target ${describeCounts(targetCounts)}.`);
  }
  return {
    copied: empty,
    users: targetCounts.users,
    documents: targetCounts.documents,
    versions: targetCounts.versions,
    auditEntries: targetCounts.auditEntries,
    compared,
    sessionsNotCopied: sourceCounts.sessions,
    loginFailuresNotCopied: sourceCounts.loginFailures,
  };
}
