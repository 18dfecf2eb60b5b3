import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ParseOutcome, RecordError, TrialContent } from '../domain/trial.ts';
import { parseCtgovXml } from './ctgov-xml.parse.ts';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/ctgov-xml');

function fixture(nctId: string): TrialContent {
  const outcome = parseCtgovXml(readFileSync(join(FIXTURES, `${nctId}.xml`), 'utf8'), `${nctId}.xml`);
  assert.ok(outcome.ok, `fixture ${nctId} should parse: ${JSON.stringify(outcome)}`);
  return outcome.trial;
}

/** A minimal valid clinical_study with `body` added before its end. */
function study(body: string, nctId = 'NCT09999999'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<clinical_study>
  <id_info>
    <org_study_id>TEST-1</org_study_id>
    <nct_id>${nctId}</nct_id>
  </id_info>
  <brief_title>A test study</brief_title>
${body}
</clinical_study>
`;
}

function parsed(xml: string): TrialContent {
  const outcome = parseCtgovXml(xml, 'inline.xml');
  assert.ok(outcome.ok, `should parse: ${JSON.stringify(outcome)}`);
  return outcome.trial;
}

function rejected(outcome: ParseOutcome): RecordError {
  assert.equal(outcome.ok, false, 'should be a record error');
  assert.ok(!outcome.ok);
  return outcome.error;
}

describe('parseCtgovXml on real records', () => {
  it('maps an MRC ALL trial with a UK site and "Unknown status" (NCT00003437)', () => {
    const trial = fixture('NCT00003437');
    assert.equal(trial.id, 'NCT00003437');
    assert.deepEqual(trial.ids, [
      { kind: 'nct', value: 'NCT00003437', issuer: null },
      { kind: 'org', value: 'CDR0000066464', issuer: 'Medical Research Council' },
      { kind: 'other', value: 'MRC-LEUK-ALL97', issuer: null },
      { kind: 'other', value: 'EU-97032', issuer: null },
    ]);
    assert.equal(trial.briefTitle, 'Hormone Therapy Plus Chemotherapy in Treating Children With Acute Lymphoblastic Leukemia');
    assert.match(trial.officialTitle ?? '', /^Medical Research Council Working Party on Leukaemia in Children/);
    assert.equal(trial.acronym, null);
    assert.equal(trial.status, 'unknown');
    assert.equal(trial.statusRaw, 'Unknown status');
    assert.deepEqual(trial.phases, ['3']);
    assert.equal(trial.studyType, 'interventional');
    assert.deepEqual(trial.conditions, ['Leukemia']);
    assert.deepEqual(trial.keywords, [
      'recurrent childhood acute lymphoblastic leukemia',
      'untreated childhood acute lymphoblastic leukemia',
    ]);
    assert.equal(trial.interventions.length, 13);
    assert.deepEqual(trial.interventions[0], { type: 'drug', name: 'asparaginase', otherNames: [], description: null });
    assert.equal(trial.interventions.at(-1)?.type, 'radiation');
    assert.deepEqual(trial.dates, {
      start: '1997-01',
      primaryCompletion: null,
      completion: null,
      firstPosted: '2003-01-27',
      lastUpdate: '2013-12-04',
      statusVerified: '2003-02',
    });
    assert.equal(trial.eligibility.minAgeYears, 1);
    assert.equal(trial.eligibility.maxAgeYears, 18);
    assert.equal(trial.eligibility.sex, 'all');
    assert.equal(trial.eligibility.healthyVolunteers, false);
    assert.equal(trial.enrollment, 1800);
    assert.equal(trial.sponsor, 'Medical Research Council');
    assert.deepEqual(trial.sites, [
      {
        facility: 'Oxford Radcliffe Hospital',
        city: 'Oxford',
        state: 'England',
        // Sic: the record has a zero for the letter O.
        postcode: '0X3 9DU',
        country: 'United Kingdom',
        status: null,
        latitude: null,
        longitude: null,
        contacts: [],
      },
    ]);
    assert.equal(trial.hasResults, false);
    assert.deepEqual(trial.provenance, { source: 'ctgov-xml', recordUpdated: '2013-12-04' });
  });

  it('unwraps textblocks, keeping paragraphs and nested bullets (NCT00003437)', () => {
    const trial = fixture('NCT00003437');
    const summary = trial.briefSummary ?? '';
    assert.ok(summary.startsWith('RATIONALE: Hormone therapy may stop the growth of cancer cells. Drugs used'));
    assert.match(summary, /leukemia\.\n\nPURPOSE: Randomized phase III trial/);
    assert.ok(!summary.includes('\r'));
    const criteria = trial.eligibility.criteria ?? '';
    assert.ok(criteria.startsWith('DISEASE CHARACTERISTICS:\n\n  -  Histologically confirmed acute lymphoblastic leukemia (ALL)\n'));
    assert.match(criteria, /\n {7}- {2}Standard risk\n\n {12}- {2}1 to 9 years old\n/);
    assert.match(trial.detailedDescription ?? '', /remission rate, event-free survival, and overall survival of children/);
  });

  it('reads ages given in months (NCT00000363: 2 Months to 1 Year)', () => {
    const trial = fixture('NCT00000363');
    assert.equal(trial.eligibility.minAgeYears, 0.17);
    assert.equal(trial.eligibility.maxAgeYears, 1);
    assert.equal(trial.enrollment, null);
    assert.equal(trial.dates.completion, '2001-06');
  });

  it('recognises an EudraCT number among the secondary ids (NCT00496392)', () => {
    const trial = fixture('NCT00496392');
    assert.deepEqual(trial.ids.at(-1), { kind: 'eudract', value: '2006-002087-26', issuer: null });
    assert.equal(trial.eligibility.maxAgeYears, null, '"N/A" is an open bound');
    assert.deepEqual(trial.interventions[0]?.otherNames, ['Instanyl']);
    assert.equal(trial.sites[0]?.country, 'Denmark');
  });

  it('flags results and links arms to their interventions (NCT01065844)', () => {
    const trial = fixture('NCT01065844');
    assert.equal(trial.hasResults, true);
    assert.deepEqual(trial.phases, ['2']);
    assert.equal(trial.status, 'completed');
    assert.deepEqual(trial.collaborators, ['Holden Comprehensive Cancer Center']);
    assert.deepEqual(trial.arms, [
      {
        label: 'Nelfinavir',
        type: 'experimental',
        description: '1250 mg Nelfinavir twice daily Monday-Sunday',
        interventionNames: ['Nelfinavir'],
      },
    ]);
    assert.deepEqual(trial.dates, {
      start: '2009-10',
      primaryCompletion: '2015-05',
      completion: '2017-11',
      firstPosted: '2010-02-09',
      lastUpdate: '2017-12-11',
      statusVerified: '2017-11',
    });
  });

  it('reads central and site contacts with their roles (NCT03204344)', () => {
    const trial = fixture('NCT03204344');
    assert.equal(trial.status, 'recruiting');
    assert.deepEqual(trial.centralContacts, [
      { name: 'Dong-Xin Wang, MD, PhD', role: 'contact', phone: '8610 83572784', email: 'wangdongxin@hotmail.com' },
      { name: 'Xue Li, MD', role: 'backup contact', phone: '8610 83572460', email: '3999165@163.com' },
    ]);
    const site = trial.sites[0];
    assert.equal(site?.facility, 'Peking University First Hospital');
    assert.equal(site?.status, 'recruiting');
    assert.equal(site?.postcode, '100034');
    assert.deepEqual(
      site?.contacts.map((contact) => contact.role),
      ['contact', 'backup contact', 'principal investigator'],
    );
  });

  it('keeps a withheld record with almost nothing in it (NCT03182660)', () => {
    const trial = fixture('NCT03182660');
    assert.equal(trial.status, 'unknown');
    assert.equal(trial.statusRaw, 'Withheld');
    assert.equal(trial.studyType, 'unknown');
    assert.deepEqual(trial.phases, []);
    assert.equal(trial.eligibility.criteria, null);
    assert.equal(trial.eligibility.healthyVolunteers, null);
    assert.deepEqual(trial.sites, []);
  });
});

describe('parseCtgovXml field rules', () => {
  it('reads legacy phase spellings', () => {
    const phases = (raw: string) => parsed(study(`<phase>${raw}</phase>`)).phases;
    assert.deepEqual(phases('Phase 1/Phase 2'), ['1', '2']);
    assert.deepEqual(phases('Phase 2/Phase 3'), ['2', '3']);
    assert.deepEqual(phases('Early Phase 1'), ['early-1']);
    assert.deepEqual(phases('N/A'), ['not-applicable']);
  });

  it('reads statuses, study types, gender and healthy volunteers', () => {
    const trial = parsed(
      study(`<overall_status>Active, not recruiting</overall_status>
  <study_type>Observational [Patient Registry]</study_type>
  <eligibility><gender>Female</gender><minimum_age>6 Months</minimum_age><maximum_age>N/A</maximum_age>
  <healthy_volunteers>Accepts Healthy Volunteers</healthy_volunteers></eligibility>`),
    );
    assert.equal(trial.status, 'active-not-recruiting');
    assert.equal(trial.studyType, 'observational');
    assert.deepEqual(
      { ...trial.eligibility },
      { criteria: null, minAgeYears: 0.5, maxAgeYears: null, sex: 'female', healthyVolunteers: true },
    );
    assert.equal(parsed(study('<study_type>Expanded Access</study_type>')).studyType, 'expanded-access');
  });

  it('turns enrolment sentinels into null', () => {
    assert.equal(parsed(study('<enrollment type="Anticipated">99999999</enrollment>')).enrollment, null);
    assert.equal(parsed(study('<enrollment type="Actual">42</enrollment>')).enrollment, 42);
  });

  it('keeps nct_alias ids and trims, dropping empty values', () => {
    const trial = parsed(
      study(`<condition>  Asthma </condition><condition></condition><keyword/>
  <acronym>   </acronym>`).replace('</id_info>', '<nct_alias>NCT00001312</nct_alias></id_info>'),
    );
    assert.deepEqual(trial.ids.at(-1), { kind: 'nct', value: 'NCT00001312', issuer: null });
    assert.deepEqual(trial.conditions, ['Asthma']);
    assert.deepEqual(trial.keywords, []);
    assert.equal(trial.acronym, null);
  });

  it('decodes XML entities once and character references', () => {
    const trial = parsed(study('<official_title>A &amp; B &lt;5 &amp;lt; &#233;t&#xE9; &quot;x&quot;</official_title>'));
    assert.equal(trial.officialTitle, 'A & B <5 &lt; été "x"');
  });

  it('reports an unreadable age, naming the field and the file', () => {
    const error = rejected(parseCtgovXml(study('<eligibility><minimum_age>eighteen</minimum_age></eligibility>'), 'a/b.xml'));
    assert.deepEqual(error, {
      recordId: 'NCT09999999',
      field: 'eligibility/minimum_age',
      reason: '"eighteen" is not an age (in a/b.xml)',
    });
  });

  it('reports an unreadable date, naming the field', () => {
    const error = rejected(parseCtgovXml(study('<start_date>Spring 2003</start_date>'), 'x.xml'));
    assert.equal(error.field, 'start_date');
  });
});

describe('parseCtgovXml on hostile or broken input', () => {
  it('rejects a truncated document', () => {
    const whole = readFileSync(join(FIXTURES, 'NCT00000363.xml'), 'utf8');
    const error = rejected(parseCtgovXml(whole.slice(0, whole.length / 2), 'cut.xml'));
    assert.equal(error.recordId, 'cut.xml');
    assert.equal(error.field, '(document)');
    assert.match(error.reason, /not well-formed XML/);
  });

  it('refuses a billion-laughs document quickly, without expanding it', () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n');
    const xml = `<?xml version="1.0"?>
<!DOCTYPE clinical_study [
<!ENTITY lol0 "lol">
${levels}
]>
<clinical_study><id_info><nct_id>NCT09999999</nct_id></id_info><brief_title>&lol9;</brief_title></clinical_study>`;
    const started = performance.now();
    const error = rejected(parseCtgovXml(xml, 'laughs.xml'));
    assert.ok(performance.now() - started < 1000);
    assert.equal(error.field, '(document)');
    assert.match(error.reason, /DOCTYPE/);
  });

  it('refuses external entities', () => {
    const xml = `<!DOCTYPE clinical_study [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<clinical_study><id_info><nct_id>NCT09999999</nct_id></id_info><brief_title>&xxe;</brief_title></clinical_study>`;
    assert.match(rejected(parseCtgovXml(xml, 'xxe.xml')).reason, /DOCTYPE/);
  });

  it('rejects a document whose root is not clinical_study', () => {
    const error = rejected(parseCtgovXml('<study><nct_id>NCT09999999</nct_id></study>', 'root.xml'));
    assert.deepEqual(error, {
      recordId: 'root.xml',
      field: '(root)',
      reason: 'the root element is <study>, not <clinical_study>',
    });
  });

  it('rejects a record without an nct_id, or with one of the wrong shape', () => {
    const missing = study('').replace('<nct_id>NCT09999999</nct_id>', '');
    assert.deepEqual(rejected(parseCtgovXml(missing, 'm.xml')), {
      recordId: 'm.xml',
      field: 'id_info/nct_id',
      reason: 'missing',
    });
    assert.equal(rejected(parseCtgovXml(study('', 'NCT123'), 'w.xml')).field, 'id_info/nct_id');
  });

  it('rejects a record without a brief_title', () => {
    const error = rejected(parseCtgovXml(study('').replace('<brief_title>A test study</brief_title>', ''), 't.xml'));
    assert.equal(error.recordId, 'NCT09999999');
    assert.equal(error.field, 'brief_title');
  });

  it('rejects empty input and non-XML text', () => {
    assert.equal(rejected(parseCtgovXml('', 'empty.xml')).field, '(document)');
    assert.equal(rejected(parseCtgovXml('{"not": "xml"}', 'json.xml')).field, '(document)');
  });
});
