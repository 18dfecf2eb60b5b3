/**
 * The contract every TrialStore backend must pass (HOUSE_STYLE 12): the same tests run against SQLite and
 * PostgreSQL. `harness.open` must return a new, empty store on every call; each group opens its own.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { InvalidInput } from '../domain/errors.ts';
import { registryId } from '../domain/registry-id.ts';
import type { PostcodeTable } from '../domain/postcode.ts';
import type { Trial, TrialStatus } from '../domain/trial.ts';
import { runCancerContract } from './store.contract.cancer.ts';
import { runDerivationContract } from './store.contract.derivation.ts';
import { runPlacesContract } from './store.contract.places.ts';
import { runSearchContract, searchFor } from './store.contract.search.ts';
import type { TrialStore } from './store.ts';
import { buildTrial, corpus, intervention } from './test-trials.ts';

/** A JSON round trip: what a store can promise to give back. */
const plain = (trial: Trial): unknown => JSON.parse(JSON.stringify(trial)) as unknown;

/** What a store is opened with, as the composition root passes it. */
export interface StoreOptions {
  readonly postcodes?: PostcodeTable;
  /** Worker threads preparing large batches (the adapters' default when absent). */
  readonly workers?: number;
}

/** The derivation state a test writes straight into a database, as an operator could with a SQL shell. */
export interface DerivationState {
  readonly version: number;
  /** The version an interrupted re-derivation was deriving for. */
  readonly passVersion?: number | null;
  /** The trial (by primary id) that pass had re-derived last. */
  readonly passAfter?: string | null;
}

/** One database that outlives the stores opened on it: to close, change behind the store's back, and reopen. */
export interface StorePlace {
  open(options?: StoreOptions): Promise<TrialStore>;
  /** Only while no store is open on the place. */
  setDerivation(state: DerivationState): Promise<void>;
  /** Removes the database; every store opened on it must be closed. */
  dispose(): Promise<void>;
}

/** What the contract needs of a backend. */
export interface StoreHarness {
  /** A new, empty store; closing it removes it. */
  open(options?: StoreOptions): Promise<TrialStore>;
  /** A new, empty database that can be reopened. */
  place(): Promise<StorePlace>;
}

/** Registers the whole contract under `describe(name)`. */
export function runStoreContract(name: string, harness: StoreHarness): void {
  const open = (): Promise<TrialStore> => harness.open();
  describe(`TrialStore contract: ${name}`, () => {
    describe('storing and reading trials', () => {
      let store: TrialStore;
      before(async () => {
        store = await open();
        await store.upsertTrials(corpus());
      });
      after(() => store.close());

      it('returns each trial exactly as stored', async () => {
        for (const trial of corpus()) assert.deepEqual(await store.getTrial(trial.id), plain(trial));
        assert.equal(await store.count(), corpus().length);
      });

      it('finds a trial by a secondary id, ignoring case and spaces', async () => {
        assert.equal((await store.getTrial('2010-020924-22'))?.id, 'ISRCTN64515327');
        assert.equal((await store.getTrial(' nct 021 01853 '))?.id, 'NCT02101853');
        assert.equal((await store.getTrial('isrctn64515327'))?.id, 'ISRCTN64515327');
      });

      it('exports every trial once, in id order, whatever the page size', async () => {
        const ids = corpus().map((trial) => trial.id).sort();
        for (const pageSize of [1, 2, 500]) {
          const exported: Trial[] = [];
          for await (const trial of store.exportTrials(pageSize)) exported.push(trial);
          assert.deepEqual(exported.map((trial) => trial.id), ids);
          assert.deepEqual(exported[0], plain(corpus().find((trial) => trial.id === ids[0])!));
        }
      });

      it('returns null for an unknown id', async () => {
        assert.equal(await store.getTrial('NCT00000000'), null);
        assert.equal(await store.getTrial(''), null);
      });

      it('reports an identical trial as unchanged, however often it comes', async () => {
        const again = corpus().map((trial) => buildTrialAgain(trial));
        assert.deepEqual(await store.upsertTrials(again), again.map(() => 'unchanged'));
        assert.equal(await store.count(), corpus().length);
      });
    });

    describe('choosing between versions of one trial', () => {
      let store: TrialStore;
      before(async () => {
        store = await open();
      });
      after(() => store.close());

      const version = (lastUpdate: string, title: string, extra: Parameters<typeof buildTrial>[1] = {}): Trial =>
        buildTrial('NCT04000001', { briefTitle: title, conditions: ['Hodgkin Lymphoma'], dates: { lastUpdate }, ...extra });

      it('replaces an older version with a newer one, everywhere', async () => {
        assert.deepEqual(await store.upsertTrials([version('2024-01-01', 'Brentuximab Vedotin for Hodgkin Lymphoma')]), ['inserted']);
        const newer = version('2024-06-01', 'Nivolumab for Hodgkin Lymphoma');
        assert.deepEqual(await store.upsertTrials([newer]), ['updated']);
        assert.deepEqual(await store.getTrial('NCT04000001'), plain(newer));
        assert.equal(await store.count(), 1);
        // The old text is gone from the full-text index, the new one is in it.
        assert.equal((await store.search(searchFor('brentuximab'))).total, 0);
        assert.equal((await store.search(searchFor('nivolumab'))).total, 1);
      });

      it('keeps the stored version when the incoming one is older', async () => {
        const older = version('2023-01-01', 'Chemotherapy for Hodgkin Lymphoma');
        assert.deepEqual(await store.upsertTrials([older]), ['kept-newer']);
        assert.equal((await store.getTrial('NCT04000001'))?.briefTitle, 'Nivolumab for Hodgkin Lymphoma');
      });

      it('lets a later trial in a batch see an earlier one', async () => {
        const a = buildTrial('NCT04000002', { dates: { lastUpdate: '2020-01-01' } });
        const b = buildTrial('NCT04000002', { dates: { lastUpdate: '2021-01-01' } });
        assert.deepEqual(await store.upsertTrials([a, b]), ['inserted', 'updated']);
        const c = buildTrial('NCT04000003', { dates: { lastUpdate: '2021-01-01' } });
        const d = buildTrial('NCT04000003', { dates: { lastUpdate: '2020-01-01' } });
        assert.deepEqual(await store.upsertTrials([c, d, c]), ['inserted', 'kept-newer', 'unchanged']);
        assert.equal((await store.getTrial('NCT04000002'))?.dates.lastUpdate, '2021-01-01');
      });
    });

    describe('one trial from two registries', () => {
      // The same trial as ClinicalTrials.gov and the NCI give it: one NCT id shared, the NCI record newer.
      const fromCtgov = buildTrial('NCT05000001', {
        briefTitle: 'Inotuzumab Ozogamicin in Adults With Relapsed Acute Lymphoblastic Leukemia',
        dates: { lastUpdate: '2024-03-01' },
      });
      const fromNci = buildTrial('NCT05000001', {
        ids: [registryId('NCT05000001'), registryId('NCI-2021-01234', 'CTRP')],
        briefTitle: 'Inotuzumab Ozogamicin for Relapsed Acute Lymphoblastic Leukemia',
        dates: { lastUpdate: '2024-09-01' },
        provenance: { source: 'nci-cts' },
      });

      it('holds one trial, the newer record, in either import order', async () => {
        const [ab, ba] = [await open(), await open()];
        try {
          assert.deepEqual(await ab.upsertTrials([fromCtgov]), ['inserted']);
          assert.deepEqual(await ab.upsertTrials([fromNci]), ['updated']);
          assert.deepEqual(await ba.upsertTrials([fromNci]), ['inserted']);
          assert.deepEqual(await ba.upsertTrials([fromCtgov]), ['kept-newer']);
          for (const store of [ab, ba]) {
            assert.equal(await store.count(), 1);
            assert.deepEqual(await store.getTrial('NCT05000001'), plain(fromNci));
            assert.deepEqual(await store.getTrial('nci-2021-01234'), plain(fromNci));
          }
        } finally {
          await Promise.all([ab.close(), ba.close()]);
        }
      });

      it('follows the trial when its primary id changes (an ISRCTN record that later gains an NCT id)', async () => {
        const store = await open();
        try {
          const isrctnOnly = buildTrial('ISRCTN11111111', { dates: { lastUpdate: '2022-01-01' } });
          const withNct = buildTrial('NCT05000002', {
            ids: [registryId('NCT05000002'), registryId('ISRCTN11111111')],
            dates: { lastUpdate: '2023-01-01' },
          });
          assert.deepEqual(await store.upsertTrials([isrctnOnly, withNct]), ['inserted', 'updated']);
          assert.equal(await store.count(), 1);
          assert.equal((await store.getTrial('ISRCTN11111111'))?.id, 'NCT05000002');
        } finally {
          await store.close();
        }
      });
    });

    describe('a failing batch leaves nothing behind', () => {
      let store: TrialStore;
      const stored = buildTrial('NCT06000001', { briefTitle: 'Stored Version', dates: { lastUpdate: '2020-01-01' } });
      before(async () => {
        store = await open();
        await store.upsertTrials([stored]);
      });
      after(() => store.close());

      // A value outside the domain vocabulary, as a buggy parser might produce: the store must refuse it.
      const broken = buildTrial('NCT06000099', { status: 'bogus' as TrialStatus });

      it('rolls back earlier trials of the batch when a later one breaks a constraint', async () => {
        const fresh = buildTrial('NCT06000002');
        const update = buildTrial('NCT06000001', { briefTitle: 'Newer Version', dates: { lastUpdate: '2021-01-01' } });
        await assert.rejects(store.upsertTrials([fresh, update, broken]), InvalidInput);
        assert.equal(await store.count(), 1);
        assert.equal(await store.getTrial('NCT06000002'), null);
        assert.deepEqual(await store.getTrial('NCT06000001'), plain(stored));
        assert.equal((await store.search(searchFor('newer'))).total, 0);
      });

      it('rolls back when a trial cannot be stored as JSON', async () => {
        const unserialisable = buildTrial('NCT06000003', { interventions: [intervention('Imatinib')] });
        const withBigInt = { ...unserialisable, enrollment: 10n as unknown as number };
        await assert.rejects(store.upsertTrials([buildTrial('NCT06000004'), withBigInt]));
        assert.equal(await store.count(), 1);
        assert.equal(await store.getTrial('NCT06000004'), null);
      });
    });

    describe('checkpoints', () => {
      let store: TrialStore;
      before(async () => {
        store = await open();
      });
      after(() => store.close());

      it('keeps, overwrites and clears a named value', async () => {
        assert.equal(await store.getCheckpoint('ctgov-live'), null);
        await store.setCheckpoint('ctgov-live', '2026-01-01T00:00:00Z');
        await store.setCheckpoint('ctgov-live', '2026-02-01T00:00:00Z');
        assert.equal(await store.getCheckpoint('ctgov-live'), '2026-02-01T00:00:00Z');
        await store.setCheckpoint('ctgov-live', null);
        assert.equal(await store.getCheckpoint('ctgov-live'), null);
      });
    });

    runSearchContract(open);
    runCancerContract(open);
    runPlacesContract(harness);
    runDerivationContract(harness);
  });
}

/** The same content imported again later: a new import time, the same hash. */
function buildTrialAgain(trial: Trial): Trial {
  return { ...trial, provenance: { ...trial.provenance, importedAt: '2026-02-01T00:00:00.000Z' } };
}

