/**
 * The one trial model every registry format is normalised into.
 *
 * Field meanings follow the ClinicalTrials.gov data dictionary
 * (https://clinicaltrials.gov/data-api/about-api/study-data-structure); other registries are mapped onto it.
 * Optional values are `null` (never `undefined`) so a trial survives a JSON round trip unchanged.
 */

/** Registries a record can come from. */
export const SOURCES = ['ctgov-v2', 'ctgov-xml', 'nci-cts'] as const;
export type SourceRegistry = (typeof SOURCES)[number];

/** The small set of statuses we normalise every registry's status to. */
export const STATUSES = [
  'not-yet-recruiting',
  'recruiting',
  'active-not-recruiting',
  'enrolling-by-invitation',
  'completed',
  'suspended',
  'terminated',
  'withdrawn',
  'unknown',
] as const;
export type TrialStatus = (typeof STATUSES)[number];

/** Phases as ClinicalTrials.gov lists them; "1/2" trials carry both 1 and 2. */
export const PHASES = ['early-1', '1', '2', '3', '4', 'not-applicable'] as const;
export type Phase = (typeof PHASES)[number];

export const STUDY_TYPES = ['interventional', 'observational', 'expanded-access', 'unknown'] as const;
export type StudyType = (typeof STUDY_TYPES)[number];

export const SEXES = ['all', 'female', 'male'] as const;
export type Sex = (typeof SEXES)[number];

/** Kinds of registry identifier a trial may carry. */
export const ID_KINDS = ['nct', 'isrctn', 'eudract', 'ctis', 'nci', 'org', 'other'] as const;
export type IdKind = (typeof ID_KINDS)[number];

export interface RegistryId {
  readonly kind: IdKind;
  readonly value: string;
  /** Who issued it, as the registry says (e.g. "EudraCT", "CTEP"); null when not said. */
  readonly issuer: string | null;
}

export interface Intervention {
  /** Normalised, lower-case ClinicalTrials.gov intervention type ("drug", "biological", "procedure" ...). */
  readonly type: string;
  readonly name: string;
  readonly otherNames: readonly string[];
  readonly description: string | null;
}

export interface Arm {
  readonly label: string;
  /** Lower-case arm type ("experimental", "active comparator" ...); null when not said. */
  readonly type: string | null;
  readonly description: string | null;
  readonly interventionNames: readonly string[];
}

/** A calendar date as the registry gives it: "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
export type PartialDate = string;

export interface KeyDates {
  readonly start: PartialDate | null;
  readonly primaryCompletion: PartialDate | null;
  readonly completion: PartialDate | null;
  readonly firstPosted: PartialDate | null;
  readonly lastUpdate: PartialDate | null;
  readonly statusVerified: PartialDate | null;
}

export interface Eligibility {
  readonly criteria: string | null;
  /** Minimum age in years; null means no lower bound. */
  readonly minAgeYears: number | null;
  /** Maximum age in years; null means no upper bound. */
  readonly maxAgeYears: number | null;
  readonly sex: Sex;
  /** null when the registry does not say. */
  readonly healthyVolunteers: boolean | null;
}

export interface Contact {
  readonly name: string | null;
  readonly role: string | null;
  readonly phone: string | null;
  readonly email: string | null;
}

export interface Site {
  readonly facility: string | null;
  readonly city: string | null;
  readonly state: string | null;
  readonly postcode: string | null;
  readonly country: string | null;
  /** Per-site recruitment status, normalised; null when the registry gives none. */
  readonly status: TrialStatus | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly contacts: readonly Contact[];
}

export interface Provenance {
  readonly source: SourceRegistry;
  /** The record's own last-update date as the registry gives it (ISO date), used to decide which version wins. */
  readonly recordUpdated: PartialDate | null;
  /** When we imported it (ISO timestamp). Not part of the content hash. */
  readonly importedAt: string;
  /** SHA-256 of the trial's content without its import time; equal hashes mean nothing changed. */
  readonly contentHash: string;
}

export interface Trial {
  /** The primary id: the NCT id when there is one, else the first registry id. */
  readonly id: string;
  readonly ids: readonly RegistryId[];
  readonly briefTitle: string;
  readonly officialTitle: string | null;
  readonly acronym: string | null;
  readonly briefSummary: string | null;
  readonly detailedDescription: string | null;
  readonly conditions: readonly string[];
  readonly keywords: readonly string[];
  readonly interventions: readonly Intervention[];
  readonly arms: readonly Arm[];
  readonly phases: readonly Phase[];
  readonly studyType: StudyType;
  readonly status: TrialStatus;
  /** The registry's own status value, kept verbatim. */
  readonly statusRaw: string | null;
  readonly dates: KeyDates;
  readonly eligibility: Eligibility;
  /** Planned or actual enrolment; null when unknown (including registry sentinels such as 99999999). */
  readonly enrollment: number | null;
  readonly sponsor: string | null;
  readonly collaborators: readonly string[];
  readonly centralContacts: readonly Contact[];
  readonly sites: readonly Site[];
  readonly hasResults: boolean;
  readonly provenance: Provenance;
}

/** A trial before it is hashed and stamped: what a parser produces. */
export type TrialContent = Omit<Trial, 'provenance'> & {
  readonly provenance: Omit<Provenance, 'importedAt' | 'contentHash'>;
};

/** A statement of why one source record could not become a trial. */
export interface RecordError {
  /** The record's id when it could be read, else a position such as "record #12" or a file path. */
  readonly recordId: string;
  readonly field: string;
  readonly reason: string;
}

/** What a parser yields for each source record. */
export type ParseOutcome =
  | { readonly ok: true; readonly trial: TrialContent }
  | { readonly ok: false; readonly error: RecordError };

/** Statuses a patient can still join: the meaning of the `recruiting` filter. */
export const OPEN_STATUSES: readonly TrialStatus[] = ['recruiting', 'not-yet-recruiting'];
