import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ctgovV2StudyOf } from '../../bench/scale/ctgov-v2.write.ts';
import { indexPartPool } from '../../bench/scale/part-pool.ts';
import { mulberry32 } from '../../bench/scale/prng.ts';
import {
  SYNTHETIC_SPONSOR,
  syntheticNctId,
  syntheticStudies,
  syntheticTrial,
} from '../../bench/scale/synthetic-trial.ts';
import { canonicalCountry } from '../../src/domain/country.ts';
import type { TrialContent } from '../../src/domain/trial.ts';
import { parseCtgovV2Study } from '../../src/ingest/ctgov-v2.parse.ts';
import { buildTrial, corpus, site } from '../../src/storage/test-trials.ts';

/** The test corpus plus two trials sharing a place, only one of them with coordinates. */
function pool() {
  const geocoded = buildTrial('NCT00000901', {
    conditions: ['Neuroblastoma'],
    sites: [{ ...site('United Kingdom', 'Leeds'), latitude: 53.8, longitude: -1.55 }],
  });
  const bare = buildTrial('NCT00000902', { conditions: ['Neuroblastoma'], sites: [site('United Kingdom', 'Leeds')] });
  return indexPartPool([...corpus(), geocoded, bare]);
}

function parsed(study: unknown): TrialContent {
  const outcome = parseCtgovV2Study(study, 'synthetic');
  if (!outcome.ok) assert.fail(`expected a trial, got ${JSON.stringify(outcome.error)}`);
  return outcome.trial;
}

describe('scale generator', () => {
  it('gives the same studies for the same seed, and others for another seed', () => {
    const parts = pool();
    const first = JSON.stringify([...syntheticStudies(parts, 42, 200)]);
    assert.equal(JSON.stringify([...syntheticStudies(parts, 42, 200)]), first);
    assert.notEqual(JSON.stringify([...syntheticStudies(parts, 43, 200)]), first);
  });

  it('gives every study a distinct, clearly synthetic NCT id and org id that the real parser accepts', () => {
    const trials = [...syntheticStudies(pool(), 7, 500)].map(parsed);
    const nctIds = new Set(trials.map((trial) => trial.id));
    assert.equal(nctIds.size, 500);
    for (const [index, trial] of trials.entries()) {
      assert.equal(trial.id, syntheticNctId(index + 1));
      assert.match(trial.id, /^NCT9\d{7}$/);
      assert.equal(trial.sponsor, SYNTHETIC_SPONSOR);
      // Only the synthetic NCT and org ids: a copied ISRCTN or alias would make the store merge trials.
      assert.deepEqual(
        trial.ids.map((id) => [id.kind, id.value]),
        [
          ['nct', trial.id],
          ['org', `TRIALFINDER-SYNTHETIC-${index + 1}`],
        ],
      );
    }
    assert.equal(trials[0]?.id, 'NCT90000001');
  });

  it('round-trips trial content through API v2 JSON and the real parser', () => {
    const parts = pool();
    const rng = mulberry32(1);
    for (let n = 1; n <= 100; n += 1) {
      const content = syntheticTrial(parts, rng, n);
      // statusRaw is the v2 enum written for the normalised status, not the donor's spelling; provenance is the parser's.
      const back = { ...parsed(ctgovV2StudyOf(content, SYNTHETIC_SPONSOR)), provenance: undefined, statusRaw: undefined };
      const expected = {
        ...content,
        provenance: undefined,
        statusRaw: undefined,
        // The hand-written corpus has sites no importer would keep (no facility, city or country) and loose country
        // names ("UK"); the parser drops and canonicalises them as it does for real records.
        sites: content.sites
          .filter((place) => place.facility !== null || place.city !== null || place.country !== null)
          .map((place) => ({ ...place, country: place.country === null ? null : canonicalCountry(place.country) })),
      };
      assert.deepEqual({ ...back, ids: back.ids.map((id) => id.value) }, { ...expected, ids: expected.ids.map((id) => id.value) });
    }
  });

  it('takes coordinates for a site without them from the same place elsewhere in the real data', () => {
    const parts = pool();
    const rng = mulberry32(3);
    const leeds = Array.from({ length: 2000 }, (_, index) => syntheticTrial(parts, rng, index + 1))
      .flatMap((trial) => trial.sites)
      .filter((place) => place.city === 'Leeds');
    assert.ok(leeds.length > 0);
    for (const place of leeds) assert.deepEqual([place.latitude, place.longitude], [53.8, -1.55]);
  });

  it('refuses numbers outside the synthetic NCT range', () => {
    assert.throws(() => syntheticNctId(0), RangeError);
    assert.throws(() => syntheticNctId(10_000_000), RangeError);
    assert.equal(syntheticNctId(9_999_999), 'NCT99999999');
  });
});
