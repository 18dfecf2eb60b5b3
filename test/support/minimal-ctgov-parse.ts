/**
 * A deliberately small stand-in for `parseCtgovV2Study`, so the live-client tests do not wait on the real
 * parser: it reads the id, titles, conditions, status and last-update date of a v2 study and nothing else.
 */
import { registryId } from '../../src/domain/registry-id.ts';
import type { ParseOutcome, TrialContent } from '../../src/domain/trial.ts';

function field(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Reads a v2 study minimally; a study without an NCT id or title is rejected at `position`. */
export function parseStudyMinimally(study: unknown, position: string): ParseOutcome {
  const nctId = text(field(study, 'protocolSection', 'identificationModule', 'nctId'));
  const briefTitle = text(field(study, 'protocolSection', 'identificationModule', 'briefTitle'));
  if (nctId === null || briefTitle === null) {
    return { ok: false, error: { recordId: nctId ?? position, field: 'identificationModule', reason: 'no NCT id or title' } };
  }
  const conditions = field(study, 'protocolSection', 'conditionsModule', 'conditions');
  const statusRaw = text(field(study, 'protocolSection', 'statusModule', 'overallStatus'));
  const lastUpdate = text(field(study, 'protocolSection', 'statusModule', 'lastUpdatePostDateStruct', 'date'));
  const trial: TrialContent = {
    id: nctId,
    ids: [registryId(nctId)],
    briefTitle,
    officialTitle: text(field(study, 'protocolSection', 'identificationModule', 'officialTitle')),
    acronym: null,
    briefSummary: null,
    detailedDescription: null,
    conditions: Array.isArray(conditions) ? conditions.filter((c): c is string => typeof c === 'string') : [],
    keywords: [],
    interventions: [],
    arms: [],
    phases: [],
    studyType: 'unknown',
    status: statusRaw === 'RECRUITING' ? 'recruiting' : 'unknown',
    statusRaw,
    dates: { start: null, primaryCompletion: null, completion: null, firstPosted: null, lastUpdate, statusVerified: null },
    eligibility: { criteria: null, minAgeYears: null, maxAgeYears: null, sex: 'all', healthyVolunteers: null },
    enrollment: null,
    sponsor: null,
    collaborators: [],
    centralContacts: [],
    sites: [],
    hasResults: field(study, 'hasResults') === true,
    provenance: { source: 'ctgov-v2', recordUpdated: lastUpdate },
  };
  return { ok: true, trial };
}

/** The NCT id of a raw v2 study, for assertions. */
export function nctIdOf(study: unknown): string {
  const id = field(study, 'protocolSection', 'identificationModule', 'nctId');
  if (typeof id !== 'string') throw new Error('study without an NCT id');
  return id;
}
