/**
 * Reads the SQLite store's fact index (shared/fact-index.ts) from the narrow rows: `trial_facts`, the term tables
 * with the spelling each key shows, and the cancer types. One deferred transaction, so every table is read from
 * the same snapshot even while another process writes.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Sex, StudyType, TrialStatus } from '../../domain/trial.ts';
import { FactIndexBuilder, type FactIndex, type TermFacet } from '../shared/fact-index.ts';
import { preferredSpelling, type Spelling } from '../shared/term-spelling.ts';

type FactsRow = [number, string, TrialStatus, StudyType, Sex, 0 | 1 | null, 0 | 1, number, number | null, number | null, string | null, number, number];

const TERM_TABLES = {
  condition: 'trial_conditions',
  intervention: 'trial_interventions',
  country: 'trial_countries',
} as const satisfies Partial<Record<TermFacet, string>>;

/** The store's data version: another connection's commits move `data_version`; this process counts its own. */
export function sqliteDataVersion(raw: BetterSqlite3.Database, ownWrites: number): string {
  return `${String(raw.pragma('data_version', { simple: true }))}:${String(ownWrites)}`;
}

export function loadFactIndex(raw: BetterSqlite3.Database, ownWrites: () => number): FactIndex {
  const read = raw.transaction((): FactIndex => {
    const builder = new FactIndexBuilder(sqliteDataVersion(raw, ownWrites()));
    const facts = raw.prepare(`SELECT doc_id, id, status, study_type, sex, healthy_volunteers, has_results, phases,
        min_age, max_age, last_update, treatments, age_groups FROM trial_facts ORDER BY doc_id`).raw(true);
    for (const row of facts.iterate() as IterableIterator<FactsRow>) {
      const [docId, id, status, studyType, sex, hv, results, phases, minAge, maxAge, lastUpdate, treatments, ageGroups] = row;
      builder.addFacts({
        docId,
        id,
        status,
        studyType,
        sex,
        healthyVolunteers: hv === null ? null : hv === 1,
        hasResults: results === 1,
        phases,
        minAge,
        maxAge,
        lastUpdate,
        treatments,
        ageGroups,
      });
    }
    for (const [facet, table] of Object.entries(TERM_TABLES) as Array<[keyof typeof TERM_TABLES, string]>) {
      const pairs = raw.prepare(`SELECT doc_id, key FROM ${table}`).raw(true);
      for (const [docId, key] of pairs.iterate() as IterableIterator<[number, string]>) builder.addTerm(facet, docId, key);
      const spellings = new Map<string, Spelling[]>();
      const rows = raw.prepare('SELECT key, name, trials FROM trial_term_spellings WHERE facet = ?').all(facet) as Array<Spelling & { key: string }>;
      for (const row of rows) spellings.set(row.key, [...(spellings.get(row.key) ?? []), row]);
      for (const [key, options] of spellings) builder.showTerm(facet, key, preferredSpelling(options) ?? key);
    }
    const types = raw.prepare('SELECT doc_id, type FROM trial_cancer_types').raw(true);
    for (const [docId, type] of types.iterate() as IterableIterator<[number, string]>) builder.addTerm('cancerType', docId, type);
    return builder.build();
  });
  return read.deferred();
}
