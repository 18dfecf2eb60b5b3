/**
 * Kysely table types of the PostgreSQL store: what each row holds, as node-postgres returns it.
 * The DDL lives in the migrations; these types must follow them. Counts are cast to int in SQL, because
 * node-postgres returns bigint as a string.
 */
import type { Generated } from 'kysely';
import type { CoordinateSource } from '../../domain/geo.ts';
import type { Phase, Sex, SourceRegistry, StudyType, TrialStatus } from '../../domain/trial.ts';

export interface TrialsTable {
  /** Integer row key of every child table (an identity column). */
  doc_id: Generated<number>;
  /** The trial's primary id (`Trial.id`), unique. */
  id: string;
  status: TrialStatus;
  study_type: StudyType;
  sex: Sex;
  min_age: number | null;
  max_age: number | null;
  healthy_volunteers: boolean | null;
  has_results: boolean;
  /** `dates.lastUpdate` padded to YYYY-MM-DD (start of the period): sorts and compares as text, as in SQLite. */
  last_update: string | null;
  record_updated: string | null;
  source: SourceRegistry;
  content_hash: string;
  imported_at: string;
  brief_title: string;
  /** The conditions alone, for the condition filter (a phrase within the conditions, as SQLite's column filter). */
  conditions_search: string;
  /** Intervention names, other names, keywords and arm labels, for the intervention filter. */
  interventions_search: string;
  /** The TrialSummary as JSON text, so a result page never reads whole trials. */
  summary: string;
  /** The whole trial as JSON text (not jsonb): returned byte for byte as stored. */
  json: string;
  /** Bitmap of treatment kinds and transplant sub-kinds (shared/fact-bits.ts; migration 0002). */
  treatments: number;
  /** Bitmap of age groups (shared/fact-bits.ts). */
  age_groups: number;
  /** Sites in the United Kingdom. */
  uk_sites: number;
}

/**
 * What a free-text search lists and ranks, one row per trial in a narrow table of its own (migration 0008), so that
 * listing a broad word's matches visits few heap pages.
 */
export interface TrialTextTable {
  doc_id: number;
  /** How many distinct words `search` holds: the document length of the ranking (see search-rank.ts). */
  search_length: number;
  /** The fields relevance is computed from (search-rank.ts): title, conditions, interventions; kept in the row. */
  rank_vector: string;
  /** Every searchable field, weighted A–D (see tsvector.ts); GIN-indexed, stored out of line. */
  search: string;
}

/** One row per cancer type of a trial and per ancestor of one (migration 0002). */
export interface TrialCancerTypesTable {
  type: string;
  doc_id: number;
}

/** A site that can be placed on a map (migration 0002); `open` as SiteLocation.open. */
export interface TrialSitesTable {
  doc_id: number;
  site_index: number;
  latitude: number;
  longitude: number;
  open: boolean;
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

export interface TrialIdsTable {
  value: string;
  doc_id: number;
  kind: string;
  /** 0 for the trial's primary id, 1 for NCT/ISRCTN ids, 2 for others: which trial wins a lookup by a shared id. */
  precedence: number;
}

export interface TrialPhasesTable {
  doc_id: number;
  phase: Phase;
}

/** Conditions, interventions and countries: `key` is the normalised form filters and facets group by. */
export interface TrialTermsTable {
  doc_id: number;
  key: string;
  name: string;
}

/** The one row every write transaction bumps (migration 0003): serving processes compare it with their fact index. */
export interface StoreVersionTable {
  id: number;
  /** bigint, which node-postgres returns as text. */
  version: string;
}

/** A common word's matches with their relevance terms (migration 0009, word-postings.ts). */
export interface WordPostingsTable {
  word: string;
  matches: number;
  /** (int4 doc id, float8 term) pairs, big-endian, in doc id order. */
  pairs: Buffer;
}

/** The one row saying which doc ids the word postings are complete for (migration 0009). */
export interface WordPostingsStateTable {
  id: number;
  through: number;
}

export interface CheckpointsTable {
  name: string;
  value: string;
}

export interface Database {
  trials: TrialsTable;
  trial_text: TrialTextTable;
  trial_ids: TrialIdsTable;
  trial_phases: TrialPhasesTable;
  trial_conditions: TrialTermsTable;
  trial_interventions: TrialTermsTable;
  trial_countries: TrialTermsTable;
  checkpoints: CheckpointsTable;
  trial_cancer_types: TrialCancerTypesTable;
  trial_sites: TrialSitesTable;
  derivation: DerivationTable;
  store_version: StoreVersionTable;
  word_postings: WordPostingsTable;
  word_postings_state: WordPostingsStateTable;
}
