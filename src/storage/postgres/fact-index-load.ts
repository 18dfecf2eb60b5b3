/**
 * Reads the PostgreSQL store's fact index (shared/fact-index.ts) in one REPEATABLE READ transaction, so the
 * facts, terms and version come from one snapshot while other processes write. Rows are read in ranges of doc ids
 * to keep the driver's buffers small at ClinicalTrials.gov scale.
 */
import { sql, type Kysely } from 'kysely';
import type { Phase, Sex, StudyType, TrialStatus } from '../../domain/trial.ts';
import { phaseBitmap } from '../shared/fact-bits.ts';
import { FactIndexBuilder, type FactIndex, type TermFacet } from '../shared/fact-index.ts';
import { preferredSpelling, type Spelling } from '../shared/term-spelling.ts';
import type { Database } from './schema.ts';
import { storeVersion } from './store-version.ts';

/** Trials per read. */
const RANGE = 50_000;

const TERM_TABLES = {
  condition: 'trial_conditions',
  intervention: 'trial_interventions',
  country: 'trial_countries',
} as const satisfies Partial<Record<TermFacet, keyof Database>>;

interface FactsRow {
  doc_id: number;
  id: string;
  status: TrialStatus;
  study_type: StudyType;
  sex: Sex;
  healthy_volunteers: boolean | null;
  has_results: boolean;
  /** The trial's phases, as an array literal node-postgres parses. */
  phases: Phase[] | null;
  min_age: number | null;
  max_age: number | null;
  last_update: string | null;
  treatments: number;
  age_groups: number;
}

export function loadFactIndex(db: Kysely<Database>): Promise<FactIndex> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      const builder = new FactIndexBuilder(await storeVersion(tx));
      const bounds = await tx.selectFrom('trials').select((eb) => eb.fn.max('doc_id').as('last')).executeTakeFirst();
      const last = bounds?.last ?? 0;
      for (let from = 0; from <= last; from += RANGE) {
        const to = from + RANGE;
        const { rows } = await sql<FactsRow>`SELECT t.doc_id, t.id, t.status, t.study_type, t.sex, t.healthy_volunteers,
            t.has_results, t.min_age, t.max_age, t.last_update, t.treatments, t.age_groups,
            (SELECT array_agg(p.phase) FROM trial_phases AS p WHERE p.doc_id = t.doc_id) AS phases
          FROM trials AS t WHERE t.doc_id >= ${from} AND t.doc_id < ${to} ORDER BY t.doc_id`.execute(tx);
        for (const row of rows) {
          builder.addFacts({
            docId: row.doc_id,
            id: row.id,
            status: row.status,
            studyType: row.study_type,
            sex: row.sex,
            healthyVolunteers: row.healthy_volunteers,
            hasResults: row.has_results,
            phases: phaseBitmap(row.phases ?? []),
            minAge: row.min_age,
            maxAge: row.max_age,
            lastUpdate: row.last_update,
            treatments: row.treatments,
            ageGroups: row.age_groups,
          });
        }
        for (const [facet, table] of Object.entries(TERM_TABLES) as Array<[keyof typeof TERM_TABLES, keyof Database]>) {
          const terms = await sql<{ doc_id: number; key: string }>`SELECT doc_id, key FROM ${sql.table(table)}
            WHERE doc_id >= ${from} AND doc_id < ${to}`.execute(tx);
          for (const term of terms.rows) builder.addTerm(facet, term.doc_id, term.key);
        }
        const types = await sql<{ doc_id: number; type: string }>`SELECT doc_id, type FROM trial_cancer_types
          WHERE doc_id >= ${from} AND doc_id < ${to}`.execute(tx);
        for (const type of types.rows) builder.addTerm('cancerType', type.doc_id, type.type);
      }
      // Each key shows its most common spelling among all stored trials (shared/term-spelling.ts).
      for (const [facet, table] of Object.entries(TERM_TABLES) as Array<[keyof typeof TERM_TABLES, keyof Database]>) {
        const { rows } = await sql<Spelling & { key: string }>`SELECT key, name, count(*)::int AS trials
          FROM ${sql.table(table)} GROUP BY key, name`.execute(tx);
        const spellings = new Map<string, Spelling[]>();
        for (const row of rows) spellings.set(row.key, [...(spellings.get(row.key) ?? []), row]);
        for (const [key, options] of spellings) builder.showTerm(facet, key, preferredSpelling(options) ?? key);
      }
      return builder.build();
    });
}
