import { parseAgeYears } from '../domain/age.ts';
import { canonicalCountry } from '../domain/country.ts';
import { parsePhases } from '../domain/phase.ts';
import { idKindOf, registryId, uniqueIds } from '../domain/registry-id.ts';
import { normaliseSiteStatus, normaliseStatus } from '../domain/status.ts';
import type {
  Arm,
  Contact,
  Eligibility,
  Intervention,
  KeyDates,
  ParseOutcome,
  RegistryId,
  Sex,
  Site,
  StudyType,
  TrialContent,
} from '../domain/trial.ts';
import { parseLegacyDate } from './ctgov-xml.dates.ts';
import { child, children, rawText, readStudyDocument, textAt, textsOf } from './ctgov-xml.document.ts';
import type { XmlValue } from './ctgov-xml.document.ts';
import { normalisePlainText, normaliseTextblock } from './ctgov-xml.textblock.ts';

/**
 * Maps ClinicalTrials.gov legacy XML (public.xsd, one `<clinical_study>` per document, as in AllPublicXML)
 * onto the trial model. Element names in comments are public.xsd's.
 */

/** A field that could not be read: which public.xsd element, and why. */
class FieldError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/** CT.gov's "not known" enrolment placeholders (99999999 and up). */
const ENROLLMENT_SENTINEL = 99_999_999;

/**
 * Parses one `<clinical_study>` document into trial content (source `ctgov-xml`). Never throws: a document
 * that is not well-formed, has another root, lacks `id_info/nct_id` or `brief_title`, or holds an unreadable
 * age or date becomes a record error naming the element. `position` (a file or archive member) identifies
 * the record when its NCT id cannot be read and is added to the reason otherwise.
 */
export function parseCtgovXml(xml: string, position: string): ParseOutcome {
  const document = readStudyDocument(xml);
  if (!document.ok) return failure(position, position, document.field, document.reason);
  const study = document.study;
  const nctId = textAt(study, 'id_info', 'nct_id');
  if (nctId === null) return failure(position, position, 'id_info/nct_id', 'missing');
  if (idKindOf(nctId) !== 'nct') return failure(position, position, 'id_info/nct_id', `"${nctId}" is not an NCT id`);
  const id = registryId(nctId).value;
  try {
    return { ok: true, trial: mapStudy(study, id) };
  } catch (error) {
    if (error instanceof FieldError) return failure(id, position, error.field, error.reason);
    throw error;
  }
}

function failure(recordId: string, position: string, field: string, reason: string): ParseOutcome {
  const where = recordId === position ? '' : ` (in ${position})`;
  return { ok: false, error: { recordId, field, reason: `${reason}${where}` } };
}

function mapStudy(study: XmlValue, id: string): TrialContent {
  const briefTitle = textAt(study, 'brief_title');
  if (briefTitle === null) throw new FieldError('brief_title', 'missing');
  const interventions = children(study, 'intervention');
  const statusRaw = textAt(study, 'overall_status');
  const dates = keyDates(study);
  return {
    id,
    ids: studyIds(study, id),
    briefTitle,
    officialTitle: textAt(study, 'official_title'),
    acronym: textAt(study, 'acronym'),
    briefSummary: normaliseTextblock(rawText(child(child(study, 'brief_summary'), 'textblock'))),
    detailedDescription: normaliseTextblock(rawText(child(child(study, 'detailed_description'), 'textblock'))),
    conditions: textsOf(study, 'condition'),
    keywords: textsOf(study, 'keyword'),
    interventions: interventions.map(toIntervention).filter((item) => item !== null),
    arms: children(study, 'arm_group')
      .map((arm) => toArm(arm, interventions))
      .filter((item) => item !== null),
    phases: parsePhases(textAt(study, 'phase')),
    studyType: studyType(textAt(study, 'study_type')),
    status: normaliseStatus(statusRaw),
    statusRaw,
    dates,
    eligibility: eligibility(child(study, 'eligibility')),
    enrollment: enrollment(textAt(study, 'enrollment')),
    sponsor: textAt(study, 'sponsors', 'lead_sponsor', 'agency'),
    collaborators: children(child(study, 'sponsors'), 'collaborator')
      .map((collaborator) => textAt(collaborator, 'agency'))
      .filter((agency) => agency !== null),
    centralContacts: [
      ...children(study, 'overall_contact').map((contact) => toContact(contact, 'contact')),
      ...children(study, 'overall_contact_backup').map((contact) => toContact(contact, 'backup contact')),
    ].filter((contact) => contact !== null),
    sites: children(study, 'location').map(toSite),
    // Results are a separate part of the record (clinical_results); their presence is what users filter on.
    hasResults: child(study, 'clinical_results') !== undefined,
    provenance: { source: 'ctgov-xml', recordUpdated: dates.lastUpdate },
  };
}

/**
 * id_info: the NCT id first, then the sponsor's own id (org_study_id, issued by the lead sponsor), other
 * registries' ids (secondary_id: EudraCT, ISRCTN, NCI numbers are recognised by shape) and nct_alias, the
 * ids of duplicate registrations CT.gov merged into this one.
 */
function studyIds(study: XmlValue, nctId: string): RegistryId[] {
  const info = child(study, 'id_info');
  const orgId = textAt(info, 'org_study_id');
  const leadSponsor = textAt(study, 'sponsors', 'lead_sponsor', 'agency');
  return uniqueIds([
    registryId(nctId),
    ...(orgId === null ? [] : [registryId(orgId, leadSponsor, 'org')]),
    ...textsOf(info, 'secondary_id').map((value) => registryId(value)),
    ...textsOf(info, 'nct_alias').map((value) => registryId(value)),
  ]);
}

function toIntervention(node: XmlValue): Intervention | null {
  const name = textAt(node, 'intervention_name');
  if (name === null) return null;
  return {
    type: textAt(node, 'intervention_type')?.toLowerCase() ?? 'other',
    name,
    otherNames: textsOf(node, 'other_name'),
    description: normalisePlainText(rawText(child(node, 'description'))),
  };
}

/** The arm's interventions are those whose intervention/arm_group_label names it. */
function toArm(node: XmlValue, interventions: readonly XmlValue[]): Arm | null {
  const label = textAt(node, 'arm_group_label');
  if (label === null) return null;
  return {
    label,
    type: textAt(node, 'arm_group_type')?.toLowerCase() ?? null,
    description: normalisePlainText(rawText(child(node, 'description'))),
    interventionNames: interventions
      .filter((intervention) => textsOf(intervention, 'arm_group_label').includes(label))
      .map((intervention) => textAt(intervention, 'intervention_name'))
      .filter((name) => name !== null),
  };
}

function studyType(raw: string | null): StudyType {
  const text = raw?.toLowerCase() ?? '';
  // "Observational [Patient Registry]" is an observational study.
  if (text.startsWith('interventional')) return 'interventional';
  if (text.startsWith('observational')) return 'observational';
  if (text.startsWith('expanded access')) return 'expanded-access';
  return 'unknown';
}

const DATE_FIELDS = {
  start: 'start_date',
  primaryCompletion: 'primary_completion_date',
  completion: 'completion_date',
  firstPosted: 'study_first_posted',
  lastUpdate: 'last_update_posted',
  statusVerified: 'verification_date',
} as const satisfies Record<keyof KeyDates, string>;

function keyDates(study: XmlValue): KeyDates {
  const read = (field: string): string | null => {
    const raw = textAt(study, field);
    const date = parseLegacyDate(raw);
    if (date === undefined) throw new FieldError(field, `"${raw ?? ''}" is not a date`);
    return date;
  };
  return {
    start: read(DATE_FIELDS.start),
    primaryCompletion: read(DATE_FIELDS.primaryCompletion),
    completion: read(DATE_FIELDS.completion),
    firstPosted: read(DATE_FIELDS.firstPosted),
    lastUpdate: read(DATE_FIELDS.lastUpdate),
    statusVerified: read(DATE_FIELDS.statusVerified),
  };
}

function eligibility(node: XmlValue): Eligibility {
  return {
    criteria: normaliseTextblock(rawText(child(child(node, 'criteria'), 'textblock'))),
    minAgeYears: ageYears(node, 'minimum_age'),
    maxAgeYears: ageYears(node, 'maximum_age'),
    sex: sex(textAt(node, 'gender')),
    healthyVolunteers: healthyVolunteers(textAt(node, 'healthy_volunteers')),
  };
}

/** minimum_age / maximum_age: "18 Years", "6 Months"; "N/A" is an open bound. */
function ageYears(node: XmlValue, field: 'minimum_age' | 'maximum_age'): number | null {
  const raw = textAt(node, field);
  const years = parseAgeYears(raw);
  if (years === undefined) throw new FieldError(`eligibility/${field}`, `"${raw ?? ''}" is not an age`);
  return years;
}

/** gender: All, Female, Male (older records said "Both"). */
function sex(raw: string | null): Sex {
  const text = raw?.toLowerCase();
  return text === 'female' || text === 'male' ? text : 'all';
}

/** healthy_volunteers: "Accepts Healthy Volunteers" or "No". */
function healthyVolunteers(raw: string | null): boolean | null {
  if (raw === null) return null;
  const text = raw.toLowerCase();
  if (text === 'no') return false;
  if (text.startsWith('accepts') || text === 'yes') return true;
  return null;
}

function enrollment(raw: string | null): number | null {
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const value = Number(raw);
  return value >= ENROLLMENT_SENTINEL ? null : value;
}

/**
 * contact_struct: first_name, middle_name, last_name, degrees, phone, phone_ext, email. CT.gov mostly puts
 * the whole name in last_name. An element with none of them gives null.
 */
function toContact(node: XmlValue, role: string | null): Contact | null {
  const name = [textAt(node, 'first_name'), textAt(node, 'middle_name'), textAt(node, 'last_name')]
    .filter((part) => part !== null)
    .join(' ');
  const degrees = textAt(node, 'degrees');
  const phone = textAt(node, 'phone');
  const extension = textAt(node, 'phone_ext');
  const email = textAt(node, 'email');
  if (name === '' && phone === null && email === null) return null;
  return {
    name: name === '' ? null : degrees === null ? name : `${name}, ${degrees}`,
    role,
    phone: phone === null ? null : extension === null ? phone : `${phone} ext ${extension}`,
    email,
  };
}

/**
 * location: facility/name and facility/address (city, state, zip, country), the site's own status, its
 * contact, contact_backup and investigators (with their role, e.g. "Principal Investigator").
 * Legacy XML has no coordinates.
 */
function toSite(node: XmlValue): Site {
  const facility = child(node, 'facility');
  const address = child(facility, 'address');
  const country = textAt(address, 'country');
  return {
    facility: textAt(facility, 'name'),
    city: textAt(address, 'city'),
    state: textAt(address, 'state'),
    postcode: textAt(address, 'zip'),
    country: country === null ? null : canonicalCountry(country),
    status: normaliseSiteStatus(textAt(node, 'status')),
    latitude: null,
    longitude: null,
    contacts: [
      toContact(child(node, 'contact'), 'contact'),
      toContact(child(node, 'contact_backup'), 'backup contact'),
      ...children(node, 'investigator').map((investigator) =>
        toContact(investigator, textAt(investigator, 'role')?.toLowerCase() ?? 'investigator'),
      ),
    ].filter((contact) => contact !== null),
  };
}
