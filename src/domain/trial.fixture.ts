/**
 * A plain trial for domain tests: every field empty or null but the id and those a test gives. Dates and
 * eligibility are merged over empty ones, so a test names only what it is about. (Storage tests have their own,
 * fuller builders in src/storage/test-trials.ts.)
 */
import type { Trial } from './trial.ts';

export type TrialFields = Partial<Omit<Trial, 'dates' | 'eligibility'>> & {
  readonly dates?: Partial<Trial['dates']>;
  readonly eligibility?: Partial<Trial['eligibility']>;
};

export function emptyTrial(id: string, fields: TrialFields = {}): Trial {
  const { dates, eligibility, ...rest } = fields;
  return {
    id,
    ids: [{ kind: 'nct', value: id, issuer: null }],
    briefTitle: 'A study',
    officialTitle: null,
    acronym: null,
    briefSummary: null,
    detailedDescription: null,
    conditions: [],
    keywords: [],
    interventions: [],
    arms: [],
    phases: [],
    studyType: 'interventional',
    status: 'unknown',
    statusRaw: null,
    enrollment: null,
    sponsor: null,
    collaborators: [],
    centralContacts: [],
    sites: [],
    hasResults: false,
    provenance: { source: 'ctgov-v2', recordUpdated: null, importedAt: '2026-01-01T00:00:00.000Z', contentHash: 'x' },
    ...rest,
    dates: { start: null, primaryCompletion: null, completion: null, firstPosted: null, lastUpdate: null, statusVerified: null, ...dates },
    eligibility: { criteria: null, minAgeYears: null, maxAgeYears: null, sex: 'all', healthyVolunteers: null, ...eligibility },
  };
}
