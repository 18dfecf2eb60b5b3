/**
 * Trial content → ClinicalTrials.gov API v2 study JSON: the inverse of src/ingest/ctgov-v2.parse.ts, so that
 * synthetic trials are imported through the real parser. Field names and enum spellings follow the data dictionary,
 * https://clinicaltrials.gov/data-api/about-api/study-data-structure.
 */
import { parseAgeYears } from '../../src/domain/age.ts';
import type { Arm, Contact, Intervention, Phase, Sex, Site, StudyType, TrialContent, TrialStatus } from '../../src/domain/trial.ts';

/** A v2 study object, as one line of the generated file. */
export type CtgovV2Study = Readonly<Record<string, unknown>>;

/** OverallStatus / LocationStatus enum values. */
const STATUS_ENUM: Readonly<Record<TrialStatus, string>> = {
  'not-yet-recruiting': 'NOT_YET_RECRUITING',
  recruiting: 'RECRUITING',
  'active-not-recruiting': 'ACTIVE_NOT_RECRUITING',
  'enrolling-by-invitation': 'ENROLLING_BY_INVITATION',
  completed: 'COMPLETED',
  suspended: 'SUSPENDED',
  terminated: 'TERMINATED',
  withdrawn: 'WITHDRAWN',
  unknown: 'UNKNOWN',
};

const PHASE_ENUM: Readonly<Record<Phase, string>> = {
  'early-1': 'EARLY_PHASE1',
  '1': 'PHASE1',
  '2': 'PHASE2',
  '3': 'PHASE3',
  '4': 'PHASE4',
  'not-applicable': 'NA',
};

const STUDY_TYPE_ENUM: Readonly<Record<StudyType, string | null>> = {
  interventional: 'INTERVENTIONAL',
  observational: 'OBSERVATIONAL',
  'expanded-access': 'EXPANDED_ACCESS',
  unknown: null,
};

const SEX_ENUM: Readonly<Record<Sex, string>> = { all: 'ALL', female: 'FEMALE', male: 'MALE' };

/** "dietary supplement" → "DIETARY_SUPPLEMENT": the parser lower-cases enum words, this upper-cases them back. */
function enumWords(words: string): string {
  return words.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

/** "Dietary Supplement", as ArmGroupInterventionName prefixes are written ("Drug: Placebo"). */
function titleWords(words: string): string {
  return words.replace(/\b[a-z]/g, (letter) => letter.toUpperCase());
}

const AGE_UNITS = [
  ['Years', 1],
  ['Months', 12],
  ['Weeks', 365.25 / 7],
  ['Days', 365.25],
] as const;

/**
 * Age bounds in years back to the dictionary's "N Unit" text: the largest unit that parseAgeYears reads back to
 * the same value (ages are kept to 0.01 year, so days always do).
 */
function ageText(years: number | null): string | undefined {
  if (years === null) return undefined;
  for (const [unit, perYear] of AGE_UNITS) {
    const text = `${Math.round(years * perYear)} ${unit}`;
    if (parseAgeYears(text) === years) return text;
  }
  return `${Math.round(years * 365.25)} Days`;
}

function dateStruct(date: string | null): { date: string } | undefined {
  return date === null ? undefined : { date };
}

function contactJson(contact: Contact): Record<string, unknown> {
  return {
    name: contact.name ?? undefined,
    role: contact.role === null ? undefined : enumWords(contact.role),
    phone: contact.phone ?? undefined,
    email: contact.email ?? undefined,
  };
}

function siteJson(site: Site): Record<string, unknown> {
  return {
    facility: site.facility ?? undefined,
    status: site.status === null ? undefined : STATUS_ENUM[site.status],
    city: site.city ?? undefined,
    state: site.state ?? undefined,
    zip: site.postcode ?? undefined,
    country: site.country ?? undefined,
    contacts: site.contacts.length === 0 ? undefined : site.contacts.map(contactJson),
    geoPoint: site.latitude === null || site.longitude === null ? undefined : { lat: site.latitude, lon: site.longitude },
  };
}

function interventionJson(intervention: Intervention): Record<string, unknown> {
  return {
    type: enumWords(intervention.type),
    name: intervention.name,
    description: intervention.description ?? undefined,
    otherNames: intervention.otherNames.length === 0 ? undefined : intervention.otherNames,
  };
}

/** Arm intervention names carry their type prefix, as CT.gov writes them; the parser strips it again. */
function armJson(arm: Arm, interventions: readonly Intervention[]): Record<string, unknown> {
  const typeOf = new Map(interventions.map((intervention) => [intervention.name, intervention.type]));
  return {
    label: arm.label,
    type: arm.type === null ? undefined : enumWords(arm.type),
    description: arm.description ?? undefined,
    interventionNames: arm.interventionNames.map((name) => {
      const type = typeOf.get(name);
      return type === undefined ? name : `${titleWords(type)}: ${name}`;
    }),
  };
}

/** Trial content as an API v2 study object; undefined fields vanish when the object is serialised. */
export function ctgovV2StudyOf(trial: Omit<TrialContent, 'provenance'>, organization: string): CtgovV2Study {
  const orgId = trial.ids.find((id) => id.kind === 'org')?.value;
  const studyType = STUDY_TYPE_ENUM[trial.studyType];
  return {
    protocolSection: {
      identificationModule: {
        nctId: trial.id,
        orgStudyIdInfo: orgId === undefined ? undefined : { id: orgId },
        organization: { fullName: organization, class: 'OTHER' },
        briefTitle: trial.briefTitle,
        officialTitle: trial.officialTitle ?? undefined,
        acronym: trial.acronym ?? undefined,
      },
      statusModule: {
        statusVerifiedDate: trial.dates.statusVerified ?? undefined,
        overallStatus: STATUS_ENUM[trial.status],
        startDateStruct: dateStruct(trial.dates.start),
        primaryCompletionDateStruct: dateStruct(trial.dates.primaryCompletion),
        completionDateStruct: dateStruct(trial.dates.completion),
        studyFirstPostDateStruct: dateStruct(trial.dates.firstPosted),
        lastUpdatePostDateStruct: dateStruct(trial.dates.lastUpdate),
      },
      sponsorCollaboratorsModule: {
        leadSponsor: trial.sponsor === null ? undefined : { name: trial.sponsor, class: 'OTHER' },
        collaborators: trial.collaborators.map((name) => ({ name, class: 'OTHER' })),
      },
      descriptionModule: {
        briefSummary: trial.briefSummary ?? undefined,
        detailedDescription: trial.detailedDescription ?? undefined,
      },
      conditionsModule: { conditions: trial.conditions, keywords: trial.keywords },
      designModule: {
        studyType: studyType ?? undefined,
        phases: trial.phases.map((phase) => PHASE_ENUM[phase]),
        enrollmentInfo: trial.enrollment === null ? undefined : { count: trial.enrollment },
      },
      armsInterventionsModule: {
        armGroups: trial.arms.map((arm) => armJson(arm, trial.interventions)),
        interventions: trial.interventions.map(interventionJson),
      },
      eligibilityModule: {
        eligibilityCriteria: trial.eligibility.criteria ?? undefined,
        healthyVolunteers: trial.eligibility.healthyVolunteers ?? undefined,
        sex: SEX_ENUM[trial.eligibility.sex],
        minimumAge: ageText(trial.eligibility.minAgeYears),
        maximumAge: ageText(trial.eligibility.maxAgeYears),
      },
      contactsLocationsModule: {
        centralContacts: trial.centralContacts.map(contactJson),
        locations: trial.sites.map(siteJson),
      },
    },
    hasResults: trial.hasResults,
  };
}
