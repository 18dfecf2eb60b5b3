/**
 * ClinicalTrials.gov API v2 study JSON → the trial model.
 * Field names are those of the data dictionary, https://clinicaltrials.gov/data-api/about-api/study-data-structure
 * (protocolSection.identificationModule.nctId and so on). Only nctId and briefTitle are required; every other
 * field is read when it has the documented type and ignored otherwise.
 */
import { parseAgeYears } from '../domain/age.ts';
import { parsePhases } from '../domain/phase.ts';
import { registryId, uniqueIds } from '../domain/registry-id.ts';
import { normaliseStatus } from '../domain/status.ts';
import type { Arm, Intervention, ParseOutcome, RegistryId } from '../domain/trial.ts';
import { readCtgovContacts, readCtgovSites } from './ctgov-v2.sites.ts';
import type { JsonObject } from './json-fields.ts';
import {
  booleanOf,
  isJsonObject,
  lowerWordsOf,
  numberOf,
  objectAt,
  objectsOf,
  partialDateOf,
  textAt,
  textOf,
  textsOf,
  uniqueTexts,
} from './json-fields.ts';
import { enrollmentOf, quoted, recordError, sexOf, studyTypeOf } from './trial-fields.ts';
import { ownValue } from '../domain/own-key.ts';

const NCT_ID = /^NCT\d{8}$/;

/**
 * Maps one API v2 study object (as returned by `GET /api/v2/studies/{nctId}`, or one element of `studies`)
 * to trial content. Never throws: an unusable record becomes `{ ok: false, error }` naming the field.
 * `position` ("file.json record #3") names the record when it has no readable NCT id.
 */
export function parseCtgovV2Study(study: unknown, position: string): ParseOutcome {
  if (!isJsonObject(study)) return recordError(position, '(record)', 'a study must be a JSON object');
  const protocol = objectAt(study, 'protocolSection');
  if (protocol === null) return recordError(position, 'protocolSection', 'missing or not an object');
  const module = (name: string): JsonObject | null => objectAt(protocol, name);

  const identification = module('identificationModule');
  const rawNctId = identification?.nctId;
  const nctId = textOf(rawNctId)?.toUpperCase() ?? null;
  if (nctId === null) return recordError(position, 'identificationModule.nctId', 'missing');
  if (!NCT_ID.test(nctId)) {
    return recordError(position, 'identificationModule.nctId', `${quoted(rawNctId)} is not an NCT number`);
  }
  const briefTitle = textAt(identification, 'briefTitle');
  if (briefTitle === null) return recordError(nctId, 'identificationModule.briefTitle', 'missing');

  const eligibility = module('eligibilityModule');
  const minAge = ageField(eligibility, 'minimumAge');
  if (minAge === undefined) return ageError(nctId, eligibility, 'minimumAge');
  const maxAge = ageField(eligibility, 'maximumAge');
  if (maxAge === undefined) return ageError(nctId, eligibility, 'maximumAge');

  const status = module('statusModule');
  const design = module('designModule');
  const description = module('descriptionModule');
  const conditions = module('conditionsModule');
  const armsInterventions = module('armsInterventionsModule');
  const sponsors = module('sponsorCollaboratorsModule');
  const contactsLocations = module('contactsLocationsModule');
  const statusRaw = textAt(status, 'overallStatus');
  const lastUpdate = structDate(status, 'lastUpdatePostDateStruct');

  return {
    ok: true,
    trial: {
      id: nctId,
      ids: readIds(nctId, identification),
      briefTitle,
      officialTitle: textAt(identification, 'officialTitle'),
      acronym: textAt(identification, 'acronym'),
      briefSummary: textAt(description, 'briefSummary'),
      detailedDescription: textAt(description, 'detailedDescription'),
      conditions: textsOf(conditions?.conditions),
      keywords: textsOf(conditions?.keywords),
      interventions: readInterventions(armsInterventions?.interventions),
      arms: readArms(armsInterventions?.armGroups),
      phases: parsePhases(textsOf(design?.phases)),
      studyType: studyTypeOf(textAt(design, 'studyType')),
      status: normaliseStatus(statusRaw),
      statusRaw,
      dates: {
        start: structDate(status, 'startDateStruct'),
        primaryCompletion: structDate(status, 'primaryCompletionDateStruct'),
        completion: structDate(status, 'completionDateStruct'),
        firstPosted: structDate(status, 'studyFirstPostDateStruct'),
        lastUpdate,
        statusVerified: partialDateOf(status?.statusVerifiedDate),
      },
      eligibility: {
        criteria: textAt(eligibility, 'eligibilityCriteria'),
        minAgeYears: minAge,
        maxAgeYears: maxAge,
        sex: sexOf(textAt(eligibility, 'sex')),
        healthyVolunteers: booleanOf(eligibility?.healthyVolunteers),
      },
      enrollment: enrollmentOf(numberOf(objectAt(design, 'enrollmentInfo')?.count)),
      sponsor: textAt(objectAt(sponsors, 'leadSponsor'), 'name'),
      collaborators: uniqueTexts(objectsOf(sponsors?.collaborators).map((c) => textAt(c, 'name'))),
      centralContacts: readCtgovContacts(contactsLocations?.centralContacts),
      sites: readCtgovSites(contactsLocations?.locations),
      // hasResults is derived by CT.gov; a resultsSection is proof even when a converter dropped the flag.
      hasResults: study.hasResults === true || isJsonObject(study.resultsSection),
      provenance: { source: 'ctgov-v2', recordUpdated: lastUpdate },
    },
  };
}

/** DateStruct fields ({ date, type }) hold the date; type ACTUAL/ESTIMATED does not change its value. */
function structDate(status: JsonObject | null, field: string): string | null {
  return partialDateOf(objectAt(status, field)?.date);
}

/** MinimumAge / MaximumAge ("18 Years", "6 Months"); absent means no bound; `undefined` means unreadable. */
function ageField(eligibility: JsonObject | null, field: 'minimumAge' | 'maximumAge'): number | null | undefined {
  const raw = eligibility?.[field];
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'string') return undefined;
  return parseAgeYears(raw);
}

function ageError(nctId: string, eligibility: JsonObject | null, field: 'minimumAge' | 'maximumAge'): ParseOutcome {
  const reason = `cannot read age ${quoted(eligibility?.[field])}; expected a number and unit such as "18 Years"`;
  return recordError(nctId, `eligibilityModule.${field}`, reason);
}

/**
 * The NCT id, the sponsor's own id (orgStudyIdInfo) and secondaryIdInfos. A secondary id's kind comes from
 * its shape (EudraCT, CTIS, ISRCTN, NCI CTRP), because registrants often file EU numbers under type OTHER;
 * type EUDRACT_NUMBER / CTIS only decides when the shape says nothing. Obsolete NCT ids (nctIdAliases) are
 * kept so a search by an old id still finds the trial.
 */
function readIds(nctId: string, identification: JsonObject | null): RegistryId[] {
  const ids: RegistryId[] = [registryId(nctId, 'ClinicalTrials.gov', 'nct')];
  const orgId = textAt(objectAt(identification, 'orgStudyIdInfo'), 'id');
  const orgName = textAt(objectAt(identification, 'organization'), 'fullName');
  if (orgId !== null) ids.push(registryId(orgId, orgName, 'org'));
  for (const secondary of objectsOf(identification?.secondaryIdInfos)) {
    const value = textAt(secondary, 'id');
    if (value === null) continue;
    const type = textAt(secondary, 'type');
    const issuer = textAt(secondary, 'domain') ?? ownValue(SECONDARY_ID_ISSUERS, type ?? '') ?? null;
    ids.push(registryId(value, issuer, type === 'EUDRACT_NUMBER' ? 'eudract' : type === 'CTIS' ? 'ctis' : 'other'));
  }
  for (const alias of textsOf(identification?.nctIdAliases)) ids.push(registryId(alias, 'ClinicalTrials.gov', 'nct'));
  return uniqueIds(ids);
}

/** SecondaryIdType values that name their issuer when the record has no domain. */
const SECONDARY_ID_ISSUERS: Readonly<Record<string, string>> = {
  NIH: 'NIH',
  FDA: 'FDA',
  VA: 'VA',
  CDC: 'CDC',
  AHRQ: 'AHRQ',
  SAMHSA: 'SAMHSA',
  EUDRACT_NUMBER: 'EudraCT',
  CTIS: 'CTIS',
};

/** interventions[]: InterventionType enum (DRUG, DIETARY_SUPPLEMENT ...) becomes "drug", "dietary supplement". */
function readInterventions(value: unknown): Intervention[] {
  return objectsOf(value).flatMap((item) => {
    const name = textAt(item, 'name');
    if (name === null) return [];
    return [
      {
        type: lowerWordsOf(item.type) ?? 'other',
        name,
        otherNames: textsOf(item.otherNames),
        description: textAt(item, 'description'),
      },
    ];
  });
}

/**
 * armGroups[]. ArmGroupInterventionName is written "Type: name" ("Drug: Placebo"); the type prefix is dropped
 * so the names match interventions[].name.
 */
function readArms(value: unknown): Arm[] {
  return objectsOf(value).flatMap((item) => {
    const label = textAt(item, 'label');
    if (label === null) return [];
    return [
      {
        label,
        type: lowerWordsOf(item.type),
        description: textAt(item, 'description'),
        interventionNames: uniqueTexts(textsOf(item.interventionNames).map(withoutTypePrefix)),
      },
    ];
  });
}

const INTERVENTION_TYPE_WORDS = [
  'drug',
  'device',
  'biological',
  'procedure',
  'radiation',
  'behavioral',
  'genetic',
  'dietary supplement',
  'combination product',
  'diagnostic test',
  'other',
];
const TYPE_PREFIX = new RegExp(`^(${INTERVENTION_TYPE_WORDS.join('|')}):\\s*`, 'i');

function withoutTypePrefix(name: string): string | null {
  const bare = name.replace(TYPE_PREFIX, '').trim();
  return bare === '' ? null : bare;
}
