/**
 * Which migrator errors count as another schema vanishing mid-read (retried) and which are real (reported). The errors
 * are shaped as pg raises them; the race itself is exercised by the PostgreSQL suites, where tests drop their schemas
 * while others migrate.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isOtherSchemaRace } from './migrate.ts';

function pgError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('isOtherSchemaRace', () => {
  it('retries a table or schema of another schema that vanished while Kysely read the catalogue', () => {
    assert.equal(isOtherSchemaRace(pgError('42P01', 'relation "test_e0ea90d5da43.editorial_versions" does not exist'), 'test_1'), true);
    assert.equal(isOtherSchemaRace(pgError('3F000', 'schema "test_e0ea90d5da43" does not exist'), 'test_1'), true);
    assert.equal(isOtherSchemaRace(pgError('42P01', 'relation "test_10.trials" does not exist'), 'test_1'), true);
  });

  it('reports the same errors when they name our own schema', () => {
    assert.equal(isOtherSchemaRace(pgError('42P01', 'relation "test_1.trials" does not exist'), 'test_1'), false);
    assert.equal(isOtherSchemaRace(pgError('3F000', 'schema "test_1" does not exist'), 'test_1'), false);
  });

  it('reports any other error', () => {
    assert.equal(isOtherSchemaRace(pgError('42601', 'syntax error at or near "x"'), 'test_1'), false);
    assert.equal(isOtherSchemaRace('not an error', 'test_1'), false);
  });
});
