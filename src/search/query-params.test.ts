import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AGE_GROUPS } from '../domain/age-group.ts';
import { CANCER_TYPES } from '../domain/classify/cancer-type.ts';
import { TREATMENT_KINDS } from '../domain/classify/treatment-kinds.ts';
import { InvalidInput } from '../domain/errors.ts';
import { readUkPostcode } from '../domain/postcode.ts';
import { EMPTY_QUERY, MAX_PAGE_SIZE } from '../domain/query.ts';
import { MAX_QUERY_LENGTH } from '../domain/search-text.ts';
import { STATUSES } from '../domain/trial.ts';
import {
  MAX_PAGE_TOKEN_LENGTH,
  MAX_VALUES_PER_PARAMETER,
  MAX_WITHIN_MILES,
  SEARCH_PARAMETERS,
  parseTrialQuery,
} from './query-params.ts';

/** Asserts that parsing throws InvalidInput naming `field`, and returns its message. */
function refusal(params: Readonly<Record<string, unknown>>, field: string): string {
  try {
    parseTrialQuery(params);
  } catch (error) {
    assert.ok(error instanceof InvalidInput, `expected InvalidInput, got ${String(error)}`);
    assert.equal(error.field, field);
    assert.equal(error.code, 'invalid_input');
    assert.match(error.message, new RegExp(field));
    return error.message;
  }
  assert.fail(`expected ${JSON.stringify(params)} to be refused`);
}

describe('parseTrialQuery', () => {
  it('reads no parameters as the empty query', () => {
    assert.deepEqual(parseTrialQuery({}), EMPTY_QUERY);
  });

  it('treats empty values as no filter', () => {
    const params = Object.fromEntries(SEARCH_PARAMETERS.map((name) => [name, '']));
    assert.deepEqual(parseTrialQuery(params), EMPTY_QUERY);
    assert.deepEqual(parseTrialQuery({ status: ['', ' , '], condition: ['  '] }), EMPTY_QUERY);
  });

  describe('q', () => {
    it('keeps the text as typed but for surrounding spaces, and blank text as no text', () => {
      assert.equal(parseTrialQuery({ q: '  imatinib\n' }).q, 'imatinib');
      assert.equal(parseTrialQuery({ q: 'acute "lymphoblastic leukaemia" OR NEAR(x)' }).q, 'acute "lymphoblastic leukaemia" OR NEAR(x)');
      assert.equal(parseTrialQuery({ q: '   ' }).q, null);
    });

    it(`accepts ${MAX_QUERY_LENGTH} characters, counting an emoji as one, and refuses more`, () => {
      assert.equal(parseTrialQuery({ q: '🩸'.repeat(MAX_QUERY_LENGTH) }).q?.length, MAX_QUERY_LENGTH * 2);
      refusal({ q: 'a'.repeat(MAX_QUERY_LENGTH + 1) }, 'q');
    });

    it('refuses q given twice', () => {
      assert.match(refusal({ q: ['a', 'b'] }, 'q'), /only once/);
    });
  });

  describe('status', () => {
    it('widens recruiting to recruiting and not yet recruiting', () => {
      assert.deepEqual(parseTrialQuery({ status: 'recruiting' }).statuses, ['not-yet-recruiting', 'recruiting']);
    });

    it('accepts every normalised status, comma-separated and repeated, in any case, with underscores or spaces', () => {
      for (const status of STATUSES) {
        if (status === 'recruiting') continue;
        assert.deepEqual(parseTrialQuery({ status }).statuses, [status]);
        assert.deepEqual(parseTrialQuery({ status: status.toUpperCase().replaceAll('-', '_') }).statuses, [status]);
        assert.deepEqual(parseTrialQuery({ status: status.replaceAll('-', ' ') }).statuses, [status]);
      }
      assert.deepEqual(parseTrialQuery({ status: ['COMPLETED,withdrawn', 'NOT_YET_RECRUITING', 'completed'] }).statuses, [
        'not-yet-recruiting',
        'completed',
        'withdrawn',
      ]);
    });

    it('refuses an unknown status, listing the known ones', () => {
      assert.match(refusal({ status: 'recruiting,open' }, 'status'), /"open".*not-yet-recruiting/);
    });
  });

  describe('phase', () => {
    it('reads our values, CT.gov enums, roman numerals and early-phase spellings', () => {
      const cases: Record<string, readonly string[]> = {
        '1,2': ['1', '2'],
        phase2: ['2'],
        PHASE2: ['2'],
        'Phase 3': ['3'],
        II: ['2'],
        iv: ['4'],
        early1: ['early-1'],
        'early-1': ['early-1'],
        EARLY_PHASE1: ['early-1'],
        'Early Phase 1': ['early-1'],
        'not-applicable': ['not-applicable'],
        NA: ['not-applicable'],
        'N/A': ['not-applicable'],
      };
      for (const [raw, phases] of Object.entries(cases)) assert.deepEqual(parseTrialQuery({ phase: raw }).phases, phases, raw);
      assert.deepEqual(parseTrialQuery({ phase: ['3', 'PHASE1', 'I'] }).phases, ['1', '3']);
    });

    it('refuses an unknown phase', () => {
      refusal({ phase: '5' }, 'phase');
      refusal({ phase: 'phase' }, 'phase');
    });
  });

  it('reads studyType in any spelling and refuses others', () => {
    assert.deepEqual(parseTrialQuery({ studyType: 'EXPANDED_ACCESS,observational' }).studyTypes, ['observational', 'expanded-access']);
    refusal({ studyType: 'randomised' }, 'studyType');
  });

  describe('condition, intervention, country', () => {
    it('takes each repeated value as one phrase, commas included, repeats dropped', () => {
      const query = parseTrialQuery({
        condition: ['Leukemia, Lymphoblastic', 'leukemia,  lymphoblastic', 'Philadelphia chromosome'],
        intervention: 'imatinib',
      });
      assert.deepEqual(query.conditions, ['Leukemia, Lymphoblastic', 'Philadelphia chromosome']);
      assert.deepEqual(query.interventions, ['imatinib']);
    });

    it('canonicalises countries', () => {
      assert.deepEqual(parseTrialQuery({ country: ['UK', 'united kingdom', 'USA', ' France '] }).countries, [
        'United Kingdom',
        'United States',
        'France',
      ]);
    });

    it('refuses over-long phrases and too many values', () => {
      refusal({ condition: 'x'.repeat(201) }, 'condition');
      refusal({ intervention: Array.from({ length: MAX_VALUES_PER_PARAMETER + 1 }, (_, n) => `drug ${n}`) }, 'intervention');
      refusal({ country: [1] }, 'country');
    });
  });

  describe('age', () => {
    it('reads years, decimals allowed, 0 to 130', () => {
      assert.equal(parseTrialQuery({ age: '47' }).age, 47);
      assert.equal(parseTrialQuery({ age: ' 0.5 ' }).age, 0.5);
      assert.equal(parseTrialQuery({ age: '0' }).age, 0);
      assert.equal(parseTrialQuery({ age: '130' }).age, 130);
    });

    it('refuses anything else, naming age', () => {
      for (const age of ['abc', '-1', '131', '1e2', 'Infinity', '0x10', '12 years', '.5', '5.']) {
        assert.match(refusal({ age }, 'age'), /age must be a number/, age);
      }
      refusal({ age: ['30', '40'] }, 'age');
    });
  });

  it('reads sex, with all meaning no filter', () => {
    assert.equal(parseTrialQuery({ sex: 'Female' }).sex, 'female');
    assert.equal(parseTrialQuery({ sex: 'male' }).sex, 'male');
    assert.equal(parseTrialQuery({ sex: 'all' }).sex, null);
    refusal({ sex: 'f' }, 'sex');
  });

  it('reads healthyVolunteers and hasResults as true/false, yes/no, 1/0', () => {
    for (const [raw, value] of [['true', true], ['YES', true], ['1', true], ['false', false], ['no', false], ['0', false]] as const) {
      assert.equal(parseTrialQuery({ healthyVolunteers: raw }).healthyVolunteers, value);
      assert.equal(parseTrialQuery({ hasResults: raw }).hasResults, value);
    }
    refusal({ healthyVolunteers: 'maybe' }, 'healthyVolunteers');
    refusal({ hasResults: 'y' }, 'hasResults');
  });

  it('reads updatedSince as a real calendar date', () => {
    assert.equal(parseTrialQuery({ updatedSince: '2024-02-29' }).updatedSince, '2024-02-29');
    for (const date of ['2023-02-29', '2023-02-30', '2023-13-01', '2023-1-5', '2023', '05/01/2023', 'yesterday']) {
      refusal({ updatedSince: date }, 'updatedSince');
    }
  });

  it('reads sort, pageSize and pageToken', () => {
    const query = parseTrialQuery({ sort: 'UPDATED', pageSize: '100', pageToken: 'eyJmIjoiYSJ9' });
    assert.equal(query.sort, 'updated');
    assert.equal(query.pageSize, MAX_PAGE_SIZE);
    assert.equal(query.pageToken, 'eyJmIjoiYSJ9');
    refusal({ sort: 'date' }, 'sort');
    for (const pageSize of ['0', '101', '2.5', 'ten', '-1']) refusal({ pageSize }, 'pageSize');
    refusal({ pageToken: 'x'.repeat(MAX_PAGE_TOKEN_LENGTH + 1) }, 'pageToken');
    refusal({ pageToken: 'not a token' }, 'pageToken');
  });

  describe('cancerType', () => {
    it('accepts every id of the hierarchy, in any case, comma-separated and repeated, in vocabulary order', () => {
      for (const type of CANCER_TYPES) {
        assert.deepEqual(parseTrialQuery({ cancerType: type.id }).cancerTypes, [type.id]);
        assert.deepEqual(parseTrialQuery({ cancerType: type.id.toUpperCase().replaceAll('-', '_') }).cancerTypes, [type.id]);
      }
      assert.deepEqual(parseTrialQuery({ cancerType: ['breast-cancer, Acute Lymphoblastic Leukaemia', 'breast-cancer'] }).cancerTypes, [
        'acute-lymphoblastic-leukaemia',
        'breast-cancer',
      ]);
    });

    it('refuses an unknown id, naming cancerType and pointing at valid ones', () => {
      const message = refusal({ cancerType: 'leukaemia,leukemia' }, 'cancerType');
      assert.match(message, /"leukemia"/);
      assert.match(message, /acute-lymphoblastic-leukaemia/);
      assert.match(message, /\/api\/vocab\/cancer-types/);
    });
  });

  describe('treatment', () => {
    it('accepts every kind, with spaces or underscores for dashes', () => {
      for (const kind of TREATMENT_KINDS) assert.deepEqual(parseTrialQuery({ treatment: kind }).treatments, [kind]);
      assert.deepEqual(parseTrialQuery({ treatment: ['CAR T', 'Stem cell transplant', 'supportive_care'] }).treatments, [
        'stem-cell-transplant',
        'car-t',
        'supportive-care',
      ]);
    });

    it('refuses others, listing the kinds', () => {
      assert.match(refusal({ treatment: 'chemo' }, 'treatment'), /"chemo".*chemotherapy, stem-cell-transplant.*other/);
    });
  });

  describe('ageGroup', () => {
    it('accepts every group and refuses others, listing them', () => {
      for (const group of AGE_GROUPS) assert.deepEqual(parseTrialQuery({ ageGroup: group }).ageGroups, [group]);
      assert.deepEqual(parseTrialQuery({ ageGroup: 'older-adults,children' }).ageGroups, ['children', 'older-adults']);
      assert.match(refusal({ ageGroup: 'elderly' }, 'ageGroup'), /children, teenagers-young-adults, adults, older-adults/);
    });
  });

  describe('postcode', () => {
    it('keeps a postcode or district in its standard form, any case, with or without the space', () => {
      const cases: Record<string, string> = {
        'sw1a1aa': 'SW1A 1AA',
        ' SW1A  1AA ': 'SW1A 1AA',
        'ls1 3ex': 'LS1 3EX',
        m1: 'M1',
        'EC1A': 'EC1A',
        'b33 8th': 'B33 8TH',
      };
      for (const [raw, normalised] of Object.entries(cases)) assert.equal(parseTrialQuery({ postcode: raw }).postcode, normalised, raw);
      assert.equal(parseTrialQuery({ postcode: '' }).postcode, null);
    });

    it('refuses a malformed postcode naming postcode, without repeating what was sent', () => {
      for (const postcode of ['SW1A 1AAA', '12345', 'London', 'SW1A-1AA', '9ZZ', 'x'.repeat(30)]) {
        const message = refusal({ postcode }, 'postcode');
        assert.ok(!message.includes(postcode), `${postcode} echoed: ${message}`);
      }
      refusal({ postcode: ['LS1', 'M1'] }, 'postcode');
    });
  });

  describe('within', () => {
    it(`reads miles above 0 up to ${MAX_WITHIN_MILES}, decimals allowed, with a postcode`, () => {
      for (const [within, miles] of [['50', 50], ['2.5', 2.5], [String(MAX_WITHIN_MILES), MAX_WITHIN_MILES], [' 10 ', 10]] as const) {
        assert.equal(parseTrialQuery({ postcode: 'LS1', within }).withinMiles, miles);
      }
      assert.equal(parseTrialQuery({ postcode: 'LS1' }).withinMiles, null);
    });

    it('refuses anything else, naming within', () => {
      for (const within of ['0', '0.0', '-5', '1001', 'ten', '1e3', 'Infinity', '5 miles', '.5']) {
        assert.match(refusal({ postcode: 'LS1', within }, 'within'), /within must be a number of miles/, within);
      }
    });

    it('refuses within without a postcode, naming within', () => {
      assert.match(refusal({ within: '25' }, 'within'), /needs a postcode/);
      assert.match(refusal({ within: '25', postcode: '  ' }, 'within'), /needs a postcode/);
    });
  });

  describe('sort=distance', () => {
    it('needs a postcode, and is refused naming sort without one', () => {
      assert.equal(parseTrialQuery({ sort: 'distance', postcode: 'm1 1ae' }).sort, 'distance');
      assert.match(refusal({ sort: 'DISTANCE' }, 'sort'), /needs a postcode/);
      assert.match(refusal({ sort: 'distance', within: '10' }, 'within'), /needs a postcode/);
    });
  });

  it('reads the cancer-aware parameters together into one query', () => {
    const query = parseTrialQuery({
      q: 'Ph+ ALL',
      cancerType: 'acute-lymphoblastic-leukaemia',
      treatment: 'targeted,immunotherapy',
      ageGroup: 'older-adults',
      postcode: 'ls97tf',
      within: '75',
      sort: 'distance',
      status: 'recruiting',
    });
    assert.deepEqual(
      { ...query, statuses: [] },
      {
        ...EMPTY_QUERY,
        q: 'Ph+ ALL',
        cancerTypes: ['acute-lymphoblastic-leukaemia'],
        treatments: ['targeted', 'immunotherapy'],
        ageGroups: ['older-adults'],
        postcode: 'LS9 7TF',
        withinMiles: 75,
        sort: 'distance',
      },
    );
  });

  it('refuses unknown parameters, naming them and listing the known ones', () => {
    const message = refusal({ staus: 'recruiting' }, 'staus');
    assert.match(message, /Unknown parameter "staus".*status/);
    // A query-string parser makes "__proto__" an own key, as JSON.parse does.
    refusal(JSON.parse('{"q":"x","__proto__":"x"}') as Record<string, unknown>, '__proto__');
    refusal({ constructor: 'y' }, 'constructor');
  });

  describe('properties', () => {
    it('never throws for any q within the length limit', () => {
      const text = fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.string({ unit: 'binary', maxLength: 500 }),
        // Spaces, quotes and operators often, which the generic generators rarely produce.
        fc.string({ unit: fc.constantFrom(' ', '"', '*', '(', 'OR', 'é', '\t', '🩸'), maxLength: 50 }),
      );
      fc.assert(
        fc.property(text, (q) => {
          assert.equal(parseTrialQuery({ q }).q, q.trim() === '' ? null : q.trim());
        }),
      );
    });

    it('accepts any string for postcode in standard form, or refuses it on postcode without echoing it', () => {
      const postcodeish = fc.string({ unit: fc.constantFrom('S', 'W', '1', 'A', 'a', 'm', '9', ' ', '0', 'Q', '-', 'é'), maxLength: 10 });
      let refusalMessage: string | null = null;
      fc.assert(
        fc.property(fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 }), postcodeish), (postcode) => {
          try {
            const query = parseTrialQuery({ postcode });
            if (postcode.trim() === '') {
              assert.equal(query.postcode, null);
              return;
            }
            const parsed = readUkPostcode(postcode.trim());
            assert.ok(parsed !== null, postcode);
            assert.equal(query.postcode, parsed.full ?? parsed.district);
            assert.match(query.postcode ?? '', /^[A-Z]{1,2}\d[A-Z\d]?( \d[A-Z]{2})?$/);
          } catch (error) {
            assert.ok(error instanceof InvalidInput, `${JSON.stringify(postcode)} threw ${String(error)}`);
            assert.equal(error.field, 'postcode');
            // One fixed message whatever was sent: nothing of the input comes back.
            refusalMessage ??= error.message;
            assert.equal(error.message, refusalMessage);
          }
        }),
        { numRuns: 2000 },
      );
    });

    it('throws only InvalidInput, naming the parameter, for junk in any other parameter', () => {
      const names = SEARCH_PARAMETERS.filter((name) => name !== 'q');
      const junk = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.array(fc.string({ maxLength: 20 }), { maxLength: 4 }),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.object({ maxDepth: 1 }),
      );
      fc.assert(
        fc.property(fc.constantFrom(...names), junk, (name, value) => {
          try {
            parseTrialQuery({ [name]: value });
          } catch (error) {
            assert.ok(error instanceof InvalidInput, `${name}=${JSON.stringify(value)} threw ${String(error)}`);
            assert.equal(error.field, name);
          }
        }),
        { numRuns: 2000 },
      );
    });

    it('reads names of built-in object properties as plain values in every parameter', () => {
      for (const name of SEARCH_PARAMETERS) {
        for (const value of ['__proto__', 'constructor', 'toString', 'valueOf']) {
          try {
            parseTrialQuery({ [name]: value });
          } catch (error) {
            assert.ok(error instanceof InvalidInput, `${name}=${value} threw ${String(error)}`);
            assert.equal(error.field, name);
          }
        }
      }
      assert.deepEqual(parseTrialQuery({ country: 'constructor' }).countries, ['constructor']);
    });

    it('refuses any unknown parameter name', () => {
      fc.assert(
        fc.property(
          fc.string({ minLength: 1, maxLength: 20 }).filter((name) => !(SEARCH_PARAMETERS as readonly string[]).includes(name)),
          (name) => {
            assert.throws(() => parseTrialQuery({ [name]: 'x' }), (error) => error instanceof InvalidInput && error.field === name);
          },
        ),
      );
    });
  });
});
