import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { ParseOutcome, RecordError, TrialContent } from '../domain/trial.ts';
import { parseNciTrial } from './nci-cts.parse.ts';

function fixture(nctId: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../test/fixtures/nci/${nctId}.json`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
}

function trialOf(outcome: ParseOutcome): TrialContent {
  if (!outcome.ok) assert.fail(`expected a trial, got ${JSON.stringify(outcome.error)}`);
  return outcome.trial;
}

function errorOf(outcome: ParseOutcome): RecordError {
  if (outcome.ok) assert.fail(`expected an error, got trial ${outcome.trial.id}`);
  return outcome.error;
}

/** NCT00596999: one of the 14 complete records (arms, criteria, dates); v2 spellings. */
const COMPLETE = fixture('NCT00596999');
/** NCT04533542: a partial response (title, status, diseases, structured eligibility, sites only). */
const PARTIAL = fixture('NCT04533542');
/** NCT04108858: a partial response with only a summary and sites, whose summary names the phase. */
const SUMMARY_ONLY = fixture('NCT04108858');

/** A small trial in the NCI CTS API v1 spellings, as in the recorded NCT04681105 response. */
const V1_SHAPED = {
  nct_id: 'NCT04681105',
  nci_id: 'NCI-2020-08118',
  brief_title: 'Flotetuzumab for CD123-Positive Hematological Malignancies',
  current_trial_status: 'Temporarily Closed to Accrual',
  phase: { phase: 'I_II', phase_other_text: null },
  primary_purpose: { primary_purpose_code: 'TREATMENT' },
  central_contact: { central_contact_name: 'Ann Lee', central_contact_type: 'PRIMARY', central_contact_email: 'a@x.org' },
  accepts_healthy_volunteers_indicator: 'YES',
  amendment_date: '2020-12-29T00:00:00',
  status_history: [{ status_date: '2021-02-05T00:00:00.000002', status: 'ACTIVE' }],
  eligibility: { structured: { gender: 'BOTH', min_age_in_years: 0.08333333333333333, max_age_in_years: 999.0 } },
  arms: [
    {
      arm_name: 'Treatment (flotetuzumab)',
      arm_type: 'EXPERIMENTAL',
      arm_description: 'Patients receive flotetuzumab.',
      interventions: [
        { intervention_name: 'Flotetuzumab', intervention_type: 'Biological / Vaccine', inclusion_indicator: 'TRIAL', synonyms: ['MGD006'] },
        { intervention_name: 'Antibody', intervention_type: 'Biological / Vaccine', inclusion_indicator: 'TREE' },
      ],
    },
  ],
};

describe('parseNciTrial on real records', () => {
  it('maps the complete record NCT00596999', () => {
    const trial = trialOf(parseNciTrial(COMPLETE, 'nci.json record #1'));
    assert.equal(trial.id, 'NCT00596999');
    assert.deepEqual(trial.ids, [
      { kind: 'nct', value: 'NCT00596999', issuer: 'ClinicalTrials.gov' },
      { kind: 'nci', value: 'NCI-2015-00045', issuer: 'NCI CTRP' },
      { kind: 'org', value: 'CCT-HPDSC-001', issuer: 'Celgene Corporation' },
    ]);
    assert.equal(trial.acronym, 'HPDSC');
    // Only the two "TRIAL" diseases; the 16 "TREE" ancestors ("Disease, Disorder or Finding") are not conditions.
    assert.deepEqual(trial.conditions, [
      'Non-Neoplastic Hematologic and Lymphocytic Disorder',
      'Hematopoietic and Lymphoid Cell Neoplasm',
    ]);
    assert.equal(trial.keywords.length, 7);
    assert.equal(trial.status, 'enrolling-by-invitation');
    assert.equal(trial.statusRaw, 'Enrolling by Invitation');
    assert.deepEqual(trial.phases, ['not-applicable']);
    assert.equal(trial.studyType, 'observational');
    assert.deepEqual(
      trial.interventions.map((i) => [i.type, i.name, i.otherNames.length]),
      [
        // synonyms, less the one repeating the name
        ['procedure', 'Allogeneic Hematopoietic Stem Cell Transplantation', 4],
        ['procedure', 'Umbilical Cord Blood Transplantation', 2],
      ],
    );
    assert.deepEqual(trial.arms, [
      { label: '1', type: null, description: 'all subjects will be treated with UCB and HPDSC', interventionNames: [] },
      {
        label: 'Arm not specified',
        type: null,
        description: null,
        interventionNames: ['Allogeneic Hematopoietic Stem Cell Transplantation', 'Umbilical Cord Blood Transplantation'],
      },
    ]);
    assert.deepEqual(trial.eligibility, {
      criteria:
        'Inclusion Criteria:\n\n' +
        '* suitable UCB collected from partially or fully HLA matched related donor\n' +
        '* subject requires umbilical cord transplantation\n\n' +
        'Exclusion Criteria:\n\n' +
        '* any condition, including the presence of laboratory abnormalities, which places the subject at unacceptable risk if he/she were to participate in the study or confounds the ability to interpret data from the study\n' +
        '* major anticipated illness or organ failure incompatible with survival from stem cell transplant',
      minAgeYears: 0,
      maxAgeYears: 55,
      sex: 'all',
      healthyVolunteers: false,
    });
    assert.equal(trial.enrollment, 6);
    assert.equal(trial.sponsor, 'Celgene Corporation');
    assert.deepEqual(trial.collaborators, []);
    assert.deepEqual(trial.centralContacts, []);
    assert.deepEqual(trial.sites, [
      {
        facility: 'NYP/Columbia University Medical Center/Herbert Irving Comprehensive Cancer Center',
        city: 'New York',
        state: 'NY',
        postcode: '10032',
        country: 'United States',
        status: 'completed',
        latitude: 40.839,
        longitude: -73.9425,
        // No site contact: the organisation's own phone and email (org_phone, org_email) reach it.
        contacts: [{ name: null, role: null, phone: '212-305-8615', email: 'nr2616@cumc.columbia.edu' }],
      },
    ]);
    assert.deepEqual(trial.dates, {
      start: '2007-05-01',
      primaryCompletion: null,
      completion: '2013-12-01',
      firstPosted: null,
      lastUpdate: '2007-11-01',
      statusVerified: '2007-11-01',
    });
    // The later of record_verification_date (2007-11-01) and current_trial_status_date (2007-05-01).
    assert.deepEqual(trial.provenance, { source: 'nci-cts', recordUpdated: '2007-11-01' });
    assert.equal(trial.hasResults, false);
  });

  it('maps the partial record NCT04533542 and leaves what it lacks empty', () => {
    const trial = trialOf(parseNciTrial(PARTIAL, 'p'));
    assert.equal(trial.status, 'recruiting');
    assert.equal(trial.statusRaw, 'Active');
    assert.deepEqual(trial.conditions, ['Substance-Related Disorder']);
    assert.deepEqual([trial.eligibility.minAgeYears, trial.eligibility.maxAgeYears], [21, 55]);
    assert.equal(trial.eligibility.criteria, null);
    assert.equal(trial.eligibility.healthyVolunteers, null);
    assert.equal(trial.studyType, 'unknown');
    assert.deepEqual(trial.phases, []);
    assert.deepEqual(trial.arms, []);
    assert.equal(trial.enrollment, null);
    // No date of its own: it must never win over a dated record of the same trial.
    assert.equal(trial.provenance.recordUpdated, null);
    assert.deepEqual(
      trial.sites.map((site) => [site.city, site.status, site.latitude, site.longitude]),
      [
        ['Rochester', 'recruiting', 43.1218, -77.6251],
        ['Buffalo', 'recruiting', 42.8868, -78.8765],
      ],
    );
  });
});

describe('parseNciTrial phases when the record has no phase field', () => {
  it('reads the phase the real summary of NCT04108858 opens with', () => {
    const trial = trialOf(parseNciTrial(SUMMARY_ONLY, 's'));
    assert.deepEqual(trial.phases, ['1', '2']);
    assert.match(trial.briefSummary ?? '', /^This phase Ib \/ II trial studies/);
    assert.equal(trial.eligibility.criteria, null);
  });

  const phasesOf = (fields: Record<string, unknown>): readonly string[] =>
    trialOf(parseNciTrial({ nct_id: 'NCT09000001', brief_title: 'A trial', ...fields }, 'x')).phases;

  it('reads the phrasings of CTRP and sponsor summaries, and titles', () => {
    assert.deepEqual(phasesOf({ brief_summary: 'This randomized phase III trial compares ...' }), ['3']);
    assert.deepEqual(phasesOf({ brief_summary: 'This early phase I trial studies ...' }), ['early-1']);
    assert.deepEqual(phasesOf({ brief_summary: 'This is a First-in-Human Phase IA/IB/II open label study.' }), ['1', '2']);
    assert.deepEqual(phasesOf({ brief_summary: 'This phase Ia/b trial evaluates ...' }), ['1']);
    assert.deepEqual(phasesOf({ brief_summary: 'This is a Phase 2 / 3, randomized, open-label study.' }), ['2', '3']);
    assert.deepEqual(phasesOf({ brief_title: 'A Phase 1b / 2 Study of T-DXd Combinations' }), ['1', '2']);
    assert.deepEqual(phasesOf({ brief_summary: 'This phase IV trial studies ...' }), ['4']);
  });

  it('does not take a dose, a part of the trial, a later sentence or a stage for the phase', () => {
    assert.deepEqual(phasesOf({ brief_summary: 'This is a Phase III, 2-arm, randomised study.' }), ['3']);
    assert.deepEqual(phasesOf({ brief_summary: 'This study finds the recommended Phase 2 dose (RP2D) of a drug.' }), []);
    assert.deepEqual(phasesOf({ brief_summary: 'This study will have a Phase I portion in which people join.' }), []);
    assert.deepEqual(phasesOf({ brief_summary: 'This trial studies a drug. In the Phase 2 part of the trial, doses are fixed.' }), []);
    assert.deepEqual(phasesOf({ brief_summary: 'This research trial studies stage I-III breast cancer in which phases vary.' }), []);
  });

  it('keeps the phase field when there is one, even "not applicable"', () => {
    assert.deepEqual(phasesOf({ phase: 'NA', brief_summary: 'This phase II trial studies ...' }), ['not-applicable']);
    assert.deepEqual(phasesOf({ phase: 'II', brief_title: 'A Phase III Study' }), ['2']);
  });
});

describe('parseNciTrial field rules', () => {
  it('reaches a site without a contact number or email through the organisation phone and email', () => {
    const site = { org_name: 'General Hospital', org_city: 'Leeds', org_country: 'United Kingdom', org_phone: '0113 000 0000', org_email: 'trials@example.org' };
    const trial = trialOf(
      parseNciTrial(
        {
          nct_id: 'NCT09000002',
          brief_title: 'A trial',
          sites: [
            { ...site, contact_name: 'Site Public Contact' },
            { ...site, contact_name: 'Jo Bloggs', contact_email: 'jo@example.org' },
          ],
        },
        'x',
      ),
    );
    assert.deepEqual(
      trial.sites.map((s) => s.contacts),
      [
        [{ name: 'Site Public Contact', role: null, phone: '0113 000 0000', email: 'trials@example.org' }],
        [{ name: 'Jo Bloggs', role: null, phone: null, email: 'jo@example.org' }],
      ],
    );
  });

  it('reads the API v1 spellings', () => {
    const trial = trialOf(parseNciTrial(V1_SHAPED, 'p'));
    assert.deepEqual(trial.phases, ['1', '2']);
    assert.equal(trial.studyType, 'interventional');
    assert.equal(trial.status, 'suspended');
    assert.deepEqual(trial.arms, [
      {
        label: 'Treatment (flotetuzumab)',
        type: 'experimental',
        description: 'Patients receive flotetuzumab.',
        interventionNames: ['Flotetuzumab'],
      },
    ]);
    assert.deepEqual(trial.interventions, [
      { type: 'biological', name: 'Flotetuzumab', otherNames: ['MGD006'], description: null },
    ]);
    assert.deepEqual(trial.centralContacts, [{ name: 'Ann Lee', role: 'primary', phone: null, email: 'a@x.org' }]);
    assert.equal(trial.eligibility.sex, 'all');
    assert.equal(trial.eligibility.healthyVolunteers, true);
    // 1 month in years, rounded as parseAgeYears rounds; 999 is NCI's "no maximum".
    assert.equal(trial.eligibility.minAgeYears, 0.08);
    assert.equal(trial.eligibility.maxAgeYears, null);
    // status_history (2021-02-05) is later than amendment_date (2020-12-29).
    assert.equal(trial.provenance.recordUpdated, '2021-02-05');
  });

  it('falls back to the age text, and refuses an unreadable age naming the field', () => {
    const withAges = (structured: Record<string, unknown>): ParseOutcome =>
      parseNciTrial({ ...PARTIAL, eligibility: { structured } }, 'p');
    assert.equal(trialOf(withAges({ min_age: '6 Months', max_age: '999 Years' })).eligibility.minAgeYears, 0.5);
    assert.equal(trialOf(withAges({ min_age: '6 Months', max_age: '999 Years' })).eligibility.maxAgeYears, null);
    assert.deepEqual(errorOf(withAges({ min_age_in_years: 'eighteen' })), {
      recordId: 'NCT04533542',
      field: 'eligibility.structured.min_age_in_years',
      reason: 'cannot read age "eighteen"',
    });
    assert.equal(errorOf(withAges({ max_age: 'old' })).field, 'eligibility.structured.max_age');
    assert.equal(errorOf(withAges({ max_age_in_years: -3 })).field, 'eligibility.structured.max_age_in_years');
  });

  it('takes display_name, then preferred_name, and lists each condition once', () => {
    const diseases = [
      { inclusion_indicator: 'TRIAL', display_name: 'Acute Lymphoblastic Leukemia', preferred_name: 'ALL' },
      { inclusion_indicator: 'TRIAL', preferred_name: 'Recurrent Acute Lymphoblastic Leukemia' },
      { inclusion_indicator: 'TRIAL', display_name: 'acute lymphoblastic leukemia' },
      { inclusion_indicator: 'TREE', display_name: 'Leukemia' },
      { inclusion_indicator: 'TRIAL' },
      'junk',
    ];
    assert.deepEqual(trialOf(parseNciTrial({ ...PARTIAL, diseases }, 'p')).conditions, [
      'Acute Lymphoblastic Leukemia',
      'Recurrent Acute Lymphoblastic Leukemia',
    ]);
  });

  it('recognises other_ids by shape and reads the programme ids', () => {
    const other_ids = [
      { name: 'Study Protocol Other Identifier', value: '2014-003930-17' },
      { name: 'Duplicate NCI study protocol identifier', value: 'NCI-2013-02071' },
      { name: 'Study Protocol Other Identifier', value: '1407-GUCG' },
    ];
    const trial = trialOf(parseNciTrial({ ...PARTIAL, other_ids, ctep_id: 'EAY131', protocol_id: 'EAY131' }, 'p'));
    assert.deepEqual(
      trial.ids.map((id) => [id.kind, id.value, id.issuer]),
      [
        ['nct', 'NCT04533542', 'ClinicalTrials.gov'],
        ['nci', 'NCI-2019-06972', 'NCI CTRP'],
        ['org', 'EAY131', null],
        ['eudract', '2014-003930-17', null],
        ['nci', 'NCI-2013-02071', null],
        ['other', '1407-GUCG', null],
      ],
    );
  });

  it('treats the enrolment sentinel as unknown and reads collaborators', () => {
    const trial = trialOf(
      parseNciTrial(
        {
          ...PARTIAL,
          minimum_target_accrual_number: 99999999,
          collaborators: [{ name: 'National Cancer Institute', functional_role: 'FUNDING_SOURCE' }, 'Children\'s Oncology Group'],
        },
        'p',
      ),
    );
    assert.equal(trial.enrollment, null);
    assert.deepEqual(trial.collaborators, ["Children's Oncology Group", 'National Cancer Institute']);
  });

  it('refuses records without nct_id or brief_title, and non-objects', () => {
    assert.deepEqual(errorOf(parseNciTrial({ ...PARTIAL, nct_id: null }, 'nci.json record #9')), {
      recordId: 'NCI-2019-06972',
      field: 'nct_id',
      reason: 'missing',
    });
    assert.equal(errorOf(parseNciTrial({ brief_title: 'x' }, 'nci.json record #9')).recordId, 'nci.json record #9');
    assert.equal(errorOf(parseNciTrial({ ...PARTIAL, nct_id: 'NCT123' }, 'p')).reason, '"NCT123" is not an NCT number');
    assert.deepEqual(errorOf(parseNciTrial({ ...PARTIAL, brief_title: '' }, 'p')), {
      recordId: 'NCT04533542',
      field: 'brief_title',
      reason: 'missing',
    });
    for (const value of [null, 7, 'NCT04533542', [PARTIAL]]) assert.equal(errorOf(parseNciTrial(value, 'p')).field, '(record)');
  });

  it('tolerates wrong types without losing the record', () => {
    const trial = trialOf(
      parseNciTrial(
        {
          ...PARTIAL,
          sites: 'everywhere',
          diseases: { inclusion_indicator: 'TRIAL', display_name: 'Melanoma' },
          keywords: 'melanoma',
          arms: [null, { interventions: 'none' }, { name: 'A', interventions: [{ name: 5 }] }],
          phase: ['II'],
          eligibility: 'adults',
          record_verification_date: 'yesterday',
          lead_org: { name: 'Org' },
        },
        'p',
      ),
    );
    assert.deepEqual(trial.sites, []);
    assert.deepEqual(trial.conditions, ['Melanoma']);
    assert.deepEqual(trial.keywords, ['melanoma']);
    assert.deepEqual(trial.arms, [{ label: 'A', type: null, description: null, interventionNames: ['5'] }]);
    assert.deepEqual(trial.phases, []);
    assert.equal(trial.eligibility.minAgeYears, null);
    assert.equal(trial.provenance.recordUpdated, null);
    assert.equal(trial.sponsor, 'Org');
  });
});
