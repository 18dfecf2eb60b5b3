/**
 * NCI Clinical Trials Search API trial JSON (https://clinicaltrialsapi.cancer.gov, `GET /v2/trials`) → the
 * trial model. The API has served two spellings of some fields over time (v1 `arm_name`, `intervention_name`,
 * `central_contact_name`; v2 `name`, `phone`...), and recorded responses mix them, so both are read.
 * Responses may be partial (the `include` parameter), so every field but nct_id and brief_title is optional.
 */
import { parsePhases } from '../domain/phase.ts';
import { registryId, uniqueIds } from '../domain/registry-id.ts';
import { normaliseStatus } from '../domain/status.ts';
import type { Contact, ParseOutcome, Phase, RegistryId, StudyType } from '../domain/trial.ts';
import type { JsonObject } from './json-fields.ts';
import {
  booleanOf,
  isJsonObject,
  numberOf,
  objectAt,
  objectsOf,
  partialDateOf,
  textAt,
  textOf,
  textsOf,
  uniqueTexts,
} from './json-fields.ts';
import { readNciArms, readNciEligibility, readNciInterventions, readNciSites } from './nci-cts.parts.ts';
import { phasesFromText } from './nci-cts.phase.ts';
import { contactOf, enrollmentOf, quoted, recordError, studyTypeOf } from './trial-fields.ts';

const NCT_ID = /^NCT\d{8}$/;

/**
 * Maps one NCI CTS API trial object to trial content. Never throws: an unusable record becomes
 * `{ ok: false, error }`. Trials without an NCT number are refused like CT.gov records without one, because
 * the NCT number is how the same trial is matched across registries.
 */
export function parseNciTrial(record: unknown, position: string): ParseOutcome {
  if (!isJsonObject(record)) return recordError(position, '(record)', 'a trial must be a JSON object');
  const nciId = textAt(record, 'nci_id');
  const nctId = textAt(record, 'nct_id')?.toUpperCase() ?? null;
  if (nctId === null) return recordError(nciId ?? position, 'nct_id', 'missing');
  if (!NCT_ID.test(nctId)) {
    return recordError(nciId ?? position, 'nct_id', `${quoted(record.nct_id)} is not an NCT number`);
  }
  const briefTitle = textAt(record, 'brief_title');
  if (briefTitle === null) return recordError(nctId, 'brief_title', 'missing');

  const eligibility = readNciEligibility(record);
  if (!eligibility.ok) return recordError(nctId, eligibility.field, eligibility.reason);

  const statusRaw = textAt(record, 'current_trial_status');
  // lead_org is text in v2 and has been { name } in other recorded responses.
  const leadOrg = textOf(record.lead_org) ?? textAt(record.lead_org, 'name');
  const recordUpdated = latestOwnDate(record);
  const centralContact = objectAt(record, 'central_contact');

  return {
    ok: true,
    trial: {
      id: nctId,
      ids: readIds(nctId, nciId, leadOrg, record),
      briefTitle,
      officialTitle: textAt(record, 'official_title'),
      acronym: textAt(record, 'acronym'),
      briefSummary: textAt(record, 'brief_summary'),
      detailedDescription: textAt(record, 'detail_description'),
      conditions: readConditions(record.diseases),
      keywords: textsOf(record.keywords),
      interventions: readNciInterventions(record.arms),
      arms: readNciArms(record.arms),
      phases: readPhases(record, briefTitle),
      studyType: readStudyType(record),
      status: normaliseStatus(statusRaw),
      statusRaw,
      dates: {
        start: partialDateOf(record.start_date),
        primaryCompletion: partialDateOf(record.primary_completion_date),
        completion: partialDateOf(record.completion_date),
        // CTRP does not publish when ClinicalTrials.gov first posted the trial.
        firstPosted: null,
        lastUpdate: recordUpdated,
        statusVerified: partialDateOf(record.record_verification_date),
      },
      eligibility: eligibility.value,
      enrollment: enrollmentOf(numberOf(record.minimum_target_accrual_number)),
      sponsor: leadOrg,
      collaborators: uniqueTexts(
        [...textsOf(record.collaborators), ...objectsOf(record.collaborators).map((c) => textAt(c, 'name'))],
      ),
      centralContacts: readCentralContact(centralContact),
      sites: readNciSites(record.sites),
      hasResults: readHasResults(record),
      provenance: { source: 'nci-cts', recordUpdated },
    },
  };
}

/**
 * The record's last change. CTRP publishes no "last updated" field, so this is the latest of the dates on
 * which the record itself changed: record_verification_date (the sponsor confirmed the record),
 * current_trial_status_date and status_history[].status_date (a status change was entered) and
 * amendment_date (an amendment was entered). Start and completion dates are excluded: they describe the
 * trial, are often anticipated, and may lie in the future, which would let a partial NCI record beat a
 * newer ClinicalTrials.gov record. A record with none of these dates has null and loses to any dated one.
 */
function latestOwnDate(record: JsonObject): string | null {
  const dates = [
    partialDateOf(record.record_verification_date),
    partialDateOf(record.current_trial_status_date),
    partialDateOf(record.amendment_date),
    ...objectsOf(record.status_history).map((entry) => partialDateOf(entry.status_date)),
  ].filter((date): date is string => date !== null);
  return dates.reduce<string | null>((latest, date) => (latest === null || date > latest ? date : latest), null);
}

/**
 * nct_id (primary), nci_id (the CTRP number), protocol_id (the lead organisation's own number),
 * the NCI programme ids (ctep_id, dcp_id, ccr_id) and other_ids[] {name, value}. An other_id's name says what
 * kind of id it is ("Study Protocol Other Identifier"), not who issued it, so its issuer is left unsaid and
 * its kind comes from its shape (EudraCT numbers are often filed here).
 */
function readIds(nctId: string, nciId: string | null, leadOrg: string | null, record: JsonObject): RegistryId[] {
  const ids: RegistryId[] = [registryId(nctId, 'ClinicalTrials.gov', 'nct')];
  if (nciId !== null) ids.push(registryId(nciId, 'NCI CTRP', 'nci'));
  const protocolId = textAt(record, 'protocol_id');
  if (protocolId !== null) ids.push(registryId(protocolId, leadOrg, 'org'));
  for (const [field, issuer] of [['ctep_id', 'CTEP'], ['dcp_id', 'DCP'], ['ccr_id', 'CCR']] as const) {
    const value = textAt(record, field);
    if (value !== null) ids.push(registryId(value, issuer));
  }
  for (const other of objectsOf(record.other_ids)) {
    const value = textAt(other, 'value');
    if (value !== null) ids.push(registryId(value));
  }
  return uniqueIds(ids);
}

/**
 * The trial's own diseases are those with inclusion_indicator "TRIAL"; "TREE" entries are NCI Thesaurus
 * ancestors added for tree search ("Disease, Disorder or Finding", "Other Neoplasm") and would flood every
 * condition filter. display_name is the patient-facing label; preferred_name (v2) and name (v1) are fallbacks.
 * Entries without an indicator (older responses) are kept: without it we cannot tell an ancestor apart.
 */
function readConditions(value: unknown): string[] {
  return uniqueTexts(
    objectsOf(value)
      .filter((disease) => {
        const indicator = textAt(disease, 'inclusion_indicator')?.toUpperCase() ?? null;
        return indicator === null || indicator === 'TRIAL';
      })
      .map((disease) => ['display_name', 'preferred_name', 'name'].map((key) => textAt(disease, key)).find(Boolean) ?? null),
  );
}

/**
 * phase is "I_II" in v2 and { phase: "I" } in v1. Responses that were not asked for it (most in the bundled data)
 * lack it; then the phase the title or the summary's first sentence names is the best reading (nci-cts.phase.ts).
 */
function readPhases(record: JsonObject, briefTitle: string): Phase[] {
  const field = textOf(record.phase) ?? textAt(record.phase, 'phase');
  if (field !== null) return parsePhases(field);
  return phasesFromText(briefTitle, textAt(record, 'brief_summary'));
}

/**
 * study_protocol_type ("Interventional", "Non-interventional", "Expanded Access") decides. When it is absent,
 * a primary_purpose (v2 text or v1 { primary_purpose_code }) that assigns an intervention implies an
 * interventional study; partial records without either are unknown.
 */
function readStudyType(record: JsonObject): StudyType {
  const declared = studyTypeOf(textAt(record, 'study_protocol_type'));
  if (declared !== 'unknown') return declared;
  const purpose = textOf(record.primary_purpose) ?? textAt(record.primary_purpose, 'primary_purpose_code');
  return purpose !== null && INTERVENTIONAL_PURPOSES.has(purpose.toUpperCase()) ? 'interventional' : 'unknown';
}

const INTERVENTIONAL_PURPOSES: ReadonlySet<string> = new Set([
  'TREATMENT',
  'PREVENTION',
  'SUPPORTIVE_CARE',
  'DIAGNOSTIC',
  'SCREENING',
  'HEALTH_SERVICES_RESEARCH',
  'BASIC_SCIENCE',
]);

/** central_contact is one object: v2 { name, phone, email, type }, v1 { central_contact_name, ... }. */
function readCentralContact(contact: JsonObject | null): Contact[] {
  const read = (field: string): string | null => textAt(contact, field) ?? textAt(contact, `central_contact_${field}`);
  const role = read('type');
  const built = contactOf(read('name'), role === null ? null : role.toLowerCase(), read('phone'), read('email'));
  return built === null ? [] : [built];
}

/**
 * results_posted holds a yes/no or the date results appeared on ClinicalTrials.gov. results_submitted is not
 * enough: submitted results may still be under quality-control review and not public.
 */
function readHasResults(record: JsonObject): boolean {
  const posted = record.results_posted;
  return booleanOf(posted) === true || partialDateOf(posted) !== null;
}
