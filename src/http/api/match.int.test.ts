/**
 * POST /api/match through inject() on a real SQLite store: ranked answers with reasons, errors naming the field, the
 * OpenAPI entry, and the proof that a profile sent to the server (to the API and to the website's /match) appears in
 * no log line, no file, no cookie and no database row.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { loadPostcodeTable } from '../../ingest/postcode-table.read.ts';
import { openSqliteStore } from '../../storage/sqlite/sqlite-store.ts';
import type { TrialStore } from '../../storage/store.ts';
import { buildTrial } from '../../storage/test-trials.ts';
import { buildServer } from '../server.ts';
import { errorSchema } from './error.schema.ts';
import { matchResultSchema } from './match.schema.ts';

const LEUKAEMIA = ['Acute Lymphoblastic Leukemia'];
/** Invented trials covering each verdict. */
const TRIALS = [
  buildTrial('NCT09500001', {
    briefTitle: 'CAR T-Cells for Relapsed B-Cell Acute Lymphoblastic Leukaemia',
    conditions: LEUKAEMIA,
    eligibility: {
      minAgeYears: 18,
      criteria: 'Inclusion Criteria:\n- Relapsed or refractory B-cell ALL\n- CD19 positive disease\n- ECOG 0-2\nExclusion Criteria:\n- Prior CAR-T therapy\n- Active CNS involvement',
    },
  }),
  buildTrial('NCT09500002', {
    briefTitle: 'Imatinib With Chemotherapy for Newly Diagnosed Philadelphia-Positive ALL',
    conditions: LEUKAEMIA,
    eligibility: { criteria: 'Inclusion Criteria:\n- Newly diagnosed Philadelphia chromosome-positive ALL\nExclusion Criteria:\n- Prior imatinib' },
  }),
  buildTrial('NCT09500003', {
    briefTitle: 'A New Drug for Acute Myeloid Leukaemia',
    conditions: ['Acute Myeloid Leukemia'],
    eligibility: { criteria: 'Inclusion Criteria:\n- Acute myeloid leukaemia\n- Age 18 years or older' },
  }),
  buildTrial('NCT09500004', { briefTitle: 'A Registry of Leukaemia Treatment Without Listed Criteria', conditions: LEUKAEMIA, eligibility: { minAgeYears: 18 } }),
];

/** Distinctive numbers: found anywhere after the request, they came from this profile. */
const MARK_CLEARANCE = 87.654321;
const MARK_BILIRUBIN = 0.987654;
const PROFILE = {
  age: 40, cancerType: ['b-all', 'cd19-positive'], diseaseState: ['relapsed'], priorTreatments: ['chemotherapy'],
  performanceStatus: { scale: 'ecog', value: 1 }, cnsInvolvement: false, creatinineClearanceMlMin: MARK_CLEARANCE, bilirubinXUln: MARK_BILIRUBIN,
};
const MARKS = [String(MARK_CLEARANCE), String(MARK_BILIRUBIN), 'creatinineClearanceMlMin', 'bilirubinXUln'];

interface MatchBodyShape {
  total: number; considered: number; remaining: number; note: string;
  counts: Record<string, number>;
  trials: { trial: { id: string }; verdict: string; score: number; criteria: { text: string; verdict: string; reason: string; section: string }[] }[];
  nextQuestion: { field: string; outcomes: { value: string; remaining: number }[] } | null;
}

describe('POST /api/match', () => {
  let dir: string;
  let store: TrialStore;
  let app: FastifyInstance;
  const lines: string[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'trialfinder-match-'));
    const postcodes = await loadPostcodeTable();
    store = await openSqliteStore(join(dir, 'store.sqlite'), { postcodes });
    await store.upsertTrials(TRIALS);
    // Every level, so nothing the server might log escapes the check.
    app = await buildServer({ store, postcodes, logger: { level: 'trace', stream: { write: (line: string) => lines.push(line) } } });
  });
  after(async () => {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (payload: unknown) => app.inject({ method: 'POST', url: '/api/match', payload: payload as Record<string, unknown> });

  it('ranks the trials for the person: likely eligible, then might be, then not, each criterion with its reason', async () => {
    const response = await post({ profile: PROFILE, q: 'leukaemia' });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers['cache-control'], 'no-store');
    const body = response.json<MatchBodyShape>();
    assert.doesNotThrow(() => matchResultSchema.parse(body));
    assert.deepEqual(body.trials.map((trial) => [trial.trial.id, trial.verdict]), [
      ['NCT09500001', 'likely-eligible'],
      // No listed criteria: nothing to check beyond the age limit, so never "likely".
      ['NCT09500004', 'might-be-eligible'],
      ['NCT09500003', 'not-eligible'],
      ['NCT09500002', 'not-eligible'],
    ]);
    assert.deepEqual(body.counts, { 'likely-eligible': 1, 'might-be-eligible': 1, 'not-eligible': 2 });
    assert.equal(body.remaining, 2);
    assert.equal(body.considered, 4);
    assert.match(body.note, /all 4 trials/);
    const scores = body.trials.map((trial) => trial.score);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
    const carT = body.trials[0]!.criteria;
    assert.deepEqual(carT.find((criterion) => criterion.text === 'Prior CAR-T therapy'), {
      section: 'exclusion', text: 'Prior CAR-T therapy', verdict: 'meets', reason: carT.find((criterion) => criterion.text === 'Prior CAR-T therapy')!.reason,
    });
    assert.match(carT.find((criterion) => criterion.text.startsWith('Ages 18'))!.reason, /You are 40/);
    const ph = body.trials.find((trial) => trial.trial.id === 'NCT09500002')!;
    assert.ok(ph.criteria.some((criterion) => criterion.verdict === 'does-not-meet' && /just been diagnosed/.test(criterion.reason)));
  });

  it('asks the question that narrows the list, and none once nothing left could change it', async () => {
    const fresh = (await post({})).json<MatchBodyShape>();
    assert.equal(fresh.remaining, 4);
    assert.ok(fresh.nextQuestion !== null);
    assert.ok(fresh.nextQuestion.outcomes.some((outcome) => outcome.remaining < 4));
    const skipped = (await post({ skipped: [fresh.nextQuestion.field] })).json<MatchBodyShape>();
    assert.notEqual(skipped.nextQuestion?.field, fresh.nextQuestion.field);
    const done = (await post({ profile: PROFILE, skipped: ['sex', 'priorLines', 'altAstXUln', 'ejectionFractionPercent', 'infections', 'pregnant', 'breastfeeding', 'otherCancer'] })).json<MatchBodyShape>();
    assert.equal(done.nextQuestion, null);
  });

  it('takes the search parameters of GET /api/trials, numbers as JSON numbers too, and pageSize', async () => {
    const body = (await post({ profile: { age: 40 }, q: 'leukaemia', pageSize: 2, status: ['recruiting'] })).json<MatchBodyShape>();
    assert.equal(body.trials.length, 2);
    assert.equal(body.total, 4);
    const none = (await post({ profile: {}, q: 'myeloid' })).json<MatchBodyShape>();
    assert.deepEqual(none.trials.map((trial) => trial.trial.id), ['NCT09500003']);
  });

  it('refuses malformed JSON, a bad profile and bad search parameters with a 400 naming the field', async () => {
    const cases: readonly [string | Record<string, unknown>, string][] = [
      ['{"profile": {"age": 40', 'body'],
      ['[1, 2]', 'body'],
      ['{"__proto__": {"x": 1}}', 'body'],
      [{ profile: { age: -3 } }, 'profile.age'],
      [{ profile: { age: 'forty' } }, 'profile.age'],
      [{ profile: { cancerType: ['b-all', 'not-a-cancer'] } }, 'profile.cancerType.1'],
      [{ profile: { performanceStatus: { scale: 'ecog', value: 7 } } }, 'profile.performanceStatus.value'],
      [{ profile: { favouriteColour: 'blue' } }, 'profile.favouriteColour'],
      [{ profile: 'old' }, 'profile'],
      [{ skipped: ['age', 'shoeSize'] }, 'skipped.1'],
      [{ status: 'sleeping' }, 'status'],
      [{ pageToken: 'abc' }, 'pageToken'],
      [{ colour: 'blue' }, 'colour'],
    ];
    for (const [payload, field] of cases) {
      const response = typeof payload === 'string'
        ? await app.inject({ method: 'POST', url: '/api/match', headers: { 'content-type': 'application/json' }, payload })
        : await post(payload);
      assert.equal(response.statusCode, 400, `${JSON.stringify(payload)}: ${response.body}`);
      const error = errorSchema.parse(response.json());
      assert.equal(error.error.code, 'invalid_input');
      assert.equal(error.error.field, field, JSON.stringify(payload));
    }
    const tooBig = await post({ profile: {}, q: 'x'.repeat(40 * 1024) });
    assert.equal(tooBig.statusCode, 413);
  });

  it('is in the OpenAPI document with its body and answer', async () => {
    const document = (await app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, { post?: { requestBody?: unknown; responses?: Record<string, unknown> } }>;
      components: { schemas: Record<string, unknown> };
    }>();
    const match = document.paths['/api/match']?.post;
    assert.ok(match !== undefined);
    assert.match(JSON.stringify(match.requestBody), /#\/components\/schemas\/MatchRequest/);
    const body = Object.entries(document.components.schemas).find(([name]) => name.startsWith('MatchRequest'))?.[1];
    const text = JSON.stringify(body);
    for (const name of ['profile', 'skipped', 'cancerType', 'postcode', 'creatinineClearanceMlMin']) assert.ok(text.includes(`"${name}"`), name);
    assert.ok(match.responses?.['200'] !== undefined && match.responses['400'] !== undefined);
  });

  it('keeps a profile out of every log line, file, cookie and database row, on the API and the website', async () => {
    lines.length = 0;
    const written: string[] = [];
    // Any write to a file through node:fs during the requests is recorded (ESM importers see the spies too).
    const names = ['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createWriteStream', 'writeSync', 'write'] as const;
    const fsRecord = fs as unknown as Record<string, (...args: unknown[]) => unknown>;
    const originals = names.map((name) => [name, fsRecord[name]] as const);
    const promises = fs.promises as unknown as Record<string, (...args: unknown[]) => unknown>;
    const promiseOriginals = (['writeFile', 'appendFile'] as const).map((name) => [name, promises[name]] as const);
    for (const [name, original] of originals) fsRecord[name] = (...args: unknown[]) => { written.push(`${name} ${String(args[0])}`); return original?.(...args); };
    for (const [name, original] of promiseOriginals) promises[name] = (...args: unknown[]) => { written.push(`promises.${name} ${String(args[0])}`); return original?.(...args); };
    syncBuiltinESMExports();
    let api; let web;
    try {
      api = await post({ profile: PROFILE, q: 'leukaemia' });
      const form = new URLSearchParams([['search', 'q=leukaemia'], ['a', `creatinineClearanceMlMin:${MARK_CLEARANCE}`], ['field', 'bilirubinXUln'], ['answer', String(MARK_BILIRUBIN)]]);
      web = await app.inject({ method: 'POST', url: '/match', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString() });
    } finally {
      for (const [name, original] of originals) if (original !== undefined) fsRecord[name] = original;
      for (const [name, original] of promiseOriginals) if (original !== undefined) promises[name] = original;
      syncBuiltinESMExports();
    }
    assert.equal(api.statusCode, 200);
    assert.equal(web.statusCode, 200, web.body.slice(0, 300));
    // The answers did reach the server: the website's page shows them back to the person.
    assert.match(web.body, new RegExp(String(MARK_BILIRUBIN).replace('.', '\\.')));

    assert.ok(lines.length >= 4, 'the requests were logged');
    for (const line of lines) for (const mark of MARKS) assert.ok(!line.includes(mark), `log line holds ${mark}: ${line}`);
    assert.deepEqual(written, [], 'no file was written');
    for (const response of [api, web]) assert.equal(response.headers['set-cookie'], undefined);

    // The database: no row of any table, and no byte of its files (main, WAL, shared memory), holds the profile.
    const db = new BetterSqlite3(join(dir, 'store.sqlite'), { readonly: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
      assert.ok(tables.length > 0);
      for (const { name } of tables) {
        const rows = db.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`).raw().all();
        const text = JSON.stringify(rows, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('latin1') : value));
        for (const mark of MARKS.slice(0, 2)) assert.ok(!text.includes(mark), `table ${name} holds ${mark}`);
      }
    } finally {
      db.close();
    }
    for (const file of readdirSync(dir)) {
      const bytes = readFileSync(join(dir, file));
      for (const mark of MARKS) assert.equal(bytes.includes(mark), false, `${file} holds ${mark}`);
    }
  });
});

describe('POST /api/match: questions answerable as sent, and reasons that say the limit', () => {
  let dir: string;
  let store: TrialStore;
  let app: FastifyInstance;
  const trials = [
    buildTrial('NCT09510001', { briefTitle: 'Headings Only', conditions: LEUKAEMIA, eligibility: { minAgeYears: 18, criteria: 'Inclusion Criteria:\n\nExclusion Criteria:\n' } }),
    buildTrial('NCT09510002', { briefTitle: 'No Criteria Text', conditions: LEUKAEMIA, eligibility: { minAgeYears: 18 } }),
    buildTrial('NCT09510003', {
      briefTitle: 'Limits After The Words', conditions: LEUKAEMIA,
      eligibility: { criteria: 'Inclusion Criteria:\n- Prior lines of therapy ≥ 2\n- Performance status 0-2 (ECOG)\nExclusion Criteria:\n- Pregnant women' },
    }),
    buildTrial('NCT09510004', { briefTitle: 'ECOG 0-1 Only', conditions: LEUKAEMIA, eligibility: { criteria: 'Inclusion Criteria:\n- ECOG performance status 0-1\nExclusion Criteria:\n- Known HIV infection' } }),
  ];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'trialfinder-match-answers-'));
    const postcodes = await loadPostcodeTable();
    store = await openSqliteStore(join(dir, 'store.sqlite'), { postcodes });
    await store.upsertTrials(trials);
    app = await buildServer({ store, postcodes });
  });
  after(async () => {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (payload: unknown) => app.inject({ method: 'POST', url: '/api/match', payload: payload as Record<string, unknown> });
  const raw = (payload: string) => app.inject({ method: 'POST', url: '/api/match', headers: { 'content-type': 'application/json' }, payload });

  it('does not call a trial whose criteria are only headings likely, as with no criteria text at all', async () => {
    const body = (await post({ profile: { age: 40 }, pageSize: 10 })).json<MatchBodyShape>();
    const verdict = (id: string) => body.trials.find((trial) => trial.trial.id === id)?.verdict;
    assert.equal(verdict('NCT09510002'), 'might-be-eligible');
    assert.equal(verdict('NCT09510001'), 'might-be-eligible');
    const headings = body.trials.find((trial) => trial.trial.id === 'NCT09510001')!;
    const empty = body.trials.find((trial) => trial.trial.id === 'NCT09510002')!;
    assert.equal(headings.score, empty.score);
  });

  it('says the limit a criterion sets when it is written after the words ("≥ 2", "0-2 (ECOG)")', async () => {
    const body = (await post({ profile: {}, pageSize: 10 })).json<MatchBodyShape>();
    const reasons = body.trials.find((trial) => trial.trial.id === 'NCT09510003')!.criteria.map((criterion) => criterion.reason);
    assert.ok(reasons.includes("This trial is for people who have had 2 or more treatments before. We don't know if this applies to you. Ask your specialist."), reasons.join('\n'));
    assert.ok(reasons.includes("This trial is for people whose everyday activity score (ECOG) is 2 or less. We don't know if this applies to you. Ask your specialist."), reasons.join('\n'));
    for (const reason of reasons) assert.doesNotMatch(reason, /certain range/);
  });

  it('gives each option and outcome the profile value it stands for, which is accepted as sent', async () => {
    const others = ['age', 'sex', 'cancerType', 'diseaseState', 'priorLines', 'priorTreatments', 'bilirubinXUln', 'creatinineClearanceMlMin',
      'altAstXUln', 'ejectionFractionPercent', 'cnsInvolvement', 'infections', 'pregnant', 'breastfeeding', 'otherCancer'];
    const response = await post({ profile: {}, skipped: others });
    const body = response.json<{ nextQuestion: { field: string; options: { value: string; answer: unknown }[]; outcomes: { value: string; answer: unknown; remaining: number }[] } }>();
    assert.doesNotThrow(() => matchResultSchema.parse(body));
    const question = body.nextQuestion;
    assert.equal(question.field, 'performanceStatus');
    assert.deepEqual(question.options.find((option) => option.value === 'ecog-2')?.answer, { scale: 'ecog', value: 2 });
    for (const { value, answer } of question.options) {
      const sent = await post({ profile: { performanceStatus: answer } });
      assert.equal(sent.statusCode, 200, `${value}: ${sent.body}`);
    }
    for (const { value, answer, remaining } of question.outcomes) {
      const sent = await post({ profile: { performanceStatus: answer } });
      assert.equal(sent.statusCode, 200, `${value}: ${sent.body}`);
      assert.equal(sent.json<MatchBodyShape>().remaining, remaining, value);
    }
    // The other kinds of question: yes-no, multi (a list, [] for "none of these") and number (the range's lowest value).
    for (const field of ['pregnant', 'infections', 'age']) {
      const asked = (await post({ profile: {}, skipped: [...others, 'performanceStatus'].filter((name) => name !== field) })).json<typeof body>().nextQuestion;
      assert.equal(asked.field, field);
      for (const { value, answer } of asked.outcomes) {
        const sent = await post({ profile: { [field]: answer } });
        assert.equal(sent.statusCode, 200, `${field} ${value}: ${sent.body}`);
      }
    }
    const document = JSON.stringify((await app.inject({ url: '/api/openapi.json' })).json<{ components: { schemas: Record<string, unknown> } }>().components.schemas);
    assert.match(document, /"options":\{[^]*?"answer"/);
    assert.match(document, /"outcomes":\{[^]*?"answer"/);
  });

  it('refuses "profile": null and prototype keys inside the profile, naming profile and the key', async () => {
    const cases: readonly [string, string][] = [
      ['{"profile": null}', 'profile'],
      ['{"profile": {"__proto__": {"age": 5}}}', 'profile.__proto__'],
      ['{"profile": {"constructor": 1}}', 'profile.constructor'],
      ['{"profile": {"performanceStatus": {"scale": "ecog", "value": 1, "__proto__": {}}}}', 'profile.performanceStatus.__proto__'],
      ['{"__proto__": {"x": 1}}', 'body'],
    ];
    for (const [payload, field] of cases) {
      const response = await raw(payload);
      assert.equal(response.statusCode, 400, `${payload}: ${response.body}`);
      assert.equal(errorSchema.parse(response.json()).error.field, field, payload);
    }
    assert.equal((await raw('{"profile": {"age": 40}}')).statusCode, 200);
    assert.equal((await raw('{}')).statusCode, 200);
  });
});
