import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { ParseOutcome, RecordError, TrialContent } from '../domain/trial.ts';
import { parseCtgovV2Study } from './ctgov-v2.parse.ts';

function fixture(nctId: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../test/fixtures/ctgov-v2/${nctId}.json`, import.meta.url), 'utf8'));
}

function trialOf(outcome: ParseOutcome): TrialContent {
  if (!outcome.ok) assert.fail(`expected a trial, got ${JSON.stringify(outcome.error)}`);
  return outcome.trial;
}

function errorOf(outcome: ParseOutcome): RecordError {
  if (outcome.ok) assert.fail(`expected an error, got trial ${outcome.trial.id}`);
  return outcome.error;
}

/** A deep copy of `value` with the member at `path` set (or removed, for undefined). */
function patched(value: unknown, path: readonly string[], replacement: unknown): unknown {
  const copy = structuredClone(value);
  let target = copy as Record<string, unknown>;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  const last = path[path.length - 1]!;
  if (replacement === undefined) Reflect.deleteProperty(target, last);
  else target[last] = replacement;
  return copy;
}

const SHIONOGI = fixture('NCT05897541');
const ANAKINRA = fixture('NCT05814159');
const KARMANOS = fixture('NCT01987596');
const ELIGIBILITY = ['protocolSection', 'eligibilityModule'];
const IDENTIFICATION = ['protocolSection', 'identificationModule'];

describe('parseCtgovV2Study on real records', () => {
  it('maps every field of NCT05897541 (recruiting phase 3, EudraCT and CTIS secondary ids)', () => {
    const trial = trialOf(parseCtgovV2Study(SHIONOGI, 'f.json record #1'));
    assert.equal(trial.id, 'NCT05897541');
    assert.deepEqual(trial.ids, [
      { kind: 'nct', value: 'NCT05897541', issuer: 'ClinicalTrials.gov' },
      { kind: 'org', value: '2206T1331', issuer: 'Shionogi Inc.' },
      { kind: 'eudract', value: '2022-002898-28', issuer: 'EudraCT' },
      { kind: 'ctis', value: '2023-503200-91-00', issuer: 'Clinical Trials Information System (CTIS)' },
    ]);
    assert.equal(trial.briefTitle, 'Phase 3 Study of S-217622 in Prevention of Symptomatic SARS-CoV-2 Infection');
    assert.equal(trial.acronym, 'SCORPIO-PEP');
    assert.deepEqual(trial.conditions, ['SARS-CoV-2 Infection']);
    assert.deepEqual(trial.keywords, []);
    assert.equal(trial.status, 'recruiting');
    assert.equal(trial.statusRaw, 'RECRUITING');
    assert.deepEqual(trial.phases, ['3']);
    assert.equal(trial.studyType, 'interventional');
    assert.deepEqual(trial.dates, {
      start: '2023-06-09',
      primaryCompletion: '2024-02-28',
      completion: '2024-02-28',
      firstPosted: '2023-06-09',
      lastUpdate: '2023-06-15',
      statusVerified: '2023-06',
    });
    assert.deepEqual(trial.interventions, [
      { type: 'drug', name: 'S-217622', otherNames: [], description: 'Administered as a tablet.' },
      { type: 'drug', name: 'Placebo', otherNames: [], description: 'Administered as a tablet.' },
    ]);
    // "Drug: Placebo" in armGroups[].interventionNames names the intervention "Placebo".
    assert.deepEqual(
      trial.arms.map((arm) => [arm.label, arm.type, arm.interventionNames]),
      [
        ['S-217622', 'experimental', ['S-217622']],
        ['Placebo', 'placebo comparator', ['Placebo']],
      ],
    );
    assert.equal(trial.eligibility.minAgeYears, null);
    assert.equal(trial.eligibility.maxAgeYears, null);
    assert.equal(trial.eligibility.sex, 'all');
    assert.equal(trial.eligibility.healthyVolunteers, true);
    assert.match(trial.eligibility.criteria ?? '', /^Inclusion Criteria:\n\nIndex Participants/);
    assert.equal(trial.enrollment, 2200);
    assert.equal(trial.sponsor, 'Shionogi');
    assert.deepEqual(trial.centralContacts, [
      {
        name: 'Shionogi Clinical Trials Administrator Clinical Support Help Line',
        role: 'contact',
        phone: '1-800-849-9707',
        email: 'Shionogiclintrials-admin@shionogi.co.jp',
      },
    ]);
    assert.deepEqual(trial.sites, [
      {
        facility: 'Tokyo Shinagawa Hospital Social Medical Corporation Association Tokyokyojuno-kai',
        city: 'Shinagawa-ku',
        state: 'Higashioi',
        postcode: null,
        country: 'Japan',
        status: 'recruiting',
        latitude: 33.63627,
        longitude: 133.00572,
        contacts: [],
      },
    ]);
    assert.equal(trial.hasResults, false);
    assert.deepEqual(trial.provenance, { source: 'ctgov-v2', recordUpdated: '2023-06-15' });
  });

  it('reads "8 Months" as a fraction of a year and keeps per-site contacts (NCT05814159)', () => {
    const trial = trialOf(parseCtgovV2Study(ANAKINRA, 'p'));
    assert.equal(trial.eligibility.minAgeYears, 0.67);
    assert.equal(trial.eligibility.maxAgeYears, null);
    assert.equal(trial.sites.length, 18);
    const chiba = trial.sites[0]!;
    assert.equal(chiba.facility, "Chiba Children's Hospital");
    assert.equal(chiba.status, 'recruiting');
    assert.deepEqual([chiba.latitude, chiba.longitude], [35.6, 140.11667]);
    assert.deepEqual(chiba.contacts, [{ name: 'Minako Tomiita, MD', role: 'contact', phone: null, email: null }]);
    assert.equal(trial.enrollment, 15);
  });

  it('reads a ctrdata record with results, an NCI CTRP secondary id and collaborators (NCT01987596)', () => {
    const trial = trialOf(parseCtgovV2Study(KARMANOS, 'p'));
    assert.equal(trial.hasResults, true);
    assert.equal(trial.status, 'terminated');
    assert.deepEqual([trial.eligibility.minAgeYears, trial.eligibility.maxAgeYears], [1, 25]);
    // The secondary id 2013-062 repeats the org study id and is kept once.
    assert.deepEqual(
      trial.ids.map((id) => [id.kind, id.value, id.issuer]),
      [
        ['nct', 'NCT01987596', 'ClinicalTrials.gov'],
        ['org', '2013-062', 'Barbara Ann Karmanos Cancer Institute'],
        ['nci', 'NCI-2013-02001', 'CTRP (Clinical Trial Reporting Program)'],
        ['other', 'P30CA022453', 'NIH'],
      ],
    );
    assert.deepEqual(trial.collaborators, ['National Cancer Institute (NCI)', "Children's Hospital of Michigan"]);
    assert.deepEqual(trial.sites.map((site) => [site.city, site.state, site.postcode, site.latitude]), [
      ['Detroit', 'Michigan', '48201', 42.33143],
    ]);
  });
});

describe('parseCtgovV2Study field rules', () => {
  const withEligibility = (field: string, value: unknown): ParseOutcome =>
    parseCtgovV2Study(patched(SHIONOGI, [...ELIGIBILITY, field], value), 'p');

  it('reads ages: "N/A" and absence are open bounds, months and weeks become fractions', () => {
    assert.equal(trialOf(withEligibility('minimumAge', 'N/A')).eligibility.minAgeYears, null);
    assert.equal(trialOf(withEligibility('minimumAge', '6 Months')).eligibility.minAgeYears, 0.5);
    assert.equal(trialOf(withEligibility('maximumAge', '18 Years')).eligibility.maxAgeYears, 18);
    assert.equal(trialOf(withEligibility('minimumAge', '26 Weeks')).eligibility.minAgeYears, 0.5);
  });

  it('refuses a record whose age text cannot be read, naming the field', () => {
    assert.deepEqual(errorOf(withEligibility('minimumAge', 'eighteen')), {
      recordId: 'NCT05897541',
      field: 'eligibilityModule.minimumAge',
      reason: 'cannot read age "eighteen"; expected a number and unit such as "18 Years"',
    });
    assert.equal(errorOf(withEligibility('maximumAge', 65)).field, 'eligibilityModule.maximumAge');
  });

  it('reads sex and healthy volunteers', () => {
    assert.equal(trialOf(withEligibility('sex', 'FEMALE')).eligibility.sex, 'female');
    assert.equal(trialOf(withEligibility('sex', 'MALE')).eligibility.sex, 'male');
    assert.equal(trialOf(withEligibility('sex', undefined)).eligibility.sex, 'all');
    assert.equal(trialOf(withEligibility('healthyVolunteers', undefined)).eligibility.healthyVolunteers, null);
  });

  it('treats the 99999999 enrolment sentinel and negative counts as unknown', () => {
    const enrollment = (count: unknown): number | null =>
      trialOf(parseCtgovV2Study(patched(SHIONOGI, ['protocolSection', 'designModule', 'enrollmentInfo', 'count'], count), 'p'))
        .enrollment;
    assert.equal(enrollment(99999999), null);
    assert.equal(enrollment(-1), null);
    assert.equal(enrollment('120'), 120);
    assert.equal(enrollment('lots'), null);
    assert.equal(enrollment(0), 0);
  });

  it('reads phases from the v2 enums, also when a single phase is given as text', () => {
    const phases = (value: unknown): readonly string[] =>
      trialOf(parseCtgovV2Study(patched(SHIONOGI, ['protocolSection', 'designModule', 'phases'], value), 'p')).phases;
    assert.deepEqual(phases(['PHASE1', 'PHASE2']), ['1', '2']);
    assert.deepEqual(phases(['EARLY_PHASE1']), ['early-1']);
    assert.deepEqual(phases(['NA']), ['not-applicable']);
    assert.deepEqual(phases('PHASE2'), ['2']);
    assert.deepEqual(phases([7, null]), []);
  });

  it('recognises secondary ids by shape whatever type the registrant chose', () => {
    const ids = [
      { id: 'ISRCTN12345678', type: 'REGISTRY', domain: 'ISRCTN' },
      { id: '2024-512345-12-00', type: 'OTHER' },
      { id: ' nci-2020-08118 ', type: 'OTHER', domain: 'CTRP' },
      { id: 'ABC-1', type: 'EUDRACT_NUMBER' },
      { type: 'OTHER' },
      'not an object',
    ];
    const trial = trialOf(parseCtgovV2Study(patched(SHIONOGI, [...IDENTIFICATION, 'secondaryIdInfos'], ids), 'p'));
    assert.deepEqual(
      trial.ids.slice(2).map((id) => [id.kind, id.value, id.issuer]),
      [
        ['isrctn', 'ISRCTN12345678', 'ISRCTN'],
        ['ctis', '2024-512345-12-00', null],
        ['nci', 'NCI-2020-08118', 'CTRP'],
        ['eudract', 'ABC-1', 'EudraCT'],
      ],
    );
  });

  it('refuses a record without nctId or briefTitle, or with an id that is not an NCT number', () => {
    assert.deepEqual(errorOf(parseCtgovV2Study(patched(SHIONOGI, [...IDENTIFICATION, 'nctId'], undefined), 'f.json record #4')), {
      recordId: 'f.json record #4',
      field: 'identificationModule.nctId',
      reason: 'missing',
    });
    assert.equal(errorOf(parseCtgovV2Study(patched(SHIONOGI, [...IDENTIFICATION, 'nctId'], 12345678), 'p')).reason, '"12345678" is not an NCT number');
    assert.deepEqual(errorOf(parseCtgovV2Study(patched(SHIONOGI, [...IDENTIFICATION, 'briefTitle'], '   '), 'p')), {
      recordId: 'NCT05897541',
      field: 'identificationModule.briefTitle',
      reason: 'missing',
    });
    assert.equal(trialOf(parseCtgovV2Study(patched(SHIONOGI, [...IDENTIFICATION, 'nctId'], ' nct05897541 '), 'p')).id, 'NCT05897541');
  });

  it('refuses values that are not study objects', () => {
    for (const value of [null, 'NCT05897541', 42, [SHIONOGI]]) {
      assert.equal(errorOf(parseCtgovV2Study(value, 'p')).field, '(record)');
    }
    assert.equal(errorOf(parseCtgovV2Study({ protocolSection: 'x' }, 'p')).field, 'protocolSection');
  });

  it('tolerates wrong types: text for lists, an object for a list, junk entries, junk coordinates', () => {
    let study = patched(SHIONOGI, ['protocolSection', 'conditionsModule', 'conditions'], 'Covid-19');
    study = patched(study, ['protocolSection', 'conditionsModule', 'keywords'], ['a', 7, null, '', 'A', ' b ']);
    study = patched(study, ['protocolSection', 'armsInterventionsModule', 'armGroups'], 42);
    study = patched(study, ['protocolSection', 'armsInterventionsModule', 'interventions'], [{ type: 'DRUG' }, { name: 'X' }]);
    study = patched(study, ['protocolSection', 'contactsLocationsModule', 'locations'], {
      facility: 'Only Site',
      country: 'Korea, Republic of',
      geoPoint: { lat: 'north', lon: 10 },
      contacts: 'nobody',
    });
    study = patched(study, ['protocolSection', 'statusModule', 'overallStatus'], 42);
    study = patched(study, ['protocolSection', 'statusModule', 'lastUpdatePostDateStruct'], { date: '2023-13-45' });
    study = patched(study, ['protocolSection', 'sponsorCollaboratorsModule'], ['not', 'an', 'object']);
    const trial = trialOf(parseCtgovV2Study(study, 'p'));
    assert.deepEqual(trial.conditions, ['Covid-19']);
    // Numbers read as text (postcodes and ids arrive as numbers); null, empty and repeated entries go.
    assert.deepEqual(trial.keywords, ['a', '7', 'b']);
    assert.deepEqual(trial.arms, []);
    assert.deepEqual(trial.interventions, [{ type: 'other', name: 'X', otherNames: [], description: null }]);
    assert.deepEqual(trial.sites, [
      {
        facility: 'Only Site',
        city: null,
        state: null,
        postcode: null,
        country: 'South Korea',
        status: null,
        latitude: null,
        longitude: null,
        contacts: [],
      },
    ]);
    assert.equal(trial.status, 'unknown');
    assert.equal(trial.statusRaw, '42');
    assert.equal(trial.provenance.recordUpdated, null);
    assert.equal(trial.sponsor, null);
  });

  it('drops coordinates off the globe and keeps a phone extension', () => {
    const locations = [{ facility: 'A', geoPoint: { lat: 95, lon: 10 }, contacts: [{ name: 'Ann', phone: '555', phoneExt: '12' }] }];
    const site = trialOf(parseCtgovV2Study(patched(SHIONOGI, ['protocolSection', 'contactsLocationsModule', 'locations'], locations), 'p')).sites[0]!;
    assert.deepEqual([site.latitude, site.longitude], [null, null]);
    assert.equal(site.contacts[0]?.phone, '555 ext. 12');
  });

  it('trims text, makes empty text null, and keeps huge text whole', () => {
    const huge = `${'x'.repeat(2_000_000)} end`;
    let study = patched(SHIONOGI, [...IDENTIFICATION, 'briefTitle'], '  Spaced title \r\n');
    study = patched(study, [...IDENTIFICATION, 'acronym'], '');
    study = patched(study, ['protocolSection', 'descriptionModule', 'detailedDescription'], `  ${huge}  `);
    const trial = trialOf(parseCtgovV2Study(study, 'p'));
    assert.equal(trial.briefTitle, 'Spaced title');
    assert.equal(trial.acronym, null);
    assert.equal(trial.detailedDescription, huge);
  });

  it('takes hasResults from the flag or from a resultsSection', () => {
    const withoutFlag = patched(KARMANOS, ['hasResults'], undefined);
    assert.equal(trialOf(parseCtgovV2Study(withoutFlag, 'p')).hasResults, true);
    assert.equal(trialOf(parseCtgovV2Study(patched(SHIONOGI, ['hasResults'], true), 'p')).hasResults, true);
  });
});
