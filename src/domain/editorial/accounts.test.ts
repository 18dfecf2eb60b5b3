import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidInput } from '../errors.ts';
import { checkDisplayName, checkNewPassword, normaliseEmail, parseRole, PASSWORD_MIN_LENGTH } from './accounts.ts';

const refusal = (field: string) => (error: unknown) => error instanceof InvalidInput && error.field === field;

describe('account rules', () => {
  it('normalises an email address and refuses what is not one', () => {
    assert.equal(normaliseEmail('  Ann.Smith@Example.ORG '), 'ann.smith@example.org');
    for (const bad of ['', 'ann', 'ann@', '@example.org', 'ann@example', 'a b@example.org', `${'a'.repeat(250)}@example.org`, 'ann\u0000@example.org']) {
      assert.throws(() => normaliseEmail(bad), refusal('email'), JSON.stringify(bad));
    }
  });

  it('keeps any name a person gives, markup included (it is escaped when shown), but not control characters', () => {
    assert.equal(checkDisplayName('  <b>Ann</b> O’Brien  '), '<b>Ann</b> O’Brien');
    assert.throws(() => checkDisplayName('   '), refusal('displayName'));
    assert.throws(() => checkDisplayName('Ann\nSmith'), refusal('displayName'));
    assert.throws(() => checkDisplayName('x'.repeat(101)), refusal('displayName'));
  });

  it('reads the three roles and nothing else', () => {
    assert.equal(parseRole('reviewer'), 'reviewer');
    assert.throws(() => parseRole('superuser'), refusal('role'));
    assert.throws(() => parseRole('Admin'), refusal('role'));
  });

  it('asks for at least 12 characters, at most 256, and not the email address', () => {
    assert.equal(checkNewPassword('correct horse', 'ann@example.org'), 'correct horse');
    assert.throws(() => checkNewPassword('x'.repeat(PASSWORD_MIN_LENGTH - 1), 'ann@example.org'), refusal('password'));
    assert.throws(() => checkNewPassword('x'.repeat(257), 'ann@example.org'), refusal('password'));
    assert.throws(() => checkNewPassword('Ann@Example.org', 'ann@example.org'), refusal('password'));
    // Length counts characters, not UTF-16 units: eleven emoji are eleven characters.
    assert.throws(() => checkNewPassword('☂'.repeat(11), 'ann@example.org'), refusal('password'));
  });
});
