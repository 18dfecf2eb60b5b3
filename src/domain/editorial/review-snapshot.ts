/**
 * What a reviewer relied on when approving a trial's summary, and what has changed since (issue 7, part 3). At
 * approval the trial's reviewed fields are kept as a snapshot; a later registry import that changes any of them makes
 * the summary "needs re-review", with a field-by-field diff. The snapshot is plain JSON, so a stored one reads back
 * the same on every database; `reviewSnapshot` only ever grows fields, and a field missing from an older snapshot
 * is not reported as changed.
 */
import type { Site, Trial } from '../trial.ts';

export interface SnapshotSite {
  readonly facility: string | null;
  readonly city: string | null;
  readonly country: string | null;
  readonly status: string | null;
}

/** The trial's reviewed fields: what the summary says or a reader would act on. */
export interface ReviewSnapshot {
  readonly title: string;
  readonly status: string;
  readonly phases: readonly string[];
  readonly conditions: readonly string[];
  readonly interventions: readonly string[];
  readonly minAgeYears: number | null;
  readonly maxAgeYears: number | null;
  readonly sex: string;
  readonly criteria: string | null;
  readonly startDate: string | null;
  readonly primaryCompletionDate: string | null;
  readonly completionDate: string | null;
  readonly enrollment: number | null;
  readonly sponsor: string | null;
  readonly summary: string | null;
  readonly sites: readonly SnapshotSite[];
}

type ScalarField = Exclude<keyof ReviewSnapshot, 'sites'>;

/** Each compared field in the order a diff lists them, with its name for people. */
export const SNAPSHOT_FIELDS: readonly { readonly field: ScalarField; readonly label: string }[] = [
  { field: 'status', label: 'Recruitment status' },
  { field: 'title', label: 'Title' },
  { field: 'phases', label: 'Phase' },
  { field: 'conditions', label: 'Conditions' },
  { field: 'interventions', label: 'Treatments' },
  { field: 'minAgeYears', label: 'Youngest age' },
  { field: 'maxAgeYears', label: 'Oldest age' },
  { field: 'sex', label: 'Sex' },
  { field: 'criteria', label: 'Eligibility criteria' },
  { field: 'startDate', label: 'Start date' },
  { field: 'primaryCompletionDate', label: 'Main results expected' },
  { field: 'completionDate', label: 'Expected end' },
  { field: 'enrollment', label: 'People taking part' },
  { field: 'sponsor', label: 'Sponsor' },
  { field: 'summary', label: 'Registry summary' },
];

function snapshotSite(site: Site): SnapshotSite {
  return { facility: site.facility, city: site.city, country: site.country, status: site.status };
}

/** The reviewed fields of `trial` as they stand. */
export function reviewSnapshot(trial: Trial): ReviewSnapshot {
  return {
    title: trial.briefTitle,
    status: trial.status,
    phases: [...trial.phases],
    conditions: [...trial.conditions],
    interventions: trial.interventions.map((item) => item.name),
    minAgeYears: trial.eligibility.minAgeYears,
    maxAgeYears: trial.eligibility.maxAgeYears,
    sex: trial.eligibility.sex,
    criteria: trial.eligibility.criteria,
    startDate: trial.dates.start,
    primaryCompletionDate: trial.dates.primaryCompletion,
    completionDate: trial.dates.completion,
    enrollment: trial.enrollment,
    sponsor: trial.sponsor,
    summary: trial.briefSummary,
    sites: trial.sites.map(snapshotSite),
  };
}

export type SnapshotValue = string | number | readonly string[] | null;

export interface FieldChange {
  readonly field: ScalarField;
  readonly label: string;
  readonly before: SnapshotValue;
  readonly after: SnapshotValue;
}

export interface SiteChange {
  readonly site: SnapshotSite;
  /** For a changed site: its status before (the site holds the status after). */
  readonly statusBefore?: string | null;
}

export interface SnapshotDiff {
  readonly fields: readonly FieldChange[];
  readonly sitesAdded: readonly SnapshotSite[];
  readonly sitesRemoved: readonly SnapshotSite[];
  readonly sitesChanged: readonly SiteChange[];
}

/** A site's identity across imports: its facility, city and country, ignoring case and spacing. */
function siteKey(site: SnapshotSite): string {
  return [site.facility, site.city, site.country].map((part) => (part ?? '').trim().replace(/\s+/g, ' ').toLowerCase()).join('|');
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Reads a stored snapshot defensively: anything not shaped like one has no fields to compare. */
function asSnapshot(value: unknown): Partial<ReviewSnapshot> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  return value;
}

/** A stored snapshot's sites, keeping only entries shaped like sites. */
function sitesOf(value: unknown): SnapshotSite[] {
  if (!Array.isArray(value)) return [];
  const items: unknown[] = value;
  return items.filter((item): item is SnapshotSite => item !== null && typeof item === 'object');
}

/** What changed between the approved snapshot and the trial now; empty lists when nothing did. */
export function diffSnapshot(stored: unknown, now: ReviewSnapshot): SnapshotDiff {
  const before = asSnapshot(stored);
  const fields = SNAPSHOT_FIELDS.filter(({ field }) => field in before && !same(before[field], now[field])).map(({ field, label }) => ({
    field,
    label,
    before: before[field] ?? null,
    after: now[field],
  }));
  const oldSites = new Map(sitesOf(before.sites).map((site) => [siteKey(site), site]));
  const newSites = new Map(now.sites.map((site) => [siteKey(site), site]));
  const sitesAdded = [...newSites].filter(([key]) => !oldSites.has(key)).map(([, site]) => site);
  const sitesRemoved = 'sites' in before ? [...oldSites].filter(([key]) => !newSites.has(key)).map(([, site]) => site) : [];
  const sitesChanged = [...newSites].flatMap(([key, site]) => {
    const old = oldSites.get(key);
    return old !== undefined && old.status !== site.status ? [{ site, statusBefore: old.status }] : [];
  });
  return { fields, sitesAdded: 'sites' in before ? sitesAdded : [], sitesRemoved, sitesChanged };
}

export function hasChanges(diff: SnapshotDiff): boolean {
  return diff.fields.length + diff.sitesAdded.length + diff.sitesRemoved.length + diff.sitesChanged.length > 0;
}
