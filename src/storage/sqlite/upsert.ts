import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { InvalidInput } from '../../domain/errors.ts';
import { supersedes } from '../../domain/supersedes.ts';
import type { SourceRegistry, Trial } from '../../domain/trial.ts';
import type { PostcodeTable } from '../../domain/postcode.ts';
import { childRows, IDENTITY_KINDS, idRows } from '../shared/child-rows.ts';
import type { UpsertOutcome } from '../store.ts';
import { createDerivedWriter } from './derived-write.ts';
import { prepare } from './prepared.ts';
import type { Database, TrialTermSpellingsTable } from './schema.ts';
import { prepareTrial, type PreparedTrial } from './prepared-trial.ts';
import { factsRow, type FactsRow, type TrialRow } from './trial-row.ts';

interface StoredHead {
  readonly doc_id: number;
  readonly source: SourceRegistry;
  readonly record_updated: string | null;
  readonly content_hash: string;
}

type TermTable = 'trial_conditions' | 'trial_interventions' | 'trial_countries';

type SpellingRow = { facet: TrialTermSpellingsTable['facet']; key: string; name: string; trials: number };

/** Builds the statements of the write path once per connection. */
function statements(raw: BetterSqlite3.Database, db: Kysely<Database>) {
  const head = ['trials.doc_id', 'trials.source', 'trials.record_updated', 'trials.content_hash'] as const;
  const insertTerm = (table: TermTable) =>
    prepare<{ doc_id: number; key: string; name: string }>(raw, (arg) =>
      db.insertInto(table).values({ doc_id: arg('doc_id'), key: arg('key'), name: arg('name') }),
    );
  return {
    byPrimaryId: prepare<{ id: string }, StoredHead>(raw, (arg) =>
      db.selectFrom('trials').select(head).where('trials.id', '=', arg('id')),
    ),
    byIdentityId: prepare<{ value: string }, StoredHead>(raw, (arg) =>
      db
        .selectFrom('trial_ids')
        .innerJoin('trials', 'trials.doc_id', 'trial_ids.doc_id')
        .select(head)
        .where('trial_ids.value', '=', arg('value'))
        .where('trial_ids.kind', 'in', [...IDENTITY_KINDS]),
    ),
    deleteTrial: prepare<{ doc_id: number }>(raw, (arg) =>
      // Child and derived rows go by ON DELETE CASCADE, the FTS row by the trials_fts_delete trigger.
      db.deleteFrom('trials').where('trials.doc_id', '=', arg('doc_id')),
    ),
    insertTrial: prepare<TrialRow>(raw, (arg) =>
      db.insertInto('trials').values({
        id: arg('id'),
        status: arg('status'),
        study_type: arg('study_type'),
        sex: arg('sex'),
        min_age: arg('min_age'),
        max_age: arg('max_age'),
        healthy_volunteers: arg('healthy_volunteers'),
        has_results: arg('has_results'),
        last_update: arg('last_update'),
        record_updated: arg('record_updated'),
        source: arg('source'),
        content_hash: arg('content_hash'),
        imported_at: arg('imported_at'),
        brief_title: arg('brief_title'),
        summary: arg('summary'),
        json: arg('json'),
      }),
    ),
    insertId: prepare<{ value: string; doc_id: number; kind: string; precedence: number }>(raw, (arg) =>
      db.insertInto('trial_ids').values({
        value: arg('value'),
        doc_id: arg('doc_id'),
        kind: arg('kind'),
        precedence: arg('precedence'),
      }),
    ),
    insertFacts: prepare<FactsRow & { doc_id: number }>(raw, (arg) =>
      db.insertInto('trial_facts').values({
        doc_id: arg('doc_id'),
        id: arg('id'),
        status: arg('status'),
        study_type: arg('study_type'),
        sex: arg('sex'),
        healthy_volunteers: arg('healthy_volunteers'),
        has_results: arg('has_results'),
        phases: arg('phases'),
        min_age: arg('min_age'),
        max_age: arg('max_age'),
        last_update: arg('last_update'),
        treatments: arg('treatments'),
        age_groups: arg('age_groups'),
        uk_sites: arg('uk_sites'),
      }),
    ),
    // Adds a batch's count of trials spelling a term this way (migration 0006); deletes are counted by trigger.
    addSpellings: prepare<SpellingRow>(raw, (arg) =>
      db
        .insertInto('trial_term_spellings')
        .values({ facet: arg('facet'), key: arg('key'), name: arg('name'), trials: arg('trials') })
        .onConflict((conflict) =>
          conflict.columns(['facet', 'key', 'name']).doUpdateSet({ trials: sql<number>`trials + excluded.trials` }),
        ),
    ),
    insertCondition: insertTerm('trial_conditions'),
    insertIntervention: insertTerm('trial_interventions'),
    insertCountry: insertTerm('trial_countries'),
  };
}

/** The write path, in two steps: which trials a batch would write, and the write itself. */
export interface Upserter {
  /**
   * The trials of a batch that would be written as things stand (new, or superseding what is stored): the ones
   * worth preparing ahead, in worker threads. A read outside any transaction, so only a hint for `write`.
   */
  toPrepare(trials: readonly Trial[]): Trial[];
  /**
   * One synchronous better-sqlite3 transaction for the batch, so nothing else can run between its statements and any
   * exception rolls the whole batch back. Uses the prepared trials given and prepares any other it writes itself.
   */
  write(trials: readonly Trial[], prepared: ReadonlyMap<Trial, PreparedTrial>): UpsertOutcome[];
}

export function createUpserter(raw: BetterSqlite3.Database, db: Kysely<Database>, postcodes: PostcodeTable | null): Upserter {
  const s = statements(raw, db);
  const derivedWriter = createDerivedWriter(raw, db);

  /** Stored trials that are this one: same primary id, or sharing an NCT/ISRCTN id (decision 0002). */
  const storedMatches = (trial: Trial): StoredHead[] => {
    const found = new Map<number, StoredHead>();
    const primary = s.byPrimaryId.get({ id: trial.id });
    if (primary !== undefined) found.set(primary.doc_id, primary);
    for (const id of idRows(trial)) {
      if (!IDENTITY_KINDS.has(id.kind)) continue;
      for (const row of s.byIdentityId.all({ value: id.value })) found.set(row.doc_id, row);
    }
    return [...found.values()];
  };

  /**
   * Spellings of the terms inserted in the current batch, counted in memory and added to `trial_term_spellings` in
   * one statement per distinct spelling before the batch commits (and before any delete, whose trigger must find the
   * counts of earlier inserts of the batch in the table).
   */
  const pendingSpellings = new Map<string, SpellingRow>();
  const countSpelling = (facet: SpellingRow['facet'], key: string, name: string): void => {
    const id = `${facet}\u0000${key}\u0000${name}`;
    const pending = pendingSpellings.get(id);
    if (pending === undefined) pendingSpellings.set(id, { facet, key, name, trials: 1 });
    else pending.trials += 1;
  };
  const flushSpellings = (): void => {
    for (const row of pendingSpellings.values()) s.addSpellings.run(row);
    pendingSpellings.clear();
  };

  const insert = (trial: Trial, prepared: ReadonlyMap<Trial, PreparedTrial>): void => {
    const { row, derived, fields } = prepared.get(trial) ?? prepareTrial(trial, postcodes);
    const children = childRows(trial);
    const docId = Number(s.insertTrial.run(row).lastInsertRowid);
    s.insertFacts.run({ ...factsRow(row, children.phases, derived), doc_id: docId });
    for (const id of children.ids) s.insertId.run({ ...id, doc_id: docId });
    const termSets = [
      ['condition', s.insertCondition, children.conditions],
      ['intervention', s.insertIntervention, children.interventions],
      ['country', s.insertCountry, children.countries],
    ] as const;
    for (const [facet, insertTerm, terms] of termSets) {
      for (const term of terms) {
        insertTerm.run({ ...term, doc_id: docId });
        countSpelling(facet, term.key, term.name);
      }
    }
    derivedWriter.insert(docId, derived, fields);
  };

  /** What storing the trial would do, and the stored trials it would replace. */
  const planOne = (trial: Trial): { outcome: UpsertOutcome; replaces: StoredHead[] } => {
    const matches = storedMatches(trial);
    if (matches.length === 0) return { outcome: 'inserted', replaces: [] };
    const incoming = trial.provenance;
    if (matches.some((stored) => stored.content_hash === incoming.contentHash)) return { outcome: 'unchanged', replaces: [] };
    // With several matches (records that only this one links), it must supersede every one of them to replace them.
    const wins = matches.every((stored) =>
      supersedes(incoming, { source: stored.source, recordUpdated: stored.record_updated, contentHash: stored.content_hash }),
    );
    return wins ? { outcome: 'updated', replaces: matches } : { outcome: 'kept-newer', replaces: [] };
  };

  const upsertOne = (trial: Trial, prepared: ReadonlyMap<Trial, PreparedTrial>): UpsertOutcome => {
    const { outcome, replaces } = planOne(trial);
    if (outcome !== 'inserted' && outcome !== 'updated') return outcome;
    if (replaces.length > 0) flushSpellings();
    for (const stored of replaces) s.deleteTrial.run({ doc_id: stored.doc_id });
    insert(trial, prepared);
    return outcome;
  };

  const batch = raw.transaction((trials: readonly Trial[], prepared: ReadonlyMap<Trial, PreparedTrial>) => {
    // A batch that threw before its flush left counts behind: they were rolled back with its rows.
    pendingSpellings.clear();
    const outcomes = trials.map((trial) => {
      try {
        return upsertOne(trial, prepared);
      } catch (error) {
        throw asStoreError(trial, error);
      }
    });
    flushSpellings();
    return outcomes;
  });
  return {
    toPrepare: (trials) =>
      trials.filter((trial) => {
        const { outcome } = planOne(trial);
        return outcome === 'inserted' || outcome === 'updated';
      }),
    write: (trials, prepared) => batch(trials, prepared),
  };
}

/** A constraint the trial breaks (a value outside the vocabularies) is bad input naming the trial. */
function asStoreError(trial: Trial, error: unknown): unknown {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (!code.startsWith('SQLITE_CONSTRAINT')) return error;
  const reason = error instanceof Error ? error.message : code;
  return new InvalidInput(`Trial ${trial.id} cannot be stored: ${reason}`, 'trials');
}
