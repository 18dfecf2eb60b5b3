import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { supersedes } from './supersedes.ts';
import type { SourceRegistry } from './trial.ts';

const record = (source: SourceRegistry, recordUpdated: string | null, contentHash: string) => ({ source, recordUpdated, contentHash });

describe('supersedes', () => {
  it('lets a newer record win and never an older one', () => {
    assert.equal(supersedes(record('ctgov-xml', '2023-02-01', 'b'), record('ctgov-v2', '2022-12-31', 'a')), true);
    assert.equal(supersedes(record('ctgov-v2', '2022-12-31', 'a'), record('ctgov-xml', '2023-02-01', 'b')), false);
  });
  it('compares partial dates and treats a missing date as the oldest', () => {
    assert.equal(supersedes(record('nci-cts', '2023-06', 'b'), record('nci-cts', '2023-05-31', 'a')), true);
    assert.equal(supersedes(record('nci-cts', null, 'b'), record('nci-cts', '1999', 'a')), false);
  });
  it('breaks date ties by source rank, then by hash, so import order never matters', () => {
    assert.equal(supersedes(record('ctgov-v2', '2023-01-01', 'a'), record('ctgov-xml', '2023-01-01', 'b')), true);
    assert.equal(supersedes(record('ctgov-xml', '2023-01-01', 'b'), record('ctgov-v2', '2023-01-01', 'a')), false);
    const x = record('ctgov-v2', '2023-01-01', 'x');
    const y = record('ctgov-v2', '2023-01-01', 'y');
    assert.notEqual(supersedes(x, y), supersedes(y, x));
  });
  it('never replaces a record with identical content', () => {
    assert.equal(supersedes(record('ctgov-v2', '2024-01-01', 'same'), record('ctgov-xml', '2020-01-01', 'same')), false);
  });
});
