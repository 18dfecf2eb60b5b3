/**
 * Kysely table types of the SQLite store: what each row holds, as SQLite returns it.
 * Booleans are 0/1 integers (SQLite has no boolean type); dates are sortable ISO strings.
 * The DDL itself lives in the migrations; these types must follow them.
 */
import type { Generated } from 'kysely';
import type { CoordinateSource } from '../../domain/geo.ts';
import type { Sex, SourceRegistry, StudyType, TrialStatus } from '../../domain/trial.ts';

export interface TrialsTable {
  /** Integer row key: the FTS row id and the key of every child table. Stable across VACUUM, unlike a bare rowid. */
  doc_id: Generated<number>;
  /** The trial's primary id (`Trial.id`), unique. */
  id: string;
  status: TrialStatus;
  study_type: StudyType;
  sex: Sex;
  min_age: number | null;
  max_age: number | null;
  /** 1, 0, or null when the registry does not say. */
  healthy_volunteers: 0 | 1 | null;
  has_results: 0 | 1;
  /** `dates.lastUpdate` padded to YYYY-MM-DD (start of the period), so it sorts and compares as text. */
  last_update: string | null;
  record_updated: string | null;
  source: SourceRegistry;
  content_hash: string;
  imported_at: string;
  brief_title: string;
  /** The TrialSummary as JSON, so a result page never parses whole trials. */
  summary: string;
  /** The whole trial as JSON, returned by getTrial unchanged. Last column: filters never read past it. */
  json: string;
}

/** Every registry id of a trial (and its primary id), canonical (upper case, no spaces). */
export interface TrialIdsTable {
  value: string;
  doc_id: number;
  kind: string;
  /** 0 for the trial's primary id, 1 for NCT/ISRCTN ids, 2 for others: which trial wins a lookup by a shared id. */
  precedence: number;
}

/**
 * The narrow row every filter, count, facet and the 'updated' sort read (migration 0002): a copy of the filter
 * columns of `trials`, about fifty bytes, where a `trials` row holds kilobytes of JSON.
 */
export interface TrialFactsTable {
  doc_id: number;
  id: string;
  status: TrialStatus;
  study_type: StudyType;
  sex: Sex;
  healthy_volunteers: 0 | 1 | null;
  has_results: 0 | 1;
  /** Bitmap of the trial's phases: bit i is PHASE_BITS[i] (see migration 0002). */
  phases: number;
  min_age: number | null;
  max_age: number | null;
  last_update: string | null;
  /** Bitmap of treatment kinds and transplant sub-kinds (shared/fact-bits.ts; migration 0003). */
  treatments: number;
  /** Bitmap of age groups (shared/fact-bits.ts). */
  age_groups: number;
  /** Sites in the United Kingdom. */
  uk_sites: number;
}

/** One row per cancer type of a trial and per ancestor of one (migration 0003). */
export interface TrialCancerTypesTable {
  type: string;
  doc_id: number;
}

/** A site that can be placed on a map (migration 0003); `open` as SiteLocation.open. */
export interface TrialSitesTable {
  doc_id: number;
  site_index: number;
  latitude: number;
  longitude: number;
  open: 0 | 1;
  source: CoordinateSource;
  facility: string | null;
  city: string | null;
  country: string | null;
  status: TrialStatus | null;
}

/** The one row saying which DERIVATION_VERSION the stored facts come from, and where a re-derivation stopped. */
export interface DerivationTable {
  id: number;
  version: number;
  /** The version a re-derivation in progress is deriving for; null when none is. */
  pass_version: number | null;
  /** The last doc_id that pass has re-derived. */
  pass_after: number | null;
}

/** How many stored trials spell a term key each way; kept by triggers on the term tables (migration 0002). */
export interface TrialTermSpellingsTable {
  facet: 'condition' | 'intervention' | 'country';
  key: string;
  name: string;
  trials: number;
}

/** Conditions, interventions and countries: `key` is the normalised form that filters and facets group by. */
export interface TrialTermsTable {
  doc_id: number;
  key: string;
  /** The text as the registry wrote it (first seen in the trial); facets show the most common spelling of a key. */
  name: string;
}

/** The FTS5 table (contentless): only its rowid can be read back. */
export interface TrialsFtsTable {
  rowid: number;
  title: string;
  conditions: string;
  interventions_keywords: string;
  summary: string;
  eligibility: string;
}

export interface CheckpointsTable {
  name: string;
  value: string;
}

export interface Database {
  trials: TrialsTable;
  trial_ids: TrialIdsTable;
  trial_facts: TrialFactsTable;
  trial_term_spellings: TrialTermSpellingsTable;
  trial_conditions: TrialTermsTable;
  trial_interventions: TrialTermsTable;
  trial_countries: TrialTermsTable;
  trials_fts: TrialsFtsTable;
  checkpoints: CheckpointsTable;
  trial_cancer_types: TrialCancerTypesTable;
  trial_sites: TrialSitesTable;
  derivation: DerivationTable;
}
